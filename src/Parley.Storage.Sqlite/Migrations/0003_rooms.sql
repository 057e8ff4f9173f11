-- Migration 3: registered rooms, their bans, and room messages. Forward-only: never edit a shipped
-- migration, add the next. (Number 2 belongs to the client-certificate work.)
-- Times are Unix milliseconds, UTC. Room keys are the room name in lower case (names are ASCII).

-- One row per registered room (/register #room). modes: Parley.Core.Rooms.RoomModes flags
-- (persisted, never renumbered). join_key is the +k key, NULL without +k.
CREATE TABLE rooms (
    name_key      TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    owner_account INTEGER NOT NULL,
    modes         INTEGER NOT NULL,
    join_key      TEXT    NULL,
    topic         TEXT    NULL,
    topic_set_by  TEXT    NULL,
    topic_set_utc INTEGER NULL,
    created_utc   INTEGER NOT NULL
) STRICT;

-- A registered room's bans. mask is a nick mask (spam*, bob@10.0.*) or an account ban (~bob):
-- accounts are never renamed, so the name identifies the account.
CREATE TABLE room_bans (
    room_key TEXT    NOT NULL,
    mask_key TEXT    NOT NULL,
    mask     TEXT    NOT NULL,
    set_by   TEXT    NOT NULL,
    set_utc  INTEGER NOT NULL,
    PRIMARY KEY (room_key, mask_key)
) STRICT;

-- Room messages, kept like direct ones. Ids are time-based (Parley.Core.Rooms.MessageIds: Unix
-- milliseconds x 1,000 + a sequence), their own sequence apart from messages.id. An unregistered
-- room's messages are deleted when it empties, and at start-up if the server stopped before that.
CREATE TABLE room_messages (
    id           INTEGER PRIMARY KEY,
    room_key     TEXT    NOT NULL,
    room         TEXT    NOT NULL,
    from_nick    TEXT    NOT NULL,
    from_account INTEGER NULL,
    text         TEXT    NOT NULL,
    sent_utc     INTEGER NOT NULL
) STRICT;

-- /join and /history #room read one room's newest messages before an id.
CREATE INDEX room_messages_by_room ON room_messages (room_key, id);
