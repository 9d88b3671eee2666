-- Schema 14: the project a consent (ROI) was given for (MO-ROI-6, A19).
-- covers_project_id names the one project whose records the ROI covers; NULL means
-- the ROI covers every project of the agency. The older project_id column keeps
-- what it always held, the project of the enrollment the consent was recorded
-- with. Every consent stored before schema 14 gets NULL here: it is read as an
-- agency-wide ROI, so no record that went in under it is held back for a missing
-- project ROI, and existing vaults read and decide exactly as before.
ALTER TABLE consent ADD COLUMN covers_project_id TEXT REFERENCES project(project_id);
