-- Agent replies in SMS conversations: one text per conversation part. The helpdesk queues a reply in
-- the transaction that stores it, and this key turns a second queueing of the same part into an error
-- instead of a second text to the customer. Notices of other kinds have no part, and NULLs do not collide.
ALTER TABLE sms_notice ADD UNIQUE KEY uk_sms_notice_part (conversation_part_id);
