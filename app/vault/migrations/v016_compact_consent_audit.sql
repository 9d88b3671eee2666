-- Schema 16: the audit trail and the consents keep each fact once (issue 16: bytes per person).
--
-- audit_event: prev_hash was the previous event's hash, stored again on every row; the
-- verifier carries it from row to row (app.audit.verify_chain), so it goes. The hash is
-- kept as its 32 bytes instead of 64 hex characters; app.audit reads and writes it and
-- hands out hex (the key file's anchor and the head sent with every batch are hex, as
-- before). Who acted, the action and the kind of record repeat on thousands of events;
-- audit_kind keeps each combination once and an event names it by number. The events
-- live in audit_event_row, append-only by the same two triggers as before;
-- "audit_event" is a view with the old columns (less prev_hash) and INSTEAD OF triggers
-- that pass an insert, update or delete on to the row, where the guards refuse the last
-- two. An event whose stored prev_hash did not name the event before it, or whose hash
-- is not lower-case hex (a chain already broken there), keeps the bytes of the text it
-- had, which match no digest, so the verifier still stops at that event.
CREATE TABLE audit_kind (
    kind_id INTEGER PRIMARY KEY,
    action  TEXT NOT NULL,
    entity  TEXT,
    user_id TEXT
);
CREATE INDEX audit_kind_action ON audit_kind(action, user_id);
INSERT INTO audit_kind (action, entity, user_id)
SELECT DISTINCT action, entity, user_id FROM audit_event;

CREATE TABLE audit_event_row (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    kind_id   INTEGER NOT NULL REFERENCES audit_kind(kind_id),
    entity_id TEXT,
    detail    TEXT NOT NULL DEFAULT '{}',
    hash      BLOB NOT NULL
);
INSERT INTO audit_event_row (seq, at, kind_id, entity_id, detail, hash)
SELECT e.seq, e.at,
       (SELECT k.kind_id FROM audit_kind k
        WHERE k.action IS e.action AND k.user_id IS e.user_id AND k.entity IS e.entity),
       e.entity_id, e.detail,
       CASE WHEN e.prev_hash IS coalesce(
                     (SELECT p.hash FROM audit_event p WHERE p.seq < e.seq ORDER BY p.seq DESC LIMIT 1),
                     '0000000000000000000000000000000000000000000000000000000000000000')
                 AND length(e.hash) = 64 AND lower(hex(unhex(e.hash))) IS e.hash
            THEN unhex(e.hash)
            ELSE CAST(e.hash AS BLOB) END
FROM audit_event e ORDER BY e.seq;
DROP TABLE audit_event;
-- events_for looks events up by entity and id; the id alone finds them (an entity's
-- events are few), so the index no longer repeats the entity's name on every entry.
CREATE INDEX audit_entity ON audit_event_row(entity_id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event_row
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event_row
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE VIEW audit_event AS
SELECT r.seq, r.at, k.user_id, k.action, k.entity, r.entity_id, r.detail, r.hash
FROM audit_event_row r JOIN audit_kind k ON k.kind_id = r.kind_id;

CREATE TRIGGER audit_event_insert INSTEAD OF INSERT ON audit_event
BEGIN
    INSERT INTO audit_kind (action, entity, user_id)
    SELECT NEW.action, NEW.entity, NEW.user_id
    WHERE NOT EXISTS (SELECT 1 FROM audit_kind k
                      WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity);
    INSERT INTO audit_event_row (seq, at, kind_id, entity_id, detail, hash)
    VALUES (NEW.seq, NEW.at,
            (SELECT k.kind_id FROM audit_kind k
             WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity),
            NEW.entity_id, coalesce(NEW.detail, '{}'), NEW.hash);
END;

CREATE TRIGGER audit_event_update INSTEAD OF UPDATE ON audit_event
BEGIN
    INSERT INTO audit_kind (action, entity, user_id)
    SELECT NEW.action, NEW.entity, NEW.user_id
    WHERE NOT EXISTS (SELECT 1 FROM audit_kind k
                      WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity);
    UPDATE audit_event_row SET
        seq = NEW.seq, at = NEW.at,
        kind_id = (SELECT k.kind_id FROM audit_kind k
                   WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity),
        entity_id = NEW.entity_id, detail = NEW.detail, hash = NEW.hash
    WHERE seq = OLD.seq;
END;

CREATE TRIGGER audit_event_delete INSTEAD OF DELETE ON audit_event
BEGIN
    DELETE FROM audit_event_row WHERE seq = OLD.seq;
END;

-- consent: what a consent was given under (the project it was recorded with and the one
-- it covers, the method and sharing chosen, with whom and what is shared, who signed,
-- the language, the script's and consent text's ids and versions) and the staff member
-- who attested it are the same for thousands of consents; consent_terms keeps each
-- combination once and a consent row names it by number. The two SHA-256s can differ
-- per client (a text may name the client), so they stay on the row, as 32 bytes when
-- they are hex. "consent" is now a view with the same columns in the same order and
-- the same values, and INSTEAD OF triggers take inserts, updates and deletes, so every
-- reader and writer of consents is unchanged; the rows are in consent_row (the device
-- purge finds it by its personal_id column). consent_change is rebuilt first so that
-- its keys name consent_row; then nothing refers to the old table when it goes.
CREATE TABLE consent_terms (
    terms_id             INTEGER PRIMARY KEY,
    project_id           TEXT REFERENCES project(project_id),
    covers_project_id    TEXT REFERENCES project(project_id),
    method               TEXT NOT NULL CHECK (method IN ('written', 'verbal', 'declined')),
    sharing              TEXT NOT NULL CHECK (sharing IN ('shared', 'not_shared')),
    signer               TEXT CHECK (signer IS NULL OR signer IN ('client', 'guardian')),
    shared_with          TEXT NOT NULL,
    attested_by          TEXT NOT NULL,
    shared_information   TEXT,
    language             TEXT,
    script_id            TEXT,
    script_version       TEXT,
    consent_text_id      TEXT,
    consent_text_version TEXT
);
CREATE INDEX consent_terms_text ON consent_terms(consent_text_version, attested_by);

INSERT INTO consent_terms (project_id, covers_project_id, method, sharing, signer, shared_with, attested_by,
                           shared_information, language, script_id, script_version, consent_text_id,
                           consent_text_version)
SELECT DISTINCT project_id, covers_project_id, method, sharing, signer, shared_with, attested_by, shared_information,
       language, script_id, script_version, consent_text_id, consent_text_version
FROM consent;

CREATE TABLE consent_row (
    consent_id              TEXT PRIMARY KEY,
    personal_id             TEXT NOT NULL REFERENCES person(personal_id),
    household_id            TEXT REFERENCES household(household_id),
    signed_on               TEXT NOT NULL,
    expires_on              TEXT,
    witness                 TEXT,
    verbal_reason           TEXT,
    signature_png           BLOB,
    revoked_at              TEXT,
    created_at              TEXT NOT NULL,
    first_contact_by_phone  INTEGER,
    release_to_share_signed INTEGER,
    possible_dv_victim      INTEGER,
    dv_permission_to_enter  INTEGER,
    dv_permission_to_share  INTEGER,
    guardian_name           TEXT,
    emancipated             INTEGER,
    script_sha256           BLOB,   -- 32 bytes, or the text stored when it was not lower-case hex
    consent_text_sha256     BLOB,
    consent_time            TEXT,
    terms_id                INTEGER NOT NULL REFERENCES consent_terms(terms_id)
);
-- A hash goes to 32 bytes only when hex() gives back exactly the text stored; anything
-- else stays as it was, so the view always returns the stored value.
INSERT INTO consent_row (consent_id, personal_id, household_id, signed_on, expires_on, witness, verbal_reason,
                         signature_png, revoked_at, created_at, first_contact_by_phone, release_to_share_signed,
                         possible_dv_victim, dv_permission_to_enter, dv_permission_to_share, guardian_name,
                         emancipated, script_sha256, consent_text_sha256, consent_time, terms_id)
SELECT c.consent_id, c.personal_id, c.household_id, c.signed_on, c.expires_on, c.witness, c.verbal_reason,
       c.signature_png, c.revoked_at, c.created_at, c.first_contact_by_phone, c.release_to_share_signed,
       c.possible_dv_victim, c.dv_permission_to_enter, c.dv_permission_to_share, c.guardian_name, c.emancipated,
       CASE WHEN lower(hex(unhex(c.script_sha256))) IS c.script_sha256
            THEN unhex(c.script_sha256) ELSE c.script_sha256 END,
       CASE WHEN lower(hex(unhex(c.consent_text_sha256))) IS c.consent_text_sha256
            THEN unhex(c.consent_text_sha256) ELSE c.consent_text_sha256 END,
       c.consent_time,
       (SELECT t.terms_id FROM consent_terms t
        WHERE t.consent_text_version IS c.consent_text_version AND t.attested_by IS c.attested_by
          AND t.project_id IS c.project_id AND t.covers_project_id IS c.covers_project_id
          AND t.method IS c.method AND t.sharing IS c.sharing AND t.signer IS c.signer
          AND t.shared_with IS c.shared_with AND t.shared_information IS c.shared_information
          AND t.language IS c.language AND t.script_id IS c.script_id
          AND t.script_version IS c.script_version AND t.consent_text_id IS c.consent_text_id)
FROM consent c ORDER BY c.rowid;

CREATE TABLE consent_change_row (
    change_id    TEXT PRIMARY KEY,
    consent_id   TEXT NOT NULL REFERENCES consent_row(consent_id),
    personal_id  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('revoked', 'stopped_sharing')),
    replaced_by  TEXT REFERENCES consent_row(consent_id),
    effective_on TEXT NOT NULL,
    reason       TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
INSERT INTO consent_change_row SELECT * FROM consent_change ORDER BY rowid;
DROP TABLE consent_change;
ALTER TABLE consent_change_row RENAME TO consent_change;
CREATE INDEX consent_change_person ON consent_change(personal_id);

DROP TABLE consent;
CREATE INDEX consent_person ON consent_row(personal_id);
CREATE INDEX consent_household ON consent_row(household_id);

CREATE VIEW consent AS
SELECT r.consent_id, r.personal_id, r.household_id, t.project_id, t.method, t.sharing, t.shared_with,
       r.signed_on, r.expires_on, t.attested_by, r.witness, r.verbal_reason, r.signature_png, r.revoked_at,
       r.created_at, t.shared_information, r.first_contact_by_phone, r.release_to_share_signed,
       r.possible_dv_victim, r.dv_permission_to_enter, r.dv_permission_to_share, t.signer, r.guardian_name,
       r.emancipated, t.language, t.script_id, t.script_version,
       CASE WHEN typeof(r.script_sha256) = 'blob' THEN lower(hex(r.script_sha256)) ELSE r.script_sha256 END
           AS script_sha256,
       t.consent_text_id, t.consent_text_version,
       CASE WHEN typeof(r.consent_text_sha256) = 'blob' THEN lower(hex(r.consent_text_sha256))
            ELSE r.consent_text_sha256 END AS consent_text_sha256,
       r.consent_time, t.covers_project_id
FROM consent_row r JOIN consent_terms t ON t.terms_id = r.terms_id;

-- A new or changed consent names its terms: found, or added first.
CREATE TRIGGER consent_insert INSTEAD OF INSERT ON consent
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent.method') WHERE NEW.method IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent.sharing') WHERE NEW.sharing IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent.attested_by') WHERE NEW.attested_by IS NULL;
    INSERT INTO consent_terms (project_id, covers_project_id, method, sharing, signer, shared_with, attested_by, shared_information, language,
        script_id, script_version, consent_text_id, consent_text_version)
    SELECT NEW.project_id, NEW.covers_project_id, NEW.method, NEW.sharing, NEW.signer, coalesce(NEW.shared_with, '[]'),
           NEW.attested_by, NEW.shared_information, NEW.language, NEW.script_id, NEW.script_version,
           NEW.consent_text_id, NEW.consent_text_version
    WHERE NOT EXISTS (
        SELECT 1 FROM consent_terms t WHERE t.consent_text_version IS NEW.consent_text_version AND t.attested_by IS NEW.attested_by
          AND t.project_id IS NEW.project_id AND t.covers_project_id IS NEW.covers_project_id
          AND t.method IS NEW.method AND t.sharing IS NEW.sharing AND t.signer IS NEW.signer
          AND t.shared_with IS coalesce(NEW.shared_with, '[]')
          AND t.shared_information IS NEW.shared_information AND t.language IS NEW.language
          AND t.script_id IS NEW.script_id AND t.script_version IS NEW.script_version
          AND t.consent_text_id IS NEW.consent_text_id);
    INSERT INTO consent_row (consent_id, personal_id, household_id, signed_on, expires_on, witness, verbal_reason, signature_png, revoked_at,
        created_at, first_contact_by_phone, release_to_share_signed, possible_dv_victim, dv_permission_to_enter,
        dv_permission_to_share, guardian_name, emancipated, script_sha256, consent_text_sha256, consent_time,
        terms_id)
    VALUES (NEW.consent_id, NEW.personal_id, NEW.household_id, NEW.signed_on, NEW.expires_on, NEW.witness,
            NEW.verbal_reason, NEW.signature_png, NEW.revoked_at, NEW.created_at, NEW.first_contact_by_phone,
            NEW.release_to_share_signed, NEW.possible_dv_victim, NEW.dv_permission_to_enter,
            NEW.dv_permission_to_share, NEW.guardian_name, NEW.emancipated, CASE WHEN
            lower(hex(unhex(NEW.script_sha256))) IS NEW.script_sha256 THEN unhex(NEW.script_sha256) ELSE
            NEW.script_sha256 END, CASE WHEN lower(hex(unhex(NEW.consent_text_sha256))) IS
            NEW.consent_text_sha256 THEN unhex(NEW.consent_text_sha256) ELSE NEW.consent_text_sha256 END,
            NEW.consent_time,
            (SELECT t.terms_id FROM consent_terms t WHERE t.consent_text_version IS NEW.consent_text_version AND t.attested_by IS NEW.attested_by
                AND t.project_id IS NEW.project_id AND t.covers_project_id IS NEW.covers_project_id
                AND t.method IS NEW.method AND t.sharing IS NEW.sharing AND t.signer IS NEW.signer
                AND t.shared_with IS coalesce(NEW.shared_with, '[]')
                AND t.shared_information IS NEW.shared_information AND t.language IS NEW.language
                AND t.script_id IS NEW.script_id AND t.script_version IS NEW.script_version
                AND t.consent_text_id IS NEW.consent_text_id));
END;

CREATE TRIGGER consent_update INSTEAD OF UPDATE ON consent
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent.method') WHERE NEW.method IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent.sharing') WHERE NEW.sharing IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent.attested_by') WHERE NEW.attested_by IS NULL;
    INSERT INTO consent_terms (project_id, covers_project_id, method, sharing, signer, shared_with, attested_by, shared_information, language,
        script_id, script_version, consent_text_id, consent_text_version)
    SELECT NEW.project_id, NEW.covers_project_id, NEW.method, NEW.sharing, NEW.signer, coalesce(NEW.shared_with, '[]'),
           NEW.attested_by, NEW.shared_information, NEW.language, NEW.script_id, NEW.script_version,
           NEW.consent_text_id, NEW.consent_text_version
    WHERE NOT EXISTS (
        SELECT 1 FROM consent_terms t WHERE t.consent_text_version IS NEW.consent_text_version AND t.attested_by IS NEW.attested_by
          AND t.project_id IS NEW.project_id AND t.covers_project_id IS NEW.covers_project_id
          AND t.method IS NEW.method AND t.sharing IS NEW.sharing AND t.signer IS NEW.signer
          AND t.shared_with IS coalesce(NEW.shared_with, '[]')
          AND t.shared_information IS NEW.shared_information AND t.language IS NEW.language
          AND t.script_id IS NEW.script_id AND t.script_version IS NEW.script_version
          AND t.consent_text_id IS NEW.consent_text_id);
    UPDATE consent_row SET
        consent_id = NEW.consent_id,
        personal_id = NEW.personal_id,
        household_id = NEW.household_id,
        signed_on = NEW.signed_on,
        expires_on = NEW.expires_on,
        witness = NEW.witness,
        verbal_reason = NEW.verbal_reason,
        signature_png = NEW.signature_png,
        revoked_at = NEW.revoked_at,
        created_at = NEW.created_at,
        first_contact_by_phone = NEW.first_contact_by_phone,
        release_to_share_signed = NEW.release_to_share_signed,
        possible_dv_victim = NEW.possible_dv_victim,
        dv_permission_to_enter = NEW.dv_permission_to_enter,
        dv_permission_to_share = NEW.dv_permission_to_share,
        guardian_name = NEW.guardian_name,
        emancipated = NEW.emancipated,
        script_sha256 = CASE WHEN lower(hex(unhex(NEW.script_sha256))) IS NEW.script_sha256 THEN unhex(NEW.script_sha256) ELSE NEW.script_sha256 END,
        consent_text_sha256 = CASE WHEN lower(hex(unhex(NEW.consent_text_sha256))) IS NEW.consent_text_sha256 THEN unhex(NEW.consent_text_sha256) ELSE NEW.consent_text_sha256 END,
        consent_time = NEW.consent_time,
        terms_id = (SELECT t.terms_id FROM consent_terms t WHERE t.consent_text_version IS NEW.consent_text_version AND t.attested_by IS NEW.attested_by
                AND t.project_id IS NEW.project_id AND t.covers_project_id IS NEW.covers_project_id
                AND t.method IS NEW.method AND t.sharing IS NEW.sharing AND t.signer IS NEW.signer
                AND t.shared_with IS coalesce(NEW.shared_with, '[]')
                AND t.shared_information IS NEW.shared_information AND t.language IS NEW.language
                AND t.script_id IS NEW.script_id AND t.script_version IS NEW.script_version
                AND t.consent_text_id IS NEW.consent_text_id)
    WHERE consent_id = OLD.consent_id;
END;

CREATE TRIGGER consent_delete INSTEAD OF DELETE ON consent
BEGIN
    DELETE FROM consent_row WHERE consent_id = OLD.consent_id;
END;


-- consent_gate_decision: the gate's answer beside each record it let in. Its reason,
-- clause, kind, sharing, the kind of record and who saved it repeat for every record
-- of a day; consent_gate_reason keeps each once. The rows keep the record's id, the
-- person, the data's day and when. decisions_for reads by person; nothing reads by
-- entity, so that index goes. Like consent, consent_gate_decision becomes a view with
-- the same columns and values, written through INSTEAD OF triggers.
CREATE TABLE consent_gate_reason (
    reason_id  INTEGER PRIMARY KEY,
    entity     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    sharing    TEXT NOT NULL CHECK (sharing IN ('shared', 'not_shared')),
    reason     TEXT NOT NULL,
    clause     TEXT,
    decided_by TEXT NOT NULL
);
CREATE INDEX consent_gate_reason_text ON consent_gate_reason(reason, decided_by);

CREATE TABLE consent_gate_decision_row (
    id          INTEGER PRIMARY KEY,
    entity_id   TEXT NOT NULL,
    personal_id TEXT NOT NULL,
    data_day    TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    reason_id   INTEGER NOT NULL REFERENCES consent_gate_reason(reason_id)
);

INSERT INTO consent_gate_reason (entity, kind, sharing, reason, clause, decided_by)
SELECT DISTINCT entity, kind, sharing, reason, clause, decided_by FROM consent_gate_decision;
INSERT INTO consent_gate_decision_row (id, entity_id, personal_id, data_day, decided_at, reason_id)
SELECT d.id, d.entity_id, d.personal_id, d.data_day, d.decided_at,
       (SELECT t.reason_id FROM consent_gate_reason t
        WHERE t.reason IS d.reason AND t.decided_by IS d.decided_by AND t.entity IS d.entity
          AND t.kind IS d.kind AND t.sharing IS d.sharing AND t.clause IS d.clause)
FROM consent_gate_decision d ORDER BY d.id;
DROP TABLE consent_gate_decision;
CREATE INDEX consent_gate_decision_person ON consent_gate_decision_row(personal_id);

CREATE VIEW consent_gate_decision AS
SELECT r.id, t.entity, r.entity_id, r.personal_id, t.kind, r.data_day, t.sharing, t.reason, t.clause,
       r.decided_at, t.decided_by
FROM consent_gate_decision_row r JOIN consent_gate_reason t ON t.reason_id = r.reason_id;

CREATE TRIGGER consent_gate_decision_insert INSTEAD OF INSERT ON consent_gate_decision
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.entity') WHERE NEW.entity IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.kind') WHERE NEW.kind IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.sharing') WHERE NEW.sharing IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.reason') WHERE NEW.reason IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.decided_by') WHERE NEW.decided_by IS NULL;
    INSERT INTO consent_gate_reason (entity, kind, sharing, reason, clause, decided_by)
    SELECT NEW.entity, NEW.kind, NEW.sharing, NEW.reason, NEW.clause, NEW.decided_by
    WHERE NOT EXISTS (
        SELECT 1 FROM consent_gate_reason t WHERE t.reason IS NEW.reason AND t.decided_by IS NEW.decided_by AND t.entity IS NEW.entity
          AND t.kind IS NEW.kind AND t.sharing IS NEW.sharing AND t.clause IS NEW.clause);
    INSERT INTO consent_gate_decision_row (id, entity_id, personal_id, data_day, decided_at, reason_id)
    VALUES (NEW.id, NEW.entity_id, NEW.personal_id, NEW.data_day, NEW.decided_at,
            (SELECT t.reason_id FROM consent_gate_reason t WHERE t.reason IS NEW.reason AND t.decided_by IS NEW.decided_by AND t.entity IS NEW.entity
                AND t.kind IS NEW.kind AND t.sharing IS NEW.sharing AND t.clause IS NEW.clause));
END;

CREATE TRIGGER consent_gate_decision_update INSTEAD OF UPDATE ON consent_gate_decision
BEGIN
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.entity') WHERE NEW.entity IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.kind') WHERE NEW.kind IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.sharing') WHERE NEW.sharing IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.reason') WHERE NEW.reason IS NULL;
    SELECT RAISE(ABORT, 'NOT NULL constraint failed: consent_gate_decision.decided_by') WHERE NEW.decided_by IS NULL;
    INSERT INTO consent_gate_reason (entity, kind, sharing, reason, clause, decided_by)
    SELECT NEW.entity, NEW.kind, NEW.sharing, NEW.reason, NEW.clause, NEW.decided_by
    WHERE NOT EXISTS (
        SELECT 1 FROM consent_gate_reason t WHERE t.reason IS NEW.reason AND t.decided_by IS NEW.decided_by AND t.entity IS NEW.entity
          AND t.kind IS NEW.kind AND t.sharing IS NEW.sharing AND t.clause IS NEW.clause);
    UPDATE consent_gate_decision_row SET
        id = NEW.id,
        entity_id = NEW.entity_id,
        personal_id = NEW.personal_id,
        data_day = NEW.data_day,
        decided_at = NEW.decided_at,
        reason_id = (SELECT t.reason_id FROM consent_gate_reason t WHERE t.reason IS NEW.reason AND t.decided_by IS NEW.decided_by AND t.entity IS NEW.entity
                AND t.kind IS NEW.kind AND t.sharing IS NEW.sharing AND t.clause IS NEW.clause)
    WHERE id = OLD.id;
END;

CREATE TRIGGER consent_gate_decision_delete INSTEAD OF DELETE ON consent_gate_decision
BEGIN
    DELETE FROM consent_gate_decision_row WHERE id = OLD.id;
END;

