"""Where a vault's bytes go: each table and index, before and after a sync.

    .venv/bin/python -m bench.vault_breakdown --people 10000

Builds a vault with the demo-data path the bench uses, then prints the file's bytes
per person (WAL checkpointed), its free pages, and each table's and index's share
of the live data: unsent, after a sync with the reference server on loopback (the
sync deletes each acknowledged row), and after a ``VACUUM``. The vault's SQLCipher
has no ``dbstat``, so the share is read with the standard library's SQLite from a
plaintext copy (``sqlcipher_export``, which packs the pages as a ``VACUUM`` would);
the free pages and the file size are the vault's own.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is not measured here

import bench  # noqa: F401 - test mode, so the switch above is honoured
from bench import baselines

USER = "bench.admin"
PASSWORD = "Bench!Harbor7Lantern9"


def file_state(conn: Any) -> tuple[int, int, int]:
    """The main file's size in bytes, its free pages and its auto_vacuum mode."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    main_file = next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main")
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    mode = int(conn.execute("PRAGMA auto_vacuum").fetchone()[0])
    return Path(main_file).stat().st_size, free, mode


def breakdown(conn: Any, work: Path) -> list[tuple[str, int, int]]:
    """(name, bytes of its pages, bytes of its cells) per table and index, largest first."""
    plain = work / "breakdown.db"
    plain.unlink(missing_ok=True)
    baselines.plaintext_copy(conn, plain)
    db = sqlite3.connect(str(plain))
    try:
        rows = db.execute(
            "SELECT name, sum(pgsize), sum(payload) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC"
        ).fetchall()
    finally:
        db.close()
        plain.unlink(missing_ok=True)
    return [(str(n), int(p), int(c or 0)) for n, p, c in rows]


def report(label: str, conn: Any, people: int, work: Path) -> None:
    size, free, mode = file_state(conn)
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    print(f"\n## {label}: file {size:,} B = {size / people:,.0f} B/person; free pages {free:,}"
          f" ({free * page / people:,.0f} B/person); auto_vacuum={mode}")
    rows = breakdown(conn, work)
    total = sum(r[1] for r in rows)
    print(f"packed (as after VACUUM): {total:,} B = {total / people:,.0f} B/person")
    print(f"{'table / index':34} {'B/person':>9} {'cells B/p':>9}")
    for name, pages, cells in rows:
        if pages / people >= 5:
            print(f"{name:34} {pages / people:9,.0f} {cells / people:9,.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10000)
    args = parser.parse_args(argv)

    from app.demo import add_demo_people
    from app.session import initialize, sign_in
    from bench.sync_bench import Server
    from sync.credentials import StoreKind
    from sync.service import SyncJob, enroll_device

    with tempfile.TemporaryDirectory(prefix="hmis-breakdown-") as tmp:
        work = Path(tmp)
        data_dir = work / "vault"
        session, _ = initialize(data_dir, "mo", USER, PASSWORD, agency_name="Bench Agency",
                                access_completed_on=date.today())
        try:
            add_demo_people(session, args.people, seed=args.people)
        finally:
            session.close()
        session = sign_in(data_dir, USER, PASSWORD)
        try:
            report("unsent", session.conn, args.people, work)
            server = Server(work / "server.db")
            try:
                enroll_device(session, server.url, server.code(), StoreKind.VAULT)
                t = time.perf_counter()
                result = SyncJob(session, batch_size=100).run()
                print(f"\nsync: {result.accepted:,} accepted in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            finally:
                server.stop()
            report("after sync", session.conn, args.people, work)
            t = time.perf_counter()
            session.conn.execute("VACUUM")
            print(f"\nVACUUM {time.perf_counter() - t:.2f} s", file=sys.stderr)
            report("after sync + VACUUM", session.conn, args.people, work)
        finally:
            session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
