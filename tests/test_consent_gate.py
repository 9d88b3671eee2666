"""The consent gate (app/consent_gate.py): every write of client data asks it, for the
date of the data, and its answer is kept with the record. Driven from outside with
``hmis-intake import-intake`` and read back with ``search`` and ``status``, and from
the core for the paths that have no command yet. Each test names its clause.

Synthetic people only (the example intakes' invented names, and more like them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from support import ADMIN_PASSWORD, REPO_ROOT, VaultInfo, auth, make_vault, run_cli

from app.clock import FakeClock
from app.consent_gate import ConsentNeeded, decisions_for
from app.consents import record_consent
from app.domain.person import Person
from app.followup import record_contact, revoke_consent
from app.intake import IntakeRefused, parse_document, save_intake
from app.intake.document import ConsentInput
from app.people import open_person, save_new_person, update_person
from app.session import Session

FORMS = REPO_ROOT / "forms" / "intake"


def example(pack: str, **consent: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((FORMS / f"example-{pack}.json").read_text("utf-8"))
    doc["consent"].update(consent)
    return doc


def dated(doc: dict[str, Any], entry: str) -> dict[str, Any]:
    for member in doc["members"]:
        member["enrollment"]["EntryDate"] = entry
        if "DateOfEngagement" in member["enrollment"]:
            member["enrollment"]["DateOfEngagement"] = entry
    doc["collected_at"] = f"{entry}T12:00:00Z"
    return doc


def renamed(doc: dict[str, Any], last: str) -> dict[str, Any]:
    """Another household from the same example: other people, so another paper form."""
    for member in doc["members"]:
        member["client"]["LastName"] = last
    if "document_id" in doc:
        doc["document_id"] = f"{doc['document_id']}-{last.lower()}"
    return doc


def import_docs(info: VaultInfo, tmp_path: Path, *docs: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    path = tmp_path / "intakes.json"
    path.write_text(json.dumps(list(docs)), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(path), *auth(), "--json", password=ADMIN_PASSWORD)
    assert "Traceback" not in result.stderr
    return result.returncode, result.json()


def search(info: VaultInfo, text: str) -> list[dict[str, Any]]:
    result = run_cli(info.data_dir, "search", text, *auth(), "--json", password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    return list(result.json())


def pending(info: VaultInfo) -> int:
    result = run_cli(info.data_dir, "status", *auth(), "--json", password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    return int(result.json()["pending"])


# -- From outside: import-intake, read back with search and status ---------------------------


def test_mo_roi_10_import_refuses_an_roi_signed_366_days_before_the_data(
        vault_factory: Any, tmp_path: Path) -> None:
    """MO-ROI-10 / A22: an ROI signed 2 March 2025 covers data of 1 March 2026; one signed
    28 February 2025 (366 days before) has expired by then, so that intake is refused and
    nothing of it is stored or queued."""
    info = vault_factory("mo")
    covered = renamed(example("mo", signed_on="2025-03-02"), "Thistlewhorl")
    expired = renamed(example("mo", signed_on="2025-02-28"), "Brackenwhistle")
    code, outcomes = import_docs(info, tmp_path, covered, expired)
    assert code == 1
    assert [o["saved"] for o in outcomes] == [True, False]
    assert any("MO-ROI-10" in p and "expired on 2026-02-27" in p for p in outcomes[1]["problems"])
    assert search(info, "Brackenwhistle") == []
    assert len(search(info, "Thistlewhorl")) == 2
    waiting = pending(info)
    code, _ = import_docs(info, tmp_path, expired)
    assert code == 1 and pending(info) == waiting, "a refused intake queues nothing"


def test_mo_roi_11_import_refuses_data_dated_before_the_first_roi(vault_factory: Any, tmp_path: Path) -> None:
    """MO-ROI-11: data dated before the ROI it would be entered under needs the helpdesk."""
    info = vault_factory("mo")
    early = renamed(dated(example("mo", signed_on="2026-03-01"), "2026-02-20"), "Dunmarrow")
    code, outcomes = import_docs(info, tmp_path, early)
    assert code == 1 and not outcomes[0]["saved"]
    assert any(p.startswith("members[0].enrollment.EntryDate") and "MO-ROI-11" in p
               for p in outcomes[0]["problems"])
    assert search(info, "Dunmarrow") == [] and pending(info) == 0


@pytest.mark.parametrize(("pack", "project", "population", "clause"), [
    ("vt", "Emergency Shelter", "dv", "VT-3.1-2"),
    ("vt", "Emergency Shelter", "youth", "VT-3.1-2"),
    ("mo", "Street Outreach", "protected", "MO-PROT-1"),
])
def test_forced_not_shared_population_applies_at_intake(vault_factory: Any, tmp_path: Path, pack: str,
                                                        project: str, population: str, clause: str) -> None:
    """VT-3.1-2 (a DV program), VT-3.4-13 (a youth provider, A13: every client of it) and
    MO-PROT-1 (a protected project): the client asked to share and signed the release,
    yet the record is entered Not Shared; the agency still finds its own client
    (entered, not hidden)."""
    info = vault_factory(pack)
    session = info.sign_in()
    try:
        session.conn.execute("UPDATE project SET populations = ? WHERE name = ?", (json.dumps([population]), project))
    finally:
        session.close()
    sharing = {"sharing": "shared", "shared_with": ["Partner agencies"], "release_to_share_signed": True,
               "expires_on": "2027-02-28"}
    doc = renamed(example(pack, **sharing), "Sparrowgate")
    code, outcomes = import_docs(info, tmp_path, doc)
    assert code == 0, outcomes
    hits = search(info, "Sparrowgate")
    assert hits
    session = info.sign_in()
    try:
        assert {r[0] for r in session.conn.execute("SELECT sharing FROM consent")} == {"not_shared"}
        stored = decisions_for(session.conn, hits[0]["personal_id"])
        assert [(d.kind, d.sharing, d.clause) for d in stored] == [("intake", "not_shared", clause)]
        assert population in stored[0].reason
    finally:
        session.close()


def test_vt_3_4_14_a_minor_cannot_consent_without_a_guardian(vault_factory: Any, tmp_path: Path) -> None:
    """VT-3.4-14 / A14: a 16-year-old head of household's own consent is refused; the
    same intake signed by a guardian, or by an emancipated minor, is saved."""
    info = vault_factory("vt")

    def minor(last: str, **consent: Any) -> dict[str, Any]:
        doc = renamed(example("vt", **consent), last)
        doc["members"][0]["client"]["DOB"] = "2010-01-01"
        return doc

    alone = minor("Wrenfield")
    guardian = minor("Larkspurrow", signer="guardian", guardian_name="Odile Larkspurrow")
    emancipated = minor("Pebblecroft")
    emancipated["members"][0]["emancipated"] = True
    code, outcomes = import_docs(info, tmp_path, alone, guardian, emancipated)
    assert code == 1
    assert [o["saved"] for o in outcomes] == [False, True, True]
    assert any("VT-3.4-14" in p for p in outcomes[0]["problems"])
    assert search(info, "Wrenfield") == []


# -- The core paths that have no command of their own ----------------------------------------

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def mo(tmp_path: Path) -> Iterator[Session]:
    session = make_vault(tmp_path / "mo", "mo", FakeClock(NOW)).sign_in()
    yield session
    session.close()


def mo_intake(session: Session, signed: str, entry: str | None = None, last: str = "Gorsewhistle") -> Any:
    doc = renamed(dated(example("mo", signed_on=signed), entry or signed), last)
    return save_intake(session, parse_document(doc))


def test_mo_roi_11_a_follow_up_intake_in_the_gap_between_two_rois_is_refused(mo: Session) -> None:
    """MO-ROI-11: the first ROI ends 2026-02-28, the renewal starts 2026-03-05; a later
    intake of the same person with data dated 2026-03-02 falls in the gap."""
    first = mo_intake(mo, "2025-03-01")
    head = first.personal_ids[0]
    record_consent(mo, head, ConsentInput("verbal", "shared", date(2026, 3, 5), ("MoHMIS participating agencies",),
                                          verbal_reason="By the river; no form"), script_acknowledged=True)
    doc = dated(example("mo", signed_on="2026-03-05"), "2026-03-02")
    doc["members"] = doc["members"][:1]
    doc["members"][0]["link_personal_id"] = head
    with pytest.raises(IntakeRefused) as refused:
        save_intake(mo, parse_document(doc))
    assert any(p.clause == "MO-ROI-11" and p.path == "members[0].enrollment.EntryDate"
               for p in refused.value.problems)
    assert mo.conn.execute("SELECT count(*) FROM enrollment WHERE personal_id = ?", (head,)).fetchone()[0] == 1


def test_mo_rights_4_revocation_is_decided_for_the_date_of_the_data(mo: Session) -> None:
    """MO-RIGHTS-4: after a revocation effective 2026-03-05, a contact dated 2026-03-06
    is refused; one dated 2026-03-04, while the ROI was in force, goes in and its stored
    decision says that day was Shared under the ROI (MO-ROI-1)."""
    result = mo_intake(mo, "2026-03-01")
    (consent_id,) = mo.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?",
                                    (result.personal_ids[0],)).fetchone()
    revoke_consent(mo, consent_id, date(2026, 3, 5))
    with pytest.raises(ConsentNeeded) as refused:
        record_contact(mo, result.enrollment_ids[0], date(2026, 3, 6), 116)
    assert (refused.value.hold.kind, refused.value.hold.clause) == ("revoked", "MO-RIGHTS-4")
    record_contact(mo, result.enrollment_ids[0], date(2026, 3, 4), 116)
    contact = decisions_for(mo.conn, result.personal_ids[0])[-1]
    assert (contact.kind, contact.data_day, contact.sharing, contact.clause) == (
        "contact", "2026-03-04", "shared", "MO-ROI-1")
    assert "2026-03-01" in contact.reason


def test_mo_roi_10_update_person_waits_for_a_new_roi(mo: Session) -> None:
    """MO-ROI-10: editing a person is new data; after the ROI expired it is refused and
    the record is unchanged."""
    result = mo_intake(mo, "2025-03-01")
    person = open_person(mo, result.personal_ids[0])
    waiting = mo.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    with pytest.raises(ConsentNeeded) as refused:
        update_person(mo, Person(**{**person.__dict__, "first_name": "Renamedfirst"}))
    assert refused.value.hold.clause == "MO-ROI-10"
    assert open_person(mo, result.personal_ids[0]).first_name == person.first_name
    assert mo.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == waiting


@pytest.mark.parametrize(("pack", "clause"), [("mo", "MO-ROI-1"), ("ct", "CT-207-1")])
def test_a_person_alone_needs_a_consent_basis_where_consent_comes_before_data(
        tmp_path: Path, pack: str, clause: str) -> None:
    """MO-ROI-1, CT-207-1: the "New person…" path's core function refuses a person with
    no consent basis; nothing is stored."""
    session = make_vault(tmp_path / pack, pack, FakeClock(NOW)).sign_in()
    try:
        with pytest.raises(ConsentNeeded) as refused:
            save_new_person(session, Person(first_name="Alderic", last_name="Mossgrove", name_data_quality=1))
        assert refused.value.hold.clause == clause and refused.value.exit_code == 12
        assert session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    finally:
        session.close()


def test_vt_3_4_1_a_person_alone_is_entered_not_shared(tmp_path: Path) -> None:
    """VT-3.4-1: consent to collect is assumed, so the person goes in; VT-3.1-1: with no
    release the day's data is Not Shared (Vermont's default), and the gate says why."""
    session = make_vault(tmp_path / "vt", "vt", FakeClock(NOW)).sign_in()
    try:
        pid = save_new_person(session, Person(first_name="Alderic", last_name="Mossgrove", name_data_quality=1))
        (decision,) = decisions_for(session.conn, pid)
        assert (decision.kind, decision.sharing, decision.clause) == ("person", "not_shared", "VT-3.4-1")
    finally:
        session.close()


def test_every_saved_intake_keeps_the_gates_answer(mo: Session) -> None:
    """MO-ROI-1, MO-ROI-3: each member's enrollment carries why it could be entered and how
    that day's data is shared."""
    result = mo_intake(mo, "2026-03-01")
    for pid, enrollment_id in zip(result.personal_ids, result.enrollment_ids, strict=True):
        (decision,) = decisions_for(mo.conn, pid)
        assert (decision.entity, decision.entity_id, decision.kind, decision.data_day) == (
            "enrollment", enrollment_id, "intake", "2026-03-01")
        assert decision.sharing == "shared" and decision.clause == "MO-ROI-1"


@pytest.mark.parametrize("sharing", ["shared", "not_shared"])
def test_ct_205_1_the_client_picks_the_sharing_level(tmp_path: Path, sharing: str) -> None:
    """CT-205-1: the client authorises inclusion at the level they pick; the consent and
    the gate's answer for the day of entry keep that level."""
    session = make_vault(tmp_path / "ct", "ct", FakeClock(NOW)).sign_in()
    try:
        doc = renamed(example("ct", sharing=sharing), "Mallowmere")
        if sharing == "not_shared":
            doc["consent"].pop("release_to_share_signed", None)
        result = save_intake(session, parse_document(doc))
        assert {r[0] for r in session.conn.execute("SELECT sharing FROM consent")} == {sharing}
        assert [d.sharing for d in decisions_for(session.conn, result.personal_ids[0])] == [sharing]
    finally:
        session.close()
