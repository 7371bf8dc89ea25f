-- One message per number and send: contacts that share a number (a family phone, a lead and a user that
-- were never merged) would otherwise each get a copy. The first recipient of a send to reach the gateway
-- with a number claims it here; the others with that number are skipped.
CREATE TABLE sms_send_phone (
    send_id     BIGINT        NOT NULL,
    phone       VARCHAR(16)   NOT NULL,
    contact_id  BIGINT        NOT NULL,
    claimed_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (send_id, phone),
    CONSTRAINT fk_sms_send_phone_send FOREIGN KEY (send_id) REFERENCES sms_send (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
