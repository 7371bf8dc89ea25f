-- Personal links to the SMS preference center. Only a SHA-256 hash of each link's token is stored, so
-- a copy of the database does not open anyone's preferences; a link is looked up by that hash.
CREATE TABLE preference_link (
    -- SHA-256 of the token's URL-safe Base64 text as it appears in /p/{token}.
    token_hash  BINARY(32)   NOT NULL,
    contact_id  BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_preference_link_contact (contact_id),
    KEY ix_preference_link_expires (expires_at),
    CONSTRAINT fk_preference_link_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
