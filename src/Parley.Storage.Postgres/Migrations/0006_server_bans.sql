-- Migration 6: the server-wide ban list (/ban, /unban). mask_key: the mask in lower case.
CREATE TABLE server_bans (
    mask_key text   NOT NULL PRIMARY KEY,
    mask     text   NOT NULL,
    set_by   text   NOT NULL,
    set_utc  bigint NOT NULL,
    reason   text   NULL
);
