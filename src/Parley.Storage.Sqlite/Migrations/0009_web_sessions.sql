-- Migration 9: the browsers' sign-in sessions (docs/web.md "Sign-in sessions"). token_hash: the
-- SHA-256 of the cookie's token, 64 lower-case hex digits (the token itself is never stored).
-- Times: Unix milliseconds, UTC. Deleting an account deletes its sessions (WriterStatements).
CREATE TABLE web_sessions (
    token_hash    TEXT    NOT NULL PRIMARY KEY,
    account_id    INTEGER NOT NULL,
    created_utc   INTEGER NOT NULL,
    last_used_utc INTEGER NOT NULL,
    expires_utc   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- A password change revokes an account's sessions; a sign-in purges the expired ones.
CREATE INDEX web_sessions_by_account ON web_sessions (account_id);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_utc);
