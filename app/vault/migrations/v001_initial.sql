-- Schema 1: device settings, local users, people and their enrollments and consents,
-- the outbox, drafts and the hash-chained audit trail.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE app_user (
    id                   INTEGER PRIMARY KEY,
    user_id              TEXT NOT NULL UNIQUE,            -- HMIS UserID (5.09)
    username             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    slot_id              TEXT NOT NULL UNIQUE,            -- key-file slot of this user
    display_name         TEXT NOT NULL,
    role                 TEXT NOT NULL,
    disabled_at          TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    password_changed_at  TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    created_by           TEXT
);

CREATE TABLE password_history (
    user_id    TEXT NOT NULL REFERENCES app_user(user_id),
    verifier   TEXT NOT NULL,                             -- Argon2id hash, never the password
    created_at TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, created_at);

CREATE TABLE organization (
    organization_id TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE project (
    project_id      TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(organization_id),
    name            TEXT NOT NULL,
    project_type    INTEGER NOT NULL,                     -- HUD 2.02.6 ProjectType
    populations     TEXT NOT NULL DEFAULT '[]',           -- e.g. ["dv","youth"]: drives VT-3.1-2
    coc_code        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE person (
    id                        INTEGER PRIMARY KEY,        -- rowid of the search index
    personal_id               TEXT NOT NULL UNIQUE,       -- HMIS PersonalID
    first_name                TEXT,
    middle_name               TEXT,
    last_name                 TEXT,
    name_suffix               TEXT,
    name_data_quality         INTEGER NOT NULL DEFAULT 99,
    ssn                       TEXT,
    ssn_data_quality          INTEGER NOT NULL DEFAULT 99,
    dob                       TEXT,
    dob_data_quality          INTEGER NOT NULL DEFAULT 99,
    am_ind_ak_native          INTEGER NOT NULL DEFAULT 0,
    asian                     INTEGER NOT NULL DEFAULT 0,
    black_af_american         INTEGER NOT NULL DEFAULT 0,
    hispanic_latinao          INTEGER NOT NULL DEFAULT 0,
    mid_east_n_african        INTEGER NOT NULL DEFAULT 0,
    native_hi_pacific         INTEGER NOT NULL DEFAULT 0,
    white                     INTEGER NOT NULL DEFAULT 0,
    race_none                 INTEGER,
    additional_race_ethnicity TEXT,
    sex                       INTEGER,
    veteran_status            INTEGER,
    is_demo                   INTEGER NOT NULL DEFAULT 0,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    created_by                TEXT NOT NULL,
    updated_by                TEXT NOT NULL,
    deleted_at                TEXT
);

-- Names, DOB and SSN last 4 for find-as-you-type; contentless so no second copy of
-- the text is kept, and encrypted with every other page.
CREATE VIRTUAL TABLE person_search USING fts5(
    names, dob, ssn4,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TABLE conflict_declaration (
    user_id     TEXT NOT NULL REFERENCES app_user(user_id),
    personal_id TEXT NOT NULL REFERENCES person(personal_id),
    relation    TEXT NOT NULL CHECK (relation IN ('self', 'family')),
    declared_at TEXT NOT NULL,
    PRIMARY KEY (user_id, personal_id)
);

CREATE TABLE household (
    household_id TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL
);

CREATE TABLE enrollment (
    enrollment_id       TEXT PRIMARY KEY,
    personal_id         TEXT NOT NULL REFERENCES person(personal_id),
    project_id          TEXT NOT NULL REFERENCES project(project_id),
    household_id        TEXT NOT NULL REFERENCES household(household_id),
    relationship_to_hoh INTEGER NOT NULL DEFAULT 99,
    entry_date          TEXT NOT NULL,
    disabling_condition INTEGER NOT NULL DEFAULT 99,
    collected_at        TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    updated_by          TEXT NOT NULL
);
CREATE INDEX enrollment_person ON enrollment(personal_id);
CREATE INDEX enrollment_household ON enrollment(household_id);

CREATE TABLE consent (
    consent_id    TEXT PRIMARY KEY,
    personal_id   TEXT NOT NULL REFERENCES person(personal_id),
    household_id  TEXT REFERENCES household(household_id),
    project_id    TEXT REFERENCES project(project_id),
    method        TEXT NOT NULL CHECK (method IN ('written', 'verbal', 'declined')),
    sharing       TEXT NOT NULL CHECK (sharing IN ('shared', 'not_shared')),
    shared_with   TEXT NOT NULL DEFAULT '[]',
    signed_on     TEXT NOT NULL,
    expires_on    TEXT,
    attested_by   TEXT NOT NULL,
    witness       TEXT,
    verbal_reason TEXT,
    signature_png BLOB,
    revoked_at    TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX consent_person ON consent(personal_id);

CREATE TABLE draft (
    draft_id   TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Transactional outbox: a change and its outbox row commit together. The key is a
-- UUIDv4 that stays the same across retries, so the server applies it once.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    entity          TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    operation       TEXT NOT NULL,
    payload         TEXT NOT NULL,
    collected_at    TEXT NOT NULL,
    deadline_at     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'acknowledged', 'refused')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    acknowledged_at TEXT
);
CREATE INDEX outbox_state_deadline ON outbox(state, deadline_at);

-- Append-only, hash-chained audit trail (CT-207-12, CT-207-6).
CREATE TABLE audit_event (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   TEXT,
    action    TEXT NOT NULL,
    entity    TEXT,
    entity_id TEXT,
    detail    TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_event(entity, entity_id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
