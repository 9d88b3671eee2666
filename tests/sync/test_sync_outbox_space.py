"""What a sync gives back: acknowledged rows lose their payload and the file its free
pages; nothing unsent loses a byte, even when the answer never arrives."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sync_faults import FaultProxy
from sync_support import ThreadServer, assert_exactly_once, outbox_keys, outbox_states, server_keys

from app.clock import FakeClock
from app.demo import add_demo_people
from app.outbox import status as outbox_status
from app.retention import _all_synced
from app.session import Session
from sync import store as store_module
from sync.credentials import load_credential
from sync.engine import RetryPolicy, SyncEngine
from sync.service import SyncJob
from sync.store import KEEP_ACKNOWLEDGED_DAYS, SENT_PAYLOAD, OutboxStore
from sync.transport import Transport


def _payloads(session: Session) -> dict[str, tuple[str, str]]:
    """idempotency key -> (state, payload as stored)."""
    return {k: (s, p) for k, s, p in session.conn.execute("SELECT idempotency_key, state, payload FROM outbox")}


def _file_bytes(session: Session) -> int:
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    main_file = next(row[2] for row in session.conn.execute("PRAGMA database_list") if row[1] == "main")
    return Path(main_file).stat().st_size


def _engine_for(session: Session, url: str, batch_size: int, retry: RetryPolicy) -> SyncEngine:
    _, credential = load_credential(session.conn, str(session.vault.keyfile.vault_id))
    return SyncEngine(OutboxStore(session.conn, session.clock), Transport(url, timeout=(5, 10)), credential,
                      batch_size=batch_size, retry=retry)


def test_a_new_vault_can_give_pages_back(device: Session) -> None:
    assert device.conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # INCREMENTAL


def test_acknowledged_payloads_go_and_unsent_ones_stay_whole(enrolled: Session, live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 40, seed=11)
    before = _payloads(enrolled)
    job = SyncJob(enrolled, batch_size=20)
    job.on_progress = lambda p: job.cancel() if p.records_done >= 20 else None
    report = job.run()
    assert report.cancelled and report.left > 0
    after = _payloads(enrolled)
    assert after.keys() == before.keys()
    sent = {k for k, (state, _) in after.items() if state == "acknowledged"}
    unsent = {k for k, (state, _) in after.items() if state == "pending"}
    assert sent and unsent and sent | unsent == set(after)
    assert {after[k][1] for k in sent} == {SENT_PAYLOAD}
    for key in unsent:  # byte for byte what was saved, and still a record that can be sent
        assert after[key][1] == before[key][1]
        assert isinstance(json.loads(after[key][1]), dict)
    assert sorted(server_keys(live_server.engine)) == sorted(sent)
    assert SyncJob(enrolled).run().complete
    assert_exactly_once(live_server.engine, enrolled)


def test_the_file_shrinks_once_acknowledged_rows_are_pruned(enrolled: Session, live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 300, seed=12)
    unsent = _file_bytes(enrolled)
    assert SyncJob(enrolled).run().complete
    synced = _file_bytes(enrolled)
    assert enrolled.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert synced < unsent * 0.8, (unsent, synced)
    assert enrolled.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_sync_cut_off_before_the_answer_loses_nothing(enrolled: Session, live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 10, seed=13)
    before = _payloads(enrolled)
    proxy = FaultProxy(live_server.port, default="drop_after")  # the server stored it; no answer came back
    try:
        report = _engine_for(enrolled, proxy.url, 100, RetryPolicy(base_delay=0.01, max_delay=0.05,
                                                                   max_consecutive_failures=2)).run()
    finally:
        proxy.close()
    assert report.error is not None and report.left == len(before)
    assert _payloads(enrolled) == before  # every row pending, every payload as it was
    assert outbox_states(enrolled) == {"pending": len(before)}
    # Sent again with the same keys: the server answers duplicates, the payloads then go.
    assert SyncJob(enrolled).run().complete
    assert_exactly_once(live_server.engine, enrolled)
    assert {p for _, p in _payloads(enrolled).values()} == {SENT_PAYLOAD}


def test_a_group_is_found_through_an_index_of_pending_rows_only(enrolled: Session,
                                                                 live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 30, seed=14)
    plan = " ".join(str(r[-1]) for r in enrolled.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE state = 'pending' AND batch_group = ?"
        " ORDER BY batch_rank, id", ("h-1",)))
    assert "outbox_pending_group" in plan, plan
    indexed = "SELECT count(*) FROM outbox INDEXED BY outbox_pending_group WHERE state = 'pending'" \
              " AND batch_group IS NOT NULL"
    assert enrolled.conn.execute(indexed).fetchone()[0] > 0
    assert SyncJob(enrolled).run().complete
    assert enrolled.conn.execute(indexed).fetchone()[0] == 0
    assert_exactly_once(live_server.engine, enrolled)



def test_acknowledged_rows_go_after_thirty_days_and_still_count(enrolled: Session,
                                                                live_server: ThreadServer) -> None:
    clock = enrolled.clock
    assert isinstance(clock, FakeClock)
    today = clock.now()  # the server's clock refuses records collected in its future
    clock.set(today - timedelta(days=KEEP_ACKNOWLEDGED_DAYS + 1))
    add_demo_people(enrolled, 200, seed=15)
    assert SyncJob(enrolled).run().complete
    first = outbox_keys(enrolled, "acknowledged")
    first_people = {r[0] for r in enrolled.conn.execute("SELECT personal_id FROM person")}
    clock.set(today - timedelta(days=2))
    add_demo_people(enrolled, 5, seed=16)
    assert SyncJob(enrolled).run().complete
    assert outbox_keys(enrolled, "acknowledged") > first  # 29 days on, nothing has gone
    synced = _file_bytes(enrolled)
    clock.set(today)
    add_demo_people(enrolled, 1, seed=17)
    assert SyncJob(enrolled).run().complete
    kept = outbox_keys(enrolled, "acknowledged")
    assert kept and not kept & first  # the first sync's rows are gone, the later ones stay
    on_server = len(server_keys(live_server.engine))
    status = outbox_status(enrolled.conn, clock.now(), 72, 12)
    assert (status.acknowledged, status.pending, status.refused) == (on_server, 0, 0)
    assert _file_bytes(enrolled) < synced
    # The retention purge still sees a pruned person as wholly sent.
    ids = {r[0] for r in enrolled.conn.execute("SELECT enrollment_id FROM enrollment")} | first_people
    assert _all_synced(enrolled.conn, ids)


def test_acknowledged_rows_move_in_chunks_and_all_of_them_move_by_the_end(
        enrolled: Session, live_server: ThreadServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are acknowledged in place batch by batch and moved after every other row a
    chunk at a time; whatever is left of the last chunk moves when the run ends, even a
    cancelled run, and the freed pages are given back."""
    monkeypatch.setattr(store_module, "MOVE_EVERY", 25)  # several chunks in one run of batches of 10
    add_demo_people(enrolled, 40, seed=15)
    job = SyncJob(enrolled, batch_size=10)
    job.on_progress = lambda p: job.cancel() if p.records_done >= 57 else None
    report = job.run()
    assert report.cancelled and report.left > 0
    acknowledged = [i for (i,) in enrolled.conn.execute("SELECT id FROM outbox WHERE state = 'acknowledged'")]
    pending = [i for (i,) in enrolled.conn.execute("SELECT id FROM outbox WHERE state = 'pending'")]
    assert len(acknowledged) >= 57 and pending
    assert min(acknowledged) > max(pending)  # every acknowledged row moved, not only the full chunks
    assert enrolled.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert SyncJob(enrolled, batch_size=10).run().complete
    assert_exactly_once(live_server.engine, enrolled)
    assert {p for _, p in _payloads(enrolled).values()} == {SENT_PAYLOAD}
    assert enrolled.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
