"""R1: kill -9 at any moment during saves loses nothing acknowledged and tears nothing.

The reference harness (security-and-performance §4.4) as a test: a child process saves
people through the real ``save_new_person`` and prints each id only after the save
returned; the parent SIGKILLs it at a random moment, reopens the vault and checks.

``HMIS_INTAKE_DURABILITY_KILLS`` sets the number of kills (20 by default; a nightly run
uses 1000 or more).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest
from support import REPO_ROOT, VaultInfo, child_env, data_key_of

from app.audit import verify_chain
from app.vault.connection import open_database
from app.vault.vault import db_path

KILLS = int(os.environ.get("HMIS_INTAKE_DURABILITY_KILLS", "20"))
SEED = int(os.environ.get("HMIS_INTAKE_DURABILITY_SEED", str(random.randrange(1 << 30))))
WRITER = REPO_ROOT / "tests" / "helpers" / "durability_writer.py"


class Reader(threading.Thread):
    """Collects the child's stdout lines so the parent can kill it at any moment."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        super().__init__(daemon=True)
        self.proc = proc
        self.lines: list[str] = []
        self.ready = threading.Event()

    def run(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if line == "READY\n":
                self.ready.set()
        self.ready.set()  # EOF: let the parent notice a child that died early

    def acknowledged(self) -> list[str]:
        # A line cut off by the kill is not an acknowledgement.
        return [line.strip() for line in self.lines if line.endswith("\n") and line != "READY\n"]


def _check(info: VaultInfo, key: bytearray, acknowledged: set[str]) -> tuple[int, int]:
    conn = open_database(db_path(info.data_dir), key)
    try:
        people = {r[0] for r in conn.execute("SELECT personal_id FROM person")}
        outbox = {r[0] for r in conn.execute("SELECT entity_id FROM outbox WHERE entity = 'person'")}
        created = {
            r[0] for r in conn.execute("SELECT entity_id FROM audit_event WHERE action = 'person.created'")
        }
        indexed = conn.execute("SELECT count(*) FROM person_search").fetchone()[0]
        lost = acknowledged - people
        assert not lost, f"{len(lost)} acknowledged saves were lost (seed {SEED})"
        assert people == outbox, f"torn transaction: person and outbox differ (seed {SEED})"
        assert people == created, f"torn transaction: person and audit differ (seed {SEED})"
        assert indexed == len(people), f"torn transaction: search index differs (seed {SEED})"
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert verify_chain(conn).intact
        return len(people), len(people - acknowledged)
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_minus_nine_during_saves_loses_nothing_acknowledged(
    ct_vault: VaultInfo, record_property: pytest.RecordProperty
) -> None:
    rng = random.Random(SEED)
    key = data_key_of(ct_vault)
    acknowledged: set[str] = set()
    started = time.monotonic()
    for kill in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(ct_vault.data_dir), ct_vault.user],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=child_env(), cwd=str(REPO_ROOT),
        )
        assert proc.stdin is not None
        proc.stdin.write(ct_vault.password + "\n")
        proc.stdin.close()
        reader = Reader(proc)
        reader.start()
        try:
            assert reader.ready.wait(60), "the writer did not start"
            assert proc.poll() is None, f"the writer died: {proc.stderr.read() if proc.stderr else ''}"
            time.sleep(rng.uniform(0.15, 0.6))
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            reader.join(10)
            if proc.stderr:
                proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL, f"kill {kill}: the writer exited by itself"
        acked_now = reader.acknowledged()
        assert acked_now, f"kill {kill}: nothing was saved before the kill"
        acknowledged.update(acked_now)
        total, unacknowledged = _check(ct_vault, key, acknowledged)

    # The normal sign-in path opens the vault after all those crashes.
    session = ct_vault.sign_in()
    try:
        assert session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == total
    finally:
        session.close()
    record_property("kills", KILLS)
    record_property("acknowledged", len(acknowledged))
    record_property("committed_not_acknowledged", unacknowledged)
    record_property("seconds", round(time.monotonic() - started, 1))
    assert len(acknowledged) >= KILLS
