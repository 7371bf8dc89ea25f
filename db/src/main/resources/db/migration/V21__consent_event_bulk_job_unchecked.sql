-- A bulk job records its chunks on several threads at once. Each chunk inserts events that name the
-- job, and the foreign key check took a shared lock on the job row for every insert. Each chunk then
-- updates that row's counts, so two chunks holding shared locks each waited for the other's: a deadlock
-- on nearly every pair of chunks. Jobs are never deleted, and bulk_job_id is written only by the bulk
-- worker from the job it holds, so the constraint is dropped. The index stays for lookups by job.
ALTER TABLE consent_event DROP FOREIGN KEY fk_consent_event_bulk_job;
