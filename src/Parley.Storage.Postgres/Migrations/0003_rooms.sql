-- Migration 3: registered rooms, their bans, and room messages (as SQLite's migration 3).
-- modes: Parley.Core.Rooms.RoomModes flags (persisted, never renumbered).

CREATE TABLE rooms (
    name_key      text    PRIMARY KEY,
    name          text    NOT NULL,
    owner_account bigint  NOT NULL,
    modes         integer NOT NULL,
    join_key      text    NULL,
    topic         text    NULL,
    topic_set_by  text    NULL,
    topic_set_utc bigint  NULL,
    created_utc   bigint  NOT NULL
);

CREATE TABLE room_bans (
    room_key text   NOT NULL,
    mask_key text   NOT NULL,
    mask     text   NOT NULL,
    set_by   text   NOT NULL,
    set_utc  bigint NOT NULL,
    PRIMARY KEY (room_key, mask_key)
);

-- Ids are time-based (Parley.Core.Rooms.MessageIds), assigned by the room hub, unique across
-- nodes by construction (docs/architecture.md, "Ids, nick claims, sign-in ordering").
CREATE TABLE room_messages (
    id           bigint PRIMARY KEY,
    room_key     text   NOT NULL,
    room         text   NOT NULL,
    from_nick    text   NOT NULL,
    from_account bigint NULL,
    text         text   NOT NULL,
    sent_utc     bigint NOT NULL
);

CREATE INDEX room_messages_by_room ON room_messages (room_key, id);
