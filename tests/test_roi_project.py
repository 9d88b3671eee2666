"""MO-ROI-6 (A19): an ROI is recorded for each project the client is enrolled in,
unless the agency chose one ROI per agency.

Driven from outside: ``hmis-intake import-intake``, ``roi-scope`` and
``export-hmis-csv`` as real subprocesses on a real Missouri vault, and the core
functions for the records that have no command of their own (contacts, the renewal).
Synthetic people only (the example intake's invented household).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from support import ADMIN_PASSWORD, REPO_ROOT, VaultInfo, auth, run_cli, single_sentence
from test_hmis_csv_destination import export_cli, visibility
from test_hmis_csv_export import read_export

from app.consent_gate import ConsentNeeded
from app.consents import client_projects, entry_hold_for, record_consent
from app.followup import record_contact, record_service
from app.intake.document import ConsentInput
from app.packs import load_pack
from app.rules.consent import StoredConsent, decide_entry, roi_scope
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.sharing import ConsentFacts, SharingTimeline

SECOND = "Outreach North"


def _doc(project: str, entry: date, *, consent: bool, sharing: str = "shared", link: str | None = None,
         last: str = "Thistlewhorl") -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((REPO_ROOT / "forms" / "intake" / "example-mo.json").read_text("utf-8"))
    day = entry.isoformat()
    doc["document_id"] = f"roi-project-{uuid.uuid4().hex[:12]}"
    doc["project_id"] = project
    doc["collected_at"] = f"{day}T12:00:00Z"
    doc["consent"].update(signed_on=day, sharing=sharing)
    if sharing != "shared":
        doc["consent"]["shared_with"] = []
        doc["consent"]["shared_information"] = []
    if not consent:
        del doc["consent"]
    for member in doc["members"]:
        member["client"]["LastName"] = last
        member["enrollment"]["EntryDate"] = day
        member["enrollment"]["DateOfEngagement"] = day
        member["enrollment"]["DateToStreetESSH"] = (entry - timedelta(days=60)).isoformat()
    if link is not None:
        doc["members"] = doc["members"][:1]
        doc["members"][0]["link_personal_id"] = link
    return doc


def _import(info: VaultInfo, tmp_path: Path, doc: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    path = tmp_path / f"intake-{uuid.uuid4().hex}.json"
    path.write_text(json.dumps([doc]), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(path), *auth(), "--json", password=ADMIN_PASSWORD)
    assert "Traceback" not in result.stderr
    outcomes = result.json()
    assert isinstance(outcomes, list)
    return result.returncode, outcomes[0]


def _cli(info: VaultInfo, *args: str) -> Any:
    result = run_cli(info.data_dir, *args, *auth(), password=ADMIN_PASSWORD)
    assert "Traceback" not in result.stderr
    return result


def _second_project(info: VaultInfo) -> str:
    assert _cli(info, "project", "add", SECOND, "--type", "4").returncode == 0
    listed = _cli(info, "project", "list", "--json").json()
    return str(next(p["project_id"] for p in listed if p["name"] == SECOND))


def _head(info: VaultInfo) -> str:
    session = info.sign_in()
    try:
        row = session.conn.execute("SELECT personal_id FROM enrollment WHERE relationship_to_hoh = 1"
                                   " ORDER BY created_at LIMIT 1").fetchone()
        return str(row[0])
    finally:
        session.close()


def _covers(info: VaultInfo, personal_id: str) -> list[str | None]:
    session = info.sign_in()
    try:
        return [r[0] for r in session.conn.execute(
            "SELECT covers_project_id FROM consent WHERE personal_id = ? ORDER BY created_at, signed_on",
            (personal_id,))]
    finally:
        session.close()


@pytest.fixture
def mo_client(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> tuple[VaultInfo, str, str, date]:
    """A Missouri vault with a household enrolled in Street Outreach under its ROI, and a
    second project; returns (vault, head's id, second project's id, first entry day)."""
    info = vault_factory("mo")
    first = info.clock.now().date() - timedelta(days=30)
    code, outcome = _import(info, tmp_path, _doc("Street Outreach", first, consent=True))
    assert code == 0 and outcome["saved"], outcome
    return info, _head(info), _second_project(info), first


def test_mo_roi_6_import_intake_into_a_second_project_waits_for_its_roi(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """MO-ROI-6: a client enrolled in Street Outreach under its ROI is refused a second
    project's enrollment from a paper document that carries no ROI for it, in one
    sentence citing MO-ROI-6, and nothing is stored; the same document with the
    project's ROI is saved and that ROI covers the second project only; after it, a
    document without a new ROI goes in."""
    info, head, second_id, first = mo_client
    day = first + timedelta(days=5)
    code, outcome = _import(info, tmp_path, _doc(SECOND, day, consent=False, link=head))
    assert code == 1 and not outcome["saved"]
    ((problem),) = [p for p in outcome["problems"] if "MO-ROI-6" in p]
    assert problem.startswith("members[0].consent") and "other projects only" in problem
    (only,) = _covers(info, head)
    assert only not in (None, second_id), "the intake's ROI covers Street Outreach alone"
    session = info.sign_in()
    try:
        assert second_id not in [p for p, _ in client_projects(session, head)], "nothing was enrolled"
    finally:
        session.close()

    code, outcome = _import(info, tmp_path, _doc(SECOND, day, consent=True, link=head))
    assert code == 0 and outcome["saved"], outcome
    covers = _covers(info, head)
    assert len(covers) == 2 and covers[1] == second_id and covers[0] not in (None, second_id)

    code, outcome = _import(info, tmp_path, _doc(SECOND, day + timedelta(days=1), consent=False, link=head))
    assert code == 0 and outcome["saved"], outcome
    listed = _cli(info, "consent", "list", head, "--json").json()
    assert sorted(str(c["covers_project_id"] == second_id) for c in listed) == ["False", "True"]


def test_mo_roi_6_the_agency_may_choose_one_roi_per_agency(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """A19: with ``roi-scope agency`` the Street Outreach ROI covers the second project,
    so the same document is accepted; a pack that allows no choice refuses the setting."""
    info, head, _second, first = mo_client
    shown = _cli(info, "roi-scope", "show", "--json").json()
    assert shown == {"roi_scope": "project", "agency_may_choose": True}
    assert _cli(info, "roi-scope", "agency").returncode == 0
    code, outcome = _import(info, tmp_path, _doc(SECOND, first + timedelta(days=5), consent=False, link=head))
    assert code == 0 and outcome["saved"], outcome
    assert _covers(info, head)[0] is not None, "the ROI recorded per project keeps its project"


def test_mo_roi_6_roi_scope_is_refused_where_the_pack_allows_no_choice(
        vault_factory: Callable[[str], VaultInfo]) -> None:
    """A19 is Missouri's: Vermont's pack keeps one release per agency and says so in one sentence."""
    info = vault_factory("vt")
    refused = _cli(info, "roi-scope", "project")
    assert refused.returncode != 0 and single_sentence(refused.stderr) and "agency" in refused.stderr
    assert _cli(info, "roi-scope", "show", "--json").json()["roi_scope"] == "agency"


def test_mo_roi_6_later_records_of_a_project_check_that_projects_roi(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """MO-ROI-6: a second enrollment made while the agency kept one ROI, then the agency
    returns to one ROI per project: a contact on the second project's enrollment is
    refused citing MO-ROI-6, the profile's banner says why, one on the first project's
    goes in; the renewal for the second project (record_consent with the project)
    lets it in."""
    info, head, second_id, first = mo_client
    assert _cli(info, "roi-scope", "agency").returncode == 0
    code, outcome = _import(info, tmp_path, _doc(SECOND, first + timedelta(days=5), consent=False, link=head))
    assert code == 0 and outcome["saved"], outcome
    assert _cli(info, "roi-scope", "project").returncode == 0
    day = first + timedelta(days=10)
    session = info.sign_in()
    try:
        enrollments = dict(session.conn.execute(
            "SELECT project_id, enrollment_id FROM enrollment WHERE personal_id = ?", (head,)).fetchall())
        with pytest.raises(ConsentNeeded) as refused:
            record_contact(session, enrollments[second_id], day, 116)
        assert refused.value.hold.kind == "project" and refused.value.hold.clause == "MO-ROI-6"
        assert str(refused.value).endswith("(MO-ROI-6).")
        hold = entry_hold_for(session, head)
        assert hold is not None and hold.clause == "MO-ROI-6"
        first_project = next(p for p in enrollments if p != second_id)
        record_contact(session, enrollments[first_project], day, 116)
        roi = ConsentInput("verbal", "shared", day, ("MoHMIS participating agencies",),
                           verbal_reason="Met by the river; no form")
        record_consent(session, head, roi, script_acknowledged=True, project_id=second_id)
        record_contact(session, enrollments[second_id], day, 116)
        assert entry_hold_for(session, head) is None
    finally:
        session.close()
    assert _covers(info, head).count(second_id) == 1


def test_mo_roi_6_the_rule_is_pure_over_pack_data() -> None:
    """MO-ROI-6 / A19 as pure functions: Missouri records an ROI per project unless the
    agency chose otherwise; Connecticut and Vermont keep one per agency whatever is chosen."""
    mo, vt = load_pack("mo"), load_pack("vt")
    assert roi_scope(mo) == "project" and roi_scope(mo, "agency") == "agency"
    assert roi_scope(vt, "project") == "agency" and roi_scope(load_pack("ct"), "project") == "agency"
    day = date(2026, 3, 5)
    other = StoredConsent("written", date(2026, 3, 1), None, None, "a", "shared", "project-a")
    refused = decide_entry(mo, [other], day, day, project_id="project-b", scope="project")
    assert not refused.may_enter and refused.clause == "MO-ROI-6"
    assert decide_entry(mo, [other], day, day, project_id="project-a", scope="project").may_enter
    assert decide_entry(mo, [other], day, day, project_id="project-b", scope="agency").may_enter
    agency_wide = StoredConsent("written", date(2026, 3, 1), None, None, "a", "shared", None)
    assert decide_entry(mo, [agency_wide], day, day, project_id="project-b", scope="project").may_enter


def test_mo_roi_6_sharing_over_time_follows_each_projects_roi() -> None:
    """MO-ROI-6: a Not Shared ROI for project B withdraws nothing of project A's days;
    a row of no project reads every consent as before."""
    a = ConsentFacts("p", "written", "shared", False, "2026-03-01", "2026-03-01T10:00", project_id="A")
    b = ConsentFacts("p", "written", "not_shared", False, "2026-03-10", "2026-03-10T10:00", project_id="B")
    timeline = SharingTimeline([a, b])
    assert timeline.on(date(2026, 3, 20), "A").shared
    assert timeline.on(date(2026, 3, 20), "B").reason == "not_shared"
    assert not timeline.on(date(2026, 3, 20)).shared


def test_mo_roi_6_exports_share_a_projects_rows_by_that_projects_roi(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """MO-ROI-6 in both exports: the client's ROI for Street Outreach is Shared, the one for
    the second project Not Shared. The CoC file keeps the Street Outreach service dated
    after the second ROI and leaves out the second project's enrollment; the agency's
    own upload keeps both and lists only the second project's rows."""
    info, head, second_id, first = mo_client
    code, outcome = _import(info, tmp_path, _doc(SECOND, first + timedelta(days=5), consent=True,
                                                 sharing="not_shared", link=head))
    assert code == 0 and outcome["saved"], outcome
    session = info.sign_in()
    try:
        enrollments = dict(session.conn.execute(
            "SELECT project_id, enrollment_id FROM enrollment WHERE personal_id = ?", (head,)).fetchall())
        first_project = next(p for p in enrollments if p != second_id)
        service = record_service(session, enrollments[first_project], first + timedelta(days=10), 141, 1)
    finally:
        session.close()
    coc = tmp_path / "coc.zip"
    export_cli(info, coc, "coc")
    files = read_export(coc)
    assert csv_id(service) in {row["ServicesID"] for row in files["Services"]}
    exported = {row["EnrollmentID"] for row in files["Enrollment"]}
    assert csv_id(enrollments[first_project]) in exported and csv_id(enrollments[second_id]) not in exported
    own = tmp_path / "own.zip"
    export_cli(info, own, "agency")
    listed = {(row["File"], row["RecordID"]) for row in visibility(own)}
    assert listed == {("Enrollment", csv_id(enrollments[second_id]))}


def _two_rois(info: VaultInfo, head: str, second_id: str, first: date, tmp_path: Path) -> None:
    code, outcome = _import(info, tmp_path, _doc(SECOND, first + timedelta(days=5), consent=True, link=head))
    assert code == 0 and outcome["saved"], outcome
    assert None not in _covers(info, head), "each consent names its project"
    assert second_id in _covers(info, head) and len(set(_covers(info, head))) == 2


def _current_covers(info: VaultInfo, head: str) -> list[str | None]:
    listed = _cli(info, "consent", "list", head, "--json").json()
    return sorted(c["covers_project_id"] or "" for c in listed if c["status"] == "current")


def test_mo_roi_6_a_revocation_names_a_project_or_withdraws_every_release(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """MO-ROI-6, MO-RIGHTS-4: with one ROI per project, ``consent revoke --project``
    withdraws that project's release alone; without it every release in force is
    withdrawn, so a client who withdraws is not left shared through another project."""
    info, head, second_id, first = mo_client
    _two_rois(info, head, second_id, first, tmp_path)
    assert len(_current_covers(info, head)) == 2
    one = _cli(info, "consent", "revoke", head, "--project", SECOND, "--json")
    assert one.returncode == 0, one.stderr
    assert one.json()["consent_ids"], "the second project's release (and its household's)"
    left = _current_covers(info, head)
    assert left and second_id not in left, "only the second project's release was withdrawn"
    again = _cli(info, "consent", "revoke", head, "--project", SECOND)
    assert again.returncode != 0 and single_sentence(again.stderr) and "that project" in again.stderr
    unknown = _cli(info, "consent", "revoke", head, "--project", "No Such Project")
    assert unknown.returncode != 0 and single_sentence(unknown.stderr)
    assert _cli(info, "consent", "revoke", head).returncode == 0
    assert _current_covers(info, head) == []


def test_mo_roi_6_stop_sharing_without_a_project_changes_every_release(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """MO-ROI-6, MO-RIGHTS-4: stop-sharing acts on each project's shared release in force;
    each becomes Not Shared for its own project, and the export shares neither."""
    info, head, second_id, first = mo_client
    _two_rois(info, head, second_id, first, tmp_path)
    result = _cli(info, "consent", "stop-sharing", head, "--json")
    assert result.returncode == 0, result.stderr
    listed = _cli(info, "consent", "list", head, "--json").json()
    current = [c for c in listed if c["status"] == "current"]
    assert len({c["covers_project_id"] for c in current}) == 2
    assert all(c["sharing"] == "not_shared" for c in current)
    again = _cli(info, "consent", "stop-sharing", head)
    assert again.returncode != 0 and "already Not Shared" in again.stderr


def test_mo_roi_6_my_clients_shows_the_consent_of_the_rows_project(
        mo_client: tuple[VaultInfo, str, str, date], tmp_path: Path) -> None:
    """MO-ROI-6: the caseload row names the client's latest project, and its consent
    column is that project's ROI: a return into a second project with no ROI of its own
    reads "none" although the first project's ROI is current; its renewal makes it current."""
    from app.caseload import my_clients

    info, head, second_id, first = mo_client
    assert _cli(info, "roi-scope", "agency").returncode == 0
    code, outcome = _import(info, tmp_path, _doc(SECOND, first + timedelta(days=5), consent=False, link=head))
    assert code == 0 and outcome["saved"], outcome
    assert _cli(info, "roi-scope", "project").returncode == 0
    session = info.sign_in()
    try:
        row = next(r for r in my_clients(session) if r.personal_id == head)
        assert (row.project, row.consent_status) == (SECOND, "none")
        day = first + timedelta(days=10)
        record_consent(session, head, ConsentInput("verbal", "shared", day, ("MoHMIS participating agencies",),
                                                   verbal_reason="Met by the river; no form"),
                       script_acknowledged=True, project_id=second_id)
        row = next(r for r in my_clients(session) if r.personal_id == head)
        assert (row.project, row.consent_status) == (SECOND, "current")
    finally:
        session.close()
