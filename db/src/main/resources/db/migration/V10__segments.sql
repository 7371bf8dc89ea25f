-- Segments: saved contact filters in the contacts search language (Intercom's query JSON).

CREATE TABLE segment (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(120)  NOT NULL,
    -- The query as Intercom's search JSON; NULL matches every contact.
    conditions  LONGTEXT      NULL,
    created_by  VARCHAR(254)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_segment_name (name),
    CONSTRAINT ck_segment_conditions CHECK (conditions IS NULL OR JSON_VALID(conditions))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
