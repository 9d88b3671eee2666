"""Issue 12 items 6 and 7 under kill -9: a sign-in killed while Argon2id runs has
used up its attempt, and a key rotation killed at any moment leaves a vault that the
remaining users and the recovery key still open (real processes, real SIGKILL)."""

from __future__ import annotations

import random
import signal
import subprocess
import time

from support import (
    ADMIN_PASSWORD,
    REPO_ROOT,
    VaultInfo,
    auth,
    child_env,
    cli_command,
    data_key_of,
    read_keys,
    run_cli,
)

from app.vault.keyfile import KeyFile
from app.vault.vault import keys_path


def _start(info: VaultInfo, *args: str, password: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([*cli_command(), "--data-dir", str(info.data_dir), *args, *auth()],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=child_env(), cwd=str(REPO_ROOT), text=True)
    assert proc.stdin is not None
    proc.stdin.write(password + "\n")
    proc.stdin.close()
    return proc


def test_a_sign_in_killed_during_the_kdf_has_used_its_attempt(vt_vault: VaultInfo) -> None:
    """VT-2.1-17: killing the process before it can record a wrong guess gives no free guess."""
    slot_id = KeyFile.load(keys_path(vt_vault.data_dir)).slot_id(vt_vault.user)
    killed = 0
    for _trial in range(2):
        seq = read_keys(vt_vault.data_dir)["seq"]
        proc = _start(vt_vault, "status", password="Wrong!Guess123x")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if read_keys(vt_vault.data_dir)["seq"] > seq:  # the attempt is on disk; the KDF runs now
                break
            time.sleep(0.002)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=30)
    assert killed >= 1
    assert read_keys(vt_vault.data_dir)["slots"][slot_id]["failures"] == 2


def test_a_rotation_killed_at_any_moment_leaves_an_openable_vault(ct_vault: VaultInfo) -> None:
    added = run_cli(ct_vault.data_dir, "demo-data", "--clients", "800", "--seed", "3", *auth(),
                    password=ADMIN_PASSWORD, timeout=300)
    assert added.returncode == 0, added.stderr
    rng = random.Random(12)
    trials, interrupted, outcomes = 6, 0, {"before": 0, "mid-rotation": 0, "rotated": 0}
    for _trial in range(trials):
        key_before = bytes(data_key_of(ct_vault))
        proc = _start(ct_vault, "rotate-key", password=ADMIN_PASSWORD)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:  # wait for step 1 on disk
            if any(s.get("sealed_next") for s in read_keys(ct_vault.data_dir)["slots"].values()):
                break
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.03))  # then somewhere in the rekey or just after it
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            interrupted += 1
        proc.wait(timeout=60)
        keys = read_keys(ct_vault.data_dir)
        if any(s.get("sealed_next") for s in keys["slots"].values()):
            outcomes["mid-rotation"] += 1
        else:
            outcomes["rotated" if bytes(data_key_of(ct_vault)) != key_before else "before"] += 1
        session = ct_vault.sign_in()
        try:
            assert session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 800
        finally:
            session.close()
        assert len(data_key_of(ct_vault)) == 32  # the recovery key still opens it
    assert interrupted >= 1
    print(f"rotation kills: {interrupted} of {trials}; state found: {outcomes}")
