"""Every figure beside a baseline measured in the same run, in one table.

    .venv/bin/python -m bench                          # 1,000 / 10,000 / 100,000 people
    .venv/bin/python -m bench --sizes 1000,10000       # a quicker run
    .venv/bin/python -m bench --sizes 200 --quick      # seconds: every row, few repeats
    .venv/bin/python -m bench --markdown docs/performance.md   # also write the table there
    .venv/bin/python -m bench.run                      # the older detailed core figures

For each size a vault of synthetic people (``app.demo``, pack ``mo``) is built and
each figure is measured through the production code paths, and its baseline - the
same work with nothing of HMIS Intake around it (plain SQLite, ``csv``, a bare
``requests`` loop, a bare PySide6 window) - right beside it, so a loaded machine
slows both. The ratio is figure / baseline (for sync: engine records/s / bare
records/s). The last column gives, at the largest size, how the figure grew with the
number of people: the exponent k in figure ~ people^k between the smallest and the
largest size (1 = linear; above 1.15 is flagged as faster than linear).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is bench.run's
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
USER = "bench.admin"
PASSWORD = "Quiet!Harbor7Lantern9"
SIZES = (1_000, 10_000, 100_000)
SEARCH_KINDS = ("name", "partial name", "DOB", "SSN last 4")


@dataclass
class Figure:
    label: str
    baseline_label: str
    unit: str  # "s", "ms", "B", "MiB", "rec/s"
    values: dict[int, tuple[float, float]] = field(default_factory=dict)  # size -> (figure, baseline)
    cost: dict[int, float] = field(default_factory=dict)  # size -> what grows (time or bytes)
    per_size: bool = True


class Table:
    def __init__(self) -> None:
        self.figures: dict[str, Figure] = {}

    def put(self, label: str, baseline_label: str, unit: str, size: int, value: float, baseline: float,
            cost: float | None = None, per_size: bool = True) -> None:
        figure = self.figures.setdefault(label, Figure(label, baseline_label, unit, per_size=per_size))
        figure.values[size] = (value, baseline)
        figure.cost[size] = value if cost is None else cost
        print(f"  {label} ({size:,}): {_fmt(value, unit)} vs {_fmt(baseline, unit)}", file=sys.stderr, flush=True)

    def rows(self) -> list[list[str]]:
        out = []
        for figure in self.figures.values():
            sizes = sorted(figure.values)
            for size in sizes:
                value, baseline = figure.values[size]
                ratio = value / baseline if baseline else float("nan")
                growth = _growth(figure) if size == sizes[-1] else ""
                out.append([figure.label, f"{size:,}" if figure.per_size else "-", _fmt(value, figure.unit),
                            figure.baseline_label, _fmt(baseline, figure.unit), f"{ratio:.2f}x", growth])
        return out

    def markdown(self) -> str:
        head = ["figure", "people", "value", "baseline (same run)", "baseline", "ratio", "growth"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows()]
        return "\n".join(lines)

    def faster_than_linear(self) -> list[str]:
        return [f.label for f in self.figures.values() if _exponent(f) is not None and _exponent(f) > 1.15]


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "B":
        return f"{value:,.0f} B"
    if unit == "MiB":
        return f"{value / 2**20:.0f} MiB"
    if unit == "rec/s":
        return f"{value:,.0f} rec/s"
    return f"{value:.3g}"


def _exponent(figure: Figure) -> float | None:
    sizes = sorted(figure.cost)
    if not figure.per_size or len(sizes) < 2:
        return None
    low, high = figure.cost[sizes[0]], figure.cost[sizes[-1]]
    if low <= 0 or high <= 0:
        return None
    return math.log(high / low) / math.log(sizes[-1] / sizes[0])


def _growth(figure: Figure) -> str:
    k = _exponent(figure)
    if k is None:
        return ""
    word = "faster than linear" if k > 1.15 else ("linear" if k >= 0.85 else "sub-linear")
    return f"k={k:.2f} {word}"


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[94]


# -- the measurements -------------------------------------------------------------------


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
        traced.append([s for s in statements
                       if s.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE", "REPLACE")])
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


def one_size(table: Table, size: int, work: Path, args: argparse.Namespace, rng: random.Random) -> None:
    from app.demo import add_demo_people
    from app.session import initialize, sign_in

    print(f"{size:,} people", file=sys.stderr, flush=True)
    data_dir = work / f"people-{size}"
    session, _ = initialize(data_dir, "mo", USER, PASSWORD, agency_name="Bench Agency")
    try:
        add_demo_people(session, size, seed=size)
    finally:
        session.close()
    plain = work / f"plain-{size}.db"
    search(table, size, data_dir, work, args.queries, rng)
    session = sign_in(data_dir, USER, PASSWORD)
    try:
        vault_bytes(table, size, session, plain, work, "vault bytes per person, unsent")
        export(table, size, session, work)
        save(table, size, session, plain, args.saves, rng)
        sync(table, size, session, work)
        vault_bytes(table, size, session, plain, work, "vault bytes per person, after sync")
        vault_bytes(table, size, session, plain, work, "vault bytes per person, after sync + VACUUM",
                    vacuum=True)
    finally:
        session.close()
    gui(table, size, data_dir, args.repeat)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", {kib / 2**20:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ", load average %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return (f"{os.cpu_count()} CPUs ({cpu}){ram}{load}; Python {sys.version.split()[0]}; "
            f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="comma-separated numbers of people (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="few repeats: to see every row work, not to compare")
    parser.add_argument("--queries", type=int, help="searches per kind and size (default 100; 5 with --quick)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--markdown", type=Path, help="also write the machine line and the table to this file,"
                        " between the bench markers")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    args.queries = args.queries or (5 if args.quick else 100)
    args.saves = 2 if args.quick else 5
    args.repeat = 1 if args.quick else 3
    rng = random.Random(20261205)
    table = Table()
    started = time.perf_counter()
    before = machine()
    with tempfile.TemporaryDirectory(prefix="hmis-bench-table-") as tmp:
        import_times(table, args.repeat)
        for size in sizes:
            one_size(table, size, Path(tmp), args, rng)
    print(f"HMIS Intake: every figure beside its baseline - {before}")
    print()
    text = table.markdown()
    print(text)
    print()
    faster = table.faster_than_linear()
    growth = ("Faster than linear: " + ", ".join(faster) + ".") if faster else (
        "Nothing grows faster than linear." if len(sizes) > 1 else "Growth needs two sizes or more.")
    print(growth)
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    if args.json:
        args.json.write_text(json.dumps({f.label: {"baseline": f.baseline_label, "unit": f.unit,
                                                   "values": f.values} for f in table.figures.values()},
                                        indent=1))
    if args.markdown:
        write_markdown(args.markdown, f"Measured {before}.\n\n{text}\n\n{growth}\n")
    return 0


START, END = "<!-- bench:table -->", "<!-- /bench:table -->"


def write_markdown(path: Path, block: str) -> None:
    old = path.read_text() if path.exists() else f"{START}\n{END}\n"
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n{block}{END}{tail}")


if __name__ == "__main__":
    sys.exit(main())
