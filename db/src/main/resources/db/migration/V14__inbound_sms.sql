-- Inbound SMS: the messages customers send, the keywords that change their consent, the answers
-- Optline texts back, numbers that texted STOP, pending double opt-ins, and the evidence that links a
-- consent event to the text that caused it.

-- Every inbound message as received, whatever its sender. One row per provider message id, so a
-- webhook that the provider delivers twice is stored and acted on once.
CREATE TABLE sms_inbound (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    -- 'twilio' or 'generic' (the plain JSON webhook).
    provider              VARCHAR(16)    NOT NULL,
    provider_message_id   VARCHAR(64)    NOT NULL,
    -- The sender as the provider gave it: a number in any format or an alphanumeric sender id.
    from_raw              VARCHAR(64)    NOT NULL,
    -- The sender in E.164 form, or NULL when it is not a valid phone number (alphanumeric senders).
    from_number           VARCHAR(16)    NULL,
    to_number             VARCHAR(64)    NULL,
    body                  TEXT           NOT NULL,
    received_at           DATETIME(6)    NOT NULL,
    -- What Optline took the message for (InboundKind): OPT_OUT, OPT_IN, HELP, CONFIRM, REVIEW, MESSAGE, IGNORED.
    kind                  VARCHAR(8)     NOT NULL,
    -- The keyword it matched, normalized (upper case, no accents, inner spaces kept), and its language.
    keyword               VARCHAR(40)    NULL,
    keyword_locale        VARCHAR(35)    NULL,
    -- The helpdesk conversation a MESSAGE was added to.
    conversation_id       BIGINT         NULL,
    conversation_part_id  BIGINT         NULL,
    -- The agent review of a message that reads like a request to stop: OPEN, then OPTED_OUT or DISMISSED.
    review_state          VARCHAR(10)    NULL,
    reviewed_by           VARCHAR(254)   NULL,
    reviewed_at           DATETIME(6)    NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sms_inbound_provider_message (provider, provider_message_id),
    KEY ix_sms_inbound_from (from_number, received_at),
    KEY ix_sms_inbound_review (review_state, received_at),
    CONSTRAINT ck_sms_inbound_kind CHECK (kind IN ('OPT_OUT', 'OPT_IN', 'HELP', 'CONFIRM', 'REVIEW', 'MESSAGE', 'IGNORED')),
    CONSTRAINT ck_sms_inbound_review CHECK (review_state IS NULL OR review_state IN ('OPEN', 'OPTED_OUT', 'DISMISSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The keywords, stored normalized. Built-in words (the compliance list) cannot be removed; an admin
-- adds and removes the others.
CREATE TABLE sms_keyword (
    word        VARCHAR(40)   NOT NULL,
    -- OPT_OUT, OPT_IN or HELP.
    kind        VARCHAR(8)    NOT NULL,
    -- The language of the word, for the answer: 'en', 'fr', ...
    locale      VARCHAR(35)   NOT NULL,
    built_in    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by  VARCHAR(254)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (word),
    CONSTRAINT ck_sms_keyword_kind CHECK (kind IN ('OPT_OUT', 'OPT_IN', 'HELP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO sms_keyword (word, kind, locale, built_in, created_by, created_at) VALUES
    ('STOP', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('STOPALL', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('STOP ALL', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('UNSUBSCRIBE', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('CANCEL', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('END', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('QUIT', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('REVOKE', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('OPTOUT', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('OPT OUT', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('EXIT', 'OPT_OUT', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('START', 'OPT_IN', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('UNSTOP', 'OPT_IN', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('YES', 'OPT_IN', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('SUBSCRIBE', 'OPT_IN', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('RESTART', 'OPT_IN', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('RESUBSCRIBE', 'OPT_IN', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('HELP', 'HELP', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('INFO', 'HELP', 'en', TRUE, 'optline', UTC_TIMESTAMP(6)),
    ('ARRET', 'OPT_OUT', 'fr', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('AIDE', 'HELP', 'fr', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('STOPP', 'OPT_OUT', 'de', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('ABMELDEN', 'OPT_OUT', 'de', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('HILFE', 'HELP', 'de', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('BAJA', 'OPT_OUT', 'es', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('ALTO', 'OPT_OUT', 'es', FALSE, 'optline', UTC_TIMESTAMP(6)),
    ('AYUDA', 'HELP', 'es', FALSE, 'optline', UTC_TIMESTAMP(6));

-- The workspace's SMS program, named in the answers to keywords. One row, id 1.
CREATE TABLE sms_settings (
    id                 TINYINT        NOT NULL,
    business_name      VARCHAR(100)   NOT NULL,
    support_contact    VARCHAR(160)   NOT NULL,
    -- How often the program texts, for the opt-in confirmation: "Msg frequency varies".
    message_frequency  VARCHAR(100)   NOT NULL,
    -- What a STOP opts out of: ALL_SMS (every SMS subscription, the default) or LAST_SENT_TYPE (only
    -- the subscription of the latest message sent to the number; a deliberate setting).
    stop_scope         VARCHAR(16)    NOT NULL DEFAULT 'ALL_SMS',
    updated_by         VARCHAR(254)   NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_sms_settings_single CHECK (id = 1),
    CONSTRAINT ck_sms_settings_scope CHECK (stop_scope IN ('ALL_SMS', 'LAST_SENT_TYPE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO sms_settings (id, business_name, support_contact, message_frequency, stop_scope, updated_by, updated_at)
    VALUES (1, 'Optline', 'the website of the business', 'Msg frequency varies', 'ALL_SMS', 'optline',
            UTC_TIMESTAMP(6));

-- The answers Optline texts (ReplyKind: OPT_OUT, OPT_IN, HELP, DOUBLE_OPT_IN), as edited by an admin
-- per locale. Without a row the built-in translation is used.
CREATE TABLE sms_reply_text (
    kind        VARCHAR(16)    NOT NULL,
    locale      VARCHAR(35)    NOT NULL,
    text        VARCHAR(480)   NOT NULL,
    updated_by  VARCHAR(254)   NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (kind, locale)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Single texts Optline sends outside a campaign: answers to keywords, double opt-in requests and agent
-- replies in SMS conversations. Written in the transaction of what caused them, then claimed and sent
-- by one instance like the recipients of a send.
CREATE TABLE sms_notice (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    -- NoticeKind: OPT_OUT, OPT_IN, HELP, DOUBLE_OPT_IN, AGENT_REPLY.
    kind                  VARCHAR(16)    NOT NULL,
    to_number             VARCHAR(16)    NOT NULL,
    contact_id            BIGINT         NULL,
    body                  TEXT           NOT NULL,
    -- The inbound message it answers; one answer of a kind per inbound message.
    inbound_id            BIGINT         NULL,
    conversation_part_id  BIGINT         NULL,
    -- PENDING -> SENDING -> SENT or FAILED; PENDING waits until not_before after a retryable error.
    state                 VARCHAR(8)     NOT NULL DEFAULT 'PENDING',
    not_before            DATETIME(6)    NOT NULL,
    attempts              INT            NOT NULL DEFAULT 0,
    lease_owner           VARCHAR(100)   NULL,
    lease_expires_at      DATETIME(6)    NULL,
    gateway_call_at       DATETIME(6)    NULL,
    idempotency_key       VARCHAR(64)    NOT NULL,
    provider_message_id   VARCHAR(64)    NULL,
    detail                VARCHAR(500)   NULL,
    created_at            DATETIME(6)    NOT NULL,
    sent_at               DATETIME(6)    NULL,
    updated_at            DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sms_notice_idempotency (idempotency_key),
    UNIQUE KEY uk_sms_notice_answer (inbound_id, kind),
    KEY ix_sms_notice_due (state, not_before),
    KEY ix_sms_notice_provider (provider_message_id),
    CONSTRAINT fk_sms_notice_inbound FOREIGN KEY (inbound_id) REFERENCES sms_inbound (id),
    CONSTRAINT ck_sms_notice_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Numbers that texted an opt-out keyword and have not texted an opt-in keyword since. A repeated STOP
-- from such a number changes nothing and is not answered; agents cannot text it.
CREATE TABLE sms_number_block (
    phone            VARCHAR(16)    NOT NULL,
    -- SMS_KEYWORD or CARRIER.
    source           VARCHAR(24)    NOT NULL,
    inbound_id       BIGINT         NULL,
    blocked_at       DATETIME(6)    NOT NULL,
    PRIMARY KEY (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Double opt-in: a type may ask each new opt-in to be confirmed by a YES reply.
ALTER TABLE subscription_type ADD COLUMN double_opt_in BOOLEAN NOT NULL DEFAULT FALSE AFTER consent_type;

-- Opt-ins waiting for the customer's YES, with the evidence of the request, which the opt-in event
-- takes over when the YES arrives.
CREATE TABLE consent_pending (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    contact_id            BIGINT         NOT NULL,
    subscription_type_id  BIGINT         NOT NULL,
    phone                 VARCHAR(16)    NOT NULL,
    -- PENDING, then CONFIRMED, EXPIRED (no YES within 30 days) or CANCELLED (the contact opted out).
    state                 VARCHAR(10)    NOT NULL,
    requested_at          DATETIME(6)    NOT NULL,
    expires_at            DATETIME(6)    NOT NULL,
    -- When the confirmation SMS was last asked for; a repeated request soon after sends no second one.
    confirmation_sent_at  DATETIME(6)    NULL,
    source                VARCHAR(24)    NOT NULL,
    actor_kind            VARCHAR(16)    NOT NULL,
    actor_id              VARCHAR(254)   NULL,
    ip_address            VARCHAR(45)    NULL,
    user_agent            VARCHAR(512)   NULL,
    conversation_id       BIGINT         NULL,
    message_id            BIGINT         NULL,
    consent_text_id       BIGINT         NULL,
    resolved_at           DATETIME(6)    NULL,
    -- The opt-in event that the YES recorded: consent_event (contact_id, confirmed_event_seq).
    confirmed_event_seq   INT            NULL,
    PRIMARY KEY (id),
    KEY ix_consent_pending_contact (contact_id, subscription_type_id, state),
    KEY ix_consent_pending_phone (phone, state),
    CONSTRAINT fk_consent_pending_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT fk_consent_pending_type FOREIGN KEY (subscription_type_id) REFERENCES subscription_type (id),
    CONSTRAINT fk_consent_pending_text FOREIGN KEY (consent_text_id) REFERENCES consent_text (id),
    CONSTRAINT ck_consent_pending_state CHECK (state IN ('PENDING', 'CONFIRMED', 'EXPIRED', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The keyword and the inbound message of an SMS_KEYWORD or SMS_CONFIRMATION event. Both are hashed
-- into the chain when set (ConsentHashes, format v2); events without them keep their v1 hashes.
ALTER TABLE consent_event
    ADD COLUMN keyword VARCHAR(40) NULL AFTER consent_text_id,
    ADD COLUMN inbound_sms_id BIGINT NULL AFTER keyword;
