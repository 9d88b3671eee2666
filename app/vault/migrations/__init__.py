"""Numbered schema migrations, each applied in one transaction.

``PRAGMA user_version`` holds the schema version. Before a vault is migrated an
encrypted copy is written to ``backups/`` (R7), so a failed upgrade never costs data;
a migration that fails rolls back and leaves the old schema in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from app.errors import VaultCorrupt
from app.vault.connection import Connection


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


_FILE = re.compile(r"^v(\d{3})_([a-z0-9_]+)\.sql$")


def discover() -> tuple[Migration, ...]:
    """Every ``vNNN_name.sql`` beside this module, in order; the numbers must run
    1, 2, 3... with no gap, or a vault could skip a step."""
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError(f"schema migrations must be numbered {expected}, found {[m.version for m in found]}")
    return tuple(found)


MIGRATIONS: tuple[Migration, ...] = discover()


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup(conn: Connection, backup_dir: Path, label: str) -> Path:
    """An encrypted copy under the same key, written with sqlcipher_export."""

    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"vault-{label}-{stamp}.db"
    # A second attempt in the same second (a retry after a failed upgrade) must not
    # export into the first copy, which already holds every table.
    attempt = 1
    while target.exists():
        attempt += 1
        target = backup_dir / f"vault-{label}-{stamp}-{attempt}.db"
    # An attached database with no KEY clause inherits the main database's key, so
    # sqlcipher_export writes a copy encrypted exactly like the original.
    conn.execute("ATTACH DATABASE ? AS backup_copy", (str(target),))
    try:
        conn.execute("SELECT sqlcipher_export('backup_copy')")
        conn.execute(f"PRAGMA backup_copy.user_version = {current_version(conn)}")
    finally:
        conn.execute("DETACH DATABASE backup_copy")
    return target


def migrate(
    conn: Connection,
    backup_dir: Path | None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> list[int]:
    """Bring the schema up to date; returns the versions applied."""
    have = current_version(conn)
    newest = latest_version(migrations)
    if have > newest:
        raise VaultCorrupt(
            f"This vault was made by a newer version of HMIS Intake (schema {have}); "
            f"update the app to open it."
        )
    pending = [m for m in migrations if m.version > have]
    if pending and have > 0 and backup_dir is not None:
        backup(conn, backup_dir, f"schema{have}")
    applied = []
    for migration in pending:
        script = (
            "BEGIN IMMEDIATE;\n"
            + migration.sql
            + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;\n"
        )
        try:
            conn.executescript(script)
        except Exception as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise VaultCorrupt(
                f"Upgrading the vault to schema {migration.version} ({migration.name}) failed; "
                f"nothing was changed."
            ) from exc
        applied.append(migration.version)
    return applied
