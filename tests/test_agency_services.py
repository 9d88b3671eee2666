"""The agency's own services (meal, blanket, hygiene kit, transport) beside HUD's:
offered by project type from forms/services/agency_services.toml, recorded through
the consent gate, queued for sync, and never in the HMIS CSV export's Services.csv.
Real vault on disk; synthetic people only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from support import make_vault
from test_consent_gate import mo_intake
from test_hmis_csv_export import export

from app.agency_services import offered_for, record_agency_service
from app.clock import FakeClock
from app.consent_gate import ConsentNeeded
from app.errors import ValidationError
from app.followup import record_service
from app.session import Session
from sync.server.validation import record_problem

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def mo(tmp_path: Path) -> Iterator[Session]:
    session = make_vault(tmp_path / "mo", "mo", FakeClock(NOW)).sign_in()
    yield session
    session.close()


def test_offered_by_project_type() -> None:
    outreach = {s.code for s in offered_for(4)}
    housing = {s.code for s in offered_for(3)}
    assert {"meal", "blanket", "hygiene_kit", "transport"} <= outreach
    assert "blanket" not in housing and "meal" in housing


def test_an_agency_service_is_stored_apart_and_stays_out_of_services_csv(mo: Session, tmp_path: Path) -> None:
    result = mo_intake(mo, "2026-03-01")
    enrollment = result.enrollment_ids[0]
    project_type = mo.conn.execute("SELECT p.project_type FROM enrollment e JOIN project p USING (project_id)"
                                   " WHERE e.enrollment_id = ?", (enrollment,)).fetchone()[0]
    assert "meal" in {s.code for s in offered_for(project_type)}
    service_id = record_agency_service(mo, enrollment, date(2026, 3, 4), "meal", 2)
    assert mo.conn.execute("SELECT service_code, quantity FROM agency_service").fetchall() == [("meal", 2)]
    assert mo.conn.execute("SELECT count(*) FROM service").fetchone()[0] == 0
    (payload,) = mo.conn.execute("SELECT payload FROM outbox WHERE entity = 'agency_service' AND entity_id = ?",
                                 (service_id,)).fetchone()
    import json

    assert record_problem("agency_service", service_id, "create", NOW.isoformat(), json.loads(payload),
                          "k-1", NOW) is None, "the agency's server accepts it"
    if project_type == 4:
        record_service(mo, enrollment, date(2026, 3, 4), 142, 5)
    files = export(mo, tmp_path / "export.zip")
    assert all(row["RecordType"] != "" for row in files["Services"])
    assert len(files["Services"]) == mo.conn.execute("SELECT count(*) FROM service").fetchone()[0]
    assert service_id not in {row["ServicesID"] for row in files["Services"]}


def test_a_service_the_project_does_not_give_or_a_bad_quantity_is_refused(mo: Session) -> None:
    enrollment = mo_intake(mo, "2026-03-01").enrollment_ids[0]
    with pytest.raises(ValidationError):
        record_agency_service(mo, enrollment, date(2026, 3, 4), "caviar")
    with pytest.raises(ValidationError):
        record_agency_service(mo, enrollment, date(2026, 3, 4), "meal", 0)
    assert mo.conn.execute("SELECT count(*) FROM agency_service").fetchone()[0] == 0


def test_mo_roi_10_an_agency_service_waits_for_a_new_roi(mo: Session) -> None:
    """MO-ROI-10: after the ROI expired the agency's service is refused like HUD's."""
    enrollment = mo_intake(mo, "2025-01-10").enrollment_ids[0]
    with pytest.raises(ConsentNeeded) as refused:
        record_agency_service(mo, enrollment, date(2026, 3, 4), "meal")
    assert refused.value.hold.clause == "MO-ROI-10"
