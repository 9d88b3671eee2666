"""What an acknowledged outbox row keeps: nothing. ``hmis-intake sync`` deletes each row
the server acknowledged in the transaction that records the answer and counts it, so
``hmis-intake status`` still shows every record sent; the batch body carries each
payload as stored, and the server still checks every record."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from support import ADMIN_USER, VaultInfo, make_vault
from sync_support import (
    ThreadServer,
    acknowledged_total,
    add_outbox_records,
    assert_exactly_once,
    new_code,
    outbox_keys,
    outbox_states,
    run_device_cli,
    server_keys,
)

from app.outbox import new_key
from app.session import Session
from app.vault.connection import transaction
from sync.outgoing import StoredRecord, outgoing_batch
from sync.protocol import OutboxRecord, new_batch
from sync.service import SyncJob
from sync.store import OutboxStore

AUTH = ["--user", ADMIN_USER, "--password-stdin"]
# Shaped like an object, but not JSON: only the server, parsing the body, can tell.
DAMAGED = '{"personal_id": "p-damaged", "first_name": "Synth",}'


def _vault(tmp_path: Path, records: int) -> VaultInfo:
    info = make_vault(tmp_path / "device", "mo")
    session = info.sign_in()
    try:
        add_outbox_records(session, records)
    finally:
        session.close()
    return info


def _add_raw(session: Session, entity_id: str, payload: str) -> str:
    key = str(uuid.uuid4())
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload, collected_at,"
            " deadline_at, created_at) VALUES (?, 'person', ?, 'upsert', ?, '2026-03-01T08:00:00+00:00',"
            " '2026-03-04T08:00:00+00:00', '2026-03-01T08:00:00+00:00')", (key, entity_id, payload))
    return key


def _status(info: VaultInfo) -> dict[str, object]:
    done = run_device_cli(info.data_dir, "status", "--json", *AUTH)
    assert done.returncode == 0, done.stderr
    status: dict[str, object] = json.loads(done.stdout)
    return status


def test_the_sync_command_deletes_acknowledged_rows_and_status_still_counts_them(
        tmp_path: Path, live_server: ThreadServer) -> None:
    info = _vault(tmp_path, records=130)
    done = run_device_cli(info.data_dir, "enroll", "--server", live_server.url, "--credential-store", "vault",
                          *AUTH, code=new_code(live_server.engine))
    assert done.returncode == 0, done.stderr
    done = run_device_cli(info.data_dir, "sync", "--batch-size", "40", "--json", *AUTH)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["accepted"] == 130
    session = info.sign_in()
    try:
        assert outbox_keys(session) == set()  # nothing of an acknowledged record is kept
        assert [h.accepted for h in OutboxStore(session.conn, session.clock).history()] == [10, 40, 40, 40]
        assert_exactly_once(live_server.engine, session)
        add_outbox_records(session, 7)
    finally:
        session.close()
    status = _status(info)
    assert (status["acknowledged"], status["pending"], status["refused"]) == (130, 7, 0)

    # A .netrc naming the server is not read: its password would replace the device's credential.
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password not-the-credential\n")
    netrc.chmod(0o600)
    done = run_device_cli(info.data_dir, "sync", *AUTH, extra_env={"NETRC": str(netrc)})
    assert done.returncode == 0, done.stderr
    status = _status(info)
    assert (status["acknowledged"], status["pending"], status["refused"]) == (137, 0, 0)
    assert len(server_keys(live_server.engine)) == 137


def test_a_payload_damaged_inside_is_refused_by_the_server_and_the_rest_go(
        enrolled: Session, live_server: ThreadServer) -> None:
    """The device sends a stored payload without parsing it; the server parses every
    record, rejects a body it cannot read, and the engine halves the batch until the
    damaged record is alone and quarantined; the others are sent once each."""
    add_outbox_records(enrolled, 30)
    damaged = _add_raw(enrolled, "p-damaged", DAMAGED)
    report = SyncJob(enrolled).run()
    assert report.accepted == 30 and report.refused == 1 and report.left == 0
    assert outbox_states(enrolled) == {"refused": 1} and acknowledged_total(enrolled) == 30
    (refused,) = OutboxStore(enrolled.conn, enrolled.clock).refused_records()
    assert refused.entity_id == "p-damaged" and refused.reason
    assert outbox_keys(enrolled) == {damaged}
    assert damaged not in server_keys(live_server.engine)
    assert enrolled.conn.execute("SELECT payload FROM outbox").fetchone()[0] == DAMAGED  # kept, for fixing


def test_a_payload_not_shaped_like_an_object_is_held_back_before_sending(
        enrolled: Session, live_server: ThreadServer) -> None:
    add_outbox_records(enrolled, 5)
    held = _add_raw(enrolled, "p-held", '["not", "an", "object"]')
    report = SyncJob(enrolled).run()
    assert report.accepted == 5 and report.left == 0
    assert outbox_keys(enrolled) == {held}
    (refused,) = OutboxStore(enrolled.conn, enrolled.clock).refused_records()
    assert "could not be read for sending" in refused.reason
    assert held not in server_keys(live_server.engine)


def test_the_spliced_body_is_the_document_the_protocol_model_writes() -> None:
    """Quotes, backslashes, non-ASCII and a line separator in the envelope and the
    payload: the body built from the stored text is byte for byte what
    ``BatchRequest.encode`` writes for the parsed records, with and without the audit head."""
    payload = json.dumps({"personal_id": "p-1", "first_name": 'Zoë "Q" \\ \u2028', "score": 1.5, "x": None,
                          "list": [1, 2]}, ensure_ascii=False, separators=(",", ":"))
    records = [StoredRecord(str(uuid.uuid4()), "person", 'p-"é"-1', "upsert", "2026-03-01T08:00:00+00:00", payload),
               StoredRecord("k\\2", "consent", "c-1", "create", "2026-03-01T08:00:00+00:00", "{}")]
    parsed = [OutboxRecord(idempotency_key=r.idempotency_key, entity=r.entity, entity_id=r.entity_id,
                           operation=r.operation, collected_at=r.collected_at, payload=r.payload) for r in records]
    for head in (None, (41, "ab" * 32)):
        assert outgoing_batch(records, head, "b-1").encode() == new_batch(parsed, "b-1", head).encode()


def test_keys_sort_in_collection_order_and_stay_unique(device: Session) -> None:
    """The keys are UUIDv7 from the collection time: the sync sends (and deletes) rows
    in deadline order, so their keys sit side by side in the key index."""
    now = device.clock.now()
    keys = add_outbox_records(device, 50, hours_ago=lambda i: 50 - i)  # collected an hour apart, oldest first
    assert keys == sorted(keys) and len(set(keys)) == 50
    assert {uuid.UUID(k).version for k in keys} == {7}
    assert len({new_key(now) for _ in range(1000)}) == 1000  # the same millisecond: random bits tell them apart
