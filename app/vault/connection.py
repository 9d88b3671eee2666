"""Opening the SQLCipher database with a raw key, and the pragmas every open asserts.

Durability (R2): WAL with ``synchronous=FULL`` fsyncs the WAL on every commit, so a
save that returned survives power loss, not only a killed process (with NORMAL, WAL
"might roll back following a power loss"). ``temp_store=MEMORY`` keeps sort and temp
tables out of plaintext temp files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from app.errors import BadCredentials, VaultCorrupt

# SQLCipher 4.6 is the first 4.x with the 2024 security fixes; the pinned wheel ships 4.19.
MIN_CIPHER_VERSION = (4, 6, 0)

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError


def cipher_version() -> str:
    probe = sqlcipher3.connect(":memory:")
    try:
        row = probe.execute("PRAGMA cipher_version").fetchone()
    finally:
        probe.close()
    return str(row[0]) if row and row[0] else ""


def parse_version(text: str) -> tuple[int, ...]:
    numbers = text.split()[0].split(".") if text else []
    return tuple(int(n) for n in numbers if n.isdigit())


def check_sqlcipher() -> str:
    """Refuse to run on a SQLite without SQLCipher or on an old SQLCipher (R8)."""
    version = cipher_version()
    if not version:
        raise VaultCorrupt("This build's SQLite has no encryption (SQLCipher missing); it will not run.")
    if parse_version(version) < MIN_CIPHER_VERSION:
        wanted = ".".join(map(str, MIN_CIPHER_VERSION))
        raise VaultCorrupt(f"SQLCipher {version} is older than the required {wanted}.")
    return version


def _key_pragma(key: bytes | bytearray) -> str:
    # A raw 256-bit key in SQLCipher's blob-literal form skips its per-open PBKDF2.
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def open_database(path: Path, key: bytes | bytearray, create: bool = False) -> Connection:
    if not create and not path.exists():
        raise VaultCorrupt(f"The database file {path.name} is missing from the data folder.")
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(_key_pragma(key))
        # PRAGMA key accepts anything; only a read proves the key is right.
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise BadCredentials(
                "The database did not open with this key; the key file and database do not match."
            ) from exc
        if create and int(conn.execute("PRAGMA page_count").fetchone()[0]) == 0:
            # Before the first table: pages freed later (acknowledged outbox rows,
            # purged people) can then be given back with PRAGMA incremental_vacuum.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        assert_pragmas(conn, expected_mode=mode)
    except BaseException:
        conn.close()
        raise
    return conn


def assert_pragmas(conn: Connection, expected_mode: str = "wal") -> None:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    sync = conn.execute("PRAGMA synchronous").fetchone()[0]
    temp = conn.execute("PRAGMA temp_store").fetchone()[0]
    if mode != "wal" or expected_mode != "wal" or sync != 2 or temp != 2:
        raise VaultCorrupt(
            "The database refused the durability settings (WAL, full sync, memory temp store)."
        )


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One save is one transaction: it commits whole or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
