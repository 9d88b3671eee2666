"""One sync at a time on a vault: the ``sync_lease`` row, across two connections and
two processes, against the real server on loopback."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from support import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    REPO_ROOT,
    USER_PASSWORD,
    add_ready_user,
    child_env,
    cli_command,
    make_vault,
    single_sentence,
)
from sync_faults import FaultProxy
from sync_support import (
    HERE,
    ThreadServer,
    add_outbox_records,
    assert_exactly_once,
    new_code,
    run_device_cli,
    server_keys,
    wait_until,
)

from app.clock import FakeClock
from app.session import Session
from app.vault.connection import transaction
from sync.credentials import StoreKind
from sync.engine import SyncProgress
from sync.service import SyncAlreadyRunning, SyncJob, enroll_device
from sync.store import LEASE_SECONDS, SyncLease, current_lease

AUTH = ["--user", ADMIN_USER, "--password-stdin"]


@pytest.fixture
def slow_proxy(live_server: ThreadServer) -> Iterator[FaultProxy]:
    proxy = FaultProxy(live_server.port, default="pass", slow_seconds=0.15)
    yield proxy
    proxy.close()


def _enroll_through(device: Session, proxy: FaultProxy, live_server: ThreadServer) -> None:
    enroll_device(device, proxy.url, new_code(live_server.engine), StoreKind.VAULT)
    proxy.set_plan([], default="slow")


def _dead_pid() -> int:
    """The id of a process that has run and been reaped."""
    proc = subprocess.Popen([sys.executable, "-c", "import os; print(os.getpid())"], stdout=subprocess.PIPE,
                            text=True)
    out, _ = proc.communicate(timeout=30)
    return int(out.strip())


def _plant_lease(session: Session, host: str, pid: int, expires_in: timedelta) -> None:
    now = session.clock.now()
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO sync_lease (id, owner, host, pid, acquired_at, renewed_at, expires_at)"
            " VALUES (1, 'someone-else', ?, ?, ?, ?, ?)",
            (host, pid, now.isoformat(timespec="seconds"), now.isoformat(timespec="seconds"),
             (now + expires_in).isoformat(timespec="seconds")),
        )


def test_a_second_connection_is_refused_while_a_run_holds_the_lease(
    device: Session, live_server: ThreadServer, slow_proxy: FaultProxy
) -> None:
    _enroll_through(device, slow_proxy, live_server)
    add_outbox_records(device, 300)
    results: list[object] = []

    def first_run() -> None:
        with device.worker() as worker:
            try:
                results.append(SyncJob(worker, batch_size=20).run())
            except Exception as exc:
                results.append(exc)

    thread = threading.Thread(target=first_run)
    thread.start()
    try:
        wait_until(lambda: len(server_keys(live_server.engine)) >= 20, 30, "the first run to send a batch")
        assert current_lease(device.conn) is not None
        with pytest.raises(SyncAlreadyRunning) as refused:
            SyncJob(device, batch_size=7).run()
        assert single_sentence(str(refused.value)) and "already running" in str(refused.value)
    finally:
        thread.join(timeout=120)
    assert not thread.is_alive()
    assert len(results) == 1 and not isinstance(results[0], Exception)
    assert results[0].complete
    # The refused run sent nothing: every batch in the history is the first run's.
    assert {r[0] for r in device.conn.execute("SELECT records FROM sync_batch")} == {20}
    assert current_lease(device.conn) is None
    assert_exactly_once(live_server.engine, device)
    # Released: the next run may start (and has nothing left to send).
    assert SyncJob(device).run().batches == 0


def test_the_command_line_says_a_sync_is_already_running(tmp_path: Path, live_server: ThreadServer) -> None:
    """The second command runs as another user: the first one's user could not sign in
    twice at all (MO-PWD-6, tests/test_one_session.py)."""
    info = make_vault(tmp_path / "device", "mo")
    add_ready_user(info, "cass.worker", "case_manager")
    session = info.sign_in()
    try:
        add_outbox_records(session, 1000)
    finally:
        session.close()
    proxy = FaultProxy(live_server.port, default="pass", slow_seconds=0.25)
    try:
        done = run_device_cli(info.data_dir, "enroll", "--server", proxy.url, "--credential-store", "vault",
                              *AUTH, code=new_code(live_server.engine))
        assert done.returncode == 0, done.stderr
        proxy.set_plan([], default="slow")
        env = child_env()
        env["PYTHONPATH"] = str(HERE) + os.pathsep + env["PYTHONPATH"]
        out_path, err_path = tmp_path / "first.out", tmp_path / "first.err"
        with out_path.open("w") as out_file, err_path.open("w") as err_file:
            first = subprocess.Popen([*cli_command(), "--data-dir", str(info.data_dir), "sync",
                                      "--batch-size", "25", *AUTH], stdin=subprocess.PIPE, stdout=out_file,
                                     stderr=err_file, env=env, cwd=str(REPO_ROOT), text=True)
            try:
                assert first.stdin is not None
                first.stdin.write(ADMIN_PASSWORD + "\n")
                first.stdin.close()
                wait_until(lambda: len(server_keys(live_server.engine)) >= 25, 60, "the first process to send")
                second = run_device_cli(info.data_dir, "sync", "--user", "cass.worker", "--password-stdin",
                                        password=USER_PASSWORD)
            finally:
                first.wait(timeout=180)
        assert second.returncode == 19
        assert single_sentence(second.stderr) and "already running" in second.stderr
        assert second.stdout == ""
        out = out_path.read_text()
        assert first.returncode == 0, err_path.read_text()
        assert "1000 new" in out
    finally:
        proxy.close()
    session = info.sign_in()
    try:
        assert_exactly_once(live_server.engine, session)
        assert current_lease(session.conn) is None
    finally:
        session.close()


def test_a_lease_left_by_a_process_that_is_gone_is_taken_at_once(enrolled: Session) -> None:
    if os.name != "posix":
        pytest.skip("a gone process is detected on POSIX; elsewhere the lease's expiry frees it")
    _plant_lease(enrolled, platform.node() or "device", _dead_pid(), timedelta(minutes=4))
    lease = SyncLease(enrolled.conn, enrolled.clock)
    assert lease.acquire() is None and lease.held
    lease.release()
    assert current_lease(enrolled.conn) is None


def test_a_live_or_remote_holder_keeps_the_lease_until_it_expires(enrolled: Session) -> None:
    clock = enrolled.clock
    assert isinstance(clock, FakeClock)
    # Another run in this very process (a live pid), then one on another computer
    # sharing the folder: both hold until the expiry.
    for host, pid in ((platform.node() or "device", os.getpid()), ("another-computer", 1)):
        _plant_lease(enrolled, host, pid, timedelta(seconds=LEASE_SECONDS))
        lease = SyncLease(enrolled.conn, clock)
        holder = lease.acquire()
        assert holder is not None and holder.host == host and not lease.held
        with pytest.raises(SyncAlreadyRunning):
            SyncJob(enrolled).run()
        clock.advance(seconds=LEASE_SECONDS + 1)
        assert lease.acquire() is None and lease.held
        lease.release()


def test_the_lease_is_renewed_after_every_batch(enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 50)
    clock = enrolled.clock
    assert isinstance(clock, FakeClock)
    expiries: list[str] = []

    def on_progress(_p: SyncProgress) -> None:
        lease = current_lease(enrolled.conn)
        assert lease is not None
        expiries.append(lease.expires_at)
        clock.advance(minutes=2)  # more than half the lease per batch: only renewal keeps it

    report = SyncJob(enrolled, on_progress=on_progress, batch_size=10).run()
    assert report.complete and report.batches == 5
    assert len(expiries) >= 6 and expiries == sorted(expiries) and len(set(expiries)) == len(expiries)
    assert current_lease(enrolled.conn) is None


def test_a_run_whose_lease_was_taken_stops_at_its_next_batch(
    device: Session, live_server: ThreadServer, slow_proxy: FaultProxy
) -> None:
    _enroll_through(device, slow_proxy, live_server)
    add_outbox_records(device, 100)
    clock = device.clock
    assert isinstance(clock, FakeClock)
    taken: list[bool] = []

    def on_progress(p: SyncProgress) -> None:
        if p.batches == 2 and not taken:
            # Another run finds the lease expired (as if this one had hung) and takes it
            # while this one sends its third batch.
            clock.advance(seconds=LEASE_SECONDS + 1)
            with device.worker() as other:
                taken.append(SyncLease(other.conn, clock).acquire() is None)

    report = SyncJob(device, on_progress=on_progress, batch_size=10).run()
    assert taken == [True]
    assert isinstance(report.error, SyncAlreadyRunning)
    assert report.batches == 3 and report.left == 70
    assert len(server_keys(live_server.engine)) == 30
    lease = current_lease(device.conn)
    assert lease is not None and lease.pid == os.getpid()  # the other run's, left alone
