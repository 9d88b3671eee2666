"""MO-PWD-6 on one device (reading A25): while a user is signed in, a second sign-in of
the same user (a command, another process) is refused in one sentence citing the
pack's clause; other users still sign in; a killed process leaves no lock behind.
Each test drives real processes: the ``hmis-intake`` command and a child that signs
in through ``app.session.sign_in`` and stays signed in."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    REPO_ROOT,
    USER_PASSWORD,
    VaultInfo,
    add_ready_user,
    auth,
    child_env,
    make_vault,
    run_cli,
    single_sentence,
)

from app.errors import UserFacingError
from app.packs import load_pack
from app.security.one_session import SignedInElsewhere, lock_path
from app.vault.vault import load_keyfile

CHILD = REPO_ROOT / "tests" / "helpers" / "signed_in_and_waiting.py"


@contextmanager
def signed_in_elsewhere(data_dir: Path, user: str, password: str) -> Iterator[subprocess.Popen[str]]:
    """Another process signed in as ``user`` until the block ends (or the test kills it)."""
    proc = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), user],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(), cwd=str(REPO_ROOT))
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(password + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline().strip()
        assert line == "signed in", (line, proc.stderr.read() if proc.stderr else "")
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def _status(data_dir: Path, user: str = ADMIN_USER, password: str = ADMIN_PASSWORD) -> tuple[int, str]:
    done = run_cli(data_dir, "status", *auth(user), password=password)
    return done.returncode, done.stderr


def _lock_is_free(path: Path) -> bool:
    """Probed from outside, as the kernel sees it."""
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


@pytest.fixture
def mo(tmp_path: Path) -> VaultInfo:
    info = make_vault(tmp_path / "mo", "mo")
    add_ready_user(info, "robin.field", "case_manager")
    return info


def test_mo_pwd_6_a_command_as_the_same_user_is_refused_while_another_process_is_signed_in(mo: VaultInfo) -> None:
    """MO-PWD-6, A25: a headless command of a user signed in elsewhere on the device is a
    second session: refused in one sentence citing the clause, nothing opened; another
    user's command runs meanwhile; after the first signs out the command runs."""
    with signed_in_elsewhere(mo.data_dir, ADMIN_USER, ADMIN_PASSWORD) as first:
        code, stderr = _status(mo.data_dir)
        assert code == SignedInElsewhere.exit_code and single_sentence(stderr), stderr
        assert "(MO-PWD-6)" in stderr and "already signed in on this device" in stderr
        assert _status(mo.data_dir, "robin.field", USER_PASSWORD)[0] == 0  # another user works
        assert first.stdin is not None and first.stdout is not None
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "signed out"
        assert first.wait(timeout=30) == 0
    assert _status(mo.data_dir) == (0, "")


def test_mo_pwd_6_two_commands_of_the_same_user_cannot_both_sign_in(mo: VaultInfo) -> None:
    """MO-PWD-6: two headless processes as one user: the second is refused, while the
    refused attempt is not counted as a failed password (the lockout is untouched)."""
    with signed_in_elsewhere(mo.data_dir, "robin.field", USER_PASSWORD):
        for _ in range(load_pack("mo").lockout.attempts_before_delay + 1):
            code, stderr = _status(mo.data_dir, "robin.field", USER_PASSWORD)
            assert code == SignedInElsewhere.exit_code and "MO-PWD-6" in stderr, stderr
        wrong = run_cli(mo.data_dir, "status", *auth("robin.field"), password="Not!The7Password9")
        assert wrong.returncode != 0 and "MO-PWD-6" not in wrong.stderr  # the password is checked first
    assert _status(mo.data_dir, "robin.field", USER_PASSWORD) == (0, "")


def test_mo_pwd_6_kill_9_of_a_signed_in_process_leaves_no_lock(mo: VaultInfo) -> None:
    """MO-PWD-6: the lock dies with its process: after SIGKILL the user signs in at once,
    by the command and in this process; the lock file names no user."""
    with signed_in_elsewhere(mo.data_dir, ADMIN_USER, ADMIN_PASSWORD) as first:
        path = lock_path(mo.data_dir, load_keyfile(mo.data_dir).slot_id(ADMIN_USER))
        assert not _lock_is_free(path)
        os.kill(first.pid, signal.SIGKILL)
        assert first.wait(timeout=30) == -signal.SIGKILL
    assert _lock_is_free(path)
    assert ADMIN_USER not in str(path) and path.stat().st_size == 0
    assert _status(mo.data_dir) == (0, "")
    session = mo.sign_in()  # and in-process, the window's path
    try:
        code, stderr = _status(mo.data_dir)
        assert code == SignedInElsewhere.exit_code, stderr
    finally:
        session.close()
    assert _status(mo.data_dir) == (0, "")


def test_mo_pwd_6_in_process_sign_in_is_refused_while_a_command_holds_the_user(mo: VaultInfo) -> None:
    """MO-PWD-6: the window's sign-in path (``app.session``) refuses while a command of
    the same user is signed in, with the refusal as a user-facing sentence."""
    with signed_in_elsewhere(mo.data_dir, ADMIN_USER, ADMIN_PASSWORD):
        with pytest.raises(UserFacingError, match=r"\(MO-PWD-6\)\.$"):
            mo.sign_in()
        with pytest.raises(SignedInElsewhere):
            from app.session import sign_in_with_recovery

            sign_in_with_recovery(mo.data_dir, mo.recovery_key, ADMIN_USER, "Other!Meadow4Copper8")
        other = mo.sign_in("robin.field", USER_PASSWORD)
        other.close()
    mo.sign_in().close()


@pytest.mark.parametrize("pack", ["ct", "vt"])
def test_mo_pwd_6_packs_without_the_setting_let_the_same_user_sign_in_twice(tmp_path: Path, pack: str) -> None:
    """MO-PWD-6 is Missouri's: CT and VT state ``one_per_user = false``, so a command runs
    while the same user is signed in elsewhere, and no lock file is made."""
    assert load_pack(pack).sessions.one_per_user is False
    info = make_vault(tmp_path / pack, pack)
    with signed_in_elsewhere(info.data_dir, ADMIN_USER, ADMIN_PASSWORD):
        assert _status(info.data_dir) == (0, "")
    assert not (info.data_dir / "sessions").exists()
