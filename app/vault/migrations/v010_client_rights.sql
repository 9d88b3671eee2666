-- Schema 10: the client's rights over their record.
-- consent_change: why and how a consent stopped (revocation, or sharing stopped while
--   data entry goes on, VT-3.1-4); the consent row itself keeps revoked_at.
-- client_request: a client's request (a copy of the record, a correction) with the
--   day it was received and the day it is due (MO-RIGHTS-1: 5 business days).
-- correction: information the client says is inaccurate or incomplete, with what
--   supplements it; the original stays as it was (VT-3.4-8, MO-RIGHTS-2). A denied
--   request keeps its reason.

CREATE TABLE consent_change (
    change_id    TEXT PRIMARY KEY,
    consent_id   TEXT NOT NULL REFERENCES consent(consent_id),
    personal_id  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('revoked', 'stopped_sharing')),
    replaced_by  TEXT REFERENCES consent(consent_id),
    effective_on TEXT NOT NULL,
    reason       TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX consent_change_person ON consent_change(personal_id);

CREATE TABLE client_request (
    request_id  TEXT PRIMARY KEY,
    personal_id TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('record_copy', 'correction')),
    received_on TEXT NOT NULL,
    due_on      TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'denied')),
    resolved_on TEXT,
    resolution  TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX client_request_person ON client_request(personal_id);

CREATE TABLE correction (
    correction_id TEXT PRIMARY KEY,
    personal_id   TEXT NOT NULL,
    request_id    TEXT REFERENCES client_request(request_id),
    field         TEXT NOT NULL,
    marked        TEXT NOT NULL CHECK (marked IN ('inaccurate', 'incomplete')),
    supplement    TEXT,
    status        TEXT NOT NULL CHECK (status IN ('accepted', 'denied')),
    denial_reason TEXT,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
);
CREATE INDEX correction_person ON correction(personal_id);

CREATE TRIGGER correction_no_update BEFORE UPDATE ON correction
BEGIN
    SELECT RAISE(ABORT, 'a correction is never changed; record another');
END;

-- Every printed or saved document's verification code, so a paper copy can be checked
-- against the vault later (hmis-intake consent verify CODE). Nothing personal: ids,
-- the code and the SHA-256 of what the document showed.
CREATE TABLE issued_document (
    code         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    subject_id   TEXT,
    personal_id  TEXT,
    texts_sha256 TEXT,
    issued_at    TEXT NOT NULL,
    issued_by    TEXT NOT NULL,
    PRIMARY KEY (code, kind, subject_id)
);
