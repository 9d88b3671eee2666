-- Schema 5: the HUD 2.02 project descriptors an HMIS CSV export needs, the residential
-- projects a services-only project is affiliated with, and when a project's
-- definition last went into the outbox (so the central server learns it once per
-- change, before the enrollments that name it are of any use there).

ALTER TABLE project ADD COLUMN housing_type INTEGER;             -- 2.02.D
ALTER TABLE project ADD COLUMN rrh_sub_type INTEGER;             -- 2.02.A: required for type 13
ALTER TABLE project ADD COLUMN residential_affiliation INTEGER;  -- 2.02.B: type 6, and 13 with subtype 1
ALTER TABLE project ADD COLUMN target_population INTEGER;        -- 2.02.7
ALTER TABLE project ADD COLUMN queued_at TEXT;                   -- NULL: never sent to the server

-- Affiliation.csv: a services-only project and a residential project it serves.
CREATE TABLE project_affiliation (
    project_id     TEXT NOT NULL REFERENCES project(project_id),
    res_project_id TEXT NOT NULL REFERENCES project(project_id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (project_id, res_project_id),
    CHECK (project_id <> res_project_id)
);
