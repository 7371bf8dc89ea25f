-- Double opt-in in the opt-in form: whether a submission's opt-in waits for the customer's YES by text,
-- so that the form keeps telling the customer to check their phone instead of confirming the opt-in.
ALTER TABLE optin_form_submission
    ADD COLUMN awaiting_confirmation BOOLEAN NOT NULL DEFAULT FALSE AFTER consent_event_seq;
