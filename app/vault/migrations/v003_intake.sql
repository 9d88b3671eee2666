-- Schema 3: the rest of an intake (enrollment details, exits, 4.12 contacts,
-- services), append-only case notes with deletion requests, and consent revocation.

ALTER TABLE enrollment ADD COLUMN enrollment_coc TEXT;
ALTER TABLE enrollment ADD COLUMN living_situation INTEGER;
ALTER TABLE enrollment ADD COLUMN rental_subsidy_type INTEGER;
ALTER TABLE enrollment ADD COLUMN length_of_stay INTEGER;
ALTER TABLE enrollment ADD COLUMN los_under_threshold INTEGER;
ALTER TABLE enrollment ADD COLUMN previous_street_essh INTEGER;
ALTER TABLE enrollment ADD COLUMN date_to_street_essh TEXT;
ALTER TABLE enrollment ADD COLUMN times_homeless_past_three_years INTEGER;
ALTER TABLE enrollment ADD COLUMN months_homeless_past_three_years INTEGER;
ALTER TABLE enrollment ADD COLUMN date_of_engagement TEXT;
ALTER TABLE enrollment ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;   -- MO-ROI-8

CREATE TABLE project_exit (
    exit_id                  TEXT PRIMARY KEY,
    enrollment_id            TEXT NOT NULL UNIQUE REFERENCES enrollment(enrollment_id),
    personal_id              TEXT NOT NULL REFERENCES person(personal_id),
    exit_date                TEXT NOT NULL,
    destination              INTEGER NOT NULL DEFAULT 99,
    destination_subsidy_type INTEGER,
    other_destination        TEXT,
    collected_at             TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    created_by               TEXT NOT NULL
);

-- 4.12 Current Living Situation: one row per street-outreach contact.
CREATE TABLE current_living_situation (
    cls_id                 TEXT PRIMARY KEY,
    enrollment_id          TEXT NOT NULL REFERENCES enrollment(enrollment_id),
    personal_id            TEXT NOT NULL REFERENCES person(personal_id),
    information_date       TEXT NOT NULL,
    current_living_situation INTEGER NOT NULL DEFAULT 99,
    location_details       TEXT,
    collected_at           TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    created_by             TEXT NOT NULL
);
CREATE INDEX cls_enrollment ON current_living_situation(enrollment_id);

CREATE TABLE service (
    service_id    TEXT PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollment(enrollment_id),
    personal_id   TEXT NOT NULL REFERENCES person(personal_id),
    date_provided TEXT NOT NULL,
    record_type   INTEGER NOT NULL,
    type_provided INTEGER NOT NULL,
    collected_at  TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);

-- CT-404-1: a saved case note is never changed or deleted; corrections are
-- amendments pointing at the note they correct.
CREATE TABLE case_note (
    note_id     TEXT PRIMARY KEY,
    personal_id TEXT NOT NULL REFERENCES person(personal_id),
    body        TEXT NOT NULL,
    amends      TEXT REFERENCES case_note(note_id),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX case_note_person ON case_note(personal_id, created_at);

CREATE TRIGGER case_note_no_update BEFORE UPDATE ON case_note
BEGIN
    SELECT RAISE(ABORT, 'case notes cannot be changed; add an amendment');
END;

CREATE TRIGGER case_note_no_delete BEFORE DELETE ON case_note
BEGIN
    SELECT RAISE(ABORT, 'case notes cannot be deleted; request deletion from the data coordinator');
END;

-- CT-404-2/3: the Data Coordinator's request to the central help desk.
CREATE TABLE note_deletion_request (
    request_id   TEXT PRIMARY KEY,
    note_id      TEXT NOT NULL REFERENCES case_note(note_id),
    personal_id  TEXT NOT NULL,
    note_created TEXT NOT NULL,
    reason       TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'requested'
);

CREATE INDEX consent_household ON consent(household_id);
