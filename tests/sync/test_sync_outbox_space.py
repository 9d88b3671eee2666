"""What a sync gives back: an acknowledged row is deleted in the transaction that
records the server's answer, still counted as acknowledged, and the file gives back its
free pages; nothing unsent loses a byte, even when the answer never arrives."""

from __future__ import annotations

import json
from pathlib import Path

from sync_faults import FaultProxy
from sync_support import (
    ThreadServer,
    acknowledged_total,
    assert_exactly_once,
    outbox_keys,
    outbox_states,
    server_keys,
)

from app.demo import add_demo_people
from app.outbox import status as outbox_status
from app.retention import _all_synced
from app.session import Session
from app.vault.connection import transaction
from sync.credentials import load_credential
from sync.engine import RetryPolicy, SyncEngine
from sync.service import SyncJob
from sync.store import OutboxStore
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


def test_acknowledged_rows_go_and_unsent_ones_stay_whole(enrolled: Session, live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 40, seed=11)
    before = _payloads(enrolled)
    job = SyncJob(enrolled, batch_size=20)
    job.on_progress = lambda p: job.cancel() if p.records_done >= 20 else None
    report = job.run()
    assert report.cancelled and report.left > 0
    after = _payloads(enrolled)
    sent = before.keys() - after.keys()
    assert sent and after and after.keys() < before.keys()
    assert {state for state, _ in after.values()} == {"pending"}  # no acknowledged row is kept
    for key, (_, payload) in after.items():  # byte for byte what was saved, and still a record that can be sent
        assert payload == before[key][1]
        assert isinstance(json.loads(payload), dict)
    assert sorted(server_keys(live_server.engine)) == sorted(sent)
    assert acknowledged_total(enrolled) == len(sent) == report.accepted
    assert enrolled.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # given back, cancelled or not
    assert SyncJob(enrolled).run().complete
    assert_exactly_once(live_server.engine, enrolled)
    assert outbox_keys(enrolled) == set()
    assert enrolled.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_file_shrinks_once_the_outbox_is_sent(enrolled: Session, live_server: ThreadServer) -> None:
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
    assert acknowledged_total(enrolled) == 0
    # Sent again with the same keys: the server answers duplicates, and the rows go.
    report = SyncJob(enrolled).run()
    assert report.complete and report.duplicate == len(before) and report.accepted == 0
    assert_exactly_once(live_server.engine, enrolled)
    assert _payloads(enrolled) == {}


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


def test_rows_an_older_version_kept_acknowledged_go_at_the_next_sync_and_still_count(
        enrolled: Session, live_server: ThreadServer) -> None:
    """A vault synced by an older version holds acknowledged rows (payload dropped, kept
    30 days); the next sync deletes them, the acknowledged total does not change, and the
    retention purge still sees their people as wholly sent."""
    add_demo_people(enrolled, 20, seed=15)
    assert SyncJob(enrolled).run().complete
    on_server = len(server_keys(live_server.engine))
    people = {r[0] for r in enrolled.conn.execute("SELECT personal_id FROM person")}
    add_demo_people(enrolled, 5, seed=16)
    now = enrolled.clock.now()
    with transaction(enrolled.conn) as conn:  # what the older version left: sent, acknowledged, kept
        old = conn.execute("UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?, payload = ''"
                           " WHERE state = 'pending'", (now.isoformat(timespec="seconds"),)).rowcount
    assert old > 0 and acknowledged_total(enrolled) == on_server + old
    status = outbox_status(enrolled.conn, now, 72, 12)
    assert (status.acknowledged, status.pending) == (on_server + old, 0)
    report = SyncJob(enrolled).run()
    assert report.complete and report.batches == 0  # nothing sent again
    assert outbox_states(enrolled) == {}
    status = outbox_status(enrolled.conn, now, 72, 12)
    assert (status.acknowledged, status.pending, status.refused) == (on_server + old, 0, 0)
    ids = {r[0] for r in enrolled.conn.execute("SELECT enrollment_id FROM enrollment")} | people
    assert _all_synced(enrolled.conn, ids)
    assert enrolled.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
