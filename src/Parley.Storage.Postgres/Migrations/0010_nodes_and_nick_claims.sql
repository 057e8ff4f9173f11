-- Migration 10: a cluster's node leases and its one nick space (docs/cluster.md, "Nodes and the
-- nick space"; docs/architecture.md, "Ids, nick claims, sign-in ordering"). One process on
-- PostgreSQL without a cluster leaves these tables empty. Times: Unix milliseconds, UTC, by the
-- clock of the node that wrote them (nodes' clocks must agree within a second or so: NTP).

-- One row per running node: its leased number (0-63, the ids' node number), the incarnation that
-- holds it (a restarted node takes its name over with a new one), and its last heartbeat.
CREATE TABLE nodes (
    name          text    NOT NULL PRIMARY KEY,
    number        integer NOT NULL UNIQUE CHECK (number BETWEEN 0 AND 63),
    incarnation   uuid    NOT NULL,
    started_utc   bigint  NOT NULL,
    heartbeat_utc bigint  NOT NULL
);

-- One row per nick held anywhere: nick_key is the nick folded (NickKey), so uniqueness is the
-- primary key's; account_id NULL for a guest.
CREATE TABLE nick_claims (
    nick_key     text   NOT NULL PRIMARY KEY,
    nick         text   NOT NULL,
    account_id   bigint,
    account_name text
);

CREATE INDEX nick_claims_by_account ON nick_claims (account_id) WHERE account_id IS NOT NULL;

-- The nodes with sessions holding a claim: one for a guest, one per node an account's devices
-- are on. A claim with no holder left is deleted with its last holder.
CREATE TABLE nick_holders (
    nick_key text NOT NULL REFERENCES nick_claims (nick_key) ON DELETE CASCADE,
    node     text NOT NULL REFERENCES nodes (name),
    PRIMARY KEY (nick_key, node)
);

CREATE INDEX nick_holders_by_node ON nick_holders (node);
