"""Contacts (4.12), services, exits and consent revocation after an intake."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.followup import record_contact, record_exit, record_service, revoke_consent
from app.intake import parse_document, save_intake
from app.rules.consent import consent_current
from app.session import Session
from support import VaultInfo

EXAMPLE = Path(__file__).resolve().parent.parent / "forms" / "intake" / "example-mo.json"


@pytest.fixture
def enrolled(mo_vault: VaultInfo) -> Iterator[tuple[Session, str]]:
    session = mo_vault.sign_in()
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


def test_service_is_recorded(enrolled: tuple[Session, str]) -> None:
    session, enrollment_id = enrolled
    record_service(session, enrollment_id, date(2026, 3, 2), 141, 1)
    assert session.conn.execute("SELECT count(*) FROM service").fetchone()[0] == 1


def test_mo_rights_4_revoking_stops_sharing_from_that_day(enrolled: tuple[Session, str]) -> None:
    session, _ = enrolled
    consent_id, signed = session.conn.execute("SELECT consent_id, signed_on FROM consent LIMIT 1").fetchone()
    revoke_consent(session, consent_id)
    revoked = session.conn.execute("SELECT revoked_at FROM consent WHERE consent_id = ?", (consent_id,)).fetchone()[0]
    today = session.clock.now().date()
    assert revoked == today.isoformat()
    assert not consent_current(session.pack, date.fromisoformat(signed), None, today, today)
    actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event WHERE action = 'consent.revoked'")]
    assert actions == ["consent.revoked"]
    assert session.conn.execute("SELECT count(*) FROM outbox WHERE operation = 'revoke'").fetchone()[0] == 1
