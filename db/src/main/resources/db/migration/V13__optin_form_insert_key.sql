-- The random key that the composer rendered for one insert. An insert that repeats a key already
-- stored for the conversation (a double-click or a retried request) finds the earlier form and adds
-- nothing. Rows stored before this column existed keep null, which the unique key allows many times.
ALTER TABLE optin_form
    ADD COLUMN insert_key VARCHAR(64) NULL AFTER created_by,
    ADD UNIQUE KEY uk_optin_form_insert_key (conversation_id, insert_key);
