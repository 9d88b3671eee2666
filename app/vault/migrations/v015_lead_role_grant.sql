-- VT-2.1-4: a role the pack reserves to the HMIS Lead (assigned_by = "hmis_lead"), kept
-- with the user it was given to: the Lead's grant as the device redeemed it from the
-- Lead's server, or 'device-setup' for the first administrator made when the vault was
-- set up under the Lead. Append-only; a new grant is a new row.
CREATE TABLE lead_role_grant (
    id          INTEGER PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES app_user(user_id),
    role        TEXT NOT NULL,
    grant_id    TEXT NOT NULL,    -- the grant's id on the Lead's server, or 'device-setup'
    agency      TEXT NOT NULL,    -- the agency the Lead granted it for
    server      TEXT NOT NULL,    -- host of the Lead's server ('' at set-up)
    issued_at   TEXT NOT NULL,    -- when the Lead issued it (server's clock)
    redeemed_at TEXT NOT NULL,
    redeemed_by TEXT              -- user_id of the administrator; NULL at set-up
);
CREATE INDEX lead_role_grant_user ON lead_role_grant(user_id, id);
