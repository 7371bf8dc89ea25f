-- Double opt-in in the opt-in form and carrier reports on sent messages.

-- Whether a form submission's opt-in waits for the customer's YES by text, so that the form keeps telling
-- the customer to check their phone instead of confirming the opt-in.
ALTER TABLE optin_form_submission
    ADD COLUMN awaiting_confirmation BOOLEAN NOT NULL DEFAULT FALSE AFTER consent_event_seq;

-- Twilio's status callbacks name the message by its sid; this finds the campaign message it reports on.
ALTER TABLE sms_recipient ADD KEY ix_sms_recipient_provider (provider_message_id);
