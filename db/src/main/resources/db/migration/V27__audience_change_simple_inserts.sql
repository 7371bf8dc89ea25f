-- The update triggers of V23 wrote their change rows with INSERT ... SELECT, which InnoDB treats as a
-- bulk insert. With innodb_autoinc_lock_mode=1, MariaDB's default, a bulk insert holds a table lock on
-- audience_change's AUTO_INCREMENT until its statement ends, and every other insert into the table
-- waits for it. Under 64 concurrent opt-in form submissions most of them queued there (seen in
-- information_schema.innodb_locks). An INSERT ... VALUES takes a short mutex instead. Galera requires
-- innodb_autoinc_lock_mode=2, where neither kind waits. The rows written are the same as before: one
-- when the key is unchanged, two when an update changes it.
DROP TRIGGER tr_contact_audience_update;
CREATE TRIGGER tr_contact_audience_update AFTER UPDATE ON contact
    FOR EACH ROW
BEGIN
    IF NEW.id <=> OLD.id THEN
        INSERT INTO audience_change (contact_id) VALUES (NEW.id);
    ELSE
        INSERT INTO audience_change (contact_id) VALUES (NEW.id), (OLD.id);
    END IF;
END;

DROP TRIGGER tr_consent_state_audience_update;
CREATE TRIGGER tr_consent_state_audience_update AFTER UPDATE ON consent_state
    FOR EACH ROW
BEGIN
    IF NEW.contact_id <=> OLD.contact_id THEN
        INSERT INTO audience_change (contact_id) VALUES (NEW.contact_id);
    ELSE
        INSERT INTO audience_change (contact_id) VALUES (NEW.contact_id), (OLD.contact_id);
    END IF;
END;

DROP TRIGGER tr_sms_number_block_audience_update;
CREATE TRIGGER tr_sms_number_block_audience_update AFTER UPDATE ON sms_number_block
    FOR EACH ROW
BEGIN
    IF NEW.phone <=> OLD.phone THEN
        INSERT INTO audience_change (phone) VALUES (NEW.phone);
    ELSE
        INSERT INTO audience_change (phone) VALUES (NEW.phone), (OLD.phone);
    END IF;
END;
