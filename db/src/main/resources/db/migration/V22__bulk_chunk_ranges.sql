-- A bulk job's chunks become rows of their own. Each covers a range of item positions, and a thread
-- takes the next chunk that is not done and that no other transaction has locked (FOR UPDATE SKIP LOCKED).
-- Threads used to take the next PENDING items through an index on (job_id, outcome, position), so
-- marking each of a chunk's 1,000 items moved it in that index: the largest single cost of a chunk in
-- MariaDB's slow log. Without that index an item's outcome is updated in its row alone.
CREATE TABLE bulk_consent_chunk (
    job_id          BIGINT       NOT NULL,
    first_position  INT          NOT NULL,
    last_position   INT          NOT NULL,
    -- When the chunk's transaction committed; NULL while any of its items may be PENDING.
    done_at         DATETIME(6)  NULL,
    PRIMARY KEY (job_id, first_position),
    CONSTRAINT fk_bulk_consent_chunk_job FOREIGN KEY (job_id) REFERENCES bulk_consent_job (id),
    CONSTRAINT ck_bulk_consent_chunk_range CHECK (first_position BETWEEN 1 AND last_position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Jobs that still have PENDING items get chunks for them, 1,000 positions each. A chunk done only in
-- part processes its PENDING items alone. Finished parts of a job need no chunk rows.
INSERT INTO bulk_consent_chunk (job_id, first_position, last_position)
SELECT job_id, MIN(position), MAX(position)
FROM bulk_consent_item
WHERE outcome = 'PENDING'
GROUP BY job_id, (position - 1) DIV 1000;

ALTER TABLE bulk_consent_item DROP KEY ix_bulk_consent_item_outcome;
