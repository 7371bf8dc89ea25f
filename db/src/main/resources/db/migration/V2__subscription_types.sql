-- Subscription types: what a contact may be messaged about.
-- message_type and consent_type never change after creation, and rows are
-- archived rather than deleted so that old consent records keep their meaning.

CREATE TABLE subscription_type (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    message_type    VARCHAR(8)   NOT NULL,
    consent_type    VARCHAR(8)   NOT NULL,
    state           VARCHAR(8)   NOT NULL,
    default_locale  VARCHAR(16)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    live_at         DATETIME(6)  NULL,
    archived_at     DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_subscription_type_state (state),
    CONSTRAINT ck_subscription_type_message_type CHECK (message_type IN ('SMS', 'EMAIL')),
    CONSTRAINT ck_subscription_type_consent_type CHECK (consent_type IN ('OPT_IN', 'OPT_OUT')),
    CONSTRAINT ck_subscription_type_state CHECK (state IN ('DRAFT', 'LIVE', 'ARCHIVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The customer-facing name and description, one row per locale.
-- The row whose locale equals subscription_type.default_locale is the default.
CREATE TABLE subscription_type_translation (
    subscription_type_id BIGINT       NOT NULL,
    locale               VARCHAR(16)  NOT NULL,
    name                 VARCHAR(100) NOT NULL,
    description          VARCHAR(500) NOT NULL,
    PRIMARY KEY (subscription_type_id, locale),
    CONSTRAINT fk_subscription_type_translation_type
        FOREIGN KEY (subscription_type_id) REFERENCES subscription_type (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
