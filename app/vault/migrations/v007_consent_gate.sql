-- Schema 7: the consent gate's answer kept with every record it let in (why the data
-- could be entered, how that day's data is shared, the pack's clause), and the outbox
-- groups that must reach the server together, consent and lock first (MO-ROI-8, A31).
CREATE TABLE consent_gate_decision (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL,          -- person, enrollment, current_living_situation, service, exit, case_note
    entity_id   TEXT NOT NULL,
    personal_id TEXT NOT NULL,
    kind        TEXT NOT NULL,          -- intake, person, update, contact, service, exit, note
    data_day    TEXT NOT NULL,          -- the date of the data, not the day it was saved
    sharing     TEXT NOT NULL CHECK (sharing IN ('shared', 'not_shared')),
    reason      TEXT NOT NULL,
    clause      TEXT,
    decided_at  TEXT NOT NULL,
    decided_by  TEXT NOT NULL
);
CREATE INDEX consent_gate_decision_entity ON consent_gate_decision(entity, entity_id);
CREATE INDEX consent_gate_decision_person ON consent_gate_decision(personal_id);

-- Rows of one group are sent in one batch, lowest rank first.
ALTER TABLE outbox ADD COLUMN batch_group TEXT;
ALTER TABLE outbox ADD COLUMN batch_rank INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_batch_group ON outbox(batch_group, batch_rank) WHERE batch_group IS NOT NULL;
