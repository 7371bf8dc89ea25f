-- Helpdesk: conversations between a contact and the team, and their parts (messages, apps, events).

CREATE TABLE conversation (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    contact_id   BIGINT        NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    state        VARCHAR(8)    NOT NULL,
    -- The account email of the agent who started the conversation, or NULL when the contact started it.
    started_by   VARCHAR(254)  NULL,
    created_at   DATETIME(6)   NOT NULL,
    -- The time of the latest part or state change; the inbox sorts by it.
    updated_at   DATETIME(6)   NOT NULL,
    -- Grows with every change, new parts included, so that an agent acting on an older view gets a conflict.
    version      BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_conversation_inbox (state, updated_at, id),
    KEY ix_conversation_contact (contact_id, channel, updated_at),
    CONSTRAINT fk_conversation_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT ck_conversation_channel CHECK (channel IN ('MESSENGER', 'SMS')),
    CONSTRAINT ck_conversation_state CHECK (state IN ('OPEN', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The entries of a conversation. Parts are only ever inserted. Adding one locks its conversation row
-- first, so within one conversation ids are assigned in commit order and "parts after id N" misses none.
CREATE TABLE conversation_part (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    conversation_id  BIGINT        NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    -- The account email of the agent, or NULL for the contact and the system.
    author_id        VARCHAR(254)  NULL,
    -- Plain text as written, never HTML; NULL for app parts.
    body             TEXT          NULL,
    -- The app of an APP part (such as optin_form) and the app's own id of what the part shows.
    app_type         VARCHAR(40)   NULL,
    app_ref          BIGINT        NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_conversation_part_after (conversation_id, id),
    CONSTRAINT fk_conversation_part_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT ck_conversation_part_kind CHECK (kind IN ('CUSTOMER_MESSAGE', 'AGENT_MESSAGE', 'APP', 'EVENT')),
    CONSTRAINT ck_conversation_part_body CHECK (body IS NULL OR CHAR_LENGTH(body) <= 10000),
    CONSTRAINT ck_conversation_part_app CHECK (
        (kind = 'APP' AND app_type IS NOT NULL AND app_ref IS NOT NULL AND body IS NULL)
        OR (kind <> 'APP' AND app_type IS NULL AND app_ref IS NULL AND body IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Parts are never changed or removed, whoever asks: the database itself refuses.
CREATE TRIGGER conversation_part_is_append_only_update BEFORE UPDATE ON conversation_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'conversation_part is append-only: parts are never updated';

CREATE TRIGGER conversation_part_is_append_only_delete BEFORE DELETE ON conversation_part FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'conversation_part is append-only: parts are never deleted';
