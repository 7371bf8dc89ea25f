-- Bulk consent jobs: an admin's "Subscribe users" or "Unsubscribe users" over many contacts, run in the
-- background by whichever app instance claims the job, in chunks that commit together with their events.

CREATE TABLE bulk_consent_job (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    subscription_type_id  BIGINT         NOT NULL,
    action                VARCHAR(8)     NOT NULL,
    -- How the contacts were chosen: LISTED (ids picked one by one) or MATCHING (query_json).
    selection             VARCHAR(8)     NOT NULL,
    -- The contact search in Intercom's query language, as JSON text, for MATCHING jobs.
    query_json            LONGTEXT       NULL,
    -- Recorded in every opt-in event of the job; it lets the job opt in contacts who opted out themselves.
    override_reason       VARCHAR(500)   NULL,
    -- Who created the job (an account email or api-token:<id>) and what kind of actor that is.
    created_by            VARCHAR(254)   NOT NULL,
    actor_kind            VARCHAR(16)    NOT NULL,
    created_at            DATETIME(6)    NOT NULL,
    state                 VARCHAR(8)     NOT NULL,
    total_count           INT            NOT NULL,
    changed_count         INT            NOT NULL DEFAULT 0,
    already_count         INT            NOT NULL DEFAULT 0,
    refused_count         INT            NOT NULL DEFAULT 0,
    -- The instance working on the job and until when its claim is valid (database time, UTC). Another
    -- instance may claim a RUNNING job whose lease has expired or was released.
    lease_owner           VARCHAR(100)   NULL,
    lease_expires_at      DATETIME(6)    NULL,
    -- The number of chunks that failed in a row, and the last error; the job becomes FAILED after five.
    failed_attempts       INT            NOT NULL DEFAULT 0,
    failure               VARCHAR(1000)  NULL,
    started_at            DATETIME(6)    NULL,
    finished_at           DATETIME(6)    NULL,
    version               BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_bulk_consent_job_state (state, lease_expires_at),
    CONSTRAINT fk_bulk_consent_job_type FOREIGN KEY (subscription_type_id) REFERENCES subscription_type (id),
    CONSTRAINT ck_bulk_consent_job_action CHECK (action IN ('OPT_IN', 'OPT_OUT')),
    CONSTRAINT ck_bulk_consent_job_selection CHECK (selection IN ('LISTED', 'MATCHING')),
    CONSTRAINT ck_bulk_consent_job_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_bulk_consent_job_query CHECK (query_json IS NULL OR JSON_VALID(query_json))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The contacts of a job, fixed when the job is created, and what became of each.
CREATE TABLE bulk_consent_item (
    job_id           BIGINT        NOT NULL,
    contact_id       BIGINT        NOT NULL,
    -- 1, 2, 3, ... in contact id order, the order the job processes them in.
    position         INT           NOT NULL,
    outcome          VARCHAR(8)    NOT NULL DEFAULT 'PENDING',
    -- For REFUSED items: the rule (ConsentOutcome.RefusalReason) and its message.
    refusal_reason   VARCHAR(32)   NULL,
    refusal_message  VARCHAR(500)  NULL,
    processed_at     DATETIME(6)   NULL,
    PRIMARY KEY (job_id, contact_id),
    UNIQUE KEY uk_bulk_consent_item_position (job_id, position),
    KEY ix_bulk_consent_item_outcome (job_id, outcome, position),
    CONSTRAINT fk_bulk_consent_item_job FOREIGN KEY (job_id) REFERENCES bulk_consent_job (id),
    CONSTRAINT fk_bulk_consent_item_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT ck_bulk_consent_item_outcome CHECK (outcome IN ('PENDING', 'CHANGED', 'ALREADY', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every event a job recorded points at the job.
ALTER TABLE consent_event
    ADD KEY ix_consent_event_bulk_job (bulk_job_id),
    ADD CONSTRAINT fk_consent_event_bulk_job FOREIGN KEY (bulk_job_id) REFERENCES bulk_consent_job (id);
