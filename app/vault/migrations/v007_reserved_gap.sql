-- Placeholder that keeps this branch's schema numbers contiguous up to v010.
-- Schema 7 belongs to another change; delete this file when that change is merged.
SELECT 1;
