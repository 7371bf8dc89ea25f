-- The opt-out sentence at the end of every SMS, such as "Reply STOP to opt out", per locale: for one
-- subscription type, or for the whole workspace when subscription_type_id is 0. Without a row the
-- built-in translation of the customer texts is used.
CREATE TABLE sms_opt_out_text (
    subscription_type_id  BIGINT         NOT NULL,
    locale                VARCHAR(35)    NOT NULL,
    text                  VARCHAR(160)   NOT NULL,
    updated_by            VARCHAR(254)   NOT NULL,
    updated_at            DATETIME(6)    NOT NULL,
    PRIMARY KEY (subscription_type_id, locale)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
