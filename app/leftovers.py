"""What a killed process leaves behind, found and dealt with at the next sign-in.

An export writes its zip under a hidden ``.<name>.*.part`` name beside the target and
renames it when complete; killed halfway, the part file holds readable client rows.
So the start of every export is recorded in the vault (folder, file name, process)
and audited; the end removes the record. At the next sign-in a record whose process
is gone means an interrupted export: its part files are deleted, the deletion is
audited and the user is told. A sync killed while it held the ``sync_lease`` row is
audited as interrupted the same way (its records are simply sent again next time).
The paths live only inside the encrypted vault.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app import audit
from app.clock import Clock
from app.settings import Settings
from app.vault.connection import Connection, transaction


def _pending(conn: Connection) -> list[dict[str, Any]]:
    return Settings(conn).exports_in_progress


def _store_pending(conn: Connection, entries: list[dict[str, Any]]) -> None:
    Settings(conn).exports_in_progress = entries


def _alive(host: str, pid: int) -> bool:
    if host != socket.gethostname():
        return True  # another computer's process: not ours to judge
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextlib.contextmanager
def guarded_export(session: Any, path: str | os.PathLike[str]) -> Iterator[None]:
    """Record and audit the start of an export; the end (or a clean failure) clears it."""
    target = Path(path).resolve()
    token = str(uuid.uuid4())
    with transaction(session.conn) as conn:
        entries = _pending(conn)
        entries.append({"token": token, "dir": str(target.parent), "name": target.name,
                        "host": socket.gethostname(), "pid": os.getpid()})
        _store_pending(conn, entries)
        session.audit("hmis_csv.export_started", "export", token)
    failed = True
    try:
        yield
        failed = False
    finally:
        with transaction(session.conn) as conn:
            _store_pending(conn, [e for e in _pending(conn) if e["token"] != token])
            if failed:
                session.audit("hmis_csv.export_failed", "export", token)


def part_files(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.glob(f".{name}.*.part") if p.is_file())


def clean_after_crash(conn: Connection, user_id: str | None, clock: Clock) -> list[str]:
    """Delete what interrupted exports left, audit them and an interrupted sync; the
    sentences say what was done (no paths, nothing personal)."""
    notes: list[str] = []
    with transaction(conn):
        keep, removed, interrupted = [], 0, 0
        for entry in _pending(conn):
            if _alive(entry.get("host", ""), int(entry.get("pid", 0))):
                keep.append(entry)
                continue
            interrupted += 1
            gone = 0
            for part in part_files(Path(entry["dir"]), entry["name"]):
                try:
                    part.unlink()
                    gone += 1
                except OSError:
                    continue
            removed += gone
            audit.record(conn, "hmis_csv.export_interrupted", user_id, "export", entry["token"],
                         {"part_files_deleted": gone}, clock)
        _store_pending(conn, keep)
        if interrupted:
            notes.append(
                f"An export was interrupted before it finished; {removed} unfinished "
                f"file{'s' if removed != 1 else ''} holding client data "
                f"{'were' if removed != 1 else 'was'} deleted."
            )
        lease = conn.execute("SELECT owner, host, pid, acquired_at FROM sync_lease WHERE id = 1").fetchone()
        seen = Settings(conn).sync_interrupted_seen
        if lease and not _alive(lease[1], int(lease[2])) and seen != lease[0]:
            audit.record(conn, "sync.interrupted", user_id, "sync", lease[0],
                         {"started_at": lease[3]}, clock)
            Settings(conn).sync_interrupted_seen = str(lease[0])
            notes.append("A sync was interrupted; the records it had not finished are sent at the next sync.")
    return notes
