-- Migration 6: the server-wide ban list (/ban, /unban), kept across restarts.
-- mask_key: the mask in lower case (bans compare without case); mask: as set.
-- Times are Unix milliseconds, UTC.

CREATE TABLE server_bans (
    mask_key TEXT    NOT NULL PRIMARY KEY,
    mask     TEXT    NOT NULL,
    set_by   TEXT    NOT NULL,
    set_utc  INTEGER NOT NULL,
    reason   TEXT    NULL
) STRICT;
