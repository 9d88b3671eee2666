-- Schema 9: the rest of a project's HUD descriptors, so an HMIS CSV export is
-- complete without edits in the receiving HMIS: where it works (2.03: geocode,
-- geography type, address; the CoC code is already in project.coc_code), when it
-- began operating (2.02.3), its HMIS participation (2.08), its funder (2.06) and,
-- for a project that houses people, its bed and unit inventory (2.07). NULL means
-- not set yet; `project list` and the Projects screen name what is missing.

ALTER TABLE project ADD COLUMN operating_start TEXT;        -- 2.02.3, YYYY-MM-DD
ALTER TABLE project ADD COLUMN geocode TEXT;                -- 2.03.2, six digits
ALTER TABLE project ADD COLUMN geography_type INTEGER;      -- 2.03.4
ALTER TABLE project ADD COLUMN address1 TEXT;               -- 2.03.3
ALTER TABLE project ADD COLUMN city TEXT;
ALTER TABLE project ADD COLUMN state TEXT;
ALTER TABLE project ADD COLUMN zip TEXT;
ALTER TABLE project ADD COLUMN hmis_participation INTEGER;  -- 2.08.1
ALTER TABLE project ADD COLUMN funder INTEGER;              -- 2.06.1
ALTER TABLE project ADD COLUMN other_funder TEXT;           -- 2.06.A, when funder is 46
ALTER TABLE project ADD COLUMN grant_id TEXT;               -- 2.06.2
ALTER TABLE project ADD COLUMN funder_start TEXT;           -- 2.06.3
ALTER TABLE project ADD COLUMN household_type INTEGER;      -- 2.07.4
ALTER TABLE project ADD COLUMN availability INTEGER;        -- 2.07.6 (emergency shelter)
ALTER TABLE project ADD COLUMN es_bed_type INTEGER;         -- 2.07.5 (emergency shelter)
ALTER TABLE project ADD COLUMN unit_inventory INTEGER;      -- 2.07.2
ALTER TABLE project ADD COLUMN bed_inventory INTEGER;       -- 2.07.3
ALTER TABLE project ADD COLUMN inventory_start TEXT;        -- 2.07.7
