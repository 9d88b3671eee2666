"""``hmis-intake-server export-hmis-csv``: a real server on loopback (SQLite, and
PostgreSQL when HMIS_TEST_POSTGRES_URL is set) receives what a device vault syncs;
the server's export is read back with plain ``csv`` and the checker and compared,
file by file, with the device's own export of the same vault.

Everyone here is synthetic: demo people and invented nature names.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from support import ON_FILE, REPO_ROOT, VaultInfo, child_env, make_vault, single_sentence
from sync_support import ThreadServer, new_code
from test_hmis_csv_export import Files, assert_integrity, by_id, read_export

from app.clock import FakeClock
from app.demo import add_demo_people
from app.followup import record_contact, record_exit, record_service, revoke_consent
from app.intake import parse_document, save_intake
from app.people import open_person, update_person
from app.session import Session
from sync.credentials import StoreKind
from sync.hmis_csv.checker import check_export
from sync.hmis_csv.columns import CSV_VERSION, FILES
from sync.hmis_csv.export import ExportOptions
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.vault_source import export_vault
from sync.protocol import OutboxRecord, RecordStatus
from sync.server import export_store, storage
from sync.service import SyncJob, enroll_device

FORMS = REPO_ROOT / "forms" / "intake"
AGENCY = "Riverbend Test Shelter"
#: Files whose rows come from the records themselves and so must match the device's export.
RECORD_FILES = tuple(spec.name for spec in FILES if spec.name not in ("Export", "User"))


def server_cli(*args: str) -> subprocess.CompletedProcess[str]:
    server = Path(sys.executable).parent / "hmis-intake-server"
    argv = [str(server)] if server.exists() else [sys.executable, "-m", "sync.server_cli"]
    return subprocess.run([*argv, *args], capture_output=True, text=True, env=child_env(), cwd=str(REPO_ROOT),
                          timeout=180)


def export_with_cli(db_url: str, out: Path, *extra: str) -> tuple[dict[str, object], Files]:
    done = server_cli("export-hmis-csv", "--db", db_url, str(out), "--json", *extra)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1  # one JSON document and nothing else
    summary = json.loads(done.stdout)
    report = check_export(out)
    assert report.ok, report.format()
    return summary, read_export(out)


def fill(session: Session, pack: str, people: int = 40) -> list[str]:
    """Demo households, the pack's example intake and its follow-ups; returns the
    example's personal IDs."""
    add_demo_people(session, people, seed=17)
    example = json.loads((FORMS / f"example-{pack}.json").read_text("utf-8"))
    result = save_intake(session, parse_document(example))
    head = result.enrollment_ids[0]
    record_contact(session, head, date(2026, 3, 2), 116, "north lot")
    record_service(session, head, date(2026, 3, 2), 142, 2)  # RHY: outreach and shelters record it
    record_exit(session, head, date(2026, 3, 3), 435, destination_subsidy_type=419)
    return result.personal_ids


def sync_all(session: Session, server: ThreadServer, agency: str = AGENCY) -> None:
    if session.conn.execute("SELECT count(*) FROM sync_device").fetchone()[0] == 0:
        enroll_device(session, server.url, new_code(server.engine, agency), StoreKind.VAULT)
    report = SyncJob(session).run()
    assert (report.refused, report.left, report.error) == (0, 0, None), report.refused_reasons


def without_export_id(files: Files, name: str) -> list[dict[str, str]]:
    rows = [{k: v for k, v in row.items() if k != "ExportID"} for row in files[name]]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))


def assert_same_records(server: Files, device: Files) -> None:
    """The records, their values and their dates are the device's; only who exported
    (Export.csv) and the staff names the server does not keep (User.csv) differ."""
    for name in RECORD_FILES:
        assert without_export_id(server, name) == without_export_id(device, name), name
    assert {row["UserID"] for row in server["User"]} == {row["UserID"] for row in device["User"]}


@pytest.fixture
def vaults(tmp_path: Path) -> Iterator[dict[str, Session]]:
    opened: dict[str, Session] = {}
    yield opened
    for session in opened.values():
        if session.vault.is_open:
            session.close()


# The example intakes are signed on 2026-03-01 and followed up days later; a fixed
# clock keeps their consents current (MO-ROI-10 would refuse a follow-up a year on).
EXAMPLE_WEEK = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def open_device(vaults: dict[str, Session], tmp_path: Path, pack: str, name: str | None = None) -> Session:
    info: VaultInfo = make_vault(tmp_path / f"device-{name or pack}", pack, FakeClock(EXAMPLE_WEEK))
    vaults[name or pack] = info.sign_in()
    return vaults[name or pack]


# -- The same export as the device's -------------------------------------------------------------


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_each_pack_synced_to_the_server_exports_as_the_device_does(
        pack: str, live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session],
        tmp_path: Path) -> None:
    session = open_device(vaults, tmp_path, pack)
    example_people = fill(session, pack)
    if pack == "ct":  # a revocation travels as its own record and still withholds (MO-RIGHTS-4 rule)
        (consent_id,) = session.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?",
                                             (example_people[0],)).fetchone()
        revoke_consent(session, consent_id)
    sync_all(session, live_server)

    summary, server = export_with_cli(server_db_url, tmp_path / "server.zip")
    on_device = export_vault(session, tmp_path / "device.zip", ExportOptions())
    device = read_export(tmp_path / "device.zip")

    assert_integrity(server)
    people = session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert len(server["Client"]) == people == len({row["PersonalID"] for row in server["Client"]})
    assert len(server["Enrollment"]) == session.conn.execute("SELECT count(*) FROM enrollment").fetchone()[0]
    assert len(server["Exit"]) == len(server["Services"]) == len(server["CurrentLivingSituation"]) == 1
    assert_same_records(server, device)
    (export_row,) = server["Export"]
    assert (export_row["CSVVersion"], export_row["SourceType"], export_row["SourceName"]) == (CSV_VERSION, "3", AGENCY)
    assert export_row["ImplementationID"] != device["Export"][0]["ImplementationID"]
    assert summary["withheld_clients"] == on_device.withheld_clients
    if pack in ("ct", "vt"):  # revoked (ct) and Vermont's Not Shared default (VT-3.1-1) leave without identifiers
        client = by_id(server["Client"], "PersonalID")[csv_id(example_people[0])]
        assert client["FirstName"] == client["LastName"] == client["DOB"] == ""

    # Exporting again gives the same records under a new ExportID, with the same ImplementationID.
    _, again = export_with_cli(server_db_url, tmp_path / "again.zip")
    assert again["Export"][0]["ExportID"] != export_row["ExportID"]
    assert again["Export"][0]["ImplementationID"] == export_row["ImplementationID"]
    assert without_export_id(again, "Client") == without_export_id(server, "Client")


def test_the_newest_version_of_a_person_wins_with_the_spec_dates(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    session = open_device(vaults, tmp_path, "mo")
    (personal_id, *_) = fill(session, "mo", people=5)
    sync_all(session, live_server)
    clock = session.clock
    clock.advance(days=3)  # type: ignore[attr-defined]
    person = open_person(session, personal_id)
    update_person(session, replace(person, last_name="Quillfeather", middle_name="Bramble"), basis=ON_FILE)
    sync_all(session, live_server)

    _, server = export_with_cli(server_db_url, tmp_path / "server.zip")
    export_vault(session, tmp_path / "device.zip", ExportOptions())
    device = read_export(tmp_path / "device.zip")
    client = by_id(server["Client"], "PersonalID")[csv_id(personal_id)]
    assert (client["LastName"], client["MiddleName"]) == ("Quillfeather", "Bramble")
    assert client["DateCreated"] < client["DateUpdated"]  # the first save, then the update
    assert client == by_id(device["Client"], "PersonalID")[csv_id(personal_id)] | {
        "ExportID": client["ExportID"]}
    assert_same_records(server, device)


# -- Options -----------------------------------------------------------------------------------------


def test_options_and_agencies(live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session],
                              tmp_path: Path) -> None:
    shelter = open_device(vaults, tmp_path, "mo", "shelter")
    fill(shelter, "mo", people=12)
    sync_all(shelter, live_server, "Riverbend Test Shelter")
    outreach = open_device(vaults, tmp_path, "vt", "outreach")
    add_demo_people(outreach, 7, seed=3)
    sync_all(outreach, live_server, "Cedar Hollow Outreach")
    shelter_people = {csv_id(r[0]) for r in shelter.conn.execute("SELECT personal_id FROM person")}
    outreach_people = {csv_id(r[0]) for r in outreach.conn.execute("SELECT personal_id FROM person")}

    _, everything = export_with_cli(server_db_url, tmp_path / "all.zip")
    assert {row["PersonalID"] for row in everything["Client"]} == shelter_people | outreach_people
    assert everything["Export"][0]["SourceName"] == ""  # two agencies: no one source name
    assert len(everything["Organization"]) == 2

    _, one = export_with_cli(server_db_url, tmp_path / "outreach.zip", "--agency", "cedar hollow OUTREACH")
    assert {row["PersonalID"] for row in one["Client"]} == outreach_people
    assert one["Export"][0]["SourceName"] == "Cedar Hollow Outreach"

    summary, hashed = export_with_cli(server_db_url, tmp_path / "hashed.zip", "--hashed", "--agency",
                                      "Riverbend Test Shelter", "--project", "Street Outreach", "--start", "2020-01-01")
    assert (summary["hash_status"], summary["directive"], summary["period_type"]) == (4, 2, 3)
    assert [row["ProjectName"] for row in hashed["Project"]] == ["Street Outreach"]
    assert all(len(row["FirstName"]) in (0, 64) for row in hashed["Client"])
    with zipfile.ZipFile(tmp_path / "hashed.zip") as archive:
        assert b"Thistlewhorl" not in archive.read("Client.csv")

    delta, _ = export_with_cli(server_db_url, tmp_path / "delta.zip", "--delta", "--start", "2020-01-01")
    assert (delta["directive"], delta["period_type"]) == (1, 1)

    for extra, code in ((["--delta"], 2), (["--start", "2026-02-30"], 1), (["--agency", "Night Kitchen"], 2),
                        (["--project", "Night Kitchen"], 2), (["--end", "2026-01-01", "--start", "2026-02-01"], 2)):
        refused = server_cli("export-hmis-csv", "--db", server_db_url, str(tmp_path / "refused.zip"), *extra)
        assert refused.returncode == code, (extra, refused.stderr)
        assert single_sentence(refused.stderr), (extra, refused.stderr)
    assert not (tmp_path / "refused.zip").exists()


# -- The export as a server event, and bad input -------------------------------------------------------


def test_each_export_is_recorded_without_personal_data(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    session = open_device(vaults, tmp_path, "mo")
    fill(session, "mo", people=6)
    sync_all(session, live_server)
    out = tmp_path / "for-the-coc.zip"
    human = server_cli("export-hmis-csv", "--db", server_db_url, str(out))
    assert human.returncode == 0, human.stderr
    assert "Rows per file:" in human.stdout and "Check: 0 error(s)" in human.stdout
    export_id = read_export(out)["Export"][0]["ExportID"]
    with live_server.engine.connect() as conn:
        events = conn.execute(text("SELECT export_id, detail FROM export_event")).all()
    assert [row[0] for row in events] == [export_id]
    detail = json.loads(events[0][1])
    people = session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert detail["rows"]["Client.csv"] == people and detail["directive"] == 2
    assert "for-the-coc" not in events[0][1]  # the path is the user's, not the server's record
    names = [value for row in session.conn.execute("SELECT first_name, last_name FROM person") for value in row]
    for shown in (events[0][1], human.stdout, human.stderr):
        assert not any(name in shown for name in names if name)


def test_a_missing_or_empty_database_is_one_sentence_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.zip"
    missing = tmp_path / "nowhere.db"
    result = server_cli("export-hmis-csv", "--db", f"sqlite:///{missing}", str(out))
    assert result.returncode != 0 and single_sentence(result.stderr), result.stderr
    assert not missing.exists() and not out.exists()  # the export does not create a database

    empty_file = tmp_path / "empty.db"
    empty_file.write_bytes(b"")
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("shopping list\n" * 200)
    fresh = tmp_path / "fresh.db"
    storage.create_schema(storage.open_engine(f"sqlite:///{fresh}"))  # a server that received nothing yet
    for db in (empty_file, not_a_db, fresh):
        result = server_cli("export-hmis-csv", "--db", f"sqlite:///{db}", str(out))
        assert result.returncode != 0 and single_sentence(result.stderr), (db.name, result.stderr)
        assert "Traceback" not in result.stderr and not out.exists()
    assert "no records" in result.stderr


def _unwritable_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return folder
    (folder / "probe").unlink()  # permissions do not bind this user (root): use a folder no one may write
    if Path("/sys").is_dir():
        return Path("/sys")
    pytest.skip("no folder here refuses writes to this user")


def test_an_unwritable_or_missing_folder_writes_nothing(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    session = open_device(vaults, tmp_path, "vt")
    add_demo_people(session, 4, seed=5)
    sync_all(session, live_server)
    folder = _unwritable_folder(tmp_path)
    for out in (folder / "export.zip", tmp_path / "no" / "such" / "folder" / "export.zip"):
        result = server_cli("export-hmis-csv", "--db", server_db_url, str(out))
        assert result.returncode == 2 and single_sentence(result.stderr), result.stderr
        assert not out.exists()
    with live_server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM export_event")).scalar_one() == 0


@pytest.mark.parametrize(("entity", "damage"), [
    ("enrollment", lambda payload: payload.replace('"entry_date":"', '"entry_date":"yesterday ')),
    ("person", lambda payload: payload[: len(payload) // 2]),
    ("enrollment", lambda payload: payload.replace('"relationship_to_hoh":1', '"relationship_to_hoh":42')),
], ids=["bad-date", "truncated-json", "unknown-code"])
def test_a_malformed_stored_payload_is_reported_and_nothing_half_done_is_written(
        entity: str, damage: object, live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session],
        tmp_path: Path) -> None:
    session = open_device(vaults, tmp_path, "mo")
    add_demo_people(session, 8, seed=9)
    sync_all(session, live_server)
    out = tmp_path / "export.zip"
    export_with_cli(server_db_url, out)
    before = out.read_bytes()
    _damage_one(live_server.engine, entity, damage)  # type: ignore[arg-type]

    result = server_cli("export-hmis-csv", "--db", server_db_url, str(out))
    assert result.returncode == 4, result.stderr
    assert single_sentence(result.stderr) and f"a {entity} record" in result.stderr
    assert "nothing was written" in result.stderr
    assert out.read_bytes() == before  # the earlier export is untouched
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".export")) == []


def _damage_one(engine: Engine, entity: str, damage: object) -> None:
    with engine.begin() as conn:
        key, payload = conn.execute(text(
            "SELECT idempotency_key, payload FROM received_record WHERE entity = :e AND payload LIKE :p"
            " ORDER BY idempotency_key LIMIT 1"), {"e": entity, "p": '%"relationship_to_hoh":1%'
                                                  if entity == "enrollment" else "%"}).one()
        damaged = damage(payload)  # type: ignore[operator]
        assert damaged != payload
        conn.execute(text("UPDATE received_record SET payload = :p WHERE idempotency_key = :k"),
                     {"p": damaged, "k": key})


def test_the_export_snapshot_neither_blocks_nor_sees_a_sync_meanwhile(
        live_server: ThreadServer, vaults: dict[str, Session], tmp_path: Path) -> None:
    """All files come from one snapshot (HUD CSV spec, "Export parameters"), and devices
    keep syncing while a long export reads."""
    session = open_device(vaults, tmp_path, "mo")
    add_demo_people(session, 3, seed=2)
    sync_all(session, live_server)
    add_demo_people(session, 2, seed=4)
    (device_id,) = session.conn.execute("SELECT device_id FROM sync_device").fetchone()
    pending = [OutboxRecord(idempotency_key=r[0], entity=r[1], entity_id=r[2], operation=r[3], collected_at=r[4],
                            payload=json.loads(r[5])) for r in session.conn.execute(
        "SELECT idempotency_key, entity, entity_id, operation, collected_at, payload FROM outbox"
        " WHERE state = 'pending'")]
    with export_store.read_snapshot(live_server.engine) as conn:
        before = list(export_store.stored_rows(conn, "person", None))
        # A write lock held by the export would make this fail with "database is locked".
        results = storage.apply_batch(live_server.engine, device_id, "during-export", pending)
        assert {r.status for r in results} == {RecordStatus.ACCEPTED}
        assert list(export_store.stored_rows(conn, "person", None)) == before
    with live_server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM received_record WHERE entity = 'person'")).scalar_one() == 5


def test_records_from_an_older_device_still_export_whole(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    """A device of an earlier version sent no project definitions and no author or save
    time with its people: every ProjectID and UserID used is still defined."""
    session = open_device(vaults, tmp_path, "mo")
    add_demo_people(session, 9, seed=8)
    sync_all(session, live_server)
    with live_server.engine.begin() as conn:
        conn.execute(text("DELETE FROM received_record WHERE entity = 'project'"))
        for key, payload in conn.execute(text(
                "SELECT idempotency_key, payload FROM received_record WHERE entity = 'person'")).all():
            older = {k: v for k, v in json.loads(payload).items() if k not in ("user_id", "saved_at")}
            conn.execute(text("UPDATE received_record SET payload = :p WHERE idempotency_key = :k"),
                         {"p": json.dumps(older), "k": key})

    summary, server = export_with_cli(server_db_url, tmp_path / "older.zip")
    assert_integrity(server)
    assert len(server["Client"]) == 9
    used = {row["ProjectID"] for row in server["Enrollment"]}
    assert {row["ProjectID"] for row in server["Project"]} == used
    for row in server["Project"]:
        assert row["ProjectName"].startswith("Project not yet received (")
        assert (row["ProjectType"], row["ContinuumProject"]) == ("", "0")
    assert any("not received from a device" in note for note in summary["notes"])  # type: ignore[union-attr]
    assert {row["UserID"] for row in server["Client"]} == {csv_id(session.user.user_id)}


# -- Not Shared: hidden from other agencies, not from the agency that entered it ----------


def test_an_agencys_not_shared_clients_are_in_full_in_its_own_export_only(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    """VT-3.1-1, VT-3.1-2: Not Shared data "is not visible to other providers", but the
    agency that entered it keeps it (VT §3.1; CT-207-8)."""
    vermont = open_device(vaults, tmp_path, "vt", "vermont")
    (not_shared, *_) = fill(vermont, "vt", people=4)
    sync_all(vermont, live_server, "Alderbrook Test Shelter")
    other = open_device(vaults, tmp_path, "mo", "other")
    add_demo_people(other, 3, seed=5)  # fill()'s seed would give the same demo IDs as Vermont's
    sync_all(other, live_server, "Birchfield Test Outreach")
    (first, last) = vermont.conn.execute("SELECT first_name, last_name FROM person WHERE personal_id = ?",
                                         (not_shared,)).fetchone()

    _, own = export_with_cli(server_db_url, tmp_path / "own.zip", "--agency", "alderbrook test shelter")
    client = by_id(own["Client"], "PersonalID")[csv_id(not_shared)]
    assert (client["FirstName"], client["LastName"]) == (first, last)
    assert client["DOB"] != ""

    _, theirs = export_with_cli(server_db_url, tmp_path / "theirs.zip", "--agency", "Birchfield Test Outreach")
    assert csv_id(not_shared) not in by_id(theirs["Client"], "PersonalID")
    with zipfile.ZipFile(tmp_path / "theirs.zip") as archive:
        assert first.encode() not in archive.read("Client.csv")

    _, everyone = export_with_cli(server_db_url, tmp_path / "all.zip")
    withheld = by_id(everyone["Client"], "PersonalID")[csv_id(not_shared)]
    assert withheld["FirstName"] == withheld["LastName"] == withheld["DOB"] == ""
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert first.encode() not in archive.read("Client.csv")


def test_mo_dreq_1_the_servers_export_for_an_outside_entity(
        live_server: ThreadServer, server_db_url: str, vaults: dict[str, Session], tmp_path: Path) -> None:
    """MO-DREQ-1 on the central server's export, the HMIS Lead's path: for an outside
    entity's request the file is de-identified; identifying data needs the CoC's approval
    reference (always on the server, which serves every agency's pack), which the
    manifest and the export record keep; the options are refused anywhere else."""
    session = open_device(vaults, tmp_path, "mo")
    fill(session, "mo", people=6)
    sync_all(session, live_server)
    names = {value for row in session.conn.execute("SELECT first_name, last_name FROM person")
             for value in row if value}

    summary, plain = export_with_cli(server_db_url, tmp_path / "request.zip", "--destination", "outside")
    assert summary["destination"] == "outside" and summary["deidentified"] is True
    assert names and all(not row["FirstName"] and not row["LastName"] and not row["SSN"] for row in plain["Client"])
    assert json.loads((tmp_path / "request.manifest.json").read_text("utf-8"))["deidentified"] is True

    out = tmp_path / "identifying.zip"
    refused = server_cli("export-hmis-csv", "--db", server_db_url, str(out), "--destination", "outside",
                         "--identifying")
    assert refused.returncode == 2 and single_sentence(refused.stderr) and "approval" in refused.stderr
    assert not out.exists()
    for extra in (["--identifying"], ["--coc-approval", "CoC-2026-14"],
                  ["--destination", "outside", "--identifying", "--coc-approval", "<script>"]):
        bad = server_cli("export-hmis-csv", "--db", server_db_url, str(out), *extra)
        assert bad.returncode == 2 and single_sentence(bad.stderr), (extra, bad.stderr)
        assert not out.exists()

    summary, named = export_with_cli(server_db_url, out, "--destination", "outside", "--identifying",
                                     "--coc-approval", "CoC-2026-14")
    assert summary["coc_approval"] == "CoC-2026-14" and summary["deidentified"] is False
    assert {row["LastName"] for row in named["Client"]} & names
    manifest = json.loads((tmp_path / "identifying.manifest.json").read_text("utf-8"))
    assert manifest["coc_approval"] == "CoC-2026-14"
    with live_server.engine.connect() as conn:
        details = [json.loads(row[0]) for row in conn.execute(text("SELECT detail FROM export_event"))]
    assert [d.get("coc_approval") for d in details if d.get("destination") == "outside"] == [None, "CoC-2026-14"]
