"""Household intake through the one shared path (wizard and import): rules per pack,
one transaction, outbox and audit rows. Synthetic people only."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from support import VaultInfo

from app.intake import IntakeRefused, parse_document, save_intake
from app.session import Session

COLLECTED = "2026-03-02T08:30:00Z"  # the fake clock starts 2026-03-02 09:00 UTC


def project_id(session: Session, project_type: int = 4) -> str:
    row = session.conn.execute("SELECT project_id FROM project WHERE project_type = ?", (project_type,)).fetchone()
    return str(row[0])


def adult(first: str, last: str, relationship: int = 1, **client: Any) -> dict[str, Any]:
    return {
        "client": {"FirstName": first, "LastName": last, "NameDataQuality": 1, "DOB": "1984-07-09",
                   "DOBDataQuality": 1, "SSNDataQuality": 99, "White": 1, "Sex": 9, "VeteranStatus": 0,
                   **client},
        "enrollment": {"EntryDate": "2026-03-02", "RelationshipToHoH": relationship, "DisablingCondition": 8,
                       "EnrollmentCoC": "XX-501", "LivingSituation": 116, "LengthOfStay": 10,
                       "LOSUnderThreshold": 1, "PreviousStreetESSH": 1, "DateToStreetESSH": "2026-01-01",
                       "TimesHomelessPastThreeYears": 1, "MonthsHomelessPastThreeYears": 102,
                       "DateOfEngagement": "2026-03-02"},
    }


def child(first: str, last: str) -> dict[str, Any]:
    member = adult(first, last, relationship=2, DOB="2016-05-05")
    member["client"].pop("VeteranStatus")
    for key in ("LivingSituation", "LengthOfStay", "LOSUnderThreshold", "PreviousStreetESSH",
                "DateToStreetESSH", "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears",
                "EnrollmentCoC"):
        member["enrollment"].pop(key)
    return member


def document(session: Session, members: list[dict[str, Any]], **consent: Any) -> dict[str, Any]:
    return {
        "format": "hmis-intake/intake-v1",
        "project_id": project_id(session),
        "collected_at": COLLECTED,
        "oral_explanation": {"acknowledged": True},
        "consent": {"method": "written", "sharing": "shared", "signed_on": "2026-03-02",
                    "expires_on": "2027-03-01", "shared_with": ["CoC partner agencies"],
                    "signature": "paper_attested", "release_to_share_signed": True, **consent},
        "members": members,
    }


@pytest.fixture
def session_for(vault_factory: Callable[[str], VaultInfo]) -> Iterator[Callable[[str], Session]]:
    opened: list[Session] = []

    def open_(pack: str) -> Session:
        session = vault_factory(pack).sign_in()
        opened.append(session)
        return session

    yield open_
    for s in opened:
        s.close()


def count(session: Session, table: str) -> int:
    return int(session.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_adult_alone_is_saved_with_outbox_and_audit(session_for: Callable[[str], Session], pack: str) -> None:
    """MO-ROI-2: the consent record is queued for the central server with the person."""
    session = session_for(pack)
    result = save_intake(session, parse_document(document(session, [adult("Quillon", "Featherstrand")])))
    assert len(result.personal_ids) == 1
    pid = result.personal_ids[0]
    row = session.conn.execute("SELECT first_name, dob FROM person WHERE personal_id = ?", (pid,)).fetchone()
    assert row == ("Quillon", "1984-07-09")
    entities = {r[0] for r in session.conn.execute("SELECT entity FROM outbox")}
    assert {"person", "enrollment", "consent"} <= entities
    actions = {r[0] for r in session.conn.execute(
        "SELECT action FROM audit_event WHERE entity_id = ?", (pid,))}
    assert {"person.created", "intake.saved", "consent.recorded"} <= actions
    deadline = session.conn.execute(
        "SELECT collected_at, deadline_at FROM outbox WHERE entity = 'person'").fetchone()
    assert deadline[0].startswith("2026-03-02T08:30")  # tied to collection, not to saving


def test_family_with_a_minor_in_mo_one_roi_covers_the_household(session_for: Callable[[str], Session]) -> None:
    """MO-ROI-3: one signed ROI covers every member."""
    session = session_for("mo")
    doc = document(session, [adult("Brisa", "Larkspurrow"), child("Tiko", "Larkspurrow")])
    result = save_intake(session, parse_document(doc))
    assert count(session, "consent") == 2
    households = {r[0] for r in session.conn.execute("SELECT household_id FROM enrollment")}
    assert households == {result.household_id}


def test_vt_3_4_14_minor_covered_by_guardian_head_of_household(session_for: Callable[[str], Session]) -> None:
    session = session_for("vt")
    doc = document(session, [adult("Brisa", "Larkspurrow"), child("Tiko", "Larkspurrow")])
    save_intake(session, parse_document(doc))
    assert count(session, "enrollment") == 2


def test_ct_a6_each_adult_gives_their_own_consent(session_for: Callable[[str], Session]) -> None:
    session = session_for("ct")
    doc = document(session, [adult("Brisa", "Larkspurrow"), adult("Orrin", "Larkspurrow", relationship=3)])
    with pytest.raises(IntakeRefused) as refused:
        save_intake(session, parse_document(doc))
    assert any("own consent" in p.message for p in refused.value.problems)
    assert count(session, "person") == 0, "nothing of the household may be stored"
    doc["members"][1]["consent"] = copy.deepcopy(doc["consent"])
    save_intake(session, parse_document(doc))
    assert count(session, "person") == 2


def test_mo_roi_8_declined_consent_locks_the_household(session_for: Callable[[str], Session]) -> None:
    session = session_for("mo")
    doc = document(session, [adult("Brisa", "Larkspurrow"), child("Tiko", "Larkspurrow")],
                   method="declined", sharing="shared")
    save_intake(session, parse_document(doc))
    assert {r[0] for r in session.conn.execute("SELECT locked FROM enrollment")} == {1}
    assert {r[0] for r in session.conn.execute("SELECT sharing FROM consent")} == {"not_shared"}


def test_ct_207_1_declined_consent_stores_nothing(session_for: Callable[[str], Session]) -> None:
    session = session_for("ct")
    doc = document(session, [adult("Brisa", "Larkspurrow")], method="declined", sharing="not_shared")
    with pytest.raises(IntakeRefused):
        save_intake(session, parse_document(doc))
    assert count(session, "person") == 0
    assert count(session, "outbox") == 0


def test_ct_207_7_verbal_consent_by_phone(session_for: Callable[[str], Session]) -> None:
    session = session_for("ct")
    verbal = {"method": "verbal", "signature": None, "verbal_reason": "first contact by phone",
              "first_contact_by_phone": True}
    save_intake(session, parse_document(document(session, [adult("Brisa", "Larkspurrow")], **verbal)))
    assert session.conn.execute("SELECT method FROM consent").fetchone()[0] == "verbal"


def test_vt_3_1_2_dv_program_forces_not_shared(session_for: Callable[[str], Session]) -> None:
    session = session_for("vt")
    session.conn.execute("UPDATE project SET populations = '[\"dv\"]'")
    result = save_intake(session, parse_document(document(session, [adult("Brisa", "Larkspurrow")])))
    assert session.conn.execute("SELECT sharing FROM consent").fetchone()[0] == "not_shared"
    assert any("Not Shared" in n for n in result.notices)


def test_prefers_not_to_answer_is_never_a_blocker(session_for: Callable[[str], Session]) -> None:
    """CT-207-5, MO-RIGHTS-5: the client may decline any question."""
    session = session_for("mo")
    member = adult("Brisa", "Larkspurrow", Sex=9, VeteranStatus=9)
    member["enrollment"].update(DisablingCondition=9, LivingSituation=9)
    save_intake(session, parse_document(document(session, [member])))
    assert count(session, "person") == 1


def test_every_field_problem_is_reported_with_its_path(session_for: Callable[[str], Session]) -> None:
    """CT-108-3: the intake's logic checks refuse wrong data, every problem at once."""
    session = session_for("mo")
    member = adult("Brisa", "Larkspurrow", SSN="666-12-3456", SSNDataQuality=1, DOB="2099-01-01", Sex=5)
    member["enrollment"]["RelationshipToHoH"] = 2
    with pytest.raises(IntakeRefused) as refused:
        save_intake(session, parse_document(document(session, [member])))
    paths = {p.path for p in refused.value.problems}
    assert {"members[0].client.SSN", "members[0].client.DOB", "members[0].client.Sex", "members"} <= paths
    assert count(session, "person") == 0


def test_linking_the_same_person_creates_no_new_person(session_for: Callable[[str], Session]) -> None:
    session = session_for("mo")
    first = save_intake(session, parse_document(document(session, [adult("Brisa", "Larkspurrow")])))
    again = document(session, [adult("Brisa", "Larkspurrow")])
    again["members"][0]["link_personal_id"] = first.personal_ids[0]
    second = save_intake(session, parse_document(again))
    assert second.personal_ids == first.personal_ids
    assert count(session, "person") == 1
    assert count(session, "enrollment") == 2


def test_hud_3_02_partial_ssn_with_full_ssn_reported_is_refused(session_for: Callable[[str], Session]) -> None:
    """HUD 3.02: the last four digits with "Full SSN reported" contradict each other."""
    session = session_for("mo")
    member = adult("Brisa", "Larkspurrow", SSN="xxxxx1234", SSNDataQuality=1)
    with pytest.raises(IntakeRefused) as refused:
        save_intake(session, parse_document(document(session, [member])))
    messages = [p.message for p in refused.value.problems if p.path == "members[0].client.SSN"]
    assert messages and "9 digits" in messages[0]
    assert count(session, "person") == 0
    member["client"]["SSNDataQuality"] = 2
    save_intake(session, parse_document(document(session, [member])))
    assert count(session, "person") == 1
