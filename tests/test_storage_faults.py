"""Issue 12 items 8 and 10: clear errors and no silent damage; nothing readable left
behind by a killed export. Real files, real mounts (tmpfs, read-only remounts) where
the machine allows them, and a real export process killed halfway."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import (
    ADMIN_PASSWORD,
    ON_FILE,
    REPO_ROOT,
    VaultInfo,
    add_ready_user,
    auth,
    child_env,
    cli_command,
    make_vault,
    read_keys,
    run_cli,
    single_sentence,
    synthetic_person,
)

from app.errors import AccountLocked, BadCredentials, VaultCorrupt
from app.people import save_new_person
from app.session import sign_in
from app.vault.health import StorageProblem
from app.vault.migrations import backup
from app.vault.vault import db_path

WRONG = "Wrong!Guess123x"


def _make_backup(info: VaultInfo) -> str:
    session = info.sign_in()
    try:
        path = backup(session.conn, info.data_dir / "backups", "manual")
    finally:
        session.close()
    return path.name


def test_a_zero_byte_database_is_refused_never_replaced(vt_vault: VaultInfo) -> None:
    """R6: a vault.db truncated to 0 bytes used to open as a new empty vault."""
    name = _make_backup(vt_vault)
    db = db_path(vt_vault.data_dir)
    db.write_bytes(b"")
    with pytest.raises(VaultCorrupt) as caught:
        vt_vault.sign_in()
    assert "empty (0 bytes)" in str(caught.value) and name in str(caught.value)
    assert db.stat().st_size == 0
    result = run_cli(vt_vault.data_dir, "status", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode != 0 and single_sentence(result.stderr) and name in result.stderr
    assert db.stat().st_size == 0


def test_a_corrupted_page_names_the_file_and_the_backup(ct_vault: VaultInfo) -> None:
    name = _make_backup(ct_vault)
    session = ct_vault.sign_in()
    try:
        for i in range(120):
            save_new_person(session, synthetic_person("Pagefirst", f"Pagelast{i}", ssn=f"9{i:08d}"), basis=ON_FILE)
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        session.close()
    db = db_path(ct_vault.data_dir)
    data = bytearray(db.read_bytes())
    assert len(data) > 8 * 4096
    data[5 * 4096 + 100 : 5 * 4096 + 164] = os.urandom(64)
    db.write_bytes(bytes(data))
    with pytest.raises(VaultCorrupt) as caught:
        ct_vault.sign_in()
    message = str(caught.value)
    assert "vault.db is damaged" in message and name in message


@pytest.mark.parametrize("pack", ["vt", "ct"])
def test_unknown_user_names_get_the_same_attempts_left(pack: str, vault_factory) -> None:  # type: ignore[no-untyped-def]
    """VT-2.1-17 without user-name probing: a name with no account is answered exactly
    like a real one, attempt by attempt."""
    info: VaultInfo = vault_factory(pack)
    add_ready_user(info, "real.person", "case_manager")
    answers: dict[str, list[str]] = {}
    for name in ("real.person", "nobody.here"):
        for _ in range(4):
            with pytest.raises((BadCredentials, AccountLocked)) as caught:
                sign_in(info.data_dir, name, WRONG, info.clock)
            answers.setdefault(name, []).append(f"{type(caught.value).__name__}: {caught.value}")
    assert answers["real.person"] == answers["nobody.here"]
    # vt: "2 attempts left", then locked; ct: a delay after three failures.
    assert any(("attempt" if pack == "vt" else "try again in") in a for a in answers["nobody.here"])


# -- real read-only and full file systems ------------------------------------------------

@contextlib.contextmanager
def _tmpfs(tmp_path: Path, size: str) -> Iterator[Path]:
    mount = tmp_path / f"mnt-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_read_only_data_folder_says_read_only_and_tries_nothing(tmp_path: Path) -> None:
    with _tmpfs(tmp_path, "64m") as mount:
        info = make_vault(mount / "data", "vt")
        before = read_keys(info.data_dir)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        try:
            for password in (WRONG, ADMIN_PASSWORD):  # not even the right one: nothing could be counted
                with pytest.raises(StorageProblem, match="read-only"):
                    sign_in(info.data_dir, info.user, password, info.clock)
            result = run_cli(info.data_dir, "status", *auth(), password=WRONG)
            assert result.returncode != 0 and "read-only" in result.stderr and single_sentence(result.stderr)
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
        assert read_keys(info.data_dir)["seq"] == before["seq"]
        info.sign_in().close()


def test_a_full_disk_is_named_before_a_sign_in_is_attempted(tmp_path: Path) -> None:
    with _tmpfs(tmp_path, "24m") as mount:
        info = make_vault(mount / "data", "ct")
        filler = mount / "filler"
        with open(filler, "wb") as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * (1 << 20))
                handle.flush()
        with contextlib.suppress(OSError), open(filler, "ab") as handle:  # the last few KiB too
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        before = read_keys(info.data_dir)
        for password in (WRONG, ADMIN_PASSWORD):
            with pytest.raises(StorageProblem, match="full"):
                sign_in(info.data_dir, info.user, password, info.clock)
        assert read_keys(info.data_dir) == before  # no attempt was made, none counted
        filler.unlink()
        info.sign_in().close()


# -- item 8: a killed export ------------------------------------------------------------

def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.part"))


def test_a_killed_export_leaves_nothing_readable_after_the_next_sign_in(vt_vault: VaultInfo, tmp_path: Path) -> None:
    added = run_cli(vt_vault.data_dir, "demo-data", "--clients", "2500", "--seed", "7", *auth(),
                    password=ADMIN_PASSWORD, timeout=300)
    assert added.returncode == 0, added.stderr
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    target = out_dir / "hmis-csv-test.zip"
    killed_with_part = 0
    for _trial in range(5):
        proc = subprocess.Popen(
            [*cli_command(), "--data-dir", str(vt_vault.data_dir), "export-hmis-csv", str(target),
             "--destination", "coc", *auth()],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=child_env(), cwd=str(REPO_ROOT), text=True)
        assert proc.stdin is not None
        proc.stdin.write(ADMIN_PASSWORD + "\n")
        proc.stdin.close()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            parts = _parts(out_dir)
            if parts and parts[0].stat().st_size > 32 * 1024:
                break
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if _parts(out_dir):
            killed_with_part += 1
            break
    assert killed_with_part == 1, "the export finished before it could be killed"
    assert not target.exists()

    session = vt_vault.sign_in()
    try:
        assert any("export was interrupted" in w for w in session.warnings)
        actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event ORDER BY seq")]
    finally:
        session.close()
    assert _parts(out_dir) == []
    assert "hmis_csv.export_started" in actions and "hmis_csv.export_interrupted" in actions
    # Said once: the next sign-in has nothing left to clean.
    session = vt_vault.sign_in()
    try:
        assert not any("export" in w for w in session.warnings)
    finally:
        session.close()


def test_a_sync_killed_while_holding_the_lease_is_audited_as_interrupted(mo_vault: VaultInfo) -> None:
    """The lease row a killed sync leaves (its process gone) is audited once at the next sign-in."""
    import socket
    import sys

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    session = mo_vault.sign_in()
    try:
        now = session.clock.now_iso()
        session.conn.execute(
            "INSERT INTO sync_lease (id, owner, host, pid, acquired_at, renewed_at, expires_at)"
            " VALUES (1, ?, ?, ?, ?, ?, ?)", (uuid.uuid4().hex, socket.gethostname(), dead.pid, now, now, now))
    finally:
        session.close()
    session = mo_vault.sign_in()
    try:
        assert any("sync was interrupted" in w for w in session.warnings)
    finally:
        session.close()
    session = mo_vault.sign_in()
    try:
        actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event")]
        assert actions.count("sync.interrupted") == 1
        assert not any("sync" in w for w in session.warnings)
    finally:
        session.close()
