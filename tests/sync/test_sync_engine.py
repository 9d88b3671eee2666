"""The sync engine against the real server, with faults injected between them."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sync_faults import FAULT_MODES, FaultProxy
from sync_support import (
    ProcessServer,
    ThreadServer,
    acknowledged_total,
    add_outbox_records,
    assert_exactly_once,
    free_port,
    new_code,
    outbox_states,
    server_keys,
    wait_until,
)

from app.session import Session
from app.vault.connection import transaction
from sync.credentials import StoreKind, load_credential
from sync.engine import RetryPolicy, SyncEngine, SyncProgress, SyncReport
from sync.errors import AuthRefused, ServerUnavailable
from sync.protocol import BatchRequest, DeviceCredential
from sync.server import storage
from sync.service import SyncJob, enroll_device
from sync.store import OutboxStore
from sync.transport import Sent, Transport

FAST_RETRY = RetryPolicy(base_delay=0.05, max_delay=0.3, max_consecutive_failures=20, time_budget=60)


def _engine_for(session: Session, url: str, timeout: tuple[float, float] = (5, 10), batch_size: int = 100,
                retry: RetryPolicy = FAST_RETRY, **kwargs: object) -> SyncEngine:
    _, credential = load_credential(session.conn, str(session.vault.keyfile.vault_id))
    return SyncEngine(OutboxStore(session.conn, session.clock), Transport(url, timeout=timeout), credential,
                      batch_size=batch_size, retry=retry, **kwargs)  # type: ignore[arg-type]


def test_sync_sends_everything_once_and_keeps_history(enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 250)
    seen: list[SyncProgress] = []
    report = SyncJob(enrolled, on_progress=seen.append).run()
    assert report.complete and report.accepted == 250 and report.batches == 3
    assert_exactly_once(live_server.engine, enrolled)
    assert seen[-1].records_done == seen[-1].records_total == 250
    assert seen[-1].payload_bytes_done == seen[-1].payload_bytes_total > 0
    assert [p.records_done for p in seen] == sorted(p.records_done for p in seen)
    history = OutboxStore(enrolled.conn, enrolled.clock).history()
    assert [h.records for h in history] == [50, 100, 100]
    assert all(h.outcome == "acknowledged" for h in history)
    # A second run has nothing to send.
    assert SyncJob(enrolled).run().batches == 0


class _Recorder:
    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.sent: list[list[str]] = []

    def send_batch(self, batch: BatchRequest, credential: DeviceCredential) -> Sent:
        self.sent.append([r.idempotency_key for r in batch.records])
        return self.inner.send_batch(batch, credential)


def test_records_closest_to_their_deadline_go_first(enrolled: Session, live_server: ThreadServer) -> None:
    ages = [5.0, 70.0, 1.0, 40.0, 71.5, 10.0, 60.0, 0.5, 30.0, 65.0, 2.0, 50.0]
    keys = add_outbox_records(enrolled, len(ages), hours_ago=lambda i: ages[i])
    _, credential = load_credential(enrolled.conn, str(enrolled.vault.keyfile.vault_id))
    recorder = _Recorder(Transport(live_server.url))
    SyncEngine(OutboxStore(enrolled.conn, enrolled.clock), recorder, credential, batch_size=4).run()
    expected = [k for _, k in sorted(zip(ages, keys, strict=True), key=lambda pair: -pair[0])]
    assert recorder.sent == [expected[0:4], expected[4:8], expected[8:12]]
    assert_exactly_once(live_server.engine, enrolled)


def test_a_bad_record_is_quarantined_and_the_rest_go_through(enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 30)
    with transaction(enrolled.conn) as conn:  # a person change with no personal_id
        conn.execute(
            "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload, collected_at,"
            " deadline_at, created_at) VALUES (?, 'person', 'p-1', 'upsert', '{\"first_name\":\"Synth\"}',"
            " '2026-03-01T08:00:00+00:00', '2026-03-04T08:00:00+00:00', '2026-03-01T08:00:00+00:00')",
            (str(uuid.uuid4()),),
        )
    report = SyncJob(enrolled).run()
    assert report.accepted == 30 and report.refused == 1 and report.left == 0
    assert outbox_states(enrolled) == {"refused": 1} and acknowledged_total(enrolled) == 30
    refused = OutboxStore(enrolled.conn, enrolled.clock).refused_records()
    assert len(refused) == 1 and "personal_id" in refused[0].reason
    assert len(server_keys(live_server.engine)) == 30
    assert SyncJob(enrolled).run().batches == 0  # quarantined: not sent again by itself


def test_a_batch_rejected_whole_is_split_until_the_bad_record_is_found(
    enrolled: Session, live_server: ThreadServer
) -> None:
    add_outbox_records(enrolled, 20)
    with transaction(enrolled.conn) as conn:  # a key too long for the protocol: the server 422s the batch
        conn.execute(
            "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload, collected_at,"
            " deadline_at, created_at) VALUES (?, 'person', 'p-2', 'upsert', '{\"personal_id\":\"p-2\"}',"
            " '2026-03-01T08:00:00+00:00', '2026-03-04T08:00:00+00:00', '2026-03-01T08:00:00+00:00')",
            ("k" * 300,),
        )
    report = SyncJob(enrolled).run()
    assert report.accepted == 20 and report.refused == 1 and report.left == 0
    assert outbox_states(enrolled) == {"refused": 1} and acknowledged_total(enrolled) == 20
    assert len(server_keys(live_server.engine)) == 20


@pytest.mark.parametrize("mode", FAULT_MODES)
def test_faults_end_with_every_record_once(mode: str, enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 300)
    url = enrolled.conn.execute("SELECT server_url FROM sync_device").fetchone()[0]
    assert url == live_server.url
    proxy = FaultProxy(live_server.port, plan=[mode, "pass", mode, mode], hold_seconds=2.5)
    try:
        report = _engine_for(enrolled, proxy.url, timeout=(2, 1.0)).run()
    finally:
        proxy.close()
    assert proxy.applied.count(mode) == 3
    assert report.complete, report.error
    assert report.failed_attempts == 3
    if mode.endswith("_after"):
        # The server had committed those batches: the resend came back as duplicates.
        assert report.duplicate > 0 and report.accepted + report.duplicate == 300
    else:
        assert report.accepted == 300 and report.duplicate == 0
    assert_exactly_once(live_server.engine, enrolled)
    failed = [h for h in OutboxStore(enrolled.conn, enrolled.clock).history() if h.outcome == "failed"]
    assert len(failed) == 3 and all(h.error for h in failed)


def test_a_failure_in_the_middle_of_applying_a_batch_rolls_it_back(
    enrolled: Session, live_server: ThreadServer
) -> None:
    add_outbox_records(enrolled, 200)
    fired = threading.Event()

    def explode(conn: object, cursor: object, statement: str, *args: object) -> None:
        if not fired.is_set() and "INTO entity_state" in statement:
            fired.set()  # the batch's received_record rows are already inserted
            raise RuntimeError("injected failure after a partial apply")

    event.listen(live_server.engine, "before_cursor_execute", explode)
    try:
        report = _engine_for(enrolled, live_server.url).run()
    finally:
        event.remove(live_server.engine, "before_cursor_execute", explode)
    assert fired.is_set()
    assert report.complete and report.failed_attempts == 1
    assert report.accepted == 200 and report.duplicate == 0  # nothing of the failed try was kept
    assert_exactly_once(live_server.engine, enrolled)


def test_server_killed_mid_batch_then_restarted(server_db_url: str, server_engine: Engine, device: Session,
                                                tmp_path: Path) -> None:
    server = ProcessServer(server_db_url, free_port(), tmp_path / "server.log")
    server.start()
    try:
        enroll_device(device, server.url, new_code(server_engine), StoreKind.VAULT)
        add_outbox_records(device, 3000)
        killed = threading.Event()
        retrying = threading.Event()

        def on_progress(p: SyncProgress) -> None:
            if p.records_done >= 300 and not killed.is_set():
                server.kill()
                killed.set()
            if killed.is_set() and p.retry_in_seconds is not None:
                retrying.set()

        result: list[SyncReport] = []
        engine = _engine_for(device, server.url, batch_size=50, on_progress=on_progress,
                             retry=RetryPolicy(base_delay=0.1, max_delay=0.5, max_consecutive_failures=100,
                                               time_budget=90))
        runner = threading.Thread(target=lambda: result.append(engine.run()))
        runner.start()
        wait_until(killed.is_set, 60, "the server to be killed")
        wait_until(retrying.is_set, 30, "the engine to start retrying")
        server.start()
        runner.join(timeout=120)
        assert not runner.is_alive()
    finally:
        server.stop()
    report = result[0]
    assert report.complete, report.error
    assert report.failed_attempts >= 1
    assert_exactly_once(server_engine, device)
    assert len(server_keys(server_engine)) == 3000


def test_cancel_stops_between_batches_and_a_later_run_finishes(
    enrolled: Session, live_server: ThreadServer
) -> None:
    add_outbox_records(enrolled, 400)
    proxy = FaultProxy(live_server.port, default="slow", slow_seconds=0.2)
    try:
        engine = _engine_for(enrolled, proxy.url, batch_size=50)
        engine.on_progress = lambda p: engine.cancel() if p.records_done >= 100 else None
        report = engine.run()
    finally:
        proxy.close()
    assert report.cancelled and not report.complete
    assert 100 <= 400 - report.left < 400
    assert outbox_states(enrolled)["pending"] == report.left
    assert SyncJob(enrolled).run().complete
    assert_exactly_once(live_server.engine, enrolled)


def test_the_retry_budget_ends_a_run_that_cannot_succeed(enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 10)
    proxy = FaultProxy(live_server.port, default="500_before")
    try:
        report = _engine_for(enrolled, proxy.url, retry=RetryPolicy(base_delay=0.01, max_delay=0.05,
                                                                    max_consecutive_failures=4)).run()
    finally:
        proxy.close()
    assert isinstance(report.error, ServerUnavailable) and "500" in str(report.error)
    assert report.failed_attempts == 4 and report.left == 10
    assert outbox_states(enrolled) == {"pending": 10}
    assert server_keys(live_server.engine) == []
    attempts = enrolled.conn.execute("SELECT min(attempts), max(attempts) FROM outbox").fetchone()
    assert tuple(attempts) == (4, 4)


def test_backoff_grows_and_is_jittered() -> None:
    import random

    policy = RetryPolicy(base_delay=1, max_delay=60)
    rng = random.Random(7)
    delays = [[policy.delay(n, rng) for _ in range(50)] for n in (1, 2, 3, 4, 8, 20)]
    for n, samples in zip((1, 2, 3, 4, 8, 20), delays, strict=True):
        ceiling = min(60, 2 ** (n - 1))
        assert all(ceiling / 2 <= d <= ceiling for d in samples)
        assert len(set(samples)) > 1


def test_a_revoked_device_stops_without_retrying(enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 5)
    device_id = enrolled.conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
    storage.revoke_device(live_server.engine, device_id)
    report = SyncJob(enrolled, retry=FAST_RETRY).run()
    assert isinstance(report.error, AuthRefused) and "revoked" in str(report.error)
    assert report.failed_attempts == 1 and report.left == 5


class _FailingSecond:
    """The real transport, except that the second request fails as a dropped
    connection would; remembers each request's keys and how many were out at once."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.sent: list[list[str]] = []
        self.out = 0
        self.most_out = 0
        self.lock = threading.Lock()

    def send_batch(self, batch: BatchRequest, credential: DeviceCredential) -> Sent:
        with self.lock:
            self.sent.append([r.idempotency_key for r in batch.records])
            self.out += 1
            self.most_out = max(self.most_out, self.out)
        try:
            if len(self.sent) == 2:
                raise ServerUnavailable("The server closed the connection.")
            return self.inner.send_batch(batch, credential)
        finally:
            with self.lock:
                self.out -= 1


def test_batches_go_one_at_a_time_and_one_built_ahead_of_a_failure_is_not_sent(
    enrolled: Session, live_server: ThreadServer
) -> None:
    """The next batch is built while one is on the wire; it goes only once that one was
    answered, and after a failure the failed batch goes again before it."""
    add_outbox_records(enrolled, 40)
    _, credential = load_credential(enrolled.conn, str(enrolled.vault.keyfile.vault_id))
    sender = _FailingSecond(Transport(live_server.url))
    report = SyncEngine(OutboxStore(enrolled.conn, enrolled.clock), sender, credential, batch_size=10,
                        retry=FAST_RETRY).run()
    assert report.complete and report.accepted == 40 and report.failed_attempts == 1
    assert sender.most_out == 1
    assert sender.sent[2] == sender.sent[1]  # the failed batch again, not the one built after it
    assert len(sender.sent) == 5 and len({k for keys in sender.sent for k in keys}) == 40
    assert_exactly_once(live_server.engine, enrolled)
