-- Schema 17: the audit trail and the consent gate's answers keep ids and times in binary
-- (issue 16: bytes per person).
--
-- Three audit events and one gate answer are written for every person saved, and each
-- kept its record's id as 36 characters of text and its time as 25. A row now keeps
--   * an id that is a lower-case UUID in its 8-4-4-4-12 form as its 16 bytes;
--   * a time written as YYYY-MM-DDTHH:MM:SS+00:00 as whole seconds since 1970;
--   * up to three such UUIDs inside an audit event's detail as 16 bytes each, in
--     ``refs``, with the characters U+0001..U+0003 standing for them in the text (JSON
--     as written by app.audit escapes every control character, so none of those three
--     can appear in a detail otherwise).
-- Anything else (an older format, another id) is kept exactly as it was given. The views
-- audit_event and consent_gate_decision give back the very text that was written, so
-- the audit chain's hashes, every reader and every writer are unchanged; app.audit
-- writes an event's row itself, packing its detail (app.vault.packed), and looks up an
-- entity's events by the packed id, which the index audit_entity now holds.
--
-- The columns that hold either form have no declared type: a TEXT column would turn
-- the integers back into text.

DROP VIEW audit_event;   -- and its INSTEAD OF triggers, made again below

CREATE TABLE audit_event_packed (
    seq       INTEGER PRIMARY KEY,
    at        NOT NULL,                -- integer seconds since 1970 (UTC), or the text given
    kind_id   INTEGER NOT NULL REFERENCES audit_kind(kind_id),
    entity_id,                         -- 16 bytes, or the text given
    detail    TEXT NOT NULL DEFAULT '{}',
    refs      BLOB,                    -- the UUIDs U+0001..U+0003 stand for in detail
    hash      BLOB NOT NULL
);
INSERT INTO audit_event_packed (seq, at, kind_id, entity_id, detail, refs, hash)
SELECT seq,
       CASE WHEN typeof(at) = 'text' AND strftime('%Y-%m-%dT%H:%M:%S+00:00', at) IS at
            THEN CAST(strftime('%s', at) AS INTEGER) ELSE at END,
       kind_id,
       CASE WHEN typeof(entity_id) = 'text' AND length(entity_id) = 36 AND lower(entity_id) IS entity_id
                 AND substr(entity_id, 9, 1) = '-' AND substr(entity_id, 14, 1) = '-'
                 AND substr(entity_id, 19, 1) = '-' AND substr(entity_id, 24, 1) = '-'
                 AND length(unhex(replace(entity_id, '-', ''))) = 16
            THEN unhex(replace(entity_id, '-', '')) ELSE entity_id END,
       detail, NULL, hash
FROM audit_event_row ORDER BY seq;
DROP TABLE audit_event_row;
ALTER TABLE audit_event_packed RENAME TO audit_event_row;
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
SELECT r.seq,
       CASE WHEN typeof(r.at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', r.at, 'unixepoch')
            ELSE r.at END AS at,
       k.user_id, k.action, k.entity,
       CASE WHEN typeof(r.entity_id) = 'blob' AND length(r.entity_id) = 16
            THEN (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(r.entity_id)) AS h))
            ELSE r.entity_id END AS entity_id,
       -- The stand-ins go back in the reverse order of app.vault.packed.pack_detail.
       CASE WHEN r.refs IS NULL THEN r.detail
            WHEN length(r.refs) = 16 THEN replace(r.detail, char(1), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(r.refs)) AS h)))
            WHEN length(r.refs) = 32 THEN replace(replace(r.detail,
                char(2), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(substr(r.refs, 17, 16))) AS h))),
                char(1), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(substr(r.refs, 1, 16))) AS h)))
            ELSE replace(replace(replace(r.detail,
                char(3), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(substr(r.refs, 33, 16))) AS h))),
                char(2), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(substr(r.refs, 17, 16))) AS h))),
                char(1), (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(substr(r.refs, 1, 16))) AS h)))
            END AS detail,
       r.hash
FROM audit_event_row r JOIN audit_kind k ON k.kind_id = r.kind_id;

-- A write through the view (anything but app.audit.record) packs the id and the time the
-- same way and keeps the detail as given.
CREATE TRIGGER audit_event_insert INSTEAD OF INSERT ON audit_event
BEGIN
    INSERT INTO audit_kind (action, entity, user_id)
    SELECT NEW.action, NEW.entity, NEW.user_id
    WHERE NOT EXISTS (SELECT 1 FROM audit_kind k
                      WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity);
    INSERT INTO audit_event_row (seq, at, kind_id, entity_id, detail, refs, hash)
    VALUES (NEW.seq,
            CASE WHEN typeof(NEW.at) = 'text' AND strftime('%Y-%m-%dT%H:%M:%S+00:00', NEW.at) IS NEW.at
                 THEN CAST(strftime('%s', NEW.at) AS INTEGER) ELSE NEW.at END,
            (SELECT k.kind_id FROM audit_kind k
             WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity),
            CASE WHEN typeof(NEW.entity_id) = 'text' AND length(NEW.entity_id) = 36 AND lower(NEW.entity_id) IS NEW.entity_id
                      AND substr(NEW.entity_id, 9, 1) = '-' AND substr(NEW.entity_id, 14, 1) = '-'
                      AND substr(NEW.entity_id, 19, 1) = '-' AND substr(NEW.entity_id, 24, 1) = '-'
                      AND length(unhex(replace(NEW.entity_id, '-', ''))) = 16
                 THEN unhex(replace(NEW.entity_id, '-', '')) ELSE NEW.entity_id END,
            coalesce(NEW.detail, '{}'), NULL, NEW.hash);
END;

CREATE TRIGGER audit_event_update INSTEAD OF UPDATE ON audit_event
BEGIN
    INSERT INTO audit_kind (action, entity, user_id)
    SELECT NEW.action, NEW.entity, NEW.user_id
    WHERE NOT EXISTS (SELECT 1 FROM audit_kind k
                      WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity);
    UPDATE audit_event_row SET
        seq = NEW.seq,
        at = CASE WHEN typeof(NEW.at) = 'text' AND strftime('%Y-%m-%dT%H:%M:%S+00:00', NEW.at) IS NEW.at
                  THEN CAST(strftime('%s', NEW.at) AS INTEGER) ELSE NEW.at END,
        kind_id = (SELECT k.kind_id FROM audit_kind k
                   WHERE k.action IS NEW.action AND k.user_id IS NEW.user_id AND k.entity IS NEW.entity),
        entity_id = CASE WHEN typeof(NEW.entity_id) = 'text' AND length(NEW.entity_id) = 36
                              AND lower(NEW.entity_id) IS NEW.entity_id
                              AND substr(NEW.entity_id, 9, 1) = '-' AND substr(NEW.entity_id, 14, 1) = '-'
                              AND substr(NEW.entity_id, 19, 1) = '-' AND substr(NEW.entity_id, 24, 1) = '-'
                              AND length(unhex(replace(NEW.entity_id, '-', ''))) = 16
                         THEN unhex(replace(NEW.entity_id, '-', '')) ELSE NEW.entity_id END,
        detail = NEW.detail, refs = NULL, hash = NEW.hash
    WHERE seq = OLD.seq;
END;

CREATE TRIGGER audit_event_delete INSTEAD OF DELETE ON audit_event
BEGIN
    DELETE FROM audit_event_row WHERE seq = OLD.seq;
END;


-- consent_gate_decision: the record's id and when the gate answered, packed the same way;
-- the person stays text (the device purge finds a person's rows by personal_id).
DROP VIEW consent_gate_decision;

CREATE TABLE consent_gate_decision_packed (
    id          INTEGER PRIMARY KEY,
    entity_id   NOT NULL,              -- 16 bytes, or the text given
    personal_id TEXT NOT NULL,
    data_day    TEXT NOT NULL,
    decided_at  NOT NULL,              -- integer seconds since 1970 (UTC), or the text given
    reason_id   INTEGER NOT NULL REFERENCES consent_gate_reason(reason_id)
);
INSERT INTO consent_gate_decision_packed (id, entity_id, personal_id, data_day, decided_at, reason_id)
SELECT id,
       CASE WHEN typeof(entity_id) = 'text' AND length(entity_id) = 36 AND lower(entity_id) IS entity_id
                 AND substr(entity_id, 9, 1) = '-' AND substr(entity_id, 14, 1) = '-'
                 AND substr(entity_id, 19, 1) = '-' AND substr(entity_id, 24, 1) = '-'
                 AND length(unhex(replace(entity_id, '-', ''))) = 16
            THEN unhex(replace(entity_id, '-', '')) ELSE entity_id END,
       personal_id, data_day,
       CASE WHEN typeof(decided_at) = 'text' AND strftime('%Y-%m-%dT%H:%M:%S+00:00', decided_at) IS decided_at
            THEN CAST(strftime('%s', decided_at) AS INTEGER) ELSE decided_at END,
       reason_id
FROM consent_gate_decision_row ORDER BY id;
DROP TABLE consent_gate_decision_row;
ALTER TABLE consent_gate_decision_packed RENAME TO consent_gate_decision_row;
CREATE INDEX consent_gate_decision_person ON consent_gate_decision_row(personal_id);

CREATE VIEW consent_gate_decision AS
SELECT r.id, t.entity,
       CASE WHEN typeof(r.entity_id) = 'blob' AND length(r.entity_id) = 16
            THEN (SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21) FROM (SELECT lower(hex(r.entity_id)) AS h))
            ELSE r.entity_id END AS entity_id,
       r.personal_id, t.kind, r.data_day, t.sharing, t.reason, t.clause,
       CASE WHEN typeof(r.decided_at) = 'integer'
            THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', r.decided_at, 'unixepoch')
            ELSE r.decided_at END AS decided_at,
       t.decided_by
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
    VALUES (NEW.id,
            CASE WHEN typeof(NEW.entity_id) = 'text' AND length(NEW.entity_id) = 36 AND lower(NEW.entity_id) IS NEW.entity_id
                      AND substr(NEW.entity_id, 9, 1) = '-' AND substr(NEW.entity_id, 14, 1) = '-'
                      AND substr(NEW.entity_id, 19, 1) = '-' AND substr(NEW.entity_id, 24, 1) = '-'
                      AND length(unhex(replace(NEW.entity_id, '-', ''))) = 16
                 THEN unhex(replace(NEW.entity_id, '-', '')) ELSE NEW.entity_id END,
            NEW.personal_id, NEW.data_day,
            CASE WHEN typeof(NEW.decided_at) = 'text'
                      AND strftime('%Y-%m-%dT%H:%M:%S+00:00', NEW.decided_at) IS NEW.decided_at
                 THEN CAST(strftime('%s', NEW.decided_at) AS INTEGER) ELSE NEW.decided_at END,
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
        entity_id = CASE WHEN typeof(NEW.entity_id) = 'text' AND length(NEW.entity_id) = 36
                              AND lower(NEW.entity_id) IS NEW.entity_id
                              AND substr(NEW.entity_id, 9, 1) = '-' AND substr(NEW.entity_id, 14, 1) = '-'
                              AND substr(NEW.entity_id, 19, 1) = '-' AND substr(NEW.entity_id, 24, 1) = '-'
                              AND length(unhex(replace(NEW.entity_id, '-', ''))) = 16
                         THEN unhex(replace(NEW.entity_id, '-', '')) ELSE NEW.entity_id END,
        personal_id = NEW.personal_id,
        data_day = NEW.data_day,
        decided_at = CASE WHEN typeof(NEW.decided_at) = 'text'
                               AND strftime('%Y-%m-%dT%H:%M:%S+00:00', NEW.decided_at) IS NEW.decided_at
                          THEN CAST(strftime('%s', NEW.decided_at) AS INTEGER) ELSE NEW.decided_at END,
        reason_id = (SELECT t.reason_id FROM consent_gate_reason t WHERE t.reason IS NEW.reason AND t.decided_by IS NEW.decided_by AND t.entity IS NEW.entity
                AND t.kind IS NEW.kind AND t.sharing IS NEW.sharing AND t.clause IS NEW.clause)
    WHERE id = OLD.id;
END;

CREATE TRIGGER consent_gate_decision_delete INSTEAD OF DELETE ON consent_gate_decision
BEGIN
    DELETE FROM consent_gate_decision_row WHERE id = OLD.id;
END;
