-- A claim now looks for expired leases one send at a time, through the claim index on (send_id,
-- state, ...), where a send's SENDING rows are the few batches in flight. The lease index on (state,
-- lease_expires_at) changed with every claim and every outcome, which cost a send time for each
-- message, and no query needs it any more.
ALTER TABLE sms_recipient DROP KEY ix_sms_recipient_lease;
