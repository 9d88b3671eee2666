"""Correcting a person's details after the save (``app.person_edit``): the intake's
rules, the consent gate, the role, an audit event naming the fields and an outbox
row. Real vault on disk; synthetic people only."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import USER_PASSWORD, add_ready_user, make_vault
from test_consent_gate import mo_intake

from app.audit import events_for
from app.clock import FakeClock
from app.consent_gate import ConsentNeeded
from app.errors import PermissionDenied
from app.people import open_person
from app.person_edit import PersonProblems, edit_person
from app.session import Session

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def mo(tmp_path: Path) -> Iterator[Session]:
    session = make_vault(tmp_path / "mo", "mo", FakeClock(NOW)).sign_in()
    yield session
    session.close()


def _outbox(session: Session, pid: str) -> int:
    return session.conn.execute("SELECT count(*) FROM outbox WHERE entity = 'person' AND entity_id = ?",
                                (pid,)).fetchone()[0]


def test_a_correction_is_stored_audited_with_field_names_and_queued(mo: Session) -> None:
    pid = mo_intake(mo, "2026-03-01").personal_ids[0]
    person = open_person(mo, pid)
    queued = _outbox(mo, pid)
    changed = edit_person(mo, dataclasses.replace(person, first_name="Quillon", dob="1981-02-03",
                                                  dob_data_quality=1, ssn="231-47-5896", ssn_data_quality=1,
                                                  sex=1))
    assert {"first_name", "dob", "ssn"} <= set(changed) <= {"first_name", "dob", "dob_data_quality", "ssn",
                                                         "ssn_data_quality", "sex"}
    stored = open_person(mo, pid)
    assert (stored.first_name, stored.dob, stored.ssn) == ("Quillon", "1981-02-03", "231475896")
    assert _outbox(mo, pid) == queued + 1
    edited = [e for e in events_for(mo.conn, "person", pid) if e.action == "person.edited"]
    assert edited and "first_name" in edited[-1].detail["fields"]
    assert "Quillon" not in str(edited[-1].detail) and "231475896" not in str(edited[-1].detail)


def test_nothing_changed_writes_nothing(mo: Session) -> None:
    pid = mo_intake(mo, "2026-03-01").personal_ids[0]
    queued = _outbox(mo, pid)
    assert edit_person(mo, open_person(mo, pid)) == ()
    assert _outbox(mo, pid) == queued


def test_the_intake_rules_refuse_a_bad_correction_and_nothing_changes(mo: Session) -> None:
    """The same identity rules as the intake: SSN digits against its data quality, a real
    date of birth not in the future, a name when its quality says one was reported."""
    pid = mo_intake(mo, "2026-03-01").personal_ids[0]
    person = open_person(mo, pid)
    with pytest.raises(PersonProblems) as refused:
        edit_person(mo, dataclasses.replace(person, first_name=None, last_name=None, name_data_quality=1,
                                            ssn="xxxxx1234", ssn_data_quality=1, dob="2031-01-01",
                                            sex=77))
    paths = {p.path for p in refused.value.problems}
    assert {"first_name", "ssn", "dob", "sex"} <= paths
    assert open_person(mo, pid) == person


def test_mo_roi_10_a_correction_waits_for_a_new_roi(mo: Session) -> None:
    """MO-ROI-10: after the ROI expired a correction is refused with the hold's clause."""
    pid = mo_intake(mo, "2025-03-01").personal_ids[0]
    person = open_person(mo, pid)
    with pytest.raises(ConsentNeeded) as refused:
        edit_person(mo, dataclasses.replace(person, first_name="Quillon"))
    assert refused.value.hold.clause == "MO-ROI-10"
    assert open_person(mo, pid).first_name == person.first_name


def test_a_volunteer_may_not_correct_details_after_the_save(tmp_path: Path) -> None:
    """MO-ACCESS-2: a Volunteer or Intern edits no full record (client.edit_full)."""
    info = make_vault(tmp_path / "mo", "mo", FakeClock(NOW))
    admin = info.sign_in()
    pid = mo_intake(admin, "2026-03-01").personal_ids[0]
    admin.close()
    add_ready_user(info, "volly", "volunteer")
    volunteer = info.sign_in("volly", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            edit_person(volunteer, dataclasses.replace(open_person(volunteer, pid), first_name="Quillon"))
    finally:
        volunteer.close()
