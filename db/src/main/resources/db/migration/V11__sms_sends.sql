-- Outbound SMS: a send is a job in the database, and each of its recipients is a row that exactly one
-- app instance at a time may claim, so that every recipient gets the message once even when several
-- instances run the send and one of them dies halfway.

CREATE TABLE sms_send (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    subscription_type_id  BIGINT         NOT NULL,
    -- The segment the audience was narrowed to; NULL for every contact reachable under the type.
    segment_id            BIGINT         NULL,
    -- The message as composed, with {{...}} placeholders; the opt-out text and link are appended per recipient.
    body                  TEXT           NOT NULL,
    created_by            VARCHAR(254)   NOT NULL,
    created_at            DATETIME(6)    NOT NULL,
    -- When sending may start (UTC); equal to created_at for "send now".
    scheduled_at          DATETIME(6)    NOT NULL,
    -- SCHEDULED, then LISTING (recipients being written), SENDING, DONE; CANCELLED before it started.
    state                 VARCHAR(10)    NOT NULL,
    -- The last contact id written as a recipient, so that listing continues after a crash.
    listed_after          BIGINT         NOT NULL DEFAULT 0,
    recipient_count       INT            NOT NULL DEFAULT 0,
    -- The instance listing the recipients and until when its claim is valid (database time, UTC).
    lease_owner           VARCHAR(100)   NULL,
    lease_expires_at      DATETIME(6)    NULL,
    started_at            DATETIME(6)    NULL,
    finished_at           DATETIME(6)    NULL,
    version               BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_sms_send_state (state, scheduled_at),
    CONSTRAINT fk_sms_send_type FOREIGN KEY (subscription_type_id) REFERENCES subscription_type (id),
    CONSTRAINT ck_sms_send_state CHECK (state IN ('SCHEDULED', 'LISTING', 'SENDING', 'DONE', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per recipient of a send. The primary key makes a second row for the same contact impossible.
CREATE TABLE sms_recipient (
    send_id               BIGINT         NOT NULL,
    contact_id            BIGINT         NOT NULL,
    -- PENDING -> SENDING -> SENT, FAILED or SKIPPED; HELD (quiet hours) and PENDING after a retryable
    -- gateway error wait until not_before.
    state                 VARCHAR(8)     NOT NULL DEFAULT 'PENDING',
    not_before            DATETIME(6)    NOT NULL,
    -- Why a row is SKIPPED, HELD or FAILED (RecipientReason), with details for the admin.
    reason                VARCHAR(24)    NULL,
    detail                VARCHAR(500)   NULL,
    attempts              INT            NOT NULL DEFAULT 0,
    -- The instance that claimed the row for sending and until when (database time, UTC). A SENDING row
    -- whose lease expired belongs to an instance that died or ran out of time.
    lease_owner           VARCHAR(100)   NULL,
    lease_expires_at      DATETIME(6)    NULL,
    -- Set just before the gateway call and cleared with the outcome. A SENDING row with an expired lease
    -- and this unset never reached the gateway, so it is sent again without doubt.
    gateway_call_at       DATETIME(6)    NULL,
    -- Given to the gateway with every attempt for this row, so a gateway that deduplicates sends once.
    idempotency_key       VARCHAR(64)    NOT NULL,
    provider_message_id   VARCHAR(64)    NULL,
    -- The number the message went to, masked to its last four digits.
    masked_phone          VARCHAR(20)    NULL,
    sent_at               DATETIME(6)    NULL,
    updated_at            DATETIME(6)    NOT NULL,
    PRIMARY KEY (send_id, contact_id),
    UNIQUE KEY uk_sms_recipient_idempotency (idempotency_key),
    KEY ix_sms_recipient_due (state, not_before),
    KEY ix_sms_recipient_lease (state, lease_expires_at),
    CONSTRAINT fk_sms_recipient_send FOREIGN KEY (send_id) REFERENCES sms_send (id),
    CONSTRAINT fk_sms_recipient_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT ck_sms_recipient_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'HELD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The sandbox gateway's outbox: messages that were "sent" without leaving Optline. One row per
-- idempotency key, so a message sent again after a crash is stored once.
CREATE TABLE sms_outbox (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    idempotency_key       VARCHAR(64)    NOT NULL,
    to_number             VARCHAR(16)    NOT NULL,
    body                  TEXT           NOT NULL,
    created_at            DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sms_outbox_idempotency (idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
