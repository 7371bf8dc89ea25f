-- The consent record: an append-only ledger of every change of a contact's consent, a hash chain per
-- contact that makes tampering detectable, and the current state derived from it.

-- The exact texts a customer was shown when they consented, stored once per distinct content.
CREATE TABLE consent_text (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    sha256      CHAR(64)     NOT NULL,
    locale      VARCHAR(16)  NULL,
    title       TEXT         NULL,
    button      TEXT         NULL,
    legal_text  TEXT         NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_consent_text_sha256 (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE consent_event (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    contact_id            BIGINT        NOT NULL,
    -- The event's position in its contact's chain: 1, 2, 3, ...
    seq                   INT           NOT NULL,
    subscription_type_id  BIGINT        NOT NULL,
    action                VARCHAR(8)    NOT NULL,
    occurred_at           DATETIME(6)   NOT NULL,
    source                VARCHAR(24)   NOT NULL,
    actor_kind            VARCHAR(16)   NOT NULL,
    actor_id              VARCHAR(254)  NULL,
    phone                 VARCHAR(16)   NULL,
    ip_address            VARCHAR(45)   NULL,
    user_agent            VARCHAR(512)  NULL,
    conversation_id       BIGINT        NULL,
    message_id            BIGINT        NULL,
    consent_text_id       BIGINT        NULL,
    override_reason       VARCHAR(500)  NULL,
    bulk_job_id           BIGINT        NULL,
    -- SHA-256 of the contact's previous event (64 zeros for the first) and of this event.
    previous_hash         CHAR(64)      NOT NULL,
    hash                  CHAR(64)      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_consent_event_chain (contact_id, seq),
    KEY ix_consent_event_type (subscription_type_id, occurred_at),
    CONSTRAINT fk_consent_event_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT fk_consent_event_type FOREIGN KEY (subscription_type_id) REFERENCES subscription_type (id),
    CONSTRAINT fk_consent_event_text FOREIGN KEY (consent_text_id) REFERENCES consent_text (id),
    CONSTRAINT ck_consent_event_action CHECK (action IN ('OPT_IN', 'OPT_OUT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Events are never changed or removed, whoever asks: the database itself refuses.
CREATE TRIGGER consent_event_is_append_only_update BEFORE UPDATE ON consent_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_event is append-only: events are never updated';

CREATE TRIGGER consent_event_is_append_only_delete BEFORE DELETE ON consent_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_event is append-only: events are never deleted';

-- The head of each contact's chain. Appending locks this row, so concurrent changes to one contact
-- queue up instead of forking the chain.
CREATE TABLE consent_chain (
    contact_id  BIGINT    NOT NULL,
    length      INT       NOT NULL,
    head_hash   CHAR(64)  NOT NULL,
    PRIMARY KEY (contact_id),
    CONSTRAINT fk_consent_chain_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The current state per contact and type, written in the same transaction as each event.
-- No row means no explicit event: not subscribed for opt-in types, subscribed for opt-out types.
CREATE TABLE consent_state (
    contact_id            BIGINT       NOT NULL,
    subscription_type_id  BIGINT       NOT NULL,
    state                 VARCHAR(8)   NOT NULL,
    -- The latest event for this type: consent_event (contact_id, seq).
    event_seq             INT          NOT NULL,
    source                VARCHAR(24)  NOT NULL,
    actor_kind            VARCHAR(16)  NOT NULL,
    -- The number an SMS consent concerned; consent does not follow a contact to a new number.
    phone                 VARCHAR(16)  NULL,
    changed_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (contact_id, subscription_type_id),
    KEY ix_consent_state_type_state (subscription_type_id, state, contact_id),
    CONSTRAINT fk_consent_state_event FOREIGN KEY (contact_id, event_seq) REFERENCES consent_event (contact_id, seq),
    CONSTRAINT ck_consent_state_state CHECK (state IN ('OPT_IN', 'OPT_OUT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
