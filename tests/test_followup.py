"""Contacts (4.12), services, exits and consent revocation after an intake.

The vault's clock is fixed the day after the example intakes, so the Missouri ROI
they carry stays in force (MO-ROI-10) whatever day the tests run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from support import make_vault

from app.clock import FakeClock
from app.errors import PermissionDenied, UserFacingError, ValidationError
from app.followup import record_contact, record_exit, record_service, revoke_consent, service_types
from app.intake import parse_document, save_intake
from app.rules.consent import consent_current
from app.security.users import add_user
from app.session import Session, sign_in

EXAMPLE = Path(__file__).resolve().parent.parent / "forms" / "intake" / "example-mo.json"
DAY_AFTER_INTAKE = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def count(session: Session, sql: str) -> int:
    return int(session.conn.execute(sql).fetchone()[0])


@pytest.fixture
def enrolled(tmp_path: Path) -> Iterator[tuple[Session, str]]:
    session = make_vault(tmp_path / "mo", "mo", FakeClock(DAY_AFTER_INTAKE)).sign_in()
    doc = json.loads(EXAMPLE.read_text("utf-8"))
    result = save_intake(session, parse_document(doc))
    try:
        yield session, result.enrollment_ids[0]
    finally:
        session.close()


def test_contact_is_recorded_with_its_outbox_row(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    record_contact(session, enrollment_id, date(2026, 3, 2), 116, "under the east bridge")
    assert session.conn.execute("SELECT count(*) FROM current_living_situation").fetchone()[0] == 1
    assert session.conn.execute(
        "SELECT count(*) FROM outbox WHERE entity = 'current_living_situation'").fetchone()[0] == 1


def test_contact_before_project_start_is_refused(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    with pytest.raises(ValidationError) as refused:
        record_contact(session, enrollment_id, date(2026, 2, 1), 116)
    assert refused.value.field == "information_date"


def test_vt_6_1_1_exit_not_before_entry_and_only_once(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    with pytest.raises(ValidationError):
        record_exit(session, enrollment_id, date(2026, 2, 27), 116)
    with pytest.raises(ValidationError) as future:
        record_exit(session, enrollment_id, session.clock.now().date() + timedelta(days=1), 116)
    assert future.value.field == "exit_date"
    record_exit(session, enrollment_id, date(2026, 3, 2), 410, destination_subsidy_type=419)
    assert session.conn.execute("SELECT destination_subsidy_type FROM project_exit").fetchone()[0] is None
    with pytest.raises(ValidationError):
        record_exit(session, enrollment_id, date(2026, 3, 2), 410)


def test_other_destination_needs_a_description(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    with pytest.raises(ValidationError) as refused:
        record_exit(session, enrollment_id, date(2026, 3, 2), 17)
    assert refused.value.field == "other_destination"


def test_service_is_recorded_with_its_outbox_row_and_audit_event(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    service_id = record_service(session, enrollment_id, date(2026, 3, 2), 141, 6)
    row = session.conn.execute("SELECT date_provided, record_type, type_provided FROM service").fetchone()
    assert tuple(row) == ("2026-03-02", 141, 6)
    payload = session.conn.execute("SELECT payload FROM outbox WHERE entity = 'service' AND entity_id = ?",
                                   (service_id,)).fetchone()[0]
    assert json.loads(payload)["type_provided"] == 6
    assert count(session, "SELECT count(*) FROM audit_event WHERE action = 'service.recorded'") == 1


def test_the_service_lists_come_from_the_forms_catalog() -> None:
    types = service_types()
    assert 200 in types and types[200].values == (200,)  # 4.14 Bed night
    assert 6 in types[141] and 13 not in types[141]  # P1.2 has no 13
    assert 151 not in types and 152 not in types, "financial assistance needs an amount the device does not keep"


@pytest.mark.parametrize(("day", "record_type", "type_provided", "field"), [
    (date(2026, 3, 3), 141, 6, "date_provided"),  # tomorrow
    (date(2026, 2, 27), 141, 6, "date_provided"),  # before the project start
    (date(2026, 3, 2), 999, 1, "record_type"),  # not a HUD record type
    (date(2026, 3, 2), 151, 1, "record_type"),  # HOPWA financial assistance: an amount is needed
    (date(2026, 3, 2), 141, 13, "type_provided"),  # not in P1.2
    (date(2026, 3, 2), 144, 3, "type_provided"),  # V2.2 3 needs a sub-type
])
def test_bad_service_input_is_refused_at_its_field_and_nothing_is_stored(
        enrolled: tuple[Session, str], day: date, record_type: int, type_provided: int, field: str) -> None:
    session, enrollment_id = enrolled
    outbox = count(session, "SELECT count(*) FROM outbox")
    with pytest.raises(ValidationError) as refused:
        record_service(session, enrollment_id, day, record_type, type_provided)
    assert refused.value.field == field
    assert str(refused.value).endswith(".") and "\n" not in str(refused.value)
    assert count(session, "SELECT count(*) FROM service") == 0
    assert count(session, "SELECT count(*) FROM outbox") == outbox


def test_no_service_after_the_exit(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    record_exit(session, enrollment_id, date(2026, 3, 1), 116)
    with pytest.raises(ValidationError) as refused:
        record_service(session, enrollment_id, date(2026, 3, 2), 141, 6)
    assert refused.value.field == "date_provided" and "after the project exit" in str(refused.value)
    record_service(session, enrollment_id, date(2026, 3, 1), 141, 6)


def test_mo_rights_4_revoking_stops_sharing_for_the_household_from_that_day(
        enrolled: tuple[Session, str]) -> None:
    """MO-ROI-3: one ROI covers the household, so withdrawing it withdraws it for both members."""
    session, _ = enrolled
    consent_id, signed = session.conn.execute("SELECT consent_id, signed_on FROM consent LIMIT 1").fetchone()
    withdrawn = revoke_consent(session, consent_id)
    assert len(withdrawn) == 2 and consent_id in withdrawn
    revoked = {r[0] for r in session.conn.execute("SELECT revoked_at FROM consent")}
    today = session.clock.now().date()
    assert revoked == {today.isoformat()}
    assert not consent_current(session.pack, date.fromisoformat(signed), None, today, today)
    assert count(session, "SELECT count(*) FROM audit_event WHERE action = 'consent.revoked'") == 2
    payloads = [json.loads(r[0]) for r in session.conn.execute("SELECT payload FROM outbox WHERE operation = 'revoke'")]
    assert sorted(p["consent_id"] for p in payloads) == sorted(withdrawn)
    assert {p["revoked_on"] for p in payloads} == {today.isoformat()}


def test_a_revocation_date_is_checked_and_a_refused_one_changes_nothing(enrolled: tuple[Session, str]) -> None:
    session, _ = enrolled
    consent_id = session.conn.execute("SELECT consent_id FROM consent LIMIT 1").fetchone()[0]
    outbox = count(session, "SELECT count(*) FROM outbox")
    for day in (date(2026, 3, 3), date(2026, 2, 28)):  # tomorrow; before the ROI was signed
        with pytest.raises(ValidationError) as refused:
            revoke_consent(session, consent_id, day)
        assert refused.value.field == "effective"
    assert count(session, "SELECT count(*) FROM consent WHERE revoked_at IS NOT NULL") == 0
    assert count(session, "SELECT count(*) FROM outbox") == outbox
    revoke_consent(session, consent_id, date(2026, 3, 1))
    with pytest.raises(UserFacingError, match="already revoked"):
        revoke_consent(session, consent_id)


def test_a_volunteer_cannot_revoke_consent(enrolled: tuple[Session, str], tmp_path: Path) -> None:
    """VT-ROLE-2 / MO-ACCESS-2: a Volunteer keeps to the basic profile."""
    session, _ = enrolled
    add_user(session, "val.volunteer", "Val", "volunteer", "Temp!Password4Cobble",
             access_completed_on=session.clock.now().date())
    session.conn.execute("UPDATE app_user SET must_change_password = 0 WHERE username = 'val.volunteer'")
    consent_id = session.conn.execute("SELECT consent_id FROM consent LIMIT 1").fetchone()[0]
    volunteer = sign_in(tmp_path / "mo", "val.volunteer", "Temp!Password4Cobble", session.clock)
    try:
        with pytest.raises(PermissionDenied):
            revoke_consent(volunteer, consent_id)
    finally:
        volunteer.close()
    assert count(session, "SELECT count(*) FROM consent WHERE revoked_at IS NOT NULL") == 0
