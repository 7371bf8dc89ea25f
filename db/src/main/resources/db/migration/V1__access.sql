-- Accounts of admins and agents, and API access tokens.
-- All times are UTC, stored as DATETIME(6) because TIMESTAMP ends in 2038.

CREATE TABLE app_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    -- Sessions that signed in before this time are ended, so a new password locks out old sessions.
    password_changed_at DATETIME(6) NOT NULL,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    disabled        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_email (email),
    CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'AGENT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only the SHA-256 of a token is stored. The hint is its last four characters,
-- enough for an admin to tell tokens apart and useless to an attacker.
CREATE TABLE api_token (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    name            VARCHAR(100) NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    token_hint      VARCHAR(8)   NOT NULL,
    created_by      VARCHAR(254) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_used_at    DATETIME(6)  NULL,
    revoked_at      DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_api_token_hash (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
