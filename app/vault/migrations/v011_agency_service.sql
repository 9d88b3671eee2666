-- Schema 11: services the agency gives that are not HUD services (a meal, a blanket,
-- a hygiene kit, transport; forms/services/agency_services.toml). Kept apart from
-- `service` so the HMIS CSV export's Services.csv, which reads `service`, never
-- carries them. A new table: existing vaults gain it empty.

CREATE TABLE agency_service (
    service_id    TEXT PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollment(enrollment_id),
    personal_id   TEXT NOT NULL REFERENCES person(personal_id),
    date_provided TEXT NOT NULL,
    service_code  TEXT NOT NULL,
    quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 99),
    collected_at  TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX agency_service_enrollment ON agency_service(enrollment_id);
CREATE INDEX agency_service_person ON agency_service(personal_id);
