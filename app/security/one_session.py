"""One signed-in session per user on this device, where the pack asks it (``[sessions]
one_per_user``; MO-PWD-6: one user may not be signed in at more than one workstation
or location at a time; reading A25).

While a user is signed in, the process holds an operating-system lock on a file named
by the user's key slot (a keyed hash of the user name, nothing personal) under
``<data dir>/sessions/``: ``flock`` on POSIX, ``msvcrt.locking`` on Windows. A second
window or a headless command signing in as the same user cannot take it and is
refused; another user's file is another lock, so other users sign in meanwhile. The
kernel drops the lock when the process ends, however it ends (a crash, ``kill -9``),
so a dead process never locks its user out; nothing is read from the file.

Within one process the lock is counted: the window's unlock after an idle lock, and a
job's second connection, are the same session. A session releases it when its vault
closes (sign-out, lock, the end of a command).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from app.errors import UserFacingError
from app.packs import SessionPolicy

SESSIONS_DIR = "sessions"


class SignedInElsewhere(UserFacingError):
    """The same user already holds a signed-in session on this device."""

    exit_code = 6


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def lock_path(data_dir: Path, slot_id: str) -> Path:
    return Path(data_dir) / SESSIONS_DIR / f"{slot_id}.lock"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def refusal(policy: SessionPolicy) -> str:
    return (f"This user is already signed in on this device, in another window or a command; "
            f"sign out there first, since one user may be signed in at one place at a time ({policy.cited()}).")


class SessionLock:
    """This process's hold on one user's session; ``release`` once, when the session ends."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    def release(self) -> None:
        with _guard:
            key, self._key = self._key, None
            held = _held.get(key) if key else None
            if key is None or held is None:
                return
            held.count -= 1
            if held.count <= 0:
                del _held[key]
                _unlock(held.fd)


def acquire(data_dir: Path, slot_id: str, policy: SessionPolicy) -> SessionLock | None:
    """Hold the user's session on this device, or raise :class:`SignedInElsewhere`;
    None where the pack lets a user sign in more than once."""
    if not policy.one_per_user:
        return None
    path = lock_path(data_dir, slot_id)
    key = str(path.resolve(strict=False))
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return SessionLock(key)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise SignedInElsewhere(refusal(policy))
        _held[key] = _Held(fd, 1)
        return SessionLock(key)

