-- Workers claim a send's due recipients in the order of this index: one range per send and state,
-- read from its start up to the current time, so a claim reads about as many rows as it takes. The
-- index it replaces, on (state, not_before), could not return one send's due rows in (send_id,
-- contact_id) order. So each claim read more rows than it took, and more as the send went on. In the
-- 1,000,000-contact benchmark a send of 417,204 messages ran at 2,634 messages/s before this index
-- and 3,740 after, the rate of a 41,649-message send on 100,000 contacts (docs/benchmarks.md).
ALTER TABLE sms_recipient
    ADD KEY ix_sms_recipient_claim (send_id, state, not_before, contact_id),
    DROP KEY ix_sms_recipient_due;
