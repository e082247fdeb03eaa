-- 0009 Several web servers on one database (issue 15): the keys that protect cookies, leases
-- that run background work once across the servers, and uploaded files kept in the database
-- (Gongkai:Files=Database; used on PostgreSQL, created here so both schemas stay alike).

CREATE TABLE data_protection_keys (
    id INTEGER NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NULL,
    xml TEXT NULL
);

CREATE TABLE cluster_leases (
    name TEXT NOT NULL CONSTRAINT pk_cluster_leases PRIMARY KEY,
    holder TEXT NULL,
    leased_until TEXT NULL,
    next_run_at TEXT NULL,
    last_run_at TEXT NULL,
    last_holder TEXT NULL,
    runs INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE file_contents (
    key TEXT NOT NULL CONSTRAINT pk_file_contents PRIMARY KEY,
    content BLOB NOT NULL,
    written_at TEXT NOT NULL
);
