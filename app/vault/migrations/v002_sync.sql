-- Schema 2: sync bookkeeping. The device's enrollment with the central server and the
-- history of batches sent; the records themselves stay in the outbox.

-- One row once the device is enrolled. The credential lives in the OS keyring; only
-- when an administrator chose the vault store (no usable keyring) is it kept here,
-- inside the encrypted database.
CREATE TABLE sync_device (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    server_url       TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    agency           TEXT NOT NULL,
    credential_store TEXT NOT NULL CHECK (credential_store IN ('keyring', 'vault')),
    vault_credential TEXT,
    ca_file          TEXT,                                 -- the agency's CA, if not the system store
    enrolled_at      TEXT NOT NULL,
    enrolled_by      TEXT NOT NULL
);

-- One row per batch attempt: when, how many, and what came of it.
CREATE TABLE sync_batch (
    id          INTEGER PRIMARY KEY,
    batch_id    TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    records     INTEGER NOT NULL,
    accepted    INTEGER NOT NULL DEFAULT 0,
    duplicate   INTEGER NOT NULL DEFAULT 0,
    refused     INTEGER NOT NULL DEFAULT 0,
    bytes_sent  INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT NOT NULL CHECK (outcome IN ('acknowledged', 'failed')),
    error       TEXT
);
CREATE INDEX sync_batch_started ON sync_batch(started_at);
