-- Inbound SMS handling: which stored messages were acted on, and one row per number to serialize the
-- handling of messages from the same number.

-- When the message's keyword or review was acted on. A webhook delivered again for a message whose
-- handling failed after it was stored finds it unset and handles it then; a set value means the
-- repeat does nothing.
ALTER TABLE sms_inbound ADD COLUMN handled_at DATETIME(6) NULL AFTER received_at;

-- Locked (SELECT ... FOR UPDATE through an upsert) by the transaction that handles a message from the
-- number, so that two messages from one number are handled one after the other. Transactions run at
-- READ COMMITTED, which takes no gap locks, so a lock needs a row that exists.
CREATE TABLE sms_number_lock (
    phone  VARCHAR(16)  NOT NULL,
    PRIMARY KEY (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
