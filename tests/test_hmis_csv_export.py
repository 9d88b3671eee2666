"""The HMIS CSV export from a vault: every pack's demo data passes the checker and
reads back with plain ``csv``; options (period, projects, delta, HashStatus 4); the
Not Shared / declined / locked rule; odd characters; the audit event; permissions.

Everyone here is synthetic: demo people and made-up nature names.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from support import VaultInfo, synthetic_person

from app.clock import FakeClock
from app.demo import add_demo_people
from app.errors import PermissionDenied
from app.followup import record_contact, record_exit, record_service, revoke_consent
from app.intake import parse_document, save_intake
from app.packs import load_pack
from app.people import insert_person
from app.security.users import add_user
from app.session import Session
from app.vault.connection import transaction
from sync.hmis_csv.checker import check_export
from sync.hmis_csv.columns import CSV_VERSION, FILES
from sync.hmis_csv.export import ExportDirective, ExportError, ExportOptions, HashStatus, resolve_projects
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.values import hash_name, hash_ssn
from sync.hmis_csv.vault_source import AUDIT_ACTION, VaultExportSource, export_vault

FORMS = Path(__file__).resolve().parent.parent / "forms" / "intake"
Files = dict[str, list[dict[str, str]]]
IDENTIFIERS = ("FirstName", "MiddleName", "LastName", "NameSuffix", "SSN", "DOB", "AdditionalRaceEthnicity")


# -- Helpers -------------------------------------------------------------------------------


def read_export(path: Path) -> Files:
    """Every file of the zip read with plain ``csv``; asserts each header is the spec's."""
    files: Files = {}
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == sorted(spec.filename for spec in FILES)
        for spec in FILES:
            text = archive.read(spec.filename).decode("utf-8")
            records = list(csv.reader(io.StringIO(text, newline="")))
            assert tuple(records[0]) == spec.header, spec.filename
            assert all(len(record) == len(spec.header) for record in records[1:]), spec.filename
            files[spec.name] = [dict(zip(spec.header, record, strict=True)) for record in records[1:]]
    return files


def zip_bytes(path: Path) -> bytes:
    """Everything readable in the zip, for scanning: entry names, comments and every
    entry decompressed. The compressed bytes themselves are left out: they are noise
    in which a three-letter name turns up by chance now and then."""
    with zipfile.ZipFile(path) as archive:
        names = "\n".join(archive.namelist()).encode()
        comments = archive.comment + b"".join(info.comment for info in archive.infolist())
        inner = b"".join(archive.read(name) for name in archive.namelist())
    return names + comments + inner


def project_id(session: Session, name: str) -> str:
    return str(session.conn.execute("SELECT project_id FROM project WHERE name = ?", (name,)).fetchone()[0])


def add_household(session: Session, project: str, members: list[dict[str, object]], *, sharing: str = "shared",
                  method: str = "written", locked: bool = False, entry: date | None = None,
                  coc: str | None = None) -> list[tuple[str, str]]:
    """People straight into the vault (for values an intake form would not let through);
    returns (personal_id, enrollment_id) per member, the first member the head."""
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    user = session.user.user_id
    household = str(uuid.uuid4())
    pid_project = project_id(session, project)
    made: list[tuple[str, str]] = []
    with transaction(session.conn) as conn:
        conn.execute("INSERT INTO household VALUES (?, ?)", (household, stamp))
        for index, fields in enumerate(members):
            person = synthetic_person(**fields)  # type: ignore[arg-type]
            insert_person(conn, person, user, stamp)
            enrollment = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO enrollment (enrollment_id, personal_id, project_id, household_id, relationship_to_hoh,"
                " entry_date, disabling_condition, enrollment_coc, collected_at, created_at, updated_at,"
                " created_by, updated_by, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (enrollment, person.personal_id, pid_project, household, 1 if index == 0 else 2,
                 (entry or now.date()).isoformat(), 0, coc, stamp, stamp, stamp, user, user, int(locked)),
            )
            conn.execute(
                "INSERT INTO consent (consent_id, personal_id, household_id, project_id, method, sharing,"
                " signed_on, attested_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), person.personal_id, household, pid_project, method, sharing,
                 now.date().isoformat(), user, stamp),
            )
            made.append((person.personal_id, enrollment))
    return made


def export(session: Session, path: Path, **options: object) -> Files:
    export_vault(session, path, ExportOptions(**options))  # type: ignore[arg-type]
    report = check_export(path)
    assert report.ok, report.format()
    return read_export(path)


def by_id(rows: list[dict[str, str]], column: str) -> dict[str, dict[str, str]]:
    return {row[column]: row for row in rows}


def assert_integrity(files: Files) -> None:
    """The cross-file rules, checked here independently of the checker."""
    (export_row,) = files["Export"]
    assert export_row["CSVVersion"] == CSV_VERSION
    for name, rows in files.items():
        if name not in ("Export",):
            assert all(row["ExportID"] == export_row["ExportID"] for row in rows), name
    people = [row["PersonalID"] for row in files["Client"]]
    assert len(people) == len(set(people)), "one Client row per person"
    users = {row["UserID"] for row in files["User"]}
    projects = {row["ProjectID"] for row in files["Project"]}
    enrollments = {row["EnrollmentID"] for row in files["Enrollment"]}
    for name, rows in files.items():
        for row in rows:
            if "UserID" in row and name != "User":
                assert row["UserID"] in users, name
            if "ProjectID" in row and name != "Project":
                assert row["ProjectID"] in projects, name
            if "PersonalID" in row and name != "Client":
                assert row["PersonalID"] in people, name
            if "EnrollmentID" in row and name != "Enrollment":
                assert row["EnrollmentID"] in enrollments, name
    heads = Counter(row["HouseholdID"] for row in files["Enrollment"] if row["RelationshipToHoH"] == "1")
    assert heads and set(heads.values()) == {1}
    assert {row["HouseholdID"] for row in files["Enrollment"]} == set(heads)
    exits = Counter(row["EnrollmentID"] for row in files["Exit"])
    assert not exits or max(exits.values()) == 1
    cocs = {(row["ProjectID"], row["CoCCode"]) for row in files["ProjectCoC"]}
    for row in files["Enrollment"]:
        assert not row["EnrollmentCoC"] or (row["ProjectID"], row["EnrollmentCoC"]) in cocs


@pytest.fixture
def fake_clock() -> FakeClock:
    """The example intakes are signed on 2026-03-01 and followed up days later; a fixed
    clock keeps their consents current (MO-ROI-10 would refuse a follow-up a year on)."""
    return FakeClock(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))


@pytest.fixture
def session_of(vault_factory: Callable[[str], VaultInfo]) -> Iterator[Callable[[str], Session]]:
    opened: list[Session] = []

    def open_pack(pack: str) -> Session:
        session = vault_factory(pack).sign_in()
        opened.append(session)
        return session

    yield open_pack
    for session in opened:
        session.close()


def intake_example(session: Session, pack: str) -> list[str]:
    result = save_intake(session, parse_document(json.loads((FORMS / f"example-{pack}.json").read_text("utf-8"))))
    return result.enrollment_ids


# -- Every pack -------------------------------------------------------------------------------


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_each_pack_exports_demo_data_that_passes_the_checker(
        pack: str, session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of(pack)
    add_demo_people(session, 60, seed=7)
    head, *_ = intake_example(session, pack)
    record_contact(session, head, date(2026, 3, 2), 116, "north lot")
    record_service(session, head, date(2026, 3, 2), 142, 5)  # RHY: outreach and shelters
    record_exit(session, head, date(2026, 3, 3), 435, destination_subsidy_type=419)

    files = export(session, tmp_path / "export.zip")

    assert_integrity(files)
    people = session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert len(files["Client"]) == people
    assert len(files["Enrollment"]) == session.conn.execute("SELECT count(*) FROM enrollment").fetchone()[0]
    assert [row["ExitID"] for row in files["Exit"]] and files["Exit"][0]["DestinationSubsidyType"] == "419"
    assert len(files["CurrentLivingSituation"]) == 1 and len(files["Services"]) == 1
    assert files["CurrentLivingSituation"][0]["EnrollmentID"] == csv_id(head)
    (export_row,) = files["Export"]
    assert (export_row["ExportDirective"], export_row["HashStatus"], export_row["ExportPeriodType"]) == ("2", "1", "4")
    for row in files["Client"]:
        assert row["VeteranStatus"] in {"0", "1", "8", "9", "99"}  # required: 99 when never collected
        assert (row["RaceNone"] == "") == ("1" in (row["White"], row["BlackAfAmerican"], row["HispanicLatinao"],
                                                    row["Asian"], row["AmIndAKNative"], row["MidEastNAfrican"],
                                                    row["NativeHIPacific"]))
    # The example's head of household named a CoC; the project has none, so ProjectCoC is derived from it.
    example_cocs = {row["EnrollmentCoC"] for row in files["Enrollment"] if row["EnrollmentCoC"]}
    assert example_cocs and example_cocs <= {row["CoCCode"] for row in files["ProjectCoC"]}


def test_an_empty_vault_exports_24_header_only_files(session_of: Callable[[str], Session], tmp_path: Path) -> None:
    files = export(session_of("ct"), tmp_path / "empty.zip")
    assert len(files["Export"]) == 1 and len(files["Project"]) == 2
    assert not any(files[name] for name in ("Client", "Enrollment", "Exit", "Services", "CurrentLivingSituation"))


def test_the_project_coc_code_is_used_and_given_to_heads_of_household(
        session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("mo")
    with transaction(session.conn) as conn:
        conn.execute("UPDATE project SET coc_code = 'mo-600' WHERE name = 'Emergency Shelter'")
    add_household(session, "Emergency Shelter", [{"first": "Bramble", "last": "Corrowfen"},
                                                 {"first": "Tansy", "last": "Corrowfen"}])
    add_household(session, "Emergency Shelter", [{"first": "Heath", "last": "Dunmallow"}], coc="MO-601")
    files = export(session, tmp_path / "coc.zip")
    shelter = csv_id(project_id(session, "Emergency Shelter"))
    assert {(r["ProjectID"], r["CoCCode"]) for r in files["ProjectCoC"]} == {(shelter, "MO-600"), (shelter, "MO-601")}
    assert sorted(r["EnrollmentCoC"] for r in files["Enrollment"]) == ["", "MO-600", "MO-601"]
    assert files["Export"][0]["SourceID"] == "MO-600;MO-601"


# -- Options ------------------------------------------------------------------------------------


@pytest.fixture
def moving_vault(vault_factory: Callable[[str], VaultInfo], fake_clock: FakeClock) -> Iterator[
        tuple[Session, FakeClock, datetime]]:
    info = vault_factory("mo")
    session = info.sign_in()
    yield session, fake_clock, fake_clock.now()
    session.close()


def test_delta_carries_only_what_changed_in_the_period(
        moving_vault: tuple[Session, FakeClock, datetime], tmp_path: Path) -> None:
    session, clock, start = moving_vault
    old = add_household(session, "Street Outreach", [{"first": "Alder", "last": "Quennock"},
                                                     {"first": "Moss", "last": "Quennock"}])
    other_old = add_household(session, "Street Outreach", [{"first": "Linden", "last": "Farrowby"}])
    clock.advance(days=10)
    new = add_household(session, "Emergency Shelter", [{"first": "Poppy", "last": "Hallowmere"}])
    record_exit(session, old[1][1], clock.now().date(), 116)  # the child's exit: a change in a new week

    since = (start + timedelta(days=5)).date()
    delta = export(session, tmp_path / "delta.zip", start=since, directive=ExportDirective.DELTA)
    full = export(session, tmp_path / "full.zip")

    assert_integrity(delta)
    expected_people = {csv_id(pid) for pid, _ in (*old, *new)}
    assert {row["PersonalID"] for row in delta["Client"]} == expected_people  # the whole old household travels
    assert csv_id(other_old[0][0]) not in {row["PersonalID"] for row in delta["Client"]}
    assert len(delta["Exit"]) == 1
    assert (delta["Export"][0]["ExportDirective"], delta["Export"][0]["ExportPeriodType"]) == ("1", "1")
    assert delta["Export"][0]["ExportStartDate"] == since.isoformat()
    assert len(full["Client"]) == 4 and len(full["Enrollment"]) == 4
    assert full["Export"][0]["ExportDirective"] == "2"


def test_period_and_project_filter(moving_vault: tuple[Session, FakeClock, datetime], tmp_path: Path) -> None:
    session, clock, start = moving_vault
    left_early = add_household(session, "Street Outreach", [{"first": "Ember", "last": "Slatewick"}])
    stays = add_household(session, "Street Outreach", [{"first": "Fern", "last": "Oakhallow"}])
    clock.advance(days=1)
    record_exit(session, left_early[0][1], clock.now().date(), 116)
    clock.advance(days=9)
    later = add_household(session, "Emergency Shelter", [{"first": "Iris", "last": "Marrowdene"}])

    first_week_end = (start + timedelta(days=3)).date()
    early = export(session, tmp_path / "early.zip", end=first_week_end)
    assert {row["PersonalID"] for row in early["Client"]} == {csv_id(left_early[0][0]), csv_id(stays[0][0])}
    assert early["Export"][0]["ExportEndDate"] == first_week_end.isoformat()

    period_start = (start + timedelta(days=5)).date()
    active = export(session, tmp_path / "active.zip", start=period_start)
    assert {row["PersonalID"] for row in active["Client"]} == {csv_id(stays[0][0]), csv_id(later[0][0])}
    assert active["Export"][0]["ExportPeriodType"] == "3"

    outreach = resolve_projects(VaultExportSource(session), ["street outreach"])
    only = export(session, tmp_path / "outreach.zip", project_ids=outreach)
    assert [row["ProjectName"] for row in only["Project"]] == ["Street Outreach"]
    assert {row["ProjectID"] for row in only["Enrollment"]} == {csv_id(next(iter(outreach)))}
    assert len(only["Client"]) == 2

    with pytest.raises(ExportError):
        resolve_projects(VaultExportSource(session), ["Night Kitchen"])
    with pytest.raises(ExportError):
        ExportOptions(start=date(2026, 3, 2), end=date(2026, 3, 1))
    with pytest.raises(ExportError):
        ExportOptions(directive=ExportDirective.DELTA)


def test_hash_status_4_leaves_no_plaintext_name_or_ssn(session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("ct")
    add_demo_people(session, 20, seed=3)
    planted = {"first": "Wrenalda", "last": "Quarrystone", "middle_name": "Bellflower", "name_suffix": "III",
               "ssn": "987-65-4329", "ssn_data_quality": 1, "dob": "1981-05-06", "dob_data_quality": 1}
    ((person, _),) = add_household(session, "Street Outreach", [planted])
    path = tmp_path / "hashed.zip"
    files = export(session, path, hash_status=HashStatus.SHA256)

    assert files["Export"][0]["HashStatus"] == "4"
    row = by_id(files["Client"], "PersonalID")[csv_id(person)]
    assert row["FirstName"] == hash_name("Wrenalda") and row["LastName"] == hash_name("Quarrystone")
    assert row["MiddleName"] == hash_name("Bellflower") and row["NameSuffix"] == ""
    assert row["SSN"] == hash_ssn("987654329") and row["SSN"].startswith("4329")
    for client in files["Client"]:
        for column in ("FirstName", "MiddleName", "LastName"):
            assert client[column] == "" or re.fullmatch(r"[0-9a-f]{64}", client[column])
        assert client["SSN"] == "" or re.fullmatch(r"[0-9]{4}[0-9a-f]{64}", client["SSN"])
    scanned = zip_bytes(path).lower()
    demo_names = session.conn.execute("SELECT first_name, last_name, ssn FROM person").fetchall()
    for first, last, ssn in [*demo_names, ("Wrenalda", "Quarrystone", "987654329")]:
        assert first.lower().encode() not in scanned and last.lower().encode() not in scanned
        if ssn:
            assert ssn.encode() not in scanned
    assert b"bellflower" not in scanned and b"987-65-4329" not in scanned


# -- Not Shared, declined, locked ------------------------------------------------------------------


def assert_withheld(row: dict[str, str]) -> None:
    assert all(row[column] == "" for column in IDENTIFIERS)
    assert (row["NameDataQuality"], row["SSNDataQuality"], row["DOBDataQuality"]) == ("99", "99", "99")


def test_mo_declined_roi_locks_the_household_and_its_identifiers_stay_home(
        session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("mo")
    document = json.loads((FORMS / "example-mo.json").read_text("utf-8"))
    document["consent"] = {"method": "declined", "sharing": "not_shared", "signed_on": "2026-03-01"}
    result = save_intake(session, parse_document(document))
    assert session.conn.execute("SELECT min(locked) FROM enrollment").fetchone()[0] == 1  # MO-ROI-8
    shared = add_household(session, "Street Outreach", [{"first": "Clover", "last": "Penhallow"}])
    path = tmp_path / "locked.zip"
    files = export(session, path)

    clients = by_id(files["Client"], "PersonalID")
    for personal_id in result.personal_ids:
        assert_withheld(clients[csv_id(personal_id)])
    assert clients[csv_id(shared[0][0])]["FirstName"] == "Clover"
    locked_ids = {csv_id(enrollment_id) for enrollment_id in result.enrollment_ids}
    locked_enrollments = [row for row in files["Enrollment"] if row["EnrollmentID"] in locked_ids]
    assert len(locked_enrollments) == 2 and locked_enrollments[0]["LivingSituation"] == "116"  # still counted
    scanned = zip_bytes(path)
    assert b"Thistlewhorl" not in scanned and b"Marlowe" not in scanned and b"1979-10-14" not in scanned


def test_vt_not_shared_is_withheld_and_ct_revocation_stops_sharing(
        session_of: Callable[[str], Session], tmp_path: Path) -> None:
    vt = session_of("vt")
    vt_people = save_intake(vt, parse_document(json.loads((FORMS / "example-vt.json").read_text("utf-8"))))
    files = export(vt, tmp_path / "vt.zip")
    for personal_id in vt_people.personal_ids:
        assert_withheld(by_id(files["Client"], "PersonalID")[csv_id(personal_id)])

    ct = session_of("ct")
    ct_people = save_intake(ct, parse_document(json.loads((FORMS / "example-ct.json").read_text("utf-8"))))
    before = by_id(export(ct, tmp_path / "ct-before.zip")["Client"], "PersonalID")
    assert before[csv_id(ct_people.personal_ids[0])]["FirstName"] == "Sorrel"
    (consent_id,) = ct.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?",
                                    (ct_people.personal_ids[0],)).fetchone()
    revoke_consent(ct, consent_id)
    after = by_id(export(ct, tmp_path / "ct-after.zip")["Client"], "PersonalID")
    assert_withheld(after[csv_id(ct_people.personal_ids[0])])


def test_declined_or_missing_consent_withholds_identifiers(
        session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("vt")
    declined = add_household(session, "Street Outreach", [{"first": "Sage", "last": "Wimbrel"}],
                             method="declined", sharing="not_shared")
    shared = add_household(session, "Street Outreach", [{"first": "Reed", "last": "Ottermere"}])
    with transaction(session.conn) as conn:
        conn.execute("DELETE FROM consent WHERE personal_id = ?", (shared[0][0],))
    clients = by_id(export(session, tmp_path / "declined.zip")["Client"], "PersonalID")
    assert_withheld(clients[csv_id(declined[0][0])])
    assert_withheld(clients[csv_id(shared[0][0])])


# -- Values ---------------------------------------------------------------------------------------


def test_odd_characters_in_names_round_trip(session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("ct")
    ((person, _),) = add_household(session, "Street Outreach", [{
        "first": 'Ann "Nan", the <Second>', "last": "Zoe\u0308 O'Bramble,\nof [the] {Fen}",
        "middle_name": "  Ma\u00efa  ", "ssn": "000000000", "ssn_data_quality": 1,
        "additional_race_ethnicity": "Fen\x00folk",
    }])
    row = by_id(export(session, tmp_path / "odd.zip")["Client"], "PersonalID")[csv_id(person)]
    assert row["FirstName"] == 'Ann "Nan", the Second'
    assert row["LastName"] == "Zo\u00eb O'Bramble,\nof the Fen"
    assert row["MiddleName"] == "Ma\u00efa"
    assert row["SSN"] == "" and row["SSNDataQuality"] == "99"  # a placeholder is null, not "full"
    assert row["AdditionalRaceEthnicity"] == "Fenfolk"


# -- Audit and permissions -----------------------------------------------------------------------------


def test_the_export_is_one_audit_event_without_personal_data(
        session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("mo")
    add_household(session, "Street Outreach", [{"first": "Yarrow", "last": "Kettlebrook"}])
    path = tmp_path / "Yarrow-Kettlebrook.zip"  # a careless name; the trail must not repeat it
    export(session, path, start=date(2020, 1, 1), hash_status=HashStatus.SHA256)
    events = session.conn.execute(
        "SELECT user_id, entity_id, detail FROM audit_event WHERE action = ?", (AUDIT_ACTION,)).fetchall()
    assert len(events) == 1
    user_id, export_id, detail_text = events[0]
    assert user_id == session.user.user_id
    detail = json.loads(detail_text)
    assert detail["rows"]["Client.csv"] == 1 and detail["hash_status"] == 4 and detail["directive"] == 2
    assert detail["start"] == "2020-01-01" and detail["projects"] == "all"
    with zipfile.ZipFile(path) as archive:
        assert export_id in archive.read("Export.csv").decode()
    trail = " ".join(str(value) for row in session.conn.execute("SELECT * FROM audit_event") for value in row)
    assert "Yarrow" not in trail and "Kettlebrook" not in trail and str(tmp_path) not in trail


def test_a_volunteer_cannot_export(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    info = vault_factory("vt")
    admin = info.sign_in()
    try:
        volunteer_role = next(r.id for r in load_pack("vt").roles if r.kind == "volunteer")
        assert "export.hmis_csv" not in load_pack("vt").role(volunteer_role).permissions
        user_id = add_user(admin, "fern.helper", "Fern Helper", volunteer_role, "Violet!Ladder7Kettle9",
                           access_completed_on=admin.clock.now().date())
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
    finally:
        admin.close()
    session = info.sign_in("fern.helper", "Violet!Ladder7Kettle9")
    try:
        with pytest.raises(PermissionDenied):
            export_vault(session, tmp_path / "nope.zip", ExportOptions())
        assert session.conn.execute("SELECT count(*) FROM audit_event WHERE action = ?",
                                    (AUDIT_ACTION,)).fetchone()[0] == 0
    finally:
        session.close()
    assert not (tmp_path / "nope.zip").exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*")) == []


def test_a_failed_export_leaves_the_old_file_alone(session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("ct")
    path = tmp_path / "keep.zip"
    path.write_bytes(b"an earlier export")
    with pytest.raises(ExportError):
        export_vault(session, tmp_path / "missing-folder" / "x.zip", ExportOptions())
    with pytest.raises(ExportError):
        export_vault(session, tmp_path, ExportOptions())
    assert path.read_bytes() == b"an earlier export"


def test_user_csv_has_no_user_names(session_of: Callable[[str], Session], tmp_path: Path) -> None:
    session = session_of("ct")
    with transaction(session.conn) as conn:
        conn.execute("UPDATE app_user SET display_name = 'Quinn Harrow Admin'")
    add_household(session, "Street Outreach", [{"first": "Onyx", "last": "Brindlecombe"}])
    path = tmp_path / "users.zip"
    files = export(session, path)
    (user,) = files["User"]
    assert (user["UserFirstName"], user["UserLastName"]) == ("Quinn Harrow", "Admin")
    assert b"quinn.admin" not in zip_bytes(path)


def test_timestamps_are_local_time_as_the_spec_writes_them(
        vault_factory: Callable[[str], VaultInfo], fake_clock: FakeClock, tmp_path: Path) -> None:
    fake_clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    info = vault_factory("ct")
    session = info.sign_in()
    try:
        add_household(session, "Street Outreach", [{"first": "Elm", "last": "Withercombe"}], entry=date(2026, 3, 1))
        files = export(session, tmp_path / "time.zip")
    finally:
        session.close()
    expected = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert files["Client"][0]["DateCreated"] == expected
    assert files["Export"][0]["ExportDate"] == expected
    assert files["Enrollment"][0]["EntryDate"] == "2026-03-01"
