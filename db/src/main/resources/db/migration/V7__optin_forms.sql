-- The opt-in form app: the texts a form showed, each form an agent inserted into a conversation, and
-- each submission a customer sent.

-- The exact title, button and legal text of a form, stored once per distinct content and never
-- changed, so that a consent event that names a version always names what the customer read.
CREATE TABLE optin_form_version (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    -- SHA-256 of the three texts, each prefixed by its length, in hex.
    sha256      CHAR(64)      NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    button      VARCHAR(60)   NOT NULL,
    -- Sanitized HTML; empty when the form has no legal text.
    legal_html  TEXT          NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_optin_form_version_sha256 (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One form inserted into one conversation. The conversation and its part live in the helpdesk's
-- tables, which this module reaches only through the helpdesk's API, so they carry no foreign key.
CREATE TABLE optin_form (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    subscription_type_id  BIGINT        NOT NULL,
    conversation_id       BIGINT        NOT NULL,
    -- The APP part that shows the form; null only inside the transaction that inserts it.
    part_id               BIGINT        NULL,
    form_version_id       BIGINT        NOT NULL,
    created_by            VARCHAR(254)  NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_optin_form_conversation (conversation_id),
    CONSTRAINT fk_optin_form_type FOREIGN KEY (subscription_type_id) REFERENCES subscription_type (id),
    CONSTRAINT fk_optin_form_version FOREIGN KEY (form_version_id) REFERENCES optin_form_version (id),
    CONSTRAINT ck_optin_form_state CHECK (state IN ('WAITING', 'SUBMITTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A customer's submission of a form. The idempotency key comes from the rendered form, so a
-- double-click or a retried request finds the first submission instead of recording a second one.
CREATE TABLE optin_form_submission (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    form_id            BIGINT        NOT NULL,
    idempotency_key    VARCHAR(64)   NOT NULL,
    contact_id         BIGINT        NOT NULL,
    form_version_id    BIGINT        NOT NULL,
    -- The number opted in, in E.164 form; null for email subscriptions.
    phone              VARCHAR(16)   NULL,
    -- The consent event's position in the contact's chain; null when the contact already was opted in.
    consent_event_seq  INT           NULL,
    ip_address         VARCHAR(45)   NULL,
    user_agent         VARCHAR(512)  NULL,
    locale             VARCHAR(16)   NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_optin_form_submission_key (idempotency_key),
    KEY ix_optin_form_submission_form (form_id),
    CONSTRAINT fk_optin_form_submission_form FOREIGN KEY (form_id) REFERENCES optin_form (id),
    CONSTRAINT fk_optin_form_submission_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT fk_optin_form_submission_version FOREIGN KEY (form_version_id) REFERENCES optin_form_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
