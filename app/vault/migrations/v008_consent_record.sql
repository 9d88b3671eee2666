-- Schema 8: a consent keeps everything that made it valid, and what the client was shown.
--
-- CT-207-7 (first contact by phone), CT-207-8 (separate release to share), VT-3.4-2 (DV
-- permissions to enter and to share), VT-3.4-14 (who signed for a minor, emancipation),
-- the language, what is shared, and the version ids and SHA-256 of the exact oral
-- explanation script and consent text shown (the consent text with the sharing choices
-- filled in). Every column is nullable: consents stored before schema 8 stay readable
-- and carry NULL where nothing was recorded (no hash of a text nobody kept).
ALTER TABLE consent ADD COLUMN shared_information TEXT;
ALTER TABLE consent ADD COLUMN first_contact_by_phone INTEGER;
ALTER TABLE consent ADD COLUMN release_to_share_signed INTEGER;
ALTER TABLE consent ADD COLUMN possible_dv_victim INTEGER;
ALTER TABLE consent ADD COLUMN dv_permission_to_enter INTEGER;
ALTER TABLE consent ADD COLUMN dv_permission_to_share INTEGER;
ALTER TABLE consent ADD COLUMN signer TEXT CHECK (signer IS NULL OR signer IN ('client', 'guardian'));
ALTER TABLE consent ADD COLUMN guardian_name TEXT;
ALTER TABLE consent ADD COLUMN emancipated INTEGER;
ALTER TABLE consent ADD COLUMN language TEXT;
ALTER TABLE consent ADD COLUMN script_id TEXT;
ALTER TABLE consent ADD COLUMN script_version TEXT;
ALTER TABLE consent ADD COLUMN script_sha256 TEXT;
ALTER TABLE consent ADD COLUMN consent_text_id TEXT;
ALTER TABLE consent ADD COLUMN consent_text_version TEXT;
ALTER TABLE consent ADD COLUMN consent_text_sha256 TEXT;
-- The time a verbal consent was given: its attestation names it, so the text's hash
-- can be checked again from the stored consent.
ALTER TABLE consent ADD COLUMN consent_time TEXT;

-- An intake document imported with its own id (or, without one, the SHA-256 of its
-- content) is saved once: importing the same file again reports "already imported".
-- content_sha256 tells a re-import of the same document from another one given the
-- same id.
CREATE TABLE intake_document (
    document_key    TEXT PRIMARY KEY,
    content_sha256  TEXT NOT NULL,
    household_id    TEXT NOT NULL REFERENCES household(household_id),
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL
);
