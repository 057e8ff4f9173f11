-- Migration 7: read markers (IRCv3 draft/read-marker, MARKREAD). target_key: nick or room in
-- lower case; read_utc only ever moves forward (GREATEST in the upsert).
CREATE TABLE read_markers (
    account_id bigint NOT NULL,
    target_key text   NOT NULL,
    read_utc   bigint NOT NULL,
    PRIMARY KEY (account_id, target_key)
);
