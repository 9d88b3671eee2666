"""Clear errors before damage (reference R5, R6).

Checked before a password is: the data folder can be written (a failed attempt must
be countable, and a read-only folder is named as such) and the disk has room. Checked
when the database opens: a file of 0 bytes, or one whose pages fail their HMAC, is
never treated as a new empty vault; the message names the file and the newest backup.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from app.errors import UserFacingError, VaultCorrupt
from app.vault.connection import Connection

# Room for the key file, a WAL checkpoint and a few saves; below this a sign-in that
# cannot record anything is refused up front.
MIN_FREE_BYTES = 4 * 1024 * 1024
BACKUP_DIR = "backups"


class StorageProblem(UserFacingError):
    """The data folder cannot be written: read-only, full, or refused by the OS."""

    exit_code = 4


def storage_error(exc: OSError, data_dir: Path) -> StorageProblem:
    if exc.errno == errno.EROFS:
        return StorageProblem(f"The data folder {data_dir} is read-only; sign-in needs to record "
                              f"each attempt there, so it was not tried.")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageProblem(f"The disk holding {data_dir} is full; free some space, then sign in.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StorageProblem(f"The data folder {data_dir} cannot be written (permission denied); "
                              f"sign-in needs to record each attempt there, so it was not tried.")
    return StorageProblem(f"The data folder {data_dir} cannot be written ({os.strerror(exc.errno or 0)}); "
                          f"sign-in was not tried.")


def check_storage(data_dir: Path) -> None:
    """Raise ``StorageProblem`` unless a failed attempt could be recorded in ``data_dir``."""
    try:
        if hasattr(os, "statvfs") and os.statvfs(data_dir).f_flag & os.ST_RDONLY:
            raise OSError(errno.EROFS, "read-only file system")
        free = shutil.disk_usage(data_dir).free
        if free < MIN_FREE_BYTES:
            raise OSError(errno.ENOSPC, "no space left on device")
        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=data_dir)
        try:
            os.write(fd, b"\0" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise storage_error(exc, data_dir) from exc


def newest_backup(data_dir: Path) -> Path | None:
    folder = data_dir / BACKUP_DIR
    if not folder.is_dir():
        return None
    copies = [p for p in folder.glob("vault-*.db") if p.is_file() and p.stat().st_size > 0]
    return max(copies, key=lambda p: p.stat().st_mtime, default=None)


def backup_advice(data_dir: Path) -> str:
    found = newest_backup(data_dir)
    if found is None:
        return "there is no backup in the data folder, so restore vault.db from your own copy"
    return f"the newest backup is {found.relative_to(data_dir)}; copy it over vault.db to restore it"


def check_database_file(db: Path) -> None:
    """A 0-byte vault.db would open as a new, empty database: refuse instead."""
    if db.exists() and db.stat().st_size == 0:
        raise VaultCorrupt(
            f"The database file {db.name} is empty (0 bytes), so it was not opened and nothing was "
            f"written over it; {backup_advice(db.parent)}."
        )


def damaged(db: Path) -> VaultCorrupt:
    return VaultCorrupt(f"The database file {db.name} is damaged (a page failed its check); "
                        f"{backup_advice(db.parent)}.")


def integrity_problems(conn: Connection) -> list[str]:
    """SQLCipher's page HMAC check over every page (measured 0.13 s for 22 MB; SQLite's
    quick_check would add 0.35 s to every unlock, so it is left to a backup restore)."""
    rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    return [str(r[0]) for r in rows]
