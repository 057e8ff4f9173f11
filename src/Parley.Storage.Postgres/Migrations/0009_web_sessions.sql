-- Migration 9: the browsers' sign-in sessions (docs/web.md "Sign-in sessions"), as SQLite's
-- migration 9. token_hash: the SHA-256 of the cookie's token, 64 lower-case hex digits (the token
-- itself is never stored). Times: Unix milliseconds, UTC. Deleting an account deletes its sessions.
CREATE TABLE web_sessions (
    token_hash    text   NOT NULL PRIMARY KEY,
    account_id    bigint NOT NULL,
    created_utc   bigint NOT NULL,
    last_used_utc bigint NOT NULL,
    expires_utc   bigint NOT NULL
);

CREATE INDEX web_sessions_by_account ON web_sessions (account_id);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_utc);
