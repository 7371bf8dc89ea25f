-- Each instance keeps the facts that audience counts read (contact columns, consent states, blocked
-- numbers) in memory, and learns what other instances and direct SQL changed from this table. A
-- trigger adds a row in the same transaction as the change, so a row becomes visible when the change
-- commits, whoever made it. A row names the changed contact or the changed number only: the reader
-- reads the current rows again, so applying a row twice does no harm. Decision record 0021 says how
-- instances read it and when rows are deleted.
CREATE TABLE audience_change (
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    contact_id  BIGINT       NULL,
    phone       VARCHAR(16)  NULL,
    changed_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (seq),
    KEY ix_audience_change_changed_at (changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER tr_contact_audience_insert AFTER INSERT ON contact
    FOR EACH ROW INSERT INTO audience_change (contact_id) VALUES (NEW.id);
-- An update that changes a key names both the old and the new one (UNION writes one row when they are equal).
CREATE TRIGGER tr_contact_audience_update AFTER UPDATE ON contact
    FOR EACH ROW INSERT INTO audience_change (contact_id) SELECT NEW.id UNION SELECT OLD.id;
CREATE TRIGGER tr_contact_audience_delete AFTER DELETE ON contact
    FOR EACH ROW INSERT INTO audience_change (contact_id) VALUES (OLD.id);

CREATE TRIGGER tr_consent_state_audience_insert AFTER INSERT ON consent_state
    FOR EACH ROW INSERT INTO audience_change (contact_id) VALUES (NEW.contact_id);
CREATE TRIGGER tr_consent_state_audience_update AFTER UPDATE ON consent_state
    FOR EACH ROW INSERT INTO audience_change (contact_id) SELECT NEW.contact_id UNION SELECT OLD.contact_id;
CREATE TRIGGER tr_consent_state_audience_delete AFTER DELETE ON consent_state
    FOR EACH ROW INSERT INTO audience_change (contact_id) VALUES (OLD.contact_id);

CREATE TRIGGER tr_sms_number_block_audience_insert AFTER INSERT ON sms_number_block
    FOR EACH ROW INSERT INTO audience_change (phone) VALUES (NEW.phone);
CREATE TRIGGER tr_sms_number_block_audience_update AFTER UPDATE ON sms_number_block
    FOR EACH ROW INSERT INTO audience_change (phone) SELECT NEW.phone UNION SELECT OLD.phone;
CREATE TRIGGER tr_sms_number_block_audience_delete AFTER DELETE ON sms_number_block
    FOR EACH ROW INSERT INTO audience_change (phone) VALUES (OLD.phone);
