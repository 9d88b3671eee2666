"""HUD 2.02 project descriptors: a rapid re-housing project (type 13) carries its RRH
subtype and a services-only project (type 6) its residential affiliation and the
residential projects it names, so their exports pass the checker; wrong descriptors
are refused with the field named and nothing stored; a project's definition goes to
the central server through the outbox.

Everyone here is synthetic.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, AGENCY, USER_PASSWORD, VaultInfo, add_ready_user
from test_hmis_csv_export import add_household, assert_integrity, project_id, read_export

from app.errors import PermissionDenied, ValidationError
from app.intake import parse_document, save_intake
from app.projects import ProjectDescriptors, list_projects, set_project_descriptors
from app.session import Session, initialize
from sync.hmis_csv.checker import check_export
from sync.hmis_csv.export import ExportOptions, resolve_projects
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.vault_source import VaultExportSource, export_vault

EXAMPLE = json.loads((Path(__file__).resolve().parent.parent / "forms" / "intake" / "example-mo.json")
                     .read_text("utf-8"))
PROJECTS = (("Emergency Shelter", 0), ("Rapid Rehousing", 13), ("Drop-in Services", 6), ("Street Outreach", 4))


@pytest.fixture
def info(tmp_path: Path, fake_clock) -> VaultInfo:  # type: ignore[no-untyped-def]
    session, recovery = initialize(tmp_path / "data", "mo", ADMIN_USER, ADMIN_PASSWORD, agency_name=AGENCY,
                                   projects=PROJECTS, clock=fake_clock,
                                   access_completed_on=fake_clock.now().date())
    session.close()
    return VaultInfo(tmp_path / "data", "mo", ADMIN_USER, ADMIN_PASSWORD, recovery, fake_clock)


@pytest.fixture
def session(info: VaultInfo) -> Iterator[Session]:
    opened = info.sign_in()
    yield opened
    opened.close()


def households(session: Session) -> None:
    add_household(session, "Rapid Rehousing", [{"first": "Bramble", "last": "Nettlecombe"},
                                               {"first": "Wren", "last": "Nettlecombe"}])
    add_household(session, "Drop-in Services", [{"first": "Alder", "last": "Fennimore"}])
    add_household(session, "Emergency Shelter", [{"first": "Ivy", "last": "Marrowgate"}])


def codes(report_problems: object) -> set[tuple[str, str | None, str]]:
    return {(p.file, p.column, p.code) for p in report_problems}  # type: ignore[attr-defined]


def test_without_descriptors_the_checker_refuses_types_13_and_6(session: Session, tmp_path: Path) -> None:
    households(session)
    path = tmp_path / "bare.zip"
    export_vault(session, path, ExportOptions())
    report = check_export(path)
    assert {("Project.csv", "RRHSubType", "conditional_required"),
            ("Project.csv", "ResidentialAffiliation", "conditional_required")} <= codes(report.errors)


def test_rrh_and_services_only_projects_export_and_pass_the_checker(session: Session, tmp_path: Path) -> None:
    shelter, rrh, sso = (project_id(session, name) for name in ("Emergency Shelter", "Rapid Rehousing",
                                                                "Drop-in Services"))
    set_project_descriptors(session, shelter, ProjectDescriptors(housing_type=1, target_population=4))
    set_project_descriptors(session, rrh, ProjectDescriptors(rrh_sub_type=2, housing_type=3))
    set_project_descriptors(session, sso, ProjectDescriptors(residential_affiliation=1,
                                                             residential_project_ids=(shelter,)))
    households(session)
    path = tmp_path / "described.zip"
    export_vault(session, path, ExportOptions())
    report = check_export(path)
    assert report.ok, report.format()
    files = read_export(path)
    assert_integrity(files)
    projects = {row["ProjectName"]: row for row in files["Project"]}
    assert (projects["Rapid Rehousing"]["RRHSubType"], projects["Rapid Rehousing"]["HousingType"]) == ("2", "3")
    assert projects["Rapid Rehousing"]["ResidentialAffiliation"] == ""  # housing RRH: 2.02.B not asked
    assert (projects["Drop-in Services"]["ResidentialAffiliation"], projects["Drop-in Services"]["RRHSubType"]) == (
        "1", "")
    assert (projects["Emergency Shelter"]["HousingType"], projects["Emergency Shelter"]["TargetPopulation"]) == (
        "1", "4")
    (affiliation,) = files["Affiliation"]
    assert (affiliation["ProjectID"], affiliation["ResProjectID"]) == (csv_id(sso), csv_id(shelter))
    assert affiliation["ExportID"] == files["Export"][0]["ExportID"] and affiliation["UserID"]

    # Only the services-only project: the shelter it is affiliated with comes along, so
    # ResProjectID is defined, but none of the shelter's people do.
    only = resolve_projects(VaultExportSource(session), ["Drop-in Services"])
    narrow = tmp_path / "sso.zip"
    export_vault(session, narrow, ExportOptions(project_ids=only))
    assert check_export(narrow).ok
    files = read_export(narrow)
    assert sorted(row["ProjectName"] for row in files["Project"]) == ["Drop-in Services", "Emergency Shelter"]
    assert len(files["Affiliation"]) == 1 and len(files["Client"]) == 1

    # RRH services only (subtype 1) asks 2.02.B too.
    set_project_descriptors(session, rrh, ProjectDescriptors(rrh_sub_type=1, residential_affiliation=0))
    export_vault(session, path, ExportOptions())
    assert check_export(path).ok
    rrh_row = {row["ProjectName"]: row for row in read_export(path)["Project"]}["Rapid Rehousing"]
    assert (rrh_row["RRHSubType"], rrh_row["ResidentialAffiliation"], rrh_row["HousingType"]) == ("1", "0", "")


@pytest.mark.parametrize(("name", "descriptors", "field"), [
    ("Rapid Rehousing", ProjectDescriptors(), "rrh_sub_type"),
    ("Rapid Rehousing", ProjectDescriptors(rrh_sub_type=7), "rrh_sub_type"),
    ("Emergency Shelter", ProjectDescriptors(rrh_sub_type=2), "rrh_sub_type"),
    ("Drop-in Services", ProjectDescriptors(), "residential_affiliation"),
    ("Emergency Shelter", ProjectDescriptors(residential_affiliation=0), "residential_affiliation"),
    ("Drop-in Services", ProjectDescriptors(residential_affiliation=1), "residential_project_ids"),
    ("Drop-in Services", ProjectDescriptors(residential_affiliation=0, residential_project_ids=("x",)),
     "residential_project_ids"),
    ("Street Outreach", ProjectDescriptors(housing_type=1), "housing_type"),
    ("Emergency Shelter", ProjectDescriptors(housing_type=5), "housing_type"),
    ("Emergency Shelter", ProjectDescriptors(target_population=2), "target_population"),
])
def test_wrong_descriptors_are_refused_with_the_field_and_nothing_changes(
        session: Session, name: str, descriptors: ProjectDescriptors, field: str) -> None:
    before = session.conn.execute("SELECT * FROM project ORDER BY project_id").fetchall()
    outbox = session.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    with pytest.raises(ValidationError) as refused:
        set_project_descriptors(session, project_id(session, name), descriptors)
    assert refused.value.field == field and str(refused.value).endswith(".")
    assert session.conn.execute("SELECT * FROM project ORDER BY project_id").fetchall() == before
    assert session.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == outbox


def test_an_affiliated_project_must_be_residential_and_on_the_device(session: Session) -> None:
    sso, outreach = project_id(session, "Drop-in Services"), project_id(session, "Street Outreach")
    for others in ((outreach,), ("no-such-project",), (sso,)):
        with pytest.raises(ValidationError) as refused:
            set_project_descriptors(session, sso, ProjectDescriptors(residential_affiliation=1,
                                                                     residential_project_ids=others))
        assert refused.value.field == "residential_project_ids"


def test_only_device_configurers_set_descriptors(info: VaultInfo) -> None:
    add_ready_user(info, "hazel.coordinator", "data_coordinator")
    coordinator = info.sign_in("hazel.coordinator", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            set_project_descriptors(coordinator, project_id(coordinator, "Rapid Rehousing"),
                                    ProjectDescriptors(rrh_sub_type=2))
    finally:
        coordinator.close()


def test_the_project_definition_travels_to_the_server_once_per_change(session: Session) -> None:
    def project_rows() -> list[dict[str, object]]:
        return [json.loads(row[0]) for row in session.conn.execute(
            "SELECT payload FROM outbox WHERE entity = 'project' ORDER BY id")]

    for name in ("Rapid Rehousing", "Drop-in Services", "Rapid Rehousing"):
        save_intake(session, parse_document({**EXAMPLE, "project_id": name}))
    sent = project_rows()
    assert sorted(p["name"] for p in sent) == ["Drop-in Services", "Rapid Rehousing"]  # once each
    rrh = project_id(session, "Rapid Rehousing")
    set_project_descriptors(session, rrh, ProjectDescriptors(rrh_sub_type=2))
    latest = project_rows()[-1]
    assert (latest["project_id"], latest["rrh_sub_type"], latest["project_type"]) == (rrh, 2, 13)
    assert latest["organization_name"] == AGENCY and latest["user_id"] == session.user.user_id
    info = {p.name: p for p in list_projects(session)}
    assert info["Rapid Rehousing"].descriptors.rrh_sub_type == 2
    audit = session.conn.execute(
        "SELECT detail FROM audit_event WHERE action = 'project.descriptors_set'").fetchall()
    assert len(audit) == 1 and json.loads(audit[0][0])["rrh_sub_type"] == 2


# -- From the command line ---------------------------------------------------------------------


def test_descriptors_set_from_the_command_line_make_the_export_pass(info: VaultInfo, tmp_path: Path) -> None:
    from support import auth, run_cli, single_sentence

    session = info.sign_in()
    try:
        households(session)
    finally:
        session.close()

    def cli(*args: str):  # type: ignore[no-untyped-def]
        return run_cli(info.data_dir, *args, *auth(), password=ADMIN_PASSWORD)

    unknown = cli("project", "set", "Nowhere Project", "--rrh-subtype", "2")
    assert unknown.returncode != 0 and single_sentence(unknown.stderr)
    assert "no project named" in unknown.stderr
    wrong = cli("project", "set", "Drop-in Services", "--rrh-subtype", "2")
    assert wrong.returncode != 0 and "Only a rapid re-housing project" in wrong.stderr
    assert "Traceback" not in wrong.stderr

    assert cli("project", "set", "rapid rehousing", "--rrh-subtype", "2", "--housing-type", "3").returncode == 0
    done = cli("project", "set", "Drop-in Services", "--residential-affiliation", "1",
               "--affiliated-project", "Emergency Shelter")
    assert done.returncode == 0, done.stderr
    listed = {p["name"]: p for p in cli("project", "list", "--json").json()}
    assert listed["Rapid Rehousing"]["rrh_sub_type"] == 2
    assert listed["Drop-in Services"]["residential_affiliation"] == 1
    assert listed["Drop-in Services"]["residential_project_ids"] == [listed["Emergency Shelter"]["project_id"]]

    # The rest of HUD 2.02-2.08, so a CoC's HMIS takes the export as it is (no high priority).
    place = ("--operating-start", "2020-01-01", "--coc-code", "MO-606", "--geocode", "299999",
             "--geography-type", "1", "--address", "1 Test Way", "--city", "Testville", "--state", "MO",
             "--zip", "65101", "--hmis-participation", "1", "--funder", "46", "--other-funder", "Test Fund",
             "--grant-id", "TEST-1", "--funder-start", "2024-01-01")
    beds = ("--household-type", "1", "--units", "5", "--beds", "10", "--inventory-start", "2020-01-01")
    for project in listed.values():
        extra: tuple[str, ...] = ()
        if project["project_type"] in (0, 1):
            extra = ("--housing-type", "1", *beds, "--availability", "1", "--bed-type", "1")
        elif project["project_type"] == 13:
            extra = beds
        result = cli("project", "set", project["name"], *place, *extra)
        assert result.returncode == 0, result.stderr
    assert all(not p["missing"] for p in cli("project", "list", "--json").json())

    out = tmp_path / "export.zip"
    exported = cli("export-hmis-csv", str(out))
    assert exported.returncode == 0, exported.stderr
    checked = run_cli(None, "check-hmis-csv", str(out), "--json")
    assert checked.returncode == 0, checked.stdout
    files = read_export(out)
    rrh = next(row for row in files["Project"] if row["ProjectType"] == "13")
    assert rrh["RRHSubType"] == "2"
    assert [row["ResProjectID"] for row in files["Affiliation"]] == [csv_id(listed["Emergency Shelter"]["project_id"])]
