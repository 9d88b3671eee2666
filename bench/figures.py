"""The measurements behind ``bench.table``: each puts a figure and its baseline, measured
in the same run, into the table. Baselines themselves are in ``bench.baselines``."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.table import Table

ROOT = Path(__file__).resolve().parent.parent
USER = "bench.admin"
PASSWORD = "Quiet!Harbor7Lantern9"
SEARCH_KINDS = ("name", "partial name", "DOB", "SSN last 4")


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[94]



def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def import_times(table: Table, repeat: int) -> None:
    """``import ui.main`` vs ``import PySide6.QtWidgets``, each in a fresh interpreter."""
    def one(module: str) -> float:
        code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env=_child_env(), cwd=str(ROOT))
        return float(out.stdout.strip().splitlines()[-1])

    app, bare = [], []
    for _ in range(repeat):  # interleaved, so both see the same load
        bare.append(one("PySide6.QtWidgets"))
        app.append(one("ui.main"))
    table.put("import ui.main", "import PySide6.QtWidgets", "s", 0, statistics.median(app),
              statistics.median(bare), per_size=False)


def _run_child(args: list[str], stdin: str = "") -> tuple[float, dict[str, float]]:
    started = time.time()
    out = subprocess.run([sys.executable, "-m", "bench.gui_child", *args], input=stdin, capture_output=True,
                         text=True, env=_child_env(), cwd=str(ROOT), timeout=600)
    if out.returncode != 0:
        raise SystemExit(f"bench.gui_child {args[0]} failed: {out.stderr.strip()[-500:]}")
    return started, json.loads(out.stdout.strip().splitlines()[-1])


def gui(table: Table, size: int, data_dir: Path, repeat: int) -> None:
    """Cold start, sign-in to the main window and peak RSS, each in a fresh process."""
    from app.search_service import find_people
    from app.session import sign_in

    cold, bare_cold, to_main, rss, bare_rss = [], [], [], [], []
    for _ in range(repeat):
        started, bare = _run_child(["bare"])
        bare_cold.append(bare["shown"] - started)
        bare_rss.append(bare["rss_kib"] * 1024)
        started, app = _run_child(["app", str(data_dir), USER], PASSWORD + "\n")
        cold.append(app["shown"] - started)
        to_main.append(app["main_shown"] - app["clicked"])
        rss.append(app["rss_kib"] * 1024)

    def core_sign_in() -> float:
        t = time.perf_counter()
        session = sign_in(data_dir, USER, PASSWORD)
        try:
            find_people(session, "a")
        finally:
            session.close()
        return time.perf_counter() - t

    core = statistics.median(core_sign_in() for _ in range(repeat))
    table.put("cold start to the sign-in window", "bare PySide6 window, cold", "s", size,
              statistics.median(cold), statistics.median(bare_cold))
    table.put("sign-in to a usable main window", "sign_in() + first search, no window", "s", size,
              statistics.median(to_main), core)
    table.put("peak RSS, signed in, one search", "bare PySide6 window", "MiB", size, max(rss), max(bare_rss))
    session_stall(table, size, data_dir, repeat)


def session_stall(table: Table, size: int, data_dir: Path, repeat: int) -> None:
    """The longest UI-thread stall of a scripted session (search, a profile, an intake
    with its duplicate check and save, the outbox status, the sync screen) beside the
    same window idle for as long, each run in a fresh process."""
    from app.session import sign_in

    session = sign_in(data_dir, USER, PASSWORD)
    try:  # three letters of someone's last name: a partial-name search with many hits
        query = str(session.conn.execute("SELECT substr(last_name, 1, 3) FROM person LIMIT 1").fetchone()[0])
    finally:
        session.close()
    stalls, idle = [], []
    for _ in range(repeat):
        _started, got = _run_child(["session", str(data_dir), USER, query], PASSWORD + "\n")
        stalls.append(got["session_stall_ms"] / 1000)
        idle.append(got["idle_stall_ms"] / 1000)
    table.put("longest UI-thread stall, scripted session", "same window idle, 1 ms heartbeat", "ms", size,
              statistics.median(stalls), statistics.median(idle))


def _household(project_id: str, rng: random.Random, today: str, now: str) -> dict[str, Any]:
    doc = json.loads((ROOT / "forms" / "intake" / "example-mo.json").read_text())
    doc["project_id"] = project_id
    doc["collected_at"] = now
    doc["consent"]["signed_on"] = today
    last = "Benchwhistle" + "".join(rng.choice("abcdefghij") for _ in range(6))
    head, child = doc["members"]
    second = json.loads(json.dumps(child))
    second["client"]["FirstName"] = "Wren"
    second["client"]["DOB"] = "2019-02-11"
    doc["members"] = [head, child, second]
    for member in doc["members"]:
        member["client"]["LastName"] = last
        member["enrollment"]["EntryDate"] = today
        if "DateOfEngagement" in member["enrollment"]:
            member["enrollment"]["DateOfEngagement"] = today
    return doc


def save(table: Table, size: int, session: Any, plain: Path, repeat: int, rng: random.Random) -> None:
    """``save_intake`` of a household of 3 vs the same write statements on plain SQLite."""
    from app.intake import parse_document, save_intake
    from bench import baselines

    project_id = session.conn.execute(
        "SELECT project_id FROM project ORDER BY project_type = 4 DESC, project_id LIMIT 1").fetchone()[0]
    now = session.clock.now()
    times, traced = [], []
    for _ in range(repeat):
        doc = parse_document(_household(project_id, rng, now.date().isoformat(), now.isoformat()))
        statements: list[str] = []
        session.conn.set_trace_callback(statements.append)
        t = time.perf_counter()
        try:
            save_intake(session, doc)
        finally:
            times.append(time.perf_counter() - t)
            session.conn.set_trace_callback(None)
        # A statement is reported again as each trigger it fires starts (sqlite3_trace_v2),
        # and the consent tables are views written through triggers: keep it once.
        writes = [s for s in statements
                  if s.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE", "REPLACE")]
        traced.append([s for i, s in enumerate(writes) if i == 0 or writes[i - 1] != s])
    db = baselines.open_plain(plain)
    try:
        replays = [baselines.replay(db, statements) for statements in traced]
    finally:
        db.close()
    table.put("save a household of 3 (save_intake)", "sqlite3: the same inserts, plain", "ms", size,
              statistics.median(times), statistics.median(replays))


def search(table: Table, size: int, data_dir: Path, work: Path, queries: int, rng: random.Random) -> None:
    """``find_people`` and the duplicate check vs a plain indexed lookup, p95."""
    from app.domain.person import Person
    from app.rules.duplicates import find_duplicates
    from app.search_service import find_people
    from app.session import sign_in
    from bench import baselines

    session = sign_in(data_dir, USER, PASSWORD)
    try:
        people = session.conn.execute(
            "SELECT first_name, last_name, dob, ssn FROM person WHERE ssn IS NOT NULL ORDER BY random() LIMIT ?",
            (queries,)).fetchall()
        db = baselines.build_lookup(session.conn, work / f"lookup-{size}.db")
        texts = {"name": [f"{f} {last}" for f, last, _d, _s in people],
                 "partial name": [last[:3] for _f, last, _d, _s in people],
                 "DOB": [d for _f, _l, d, _s in people],
                 "SSN last 4": [s[-4:] for _f, _l, _d, s in people]}
        for kind in SEARCH_KINDS:
            ours, plain = [], []
            for text in texts[kind]:
                t = time.perf_counter()
                find_people(session, text)
                ours.append(time.perf_counter() - t)
                t = time.perf_counter()
                baselines.lookup(db, kind, text)
                plain.append(time.perf_counter() - t)
            table.put(f"search {kind}, p95", "sqlite3 indexed lookup, p95", "ms", size, p95(ours), p95(plain))
        ours, plain = [], []
        for first, last, dob, ssn in people:  # the near-copy a worker types for someone already here
            candidate = Person(first_name=first[:-1] + "y", last_name=last, dob=dob, ssn=ssn)
            t = time.perf_counter()
            find_duplicates(session.conn, candidate)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            baselines.lookup(db, "duplicate", f"{last}|{dob}")
            plain.append(time.perf_counter() - t)
        table.put("duplicate check, p95", "sqlite3: same DOB or last name, p95", "ms", size, p95(ours), p95(plain))
        db.close()
    finally:
        session.close()


def export(table: Table, size: int, session: Any, work: Path) -> None:
    """The device's HMIS CSV export vs ``csv`` writing the same rows; the checker vs ``csv`` reading them."""
    from bench import baselines
    from sync.hmis_csv.checker import check_export
    from sync.hmis_csv.export import ExportOptions, HashStatus
    from sync.hmis_csv.vault_source import export_vault

    out = work / f"export-{size}.zip"
    t = time.perf_counter()
    export_vault(session, out, ExportOptions(hash_status=HashStatus.UNHASHED))
    ours = time.perf_counter() - t
    files = baselines.read_zip_rows(out)
    plain = baselines.csv_write(files, work / f"csv-{size}.zip")
    table.put("HMIS CSV export, device", "csv.writer: same rows, zip, fsync", "s", size, ours, plain)
    # The floor a device export cannot go below: decrypting the vault pages it reads.
    table.put("HMIS CSV export, device (vs its vault read)", "sqlcipher3: same SELECTs + csv.writer, zip, fsync",
              "s", size, ours, baselines.vault_read_and_write(session.conn, work / f"read-{size}.zip"))
    t = time.perf_counter()
    check_export(out)
    checked = time.perf_counter() - t
    table.put("check-hmis-csv", "csv.reader: same zip", "s", size, checked, baselines.csv_read(out))


def sync(table: Table, size: int, session: Any, work: Path) -> None:
    """The sync engine vs a bare ``requests`` loop posting the same records (bench.sync_bench)."""
    import uuid

    import requests

    from bench.sync_bench import Server
    from sync.credentials import StoreKind, load_credential
    from sync.service import SyncJob, enroll_device

    rows = session.conn.execute(
        "SELECT idempotency_key, entity, entity_id, operation, collected_at, payload FROM outbox"
        " WHERE state = 'pending' ORDER BY deadline_at, id").fetchall()
    records = [{"idempotency_key": k, "entity": e, "entity_id": i, "operation": o, "collected_at": c,
                "payload": json.loads(p)} for k, e, i, o, c, p in rows]
    bare_server = Server(work / f"bare-{size}.db")
    try:
        enroll_device(session, bare_server.url, bare_server.code(), StoreKind.VAULT)
        _, credential = load_credential(session.conn, str(session.vault.keyfile.vault_id))
        http = requests.Session()
        headers = {"Authorization": credential.header()}
        t = time.perf_counter()
        for start in range(0, len(records), 100):
            body = {"protocol_version": 1, "batch_id": str(uuid.uuid4()), "records": records[start:start + 100]}
            http.post(bare_server.url + "/v1/batches", json=body, headers=headers, timeout=60).raise_for_status()
        bare = time.perf_counter() - t
    finally:
        bare_server.stop()
    server = Server(work / f"engine-{size}.db")
    try:
        enroll_device(session, server.url, server.code(), StoreKind.VAULT)
        t = time.perf_counter()
        report = SyncJob(session, batch_size=100).run()
        ours = time.perf_counter() - t
        if not report.complete or report.accepted != len(rows):
            raise SystemExit(f"sync did not finish: {report}")
    finally:
        server.stop()
    table.put("sync throughput (records/s)", "bare requests loop, same records", "rec/s", size,
              len(rows) / ours, len(rows) / bare, cost=ours)


def vault_bytes(table: Table, size: int, session: Any, plain: Path, work: Path, label: str,
                vacuum: bool = False) -> None:
    """The vault file's bytes per person (WAL checkpointed) vs plain SQLite holding the
    same records without the outbox: what the device's data needs at least."""
    from bench import baselines

    plain.unlink(missing_ok=True)
    baselines.plaintext_copy(session.conn, plain)
    floor = baselines.domain_bytes(plain, work)
    if vacuum:
        t = time.perf_counter()
        session.conn.execute("VACUUM")
        took = time.perf_counter() - t
        db = baselines.open_plain(plain)
        try:
            t = time.perf_counter()
            db.execute("VACUUM")
            plain_took = time.perf_counter() - t
        finally:
            db.close()
        table.put("VACUUM of the vault", "VACUUM of the same file, plain", "s", size, took, plain_took)
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    main_file = next(row[2] for row in session.conn.execute("PRAGMA database_list") if row[1] == "main")
    on_disk = Path(main_file).stat().st_size
    table.put(label, "plain SQLite, same records, no outbox", "B", size, on_disk / size, floor / size)



def outbox_status(table: Table, size: int, session: Any, plain: Path, repeat: int) -> None:
    """The outbox status (counts by state, the oldest record and first deadline, what is
    overdue or due soon) as the main window counts it, on a worker connection, vs the
    same statements on the plain copy of the vault, p95."""
    from app import outbox
    from bench import baselines

    timeliness = session.pack.timeliness
    now = session.clock.now()
    statements: list[str] = []
    ours, bare = [], []
    with session.worker() as worker:
        worker.conn.set_trace_callback(statements.append)
        outbox.status(worker.conn, now, timeliness.window_hours, timeliness.warn_before_hours)
        worker.conn.set_trace_callback(None)
        for _ in range(repeat):
            t = time.perf_counter()
            outbox.status(worker.conn, now, timeliness.window_hours, timeliness.warn_before_hours)
            ours.append(time.perf_counter() - t)
    db = baselines.open_plain(plain)
    try:
        for _ in range(repeat):
            t = time.perf_counter()
            for statement in statements:  # traced with their values inlined
                db.execute(statement).fetchall()
            bare.append(time.perf_counter() - t)
    finally:
        db.close()
    table.put("outbox status, worker connection, p95", "sqlite3: the same queries, plain, p95", "ms", size,
              p95(ours), p95(bare))


def consent_pdf(table: Table, size: int, session: Any, repeat: int) -> None:
    """The consent form PDF of the household saved above vs reportlab drawing the same
    number of pages of plain text (``bench.documents_bench``)."""
    import io

    from pypdf import PdfReader

    from app.documents.service import consent_document
    from bench.documents_bench import plain_pages

    consent_id = session.conn.execute(
        "SELECT consent_id FROM consent ORDER BY created_at DESC, consent_id DESC LIMIT 1").fetchone()[0]
    pages = len(PdfReader(io.BytesIO(consent_document(session, consent_id).pdf)).pages)
    ours, plain = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        consent_document(session, consent_id)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        plain_pages(pages)
        plain.append(time.perf_counter() - t)
    table.put("consent form PDF", "reportlab: same pages, plain text", "ms", size,
              statistics.median(ours), statistics.median(plain))
