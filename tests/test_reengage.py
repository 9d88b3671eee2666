"""Re-engagement (``app.reengage``): after an exit, a new enrollment for the same
household through the ordinary intake save, linked to the people on file. Real vault
on disk; synthetic people only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from support import make_vault
from test_consent_gate import dated, example, mo_intake

from app.clock import FakeClock
from app.followup import record_exit
from app.intake import IntakeRefused, parse_document, save_intake
from app.reengage import has_open_enrollment, reengagement_members
from app.session import Session

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def mo(tmp_path: Path) -> Iterator[Session]:
    session = make_vault(tmp_path / "mo", "mo", FakeClock(NOW)).sign_in()
    yield session
    session.close()


def _count(session: Session, table: str) -> int:
    return session.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _return_doc(members: list[dict], entry: str, signed: str) -> dict:
    doc = dated(example("mo", signed_on=signed), entry)
    doc["document_id"] = "mo-paper-2026-0001-return"
    by_relationship = {m["answers"]["RelationshipToHoH"]: m for m in members}
    for member in doc["members"]:
        linked = by_relationship[member["enrollment"]["RelationshipToHoH"]]
        member["link_personal_id"] = linked["link_personal_id"]
        member["client"] = {k: v for k, v in linked["answers"].items() if k != "RelationshipToHoH"}
    return doc


def test_after_an_exit_the_household_enrolls_again_without_new_people(mo: Session) -> None:
    first = mo_intake(mo, "2026-03-01")
    head = first.personal_ids[0]
    for enrollment_id in first.enrollment_ids:
        record_exit(mo, enrollment_id, date(2026, 3, 5), 116)
    assert not has_open_enrollment(mo, head)
    members = reengagement_members(mo, head)
    assert next(m["link_personal_id"] for m in members) == head
    assert {m["link_personal_id"] for m in members} == set(first.personal_ids)
    assert members[0]["answers"]["RelationshipToHoH"] == 1 and members[0]["answers"]["LastName"]
    people, enrollments = _count(mo, "person"), _count(mo, "enrollment")
    again = save_intake(mo, parse_document(_return_doc(members, "2026-03-09", "2026-03-01")))
    assert set(again.personal_ids) == set(first.personal_ids)
    assert _count(mo, "person") == people, "no one is created twice"
    assert _count(mo, "enrollment") == enrollments + len(first.personal_ids)
    assert has_open_enrollment(mo, head)


def test_mo_roi_10_a_return_after_the_roi_expired_goes_through_the_gate(mo: Session) -> None:
    """MO-ROI-10: the re-engagement is an ordinary intake; with the old ROI expired and
    no new consent in the document dated in force, the gate refuses it."""
    first = mo_intake(mo, "2025-01-10")
    for enrollment_id in first.enrollment_ids:
        record_exit(mo, enrollment_id, date(2025, 2, 1), 116)
    members = reengagement_members(mo, first.personal_ids[0])
    doc = _return_doc(members, "2026-03-09", "2025-01-10")
    enrollments = _count(mo, "enrollment")
    with pytest.raises(IntakeRefused) as refused:
        save_intake(mo, parse_document(doc))
    assert "MO-ROI" in str(refused.value)
    assert _count(mo, "enrollment") == enrollments
