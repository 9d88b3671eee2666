-- Schema 4: one sync at a time on a vault, whichever process runs it (the app's
-- background sync, "Sync now", or `hmis-intake sync`). The data folder holds no lock
-- files, so the lease is a row here: a run takes it in a BEGIN IMMEDIATE transaction
-- and renews it after every batch. A run that crashed leaves a row that expires, and
-- that is freed at once when its process on this computer is known to be gone.
CREATE TABLE sync_lease (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    owner       TEXT NOT NULL,                             -- a random id per run
    host        TEXT NOT NULL,                             -- the computer the run is on
    pid         INTEGER NOT NULL,
    acquired_at TEXT NOT NULL,
    renewed_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
