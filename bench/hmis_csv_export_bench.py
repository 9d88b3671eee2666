"""HMIS CSV export time for 10,000 and 100,000 synthetic people.

    .venv/bin/python bench/hmis_csv_export_bench.py [--people 10000 100000] [--hashed]
    .venv/bin/python -m bench.hmis_csv_export_bench

For each size, makes a throwaway vault (``mo`` pack) with N synthetic people in
households (``add_demo_people``; at 100,000 this alone takes tens of seconds and is
not counted), then times the export to a zip (read the vault, build the rows, write
and fsync the 24 files) and, separately, the checker over the written file. The
vault and the zip live in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is not measured here
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.demo import add_demo_people  # noqa: E402
from app.session import initialize  # noqa: E402
from sync.hmis_csv.checker import check_export  # noqa: E402
from sync.hmis_csv.export import ExportOptions, HashStatus  # noqa: E402
from sync.hmis_csv.vault_source import export_vault  # noqa: E402

USER = "bench.admin"
PASSWORD = "Bench!Harbor7Lantern9"


def run_one(people: int, hashed: bool, folder: Path) -> None:
    session, _ = initialize(folder / f"vault-{people}", "mo", USER, PASSWORD, agency_name="Bench Agency")
    try:
        started = time.perf_counter()
        add_demo_people(session, people, seed=people)
        filled = time.perf_counter() - started
        out = folder / f"export-{people}.zip"
        options = ExportOptions(hash_status=HashStatus.SHA256 if hashed else HashStatus.UNHASHED)
        started = time.perf_counter()
        result = export_vault(session, out, options)
        exported = time.perf_counter() - started
    finally:
        session.close()
    started = time.perf_counter()
    report = check_export(out)
    checked = time.perf_counter() - started
    size_mib = out.stat().st_size / 2**20
    print(f"{people:>7} people: export {exported:6.2f} s ({people / exported:8.0f} people/s), "
          f"{result.rows['Client.csv']} clients, {result.rows['Enrollment.csv']} enrollments, "
          f"{size_mib:.1f} MiB zip; check {checked:6.2f} s ({len(report.errors)} errors, "
          f"{len(report.warnings)} warnings); demo data {filled:.1f} s (not counted)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--hashed", action="store_true", help="HashStatus 4 (SHA-256 of names and SSNs)")
    args = parser.parse_args(argv)
    os.umask(0o077)
    with tempfile.TemporaryDirectory(prefix="hmis-csv-bench-") as temp:
        for people in args.people:
            run_one(people, args.hashed, Path(temp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
