"""What the outbox keeps once the server has a record: nothing (the row is deleted and
counted); a refused record keeps its row and payload."""

from __future__ import annotations

import json
import uuid

from sync_support import ThreadServer, acknowledged_total, assert_exactly_once, outbox_states, server_keys

from app.demo import add_demo_people
from app.session import Session
from app.vault.connection import transaction
from sync.service import SyncJob
from sync.store import OutboxStore


def _payloads(session: Session, state: str) -> list[str]:
    return [r[0] for r in session.conn.execute("SELECT payload FROM outbox WHERE state = ?", (state,))]


def test_an_acknowledged_record_is_deleted_counted_and_not_sent_again(
        enrolled: Session, live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 12, seed=5)
    before = enrolled.conn.execute("SELECT sum(length(payload)) FROM outbox").fetchone()[0]
    assert before > 0
    report = SyncJob(enrolled).run()
    assert report.complete and report.left == 0
    assert_exactly_once(live_server.engine, enrolled)
    assert outbox_states(enrolled) == {}
    # Exactly once still: nothing goes again, the counts are whole.
    assert SyncJob(enrolled).run().batches == 0
    assert len(server_keys(live_server.engine)) == acknowledged_total(enrolled) == report.accepted


def test_a_refused_record_keeps_its_payload_so_it_can_be_sent_again(
        enrolled: Session, live_server: ThreadServer) -> None:
    add_demo_people(enrolled, 3, seed=6)
    with transaction(enrolled.conn) as conn:  # a person change with no personal_id: refused
        conn.execute(
            "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload, collected_at,"
            " deadline_at, created_at) VALUES (?, 'person', 'p-9', 'upsert', '{\"first_name\":\"Synth\"}',"
            " '2026-03-01T08:00:00+00:00', '2026-03-04T08:00:00+00:00', '2026-03-01T08:00:00+00:00')",
            (str(uuid.uuid4()),),
        )
    SyncJob(enrolled).run()
    (refused,) = _payloads(enrolled, "refused")
    assert json.loads(refused) == {"first_name": "Synth"}
    # Fixed by an administrator and sent again with the same key: the payload is there to send.
    with transaction(enrolled.conn) as conn:
        conn.execute("UPDATE outbox SET payload = '{\"personal_id\":\"p-9\",\"first_name\":\"Synth\"}'"
                     " WHERE state = 'refused'")
    store = OutboxStore(enrolled.conn, enrolled.clock)
    assert store.requeue_refused([r.row_id for r in store.refused_records()]) == 1
    report = SyncJob(enrolled).run()
    assert report.accepted == 1 and report.left == 0
    assert_exactly_once(live_server.engine, enrolled)
    assert outbox_states(enrolled) == {}
