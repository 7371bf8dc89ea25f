-- The messenger widget: its workspace settings, the anonymous visitors it turned into leads, and the
-- request counters that rate-limit its public endpoints across all app instances.

-- The single row has id 1. The first instance that reads the settings fills in both keys, so every instance signs and
-- checks with the same ones.
CREATE TABLE messenger_settings (
    id               TINYINT       NOT NULL,
    -- Origins such as https://shop.example, one per line, that may embed the widget.
    allowed_origins  TEXT          NOT NULL,
    -- Hex key that embedding sites use to compute the HMAC-SHA256 user_hash of an identified user.
    identity_secret  VARCHAR(128)  NOT NULL,
    -- Base64 key that signs messenger tokens; never shown, never logged.
    signing_key      VARCHAR(128)  NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_messenger_settings_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An anonymous visitor id that the widget keeps in the embedding site's localStorage, and the lead
-- created for it, so that the visitor finds the same conversation on the next visit.
CREATE TABLE messenger_visitor (
    visitor_id   VARCHAR(64)  NOT NULL,
    contact_id   BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (visitor_id),
    KEY ix_messenger_visitor_contact (contact_id),
    CONSTRAINT fk_messenger_visitor_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Requests per key (such as "ip:203.0.113.7" or "visitor:...") in fixed one-minute windows. Every instance
-- counts in the same rows, so a limit holds however many instances serve the requests.
CREATE TABLE messenger_rate_window (
    bucket        VARCHAR(160)  NOT NULL,
    -- Start of the window in epoch seconds, a multiple of the window length.
    window_start  BIGINT        NOT NULL,
    hits          INT           NOT NULL,
    PRIMARY KEY (bucket, window_start),
    KEY ix_messenger_rate_window_start (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
