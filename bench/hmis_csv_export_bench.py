"""HMIS CSV export time for 10,000 and 100,000 synthetic people, on the device and on
the central server.

    .venv/bin/python bench/hmis_csv_export_bench.py [--people 10000 100000] [--hashed] [--no-server]
    .venv/bin/python -m bench.hmis_csv_export_bench

For each size, makes a throwaway vault (``mo`` pack) with N synthetic people in
households (``add_demo_people``; at 100,000 this alone takes tens of seconds and is
not counted), then times the export to a zip (read the vault, build the rows, write
and fsync the 24 files) and, separately, the checker over the written file.

Then, unless ``--no-server``, the same records go to a reference server database
(SQLite): every outbox row of the vault, applied in batches of 1,000 through the
server's own ``apply_batch`` (what ``POST /v1/batches`` runs, without HTTP; not
counted), and the server's export is timed the same way (read every stored version
in one snapshot, fold, build the rows, write the zip) and checked. The vault, the
server database and the zips live in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is not measured here
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.demo import add_demo_people  # noqa: E402
from app.session import Session, initialize  # noqa: E402
from sync.hmis_csv.checker import check_export  # noqa: E402
from sync.hmis_csv.export import ExportOptions, ExportResult, HashStatus  # noqa: E402
from sync.hmis_csv.server_source import ServerExportSource, export_from_server  # noqa: E402
from sync.hmis_csv.vault_source import export_vault  # noqa: E402
from sync.protocol import MAX_RECORDS_PER_BATCH, OutboxRecord  # noqa: E402
from sync.server import storage  # noqa: E402

USER = "bench.admin"
PASSWORD = "Bench!Harbor7Lantern9"


def _report(where: str, people: int, seconds: float, result: ExportResult, out: Path, extra: str) -> None:
    started = time.perf_counter()
    report = check_export(out)
    checked = time.perf_counter() - started
    size_mib = out.stat().st_size / 2**20
    print(f"{people:>7} people, {where:<6}: export {seconds:6.2f} s ({people / seconds:8.0f} people/s), "
          f"{result.rows['Client.csv']} clients, {result.rows['Enrollment.csv']} enrollments, "
          f"{size_mib:.1f} MiB zip; check {checked:6.2f} s ({len(report.errors)} errors, "
          f"{len(report.warnings)} warnings); {extra}", flush=True)


def _fill_server(session: Session, db: Path) -> tuple[str, float, int]:
    """Every outbox row of the vault applied to a new server database; returns its URL,
    the seconds it took and the number of records."""
    url = f"sqlite:///{db}"
    engine = storage.open_engine(url)
    started = time.perf_counter()
    try:
        storage.create_schema(engine)
        code = storage.new_enrollment_code(engine, "Bench Agency")
        device = storage.redeem_code(engine, code, "bench-laptop", "bench")
        cursor = session.conn.execute(
            "SELECT idempotency_key, entity, entity_id, operation, collected_at, payload FROM outbox ORDER BY id")
        sent = 0
        while rows := cursor.fetchmany(MAX_RECORDS_PER_BATCH):
            records = [OutboxRecord(idempotency_key=r[0], entity=r[1], entity_id=r[2], operation=r[3],
                                    collected_at=r[4], payload=json.loads(r[5])) for r in rows]
            storage.apply_batch(engine, device.device_id, uuid.uuid4().hex, records)
            sent += len(records)
    finally:
        engine.dispose()
    return url, time.perf_counter() - started, sent


def run_one(people: int, hashed: bool, server: bool, folder: Path) -> None:
    session, _ = initialize(folder / f"vault-{people}", "mo", USER, PASSWORD, agency_name="Bench Agency",
                            access_completed_on=date.today())
    options = ExportOptions(hash_status=HashStatus.SHA256 if hashed else HashStatus.UNHASHED)
    try:
        started = time.perf_counter()
        add_demo_people(session, people, seed=people)
        filled = time.perf_counter() - started
        out = folder / f"export-{people}.zip"
        started = time.perf_counter()
        result = export_vault(session, out, options)
        exported = time.perf_counter() - started
        _report("device", people, exported, result, out, f"demo data {filled:.1f} s (not counted)")
        if not server:
            return
        url, loaded, records = _fill_server(session, folder / f"server-{people}.db")
    finally:
        session.close()
    engine = storage.open_engine(url)
    try:
        out = folder / f"server-export-{people}.zip"
        started = time.perf_counter()
        result = export_from_server(engine, ServerExportSource(engine), out, options)
        exported = time.perf_counter() - started
    finally:
        engine.dispose()
    _report("server", people, exported, result, out,
            f"{records} records applied to the server in {loaded:.1f} s (not counted)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--hashed", action="store_true", help="HashStatus 4 (SHA-256 of names and SSNs)")
    parser.add_argument("--no-server", action="store_true", help="time only the device's export")
    args = parser.parse_args(argv)
    os.umask(0o077)
    with tempfile.TemporaryDirectory(prefix="hmis-csv-bench-") as temp:
        for people in args.people:
            run_one(people, args.hashed, not args.no_server, Path(temp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
