"""Not Shared hides a record from other agencies, not from the agency that entered it;
sharing follows the days a consent in force allowed it.

``hmis-intake export-hmis-csv --destination {agency,coc}`` is run as a real
subprocess on real vaults (intakes through ``import-intake`` or the core functions),
the zip and the visibility list are read back, and ``check-hmis-csv`` must pass on
both destinations' zips. Everyone here is synthetic.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from support import ADMIN_PASSWORD, VaultInfo, auth, run_cli
from test_hmis_csv_export import IDENTIFIERS, by_id, read_export, zip_bytes

from app.clock import FakeClock
from app.consents import record_consent
from app.followup import record_service, revoke_consent
from app.intake import parse_document, save_intake
from app.intake.document import ConsentInput
from app.project_demo import complete_demo_projects
from app.vault.connection import transaction
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.sharing import ConsentFacts, SharingTimeline
from sync.hmis_csv.source import Sharing
from sync.hmis_csv.visibility import VISIBILITY_COLUMNS

FORMS = Path(__file__).resolve().parent.parent / "forms" / "intake"


def example(pack: str) -> dict[str, Any]:
    return json.loads((FORMS / f"example-{pack}.json").read_text("utf-8"))


def export_cli(info: VaultInfo, out: Path, destination: str | None) -> dict[str, Any]:
    """The command as a user runs it; the zip must pass ``check-hmis-csv`` too (with
    the projects' HUD descriptors complete, as an agency's set-up makes them)."""
    session = info.sign_in()
    try:
        complete_demo_projects(session)
    finally:
        session.close()
    extra = ["--destination", destination] if destination else []
    result = run_cli(info.data_dir, "export-hmis-csv", str(out), *extra, "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    checked = run_cli(None, "check-hmis-csv", str(out), "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    summary = result.json()
    assert isinstance(summary, dict)
    return summary


def visibility(out: Path) -> list[dict[str, str]]:
    path = out.with_name(out.name.removesuffix(".zip") + ".visibility.csv")
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    assert tuple(rows[0]) == VISIBILITY_COLUMNS
    return [dict(zip(VISIBILITY_COLUMNS, row, strict=True)) for row in rows[1:]]


def withheld(row: dict[str, str]) -> bool:
    return all(row[column] == "" for column in IDENTIFIERS) and row["NameDataQuality"] == "99"


def import_intake(info: VaultInfo, document: dict[str, Any], tmp_path: Path) -> None:
    file = tmp_path / f"intake-{uuid.uuid4().hex}.json"
    file.write_text(json.dumps([document]), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(file), *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stdout + result.stderr


def test_vt_not_shared_default_is_in_full_for_the_agency_and_nameless_for_the_coc(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-3.1-1 / VT §3.1: Not Shared (Vermont's default) is entered and "not visible to
    other providers": the agency's own upload keeps the name and lists the person as Not
    Shared beside the zip; the CoC file withholds the identifiers but keeps the rows."""
    info = vault_factory("vt")
    import_intake(info, example("vt"), tmp_path)

    own = tmp_path / "vt-own.zip"
    summary = export_cli(info, own, "agency")
    assert summary["destination"] == "agency" and summary["withheld_clients"] == 0
    (client,) = read_export(own)["Client"]
    assert client["FirstName"] == "Wren" and client["DOB"] != ""
    listed = visibility(own)
    assert listed == [{"PersonalID": client["PersonalID"], "File": "Client", "RecordID": client["PersonalID"],
                       "RecordDate": "", "Visibility": "not_shared", "Reason": "not_shared"}]
    assert summary["visibility_list"] and summary["visibility_entries"] == 1
    text = own.with_name("vt-own.visibility.csv").read_text("utf-8")
    assert "Wren" not in text and client["LastName"] not in text  # no names in the list
    with zipfile.ZipFile(own) as archive:
        assert not any("visibility" in name.lower() for name in archive.namelist())  # not one of HUD's files

    coc = tmp_path / "vt-coc.zip"
    summary = export_cli(info, coc, "coc")
    files = read_export(coc)
    (client,) = files["Client"]
    assert withheld(client) and summary["withheld_clients"] == 1
    assert len(files["Enrollment"]) == 1  # still counted
    assert b"Wren" not in zip_bytes(coc)
    assert not coc.with_name("vt-coc.visibility.csv").exists()


def test_the_default_destination_is_the_coc_file(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """Without --destination, in a pack that lets a client-level export have a default,
    nothing leaves that consent does not allow (CT-207-10); a pack that releases only
    aggregate data by default refuses it (VT-3.2-1, tests/test_releases_cli.py)."""
    info = vault_factory("ct")
    document = example("ct")
    document["consent"].update(sharing="not_shared", release_to_share_signed=False, shared_with=[])
    import_intake(info, document, tmp_path)
    out = tmp_path / "default.zip"
    out.with_name("default.visibility.csv").write_text("PersonalID\r\n", "utf-8")  # from an earlier agency export
    summary = export_cli(info, out, None)
    assert summary["destination"] == "coc" and summary["visibility_list"] is None
    assert not out.with_name("default.visibility.csv").exists()  # it described another file
    assert withheld(read_export(out)["Client"][0])
    human = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "own.zip"), "--destination", "agency",
                    *auth(), password=ADMIN_PASSWORD)
    assert human.returncode == 0, human.stderr
    assert "Destination: this agency's own HMIS upload" in human.stdout
    assert "own.visibility.csv (1 line(s) to import as Not Shared or locked" in human.stdout
    assert "Sorrel" not in human.stdout
    bad = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "x.zip"), "--destination", "everyone", *auth(),
                  password=ADMIN_PASSWORD)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "destination" in bad.stderr


def _mo_household(info: VaultInfo, signed: str) -> tuple[list[str], list[str]]:
    document = example("mo")
    document["collected_at"] = f"{signed}T21:15:00-06:00"
    document["consent"]["signed_on"] = signed
    for member in document["members"]:
        member["enrollment"]["EntryDate"] = signed
    member = document["members"][0]["enrollment"]
    member["DateOfEngagement"] = signed
    member["DateToStreetESSH"] = str(date.fromisoformat(signed).replace(month=1, day=1))
    session = info.sign_in()
    try:
        result = save_intake(session, parse_document(document))
    finally:
        session.close()
    return result.personal_ids, result.enrollment_ids


def test_mo_expired_roi_keeps_what_it_covered_and_stops_after_expiry(
        vault_factory: Callable[[str], VaultInfo], fake_clock: FakeClock, tmp_path: Path) -> None:
    """MO-ROI-10 / MO-ROI-11: an ROI signed 2025-03-01 is in force through 2026-02-28.
    Data dated inside it stays shared in the CoC file after it expired; a service dated
    after it (as a device saved it before expiry was enforced at entry) is left out of
    the CoC file and listed, with reason ``expired``, beside the agency's own upload."""
    info = vault_factory("mo")
    real_now = fake_clock.now()
    fake_clock.set(datetime(2025, 9, 2, 15, 0, tzinfo=UTC))  # the worker's visit, while the ROI was in force
    people, enrollments = _mo_household(info, "2025-03-01")
    session = info.sign_in()
    try:
        inside = record_service(session, enrollments[0], date(2025, 9, 1), 141, 1)
        fake_clock.set(real_now)
        after = str(uuid.uuid4())
        stamp = session.clock.now().isoformat(timespec="seconds")
        with transaction(session.conn) as conn:
            conn.execute(
                "INSERT INTO service (service_id, enrollment_id, personal_id, date_provided, record_type,"
                " type_provided, collected_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (after, enrollments[0], people[0], "2026-04-01", 141, 1, stamp, stamp, session.user.user_id))
    finally:
        session.close()

    coc = tmp_path / "mo-coc.zip"
    summary = export_cli(info, coc, "coc")
    files = read_export(coc)
    clients = by_id(files["Client"], "PersonalID")
    assert clients[csv_id(people[0])]["FirstName"] == "Marlowe"  # the enrollment is dated inside the ROI
    services = {row["ServicesID"] for row in files["Services"]}
    assert csv_id(inside) in services and csv_id(after) not in services
    assert summary["left_out"] == {"Services": 1}

    own = tmp_path / "mo-own.zip"
    export_cli(info, own, "agency")
    assert {row["ServicesID"] for row in read_export(own)["Services"]} == {csv_id(inside), csv_id(after)}
    assert visibility(own) == [{"PersonalID": csv_id(people[0]), "File": "Services", "RecordID": csv_id(after),
                                "RecordDate": "2026-04-01", "Visibility": "not_shared", "Reason": "expired"}]


def test_mo_revoked_roi_is_not_shared_from_that_date_on_and_a_new_roi_shares_again(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """MO-RIGHTS-4 (A23): after a revocation every export is a new disclosure the
    client refused, so the household leaves the CoC file nameless; what went before
    cannot be recalled. A new ROI shares the data dated from its signing."""
    info = vault_factory("mo")
    people, enrollments = _mo_household(info, "2026-03-01")
    session = info.sign_in()
    try:
        record_service(session, enrollments[0], date(2026, 3, 15), 141, 1)
        (consent_id,) = session.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?",
                                             (people[0],)).fetchone()
        revoke_consent(session, consent_id, date(2026, 4, 1))
    finally:
        session.close()

    coc = tmp_path / "revoked-coc.zip"
    summary = export_cli(info, coc, "coc")
    files = read_export(coc)
    assert all(withheld(row) for row in files["Client"]) and summary["withheld_clients"] == 2
    assert len(files["Enrollment"]) == 2 and len(files["Services"]) == 1  # counted, nameless
    assert b"Thistlewhorl" not in zip_bytes(coc)
    own = tmp_path / "revoked-own.zip"
    export_cli(info, own, "agency")
    assert {row["LastName"] for row in read_export(own)["Client"]} == {"Thistlewhorl"}
    assert {(row["PersonalID"], row["File"], row["Reason"]) for row in visibility(own)} == {
        (csv_id(pid), "Client", "revoked") for pid in people}

    session = info.sign_in()
    try:
        renewed = ConsentInput(method="written", sharing="shared", signed_on=date(2026, 5, 1),
                               shared_with=("MoHMIS participating agencies",), signature="paper_attested")
        record_consent(session, people[0], renewed, script_acknowledged=True)
        later = record_service(session, enrollments[0], date(2026, 5, 10), 141, 1)
    finally:
        session.close()
    export_cli(info, coc, "coc")
    files = read_export(coc)
    # The enrollment is dated under the revoked ROI, so the person stays nameless and
    # every row is kept; the new ROI's service is in the file either way.
    assert csv_id(later) in {row["ServicesID"] for row in files["Services"]}
    assert all(withheld(row) for row in files["Client"])


def test_mo_declined_roi_is_locked_in_the_visibility_list(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """MO-ROI-8: a declined ROI locks every member's record; the agency's own upload
    lists them as locked."""
    info = vault_factory("mo")
    document = example("mo")
    document["consent"] = {"method": "declined", "sharing": "not_shared", "signed_on": "2026-03-01"}
    import_intake(info, document, tmp_path)
    own = tmp_path / "locked-own.zip"
    export_cli(info, own, "agency")
    clients = read_export(own)["Client"]
    assert {row["LastName"] for row in clients} == {"Thistlewhorl"}
    assert sorted((row["File"], row["Visibility"], row["Reason"]) for row in visibility(own)) == [
        ("Client", "locked", "locked")] * 2
    coc = tmp_path / "locked-coc.zip"
    export_cli(info, coc, "coc")
    assert all(withheld(row) for row in read_export(coc)["Client"])


def test_ct_without_the_release_is_entered_by_the_agency_and_not_shared(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """CT-207-8, CT-207-10: a client who consents to entry but signs no release to share
    is in the agency's own upload in full and listed Not Shared; the CoC file withholds
    their identifiers from other organisations."""
    info = vault_factory("ct")
    document = example("ct")
    document["consent"].update(sharing="not_shared", release_to_share_signed=False, shared_with=[])
    import_intake(info, document, tmp_path)
    own = tmp_path / "ct-own.zip"
    export_cli(info, own, "agency")
    (client,) = read_export(own)["Client"]
    assert client["FirstName"] == "Sorrel"
    assert [(row["File"], row["Reason"]) for row in visibility(own)] == [("Client", "not_shared")]
    coc = tmp_path / "ct-coc.zip"
    export_cli(info, coc, "coc")
    assert withheld(read_export(coc)["Client"][0])


def test_vt_release_with_an_expiry_shares_the_days_it_covered(
        vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    """VT-2.1-19 / VT-3.4-1: Vermont keeps collecting after a release lapses; what is
    dated after it is not shared in the CoC file but is in the agency's own upload."""
    info = vault_factory("vt")
    document = example("vt")
    document["consent"] = {"method": "written", "sharing": "shared", "signed_on": "2026-03-01",
                           "expires_on": "2026-06-30", "shared_with": ["Vermont HMIS partner agencies"],
                           "signature": "paper_attested", "release_to_share_signed": True}
    session = info.sign_in()
    try:
        result = save_intake(session, parse_document(document))
        inside = record_service(session, result.enrollment_ids[0], date(2026, 4, 1), 142, 5)
        after = record_service(session, result.enrollment_ids[0], date(2026, 8, 1), 142, 5)
    finally:
        session.close()
    coc = tmp_path / "vt-coc.zip"
    export_cli(info, coc, "coc")
    files = read_export(coc)
    assert files["Client"][0]["FirstName"] == "Wren"
    assert {row["ServicesID"] for row in files["Services"]} == {csv_id(inside)}
    own = tmp_path / "vt-own.zip"
    export_cli(info, own, "agency")
    assert {row["ServicesID"] for row in read_export(own)["Services"]} == {csv_id(inside), csv_id(after)}
    assert [(row["RecordID"], row["Reason"]) for row in visibility(own)] == [(csv_id(after), "expired")]


# -- The rule per day (pure) ----------------------------------------------------------------------


def facts(signed: str, *, sharing: str = "shared", method: str = "written", expires: str | None = None,
          revoked_on: str | None = None, recorded: str = "") -> ConsentFacts:
    return ConsentFacts("P", method, sharing, revoked_on is not None, signed, recorded or signed,
                        expires_on=expires, revoked_on=revoked_on)


def test_timeline_periods_expiry_and_withdrawal() -> None:
    """MO-ROI-10 (expiry ends what it covers from then on), MO-ROI-11 (a gap between
    ROIs is not shared), VT-3.1-4 (a later Not Shared withdraws), MO-RIGHTS-4."""
    timeline = SharingTimeline([facts("2025-03-01", expires="2026-02-28"), facts("2026-04-01")])
    assert timeline.on(date(2025, 2, 28)).reason == "no_consent"
    assert timeline.on(date(2025, 3, 1)).shared and timeline.on(date(2026, 2, 28)).shared
    assert timeline.on(date(2026, 3, 15)).reason == "expired"
    assert timeline.on(date(2026, 4, 1)).shared

    switched = SharingTimeline([facts("2026-01-01"), facts("2026-05-01", sharing="not_shared")])
    assert switched.on(date(2026, 2, 1)).reason == "not_shared" and not switched.ever_shared
    revoked = SharingTimeline([facts("2026-01-01", revoked_on="2026-04-01"), facts("2026-06-01")])
    assert revoked.on(date(2026, 2, 1)).reason == "revoked" and revoked.on(date(2026, 6, 2)).shared
    declined_then_shared = SharingTimeline([facts("2026-01-01", method="declined", sharing="not_shared"),
                                            facts("2026-02-01")])
    assert declined_then_shared.on(date(2026, 1, 15)).reason == "declined"
    assert declined_then_shared.on(date(2026, 2, 1)).shared
    assert SharingTimeline([facts("2026-01-01")], locked=True).on(date(2026, 2, 1)).reason == "locked"
    assert not SharingTimeline.constant(Sharing.DECLINED).on(date(2026, 1, 1)).shared
    assert SharingTimeline.constant(Sharing.SHARED).on(date(2026, 1, 1)).shared


def test_each_pack_states_its_export_reading() -> None:
    """VT-3.1-2, MO-ROI-8, CT-207-8, MO-ROI-10, MO-RIGHTS-4, CT-207-9: every pack says how
    it reads Not Shared for both destinations and sharing over time, citing its clauses."""
    from app.packs import load_pack

    expected = {"vt": {"VT-3.1-1", "VT-3.1-2", "VT-3.1-4"}, "mo": {"MO-ROI-8", "MO-ROI-10", "MO-RIGHTS-4"},
                "ct": {"CT-207-8", "CT-207-9"}}
    for pack_id, clauses in expected.items():
        policy = load_pack(pack_id).export
        assert "--destination agency" in policy.destination_reading and policy.over_time_reading
        assert clauses <= {clause.id for clause in policy.clauses}


# -- Over any source: households, several agencies ----------------------------------------------


def test_a_head_left_out_takes_the_household_and_the_checker_still_passes(tmp_path: Path) -> None:
    """MO-ROI-11: the head's second stay is dated after the ROI expired, so a CoC file
    leaves it out; the child with no consent is nameless and would be a household
    without its head, so it goes too. The agency file keeps all and lists the stay."""
    from dataclasses import replace

    from test_hmis_csv_export_source import MemorySource, client, enrollment

    from sync.hmis_csv.checker import check_export
    from sync.hmis_csv.export import Destination, ExportOptions, write_hmis_csv
    from sync.hmis_csv.sharing import sharing_timelines

    timelines = sharing_timelines([ConsentFacts("HEAD", "written", "shared", False, "2025-01-10", "2025-01-10",
                                                expires_on="2026-01-09")], [])
    source = MemorySource(
        clients_=[replace(client("HEAD", "Bramble"), timeline=timelines["HEAD"]),
                  replace(client("KID", "Tansy"), timeline=SharingTimeline())],
        enrollments_=[enrollment("E-OLD", "HEAD", "H-OLD", 1, entry_date=date(2025, 1, 10)),
                      enrollment("E-NEW", "HEAD", "H-NEW", 1, entry_date=date(2026, 2, 1)),
                      enrollment("E-KID", "KID", "H-NEW", 2, entry_date=date(2026, 2, 1))],
    )
    coc = tmp_path / "coc.zip"
    result = write_hmis_csv(source, coc, ExportOptions(destination=Destination.COC))
    assert check_export(coc).ok
    files = read_export(coc)
    assert [row["EnrollmentID"] for row in files["Enrollment"]] == ["E-OLD"]
    assert [row["FirstName"] for row in files["Client"]] == ["Bramble"]
    assert result.left_out == {"Enrollment": 2, "Client": 1}

    own = tmp_path / "own.zip"
    result = write_hmis_csv(source, own, ExportOptions(destination=Destination.AGENCY))
    assert check_export(own).ok and len(read_export(own)["Enrollment"]) == 3
    assert {(row["RecordID"], row["Reason"]) for row in visibility(own)} == {
        ("E-NEW", "expired"), ("KID", "no_consent")}


def test_a_central_export_for_one_agency_shows_its_own_people_in_full(tmp_path: Path) -> None:
    """VT §3.1 on the central server: an export made for one agency (``viewer_agency``)
    has that agency's Not Shared clients in full and lists them; another agency's
    Not Shared client stays nameless."""
    from dataclasses import replace

    from test_hmis_csv_export_source import MemorySource, client, enrollment

    from sync.hmis_csv.export import ExportOptions, write_hmis_csv

    source = MemorySource(
        clients_=[replace(client("OWN", "Larkspur", sharing=Sharing.NOT_SHARED), agency="Gorse Lane"),
                  replace(client("OTHER", "Yarrow", sharing=Sharing.NOT_SHARED), agency="Hazel Row")],
        enrollments_=[enrollment("E-1", "OWN", "H-1", 1), enrollment("E-2", "OTHER", "H-2", 1)],
    )
    out = tmp_path / "gorse.zip"
    result = write_hmis_csv(source, out, ExportOptions(viewer_agency="Gorse Lane"))
    clients = by_id(read_export(out)["Client"], "PersonalID")
    assert clients["OWN"]["FirstName"] == "Larkspur" and withheld(clients["OTHER"])
    assert [(row["PersonalID"], row["Reason"]) for row in visibility(out)] == [("OWN", "not_shared")]
    assert result.withheld_clients == 1


def test_a_delta_after_a_revocation_resends_the_person_without_identifiers(
        vault_factory: Callable[[str], VaultInfo], fake_clock: FakeClock, tmp_path: Path) -> None:
    """MO-RIGHTS-4: nothing of the person changed but their consent; a delta from the
    revocation day carries their Client row, withheld in a CoC file (so the warehouse
    drops the name) and listed as revoked beside the agency's own upload."""
    info = vault_factory("mo")
    real_now = fake_clock.now()
    fake_clock.set(datetime(2026, 3, 1, 22, 0, tzinfo=UTC))
    people, _enrollments = _mo_household(info, "2026-03-01")
    fake_clock.set(datetime(2026, 4, 1, 15, 0, tzinfo=UTC))
    session = info.sign_in()
    try:
        (consent_id,) = session.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?",
                                             (people[0],)).fetchone()
        revoke_consent(session, consent_id, date(2026, 4, 1))
    finally:
        session.close()
        fake_clock.set(real_now)

    def delta(out: Path, destination: str) -> dict[str, list[dict[str, str]]]:
        result = run_cli(info.data_dir, "export-hmis-csv", str(out), "--delta", "--start", "2026-04-01",
                         "--end", "2026-04-30", "--destination", destination, *auth(), password=ADMIN_PASSWORD)
        assert result.returncode == 0, result.stdout + result.stderr
        return read_export(out)

    files = delta(tmp_path / "delta-coc.zip", "coc")
    assert {row["PersonalID"] for row in files["Client"]} == {csv_id(pid) for pid in people}
    assert all(withheld(row) for row in files["Client"]) and files["Enrollment"] == []
    files = delta(tmp_path / "delta-own.zip", "agency")
    assert {row["LastName"] for row in files["Client"]} == {"Thistlewhorl"}
    assert {row["Reason"] for row in visibility(tmp_path / "delta-own.zip")} == {"revoked"}
