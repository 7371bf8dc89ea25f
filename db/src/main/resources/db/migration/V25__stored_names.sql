-- One spelling for every name stored in contact, subscription_type and app_user.
--
-- The CHECK constraints of V1 to V3 compare under the tables' collation, utf8mb4_unicode_ci, which ignores
-- case, accents and trailing spaces, so they let 'lead' or 'Live ' in. JPA and the audience index read
-- these columns as Java enums and failed on such a row, and SQL counted it where Java did not.
-- contact.phone_type had no CHECK at all. This migration rewrites each value to the name it equals under
-- the collation and then replaces each CHECK by one that compares bytes, so the database rejects every
-- other spelling from now on. A contact.phone_type that equals no line type becomes NULL, which the app
-- reads as a number without a line type: invalid, and never texted. A contact.role that equals neither
-- role becomes USER.
--
-- Every value changed here is kept first in stored_value_repair, with the row it came from. Each UPDATE
-- changes only rows that still differ from a name, so the migration can run again after a failure.
-- Decision record 0022 explains why only these three tables are rewritten.

CREATE TABLE IF NOT EXISTS stored_value_repair (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    table_name    VARCHAR(64)   NOT NULL,
    column_name   VARCHAR(64)   NOT NULL,
    -- The id of the changed row in table_name.
    row_id        BIGINT        NOT NULL,
    -- The value as it was stored, and the value that replaced it, which is NULL when the column was cleared.
    stored_value  VARCHAR(255)  NOT NULL,
    new_value     VARCHAR(255)  NULL,
    repaired_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_stored_value_repair_row (table_name, row_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- subscription_type and app_user come first, because they alone can stop the migration. Their CHECK
-- constraints admitted only values that equal a name, so ELSE keeps a value only where CHECK constraints
-- were turned off. The ALTER then fails naming the constraint, before contact is touched; correct the
-- row by hand and run the migration again.

-- subscription_type: what it sends, how consent works for it, and where it is in its life.
INSERT INTO stored_value_repair (table_name, column_name, row_id, stored_value, new_value, repaired_at)
SELECT 'subscription_type', 'message_type', id, message_type,
    CASE
        WHEN message_type = 'SMS' THEN 'SMS'
        WHEN message_type = 'EMAIL' THEN 'EMAIL'
        ELSE message_type END,
    UTC_TIMESTAMP(6)
FROM subscription_type
WHERE CAST(message_type AS BINARY) NOT IN ('SMS', 'EMAIL');

UPDATE subscription_type t
JOIN stored_value_repair r ON r.table_name = 'subscription_type' AND r.column_name = 'message_type' AND r.row_id = t.id
SET t.message_type = r.new_value, t.version = t.version + 1
WHERE CAST(t.message_type AS BINARY) NOT IN ('SMS', 'EMAIL');

INSERT INTO stored_value_repair (table_name, column_name, row_id, stored_value, new_value, repaired_at)
SELECT 'subscription_type', 'consent_type', id, consent_type,
    CASE
        WHEN consent_type = 'OPT_IN' THEN 'OPT_IN'
        WHEN consent_type = 'OPT_OUT' THEN 'OPT_OUT'
        ELSE consent_type END,
    UTC_TIMESTAMP(6)
FROM subscription_type
WHERE CAST(consent_type AS BINARY) NOT IN ('OPT_IN', 'OPT_OUT');

UPDATE subscription_type t
JOIN stored_value_repair r ON r.table_name = 'subscription_type' AND r.column_name = 'consent_type' AND r.row_id = t.id
SET t.consent_type = r.new_value, t.version = t.version + 1
WHERE CAST(t.consent_type AS BINARY) NOT IN ('OPT_IN', 'OPT_OUT');

INSERT INTO stored_value_repair (table_name, column_name, row_id, stored_value, new_value, repaired_at)
SELECT 'subscription_type', 'state', id, state,
    CASE
        WHEN state = 'DRAFT' THEN 'DRAFT'
        WHEN state = 'LIVE' THEN 'LIVE'
        WHEN state = 'ARCHIVED' THEN 'ARCHIVED'
        ELSE state END,
    UTC_TIMESTAMP(6)
FROM subscription_type
WHERE CAST(state AS BINARY) NOT IN ('DRAFT', 'LIVE', 'ARCHIVED');

UPDATE subscription_type t
JOIN stored_value_repair r ON r.table_name = 'subscription_type' AND r.column_name = 'state' AND r.row_id = t.id
SET t.state = r.new_value, t.version = t.version + 1
WHERE CAST(t.state AS BINARY) NOT IN ('DRAFT', 'LIVE', 'ARCHIVED');

ALTER TABLE subscription_type
    DROP CONSTRAINT ck_subscription_type_message_type,
    DROP CONSTRAINT ck_subscription_type_consent_type,
    DROP CONSTRAINT ck_subscription_type_state,
    ADD CONSTRAINT ck_subscription_type_message_type CHECK (CAST(message_type AS BINARY) IN ('SMS', 'EMAIL')),
    ADD CONSTRAINT ck_subscription_type_consent_type CHECK (CAST(consent_type AS BINARY) IN ('OPT_IN', 'OPT_OUT')),
    ADD CONSTRAINT ck_subscription_type_state CHECK (CAST(state AS BINARY) IN ('DRAFT', 'LIVE', 'ARCHIVED'));

-- app_user: an admin or an agent.
INSERT INTO stored_value_repair (table_name, column_name, row_id, stored_value, new_value, repaired_at)
SELECT 'app_user', 'role', id, role,
    CASE
        WHEN role = 'ADMIN' THEN 'ADMIN'
        WHEN role = 'AGENT' THEN 'AGENT'
        ELSE role END,
    UTC_TIMESTAMP(6)
FROM app_user
WHERE CAST(role AS BINARY) NOT IN ('ADMIN', 'AGENT');

UPDATE app_user t
JOIN stored_value_repair r ON r.table_name = 'app_user' AND r.column_name = 'role' AND r.row_id = t.id
SET t.role = r.new_value, t.version = t.version + 1
WHERE CAST(t.role AS BINARY) NOT IN ('ADMIN', 'AGENT');

ALTER TABLE app_user
    DROP CONSTRAINT ck_app_user_role,
    ADD CONSTRAINT ck_app_user_role CHECK (CAST(role AS BINARY) IN ('ADMIN', 'AGENT'));

-- contact: the role and libphonenumber's line type of the number. Every value maps to a name or to NULL,
-- so the ALTER cannot fail.
INSERT INTO stored_value_repair (table_name, column_name, row_id, stored_value, new_value, repaired_at)
SELECT 'contact', 'role', id, role,
    CASE
        WHEN role = 'USER' THEN 'USER'
        WHEN role = 'LEAD' THEN 'LEAD'
        ELSE 'USER' END,
    UTC_TIMESTAMP(6)
FROM contact
WHERE CAST(role AS BINARY) NOT IN ('USER', 'LEAD');

UPDATE contact t
JOIN stored_value_repair r ON r.table_name = 'contact' AND r.column_name = 'role' AND r.row_id = t.id
SET t.role = r.new_value, t.version = t.version + 1
WHERE CAST(t.role AS BINARY) NOT IN ('USER', 'LEAD');

INSERT INTO stored_value_repair (table_name, column_name, row_id, stored_value, new_value, repaired_at)
SELECT 'contact', 'phone_type', id, phone_type,
    CASE
        WHEN phone_type = 'MOBILE' THEN 'MOBILE'
        WHEN phone_type = 'FIXED_LINE_OR_MOBILE' THEN 'FIXED_LINE_OR_MOBILE'
        WHEN phone_type = 'VOIP' THEN 'VOIP'
        WHEN phone_type = 'TOLL_FREE' THEN 'TOLL_FREE'
        WHEN phone_type = 'PERSONAL_NUMBER' THEN 'PERSONAL_NUMBER'
        WHEN phone_type = 'FIXED_LINE' THEN 'FIXED_LINE'
        WHEN phone_type = 'PREMIUM_RATE' THEN 'PREMIUM_RATE'
        WHEN phone_type = 'SHARED_COST' THEN 'SHARED_COST'
        WHEN phone_type = 'PAGER' THEN 'PAGER'
        WHEN phone_type = 'UAN' THEN 'UAN'
        WHEN phone_type = 'VOICEMAIL' THEN 'VOICEMAIL'
        WHEN phone_type = 'UNKNOWN' THEN 'UNKNOWN'
        ELSE NULL END,
    UTC_TIMESTAMP(6)
FROM contact
WHERE phone_type IS NOT NULL AND CAST(phone_type AS BINARY) NOT IN (
    'MOBILE', 'FIXED_LINE_OR_MOBILE', 'VOIP', 'TOLL_FREE', 'PERSONAL_NUMBER', 'FIXED_LINE',
    'PREMIUM_RATE', 'SHARED_COST', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN');

UPDATE contact t
JOIN stored_value_repair r ON r.table_name = 'contact' AND r.column_name = 'phone_type' AND r.row_id = t.id
SET t.phone_type = r.new_value, t.version = t.version + 1
WHERE t.phone_type IS NOT NULL AND CAST(t.phone_type AS BINARY) NOT IN (
    'MOBILE', 'FIXED_LINE_OR_MOBILE', 'VOIP', 'TOLL_FREE', 'PERSONAL_NUMBER', 'FIXED_LINE',
    'PREMIUM_RATE', 'SHARED_COST', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN');

-- One ALTER, so the table is copied once for the three constraints.
ALTER TABLE contact
    DROP CONSTRAINT ck_contact_role,
    ADD CONSTRAINT ck_contact_role CHECK (CAST(role AS BINARY) IN ('USER', 'LEAD')),
    ADD CONSTRAINT ck_contact_phone_type CHECK (phone_type IS NULL OR CAST(phone_type AS BINARY) IN (
        'MOBILE', 'FIXED_LINE_OR_MOBILE', 'VOIP', 'TOLL_FREE', 'PERSONAL_NUMBER', 'FIXED_LINE',
        'PREMIUM_RATE', 'SHARED_COST', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN'));
