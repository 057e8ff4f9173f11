-- Migration 1: accounts and messages. Forward-only: never edit a shipped migration, add the next.
-- Times are Unix milliseconds, UTC. Nick keys are the nick in lower case (nicks are ASCII).

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    nick          TEXT    NOT NULL,
    nick_key      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    created_utc   INTEGER NOT NULL
) STRICT;

-- kind: 1 direct, 2 broadcast (Parley.Core.Messages.MessageKind; persisted, never renumbered).
-- delivered: 0 while a direct message waits for its offline recipient account to sign in.
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    kind         INTEGER NOT NULL,
    sent_utc     INTEGER NOT NULL,
    from_nick    TEXT    NOT NULL,
    from_key     TEXT    NOT NULL,
    from_account INTEGER NULL,
    to_nick      TEXT    NULL,
    to_key       TEXT    NULL,
    to_account   INTEGER NULL,
    text         TEXT    NOT NULL,
    delivered    INTEGER NOT NULL
) STRICT;

-- Partial indexes: each covers only the rows its query can want, so a guest-to-guest message
-- costs the table write alone.
CREATE INDEX messages_waiting ON messages (to_account, id) WHERE delivered = 0;
CREATE INDEX messages_broadcasts ON messages (id) WHERE kind = 2;
CREATE INDEX messages_sent_by_account ON messages (from_account, to_key, id) WHERE kind = 1 AND from_account IS NOT NULL;
CREATE INDEX messages_received_by_account ON messages (to_account, from_key, id) WHERE kind = 1 AND to_account IS NOT NULL;
