-- Migration 7: read markers (IRCv3 draft/read-marker, MARKREAD): per account and conversation, the
-- time of the last message the user read. target_key: the nick or room name in lower case (both
-- ASCII). read_utc: Unix milliseconds, UTC; it only ever moves forward (ReadMarkerStatements).
CREATE TABLE read_markers (
    account_id INTEGER NOT NULL,
    target_key TEXT    NOT NULL,
    read_utc   INTEGER NOT NULL,
    PRIMARY KEY (account_id, target_key)
) STRICT, WITHOUT ROWID;
