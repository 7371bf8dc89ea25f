-- Contacts: the users and leads a business messages.
-- Phone numbers are stored in E.164 (+12015550142) so that every spelling of a number compares equal.

CREATE TABLE contact (
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    role                     VARCHAR(8)    NOT NULL,
    external_id              VARCHAR(255)  NULL,
    email                    VARCHAR(254)  NULL,
    phone                    VARCHAR(16)   NULL,
    -- libphonenumber's type of the number: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, ...
    phone_type               VARCHAR(24)   NULL,
    name                     VARCHAR(255)  NULL,
    avatar                   VARCHAR(2048) NULL,
    owner_id                 BIGINT        NULL,
    locale                   VARCHAR(16)   NULL,
    unsubscribed_from_emails BOOLEAN       NOT NULL DEFAULT FALSE,
    custom_attributes        LONGTEXT      NULL,
    signed_up_at             DATETIME(6)   NULL,
    last_seen_at             DATETIME(6)   NULL,
    created_at               DATETIME(6)   NOT NULL,
    updated_at               DATETIME(6)   NOT NULL,
    -- Deleted contacts are kept, because their consent records must be kept for years.
    deleted_at               DATETIME(6)   NULL,
    version                  BIGINT        NOT NULL DEFAULT 0,
    -- Uniqueness applies to contacts that are not deleted only.
    active_external_id       VARCHAR(255)  AS (IF(deleted_at IS NULL, external_id, NULL)) VIRTUAL,
    active_email             VARCHAR(254)  AS (IF(deleted_at IS NULL, email, NULL)) VIRTUAL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_contact_active_external_id (active_external_id),
    UNIQUE KEY uk_contact_active_email (active_email),
    KEY ix_contact_phone (phone),
    KEY ix_contact_created_at (created_at, id),
    CONSTRAINT ck_contact_role CHECK (role IN ('USER', 'LEAD')),
    CONSTRAINT ck_contact_custom_attributes CHECK (custom_attributes IS NULL OR JSON_VALID(custom_attributes))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Workspace-wide contact settings; the single row has id 1.
CREATE TABLE contact_settings (
    id               TINYINT     NOT NULL,
    -- ISO 3166-1 region used to read phone numbers typed without a country code.
    default_country  CHAR(2)     NOT NULL,
    updated_at       DATETIME(6) NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_contact_settings_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO contact_settings (id, default_country, updated_at) VALUES (1, 'US', UTC_TIMESTAMP(6));
