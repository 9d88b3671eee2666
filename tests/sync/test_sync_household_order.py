"""MO-ROI-8, ambiguity A31: a declined household's consent and lock reach the central
server before, or in the same batch as, any member's identity, whatever the batch
size and wherever a sync stops. Real server on loopback, real vault, real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from support import ADMIN_PASSWORD, ADMIN_USER, REPO_ROOT, child_env, cli_command, make_vault
from sync_faults import FaultProxy
from sync_support import HERE, ThreadServer, add_outbox_records, assert_exactly_once, new_code, wait_until

from app.intake import IntakeResult, parse_document, save_intake
from app.session import Session
from sync.credentials import StoreKind, load_credential
from sync.engine import SyncEngine
from sync.protocol import BatchRequest, DeviceCredential
from sync.service import enroll_device
from sync.store import OutboxStore
from sync.transport import Sent, Transport

FORMS = REPO_ROOT / "forms" / "intake"
AUTH = ["--user", ADMIN_USER, "--password-stdin"]


def household(session: Session, last: str, declined: bool) -> IntakeResult:
    """The Missouri example household under another invented surname, its ROI declined
    (the household is locked, MO-ROI-8) or signed."""
    doc: dict[str, Any] = json.loads((FORMS / "example-mo.json").read_text("utf-8"))
    if declined:
        doc["consent"] = {"method": "declined", "sharing": "not_shared", "signed_on": doc["consent"]["signed_on"]}
    for member in doc["members"]:
        member["client"]["LastName"] = last
    return save_intake(session, parse_document(doc))


class Recorder:
    """Passes batches to the real transport and remembers what each one carried."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.batches: list[list[tuple[str, str, dict[str, Any]]]] = []

    def send_batch(self, batch: BatchRequest, credential: DeviceCredential) -> Sent:
        self.batches.append([(r.entity, r.entity_id, r.payload) for r in batch.records])
        return self.inner.send_batch(batch, credential)


def first_batch(batches: list[list[tuple[str, str, dict[str, Any]]]], wanted: Any) -> int:
    return min(i for i, batch in enumerate(batches) for record in batch if wanted(record))


def assert_lock_never_after_identity(batches: list[list[tuple[str, str, dict[str, Any]]]],
                                     result: IntakeResult) -> None:
    people = set(result.personal_ids)
    identity = first_batch(batches, lambda r: r[0] == "person" and r[1] in people)
    consent = max(first_batch(batches, lambda r, p=p: r[0] == "consent" and r[2]["personal_id"] == p)
                  for p in people)
    lock = max(first_batch(batches, lambda r, e=e: r[0] == "enrollment" and r[1] == e and r[2]["locked"] == 1)
               for e in result.enrollment_ids)
    assert consent <= identity and lock <= identity
    # Within the batch that carries them together, the consent and lock come first.
    batch = batches[identity]
    order = [r[0] for r in batch if r[0] in ("consent", "enrollment", "person")]
    assert order.index("person") > max(i for i, e in enumerate(order) if e in ("consent", "enrollment"))


def on_server(engine: Engine) -> list[tuple[str, str, dict[str, Any]]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT entity, entity_id, payload FROM received_record")).fetchall()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def assert_no_identity_without_its_lock(engine: Engine, result: IntakeResult) -> None:
    """Whatever reached the server: no member's identity without the household's
    declined consent and locked enrollments (MO-ROI-8)."""
    records = on_server(engine)
    people = set(result.personal_ids)
    if not any(e == "person" and i in people for e, i, _ in records):
        return
    consents = {p["personal_id"] for e, _, p in records if e == "consent" and p["method"] == "declined"}
    locked = {i for e, i, p in records if e == "enrollment" and p.get("locked") == 1}
    assert people <= consents and set(result.enrollment_ids) <= locked


def test_mo_roi_8_batch_size_1_sends_a_declined_households_lock_with_or_before_its_people(
        enrolled: Session, live_server: ThreadServer) -> None:
    """MO-ROI-8 / A31 with batch size 1: the old order (person, enrollment, consent)
    would put a member's name on the server a batch before "declined, locked"."""
    add_outbox_records(enrolled, 3, hours_ago=lambda i: 100.0)
    declined = [household(enrolled, "Brackenfold", True), household(enrolled, "Wickermoss", True)]
    shared = household(enrolled, "Hollowthorn", False)
    add_outbox_records(enrolled, 3, hours_ago=lambda i: 0.5)
    _, credential = load_credential(enrolled.conn, str(enrolled.vault.keyfile.vault_id))
    recorder = Recorder(Transport(live_server.url))
    report = SyncEngine(OutboxStore(enrolled.conn, enrolled.clock), recorder, credential, batch_size=1).run()
    assert report.complete
    for result in declined:
        assert_lock_never_after_identity(recorder.batches, result)
    # A household travels whole: its six rows (2 people, 2 enrollments, 2 consents) in one batch.
    for result in [*declined, shared]:
        members = set(result.personal_ids) | set(result.enrollment_ids)
        holding = {i for i, batch in enumerate(recorder.batches) for r in batch
                   if r[1] in members or r[2].get("personal_id") in members}
        assert len(holding) == 1
    assert_exactly_once(live_server.engine, enrolled)


def test_mo_roi_8_a_sync_stopped_between_batches_leaves_no_identity_without_its_lock(
        enrolled: Session, live_server: ThreadServer) -> None:
    """MO-ROI-8: stopping after any batch (here the first and the second) leaves the
    server with no member of a declined household whose lock it lacks; the next run
    sends the rest once."""
    declined = [household(enrolled, "Quillowby", True), household(enrolled, "Fennimoss", True)]
    add_outbox_records(enrolled, 4, hours_ago=lambda i: 0.5)
    _, credential = load_credential(enrolled.conn, str(enrolled.vault.keyfile.vault_id))
    for stop_after in (1, 2):
        engine = SyncEngine(OutboxStore(enrolled.conn, enrolled.clock), Transport(live_server.url), credential,
                            batch_size=1)
        engine.on_progress = lambda p, e=engine, n=stop_after: e.cancel() if p.batches >= n else None
        report = engine.run()
        assert report.cancelled and report.left > 0
        for result in declined:
            assert_no_identity_without_its_lock(live_server.engine, result)
    report = SyncEngine(OutboxStore(enrolled.conn, enrolled.clock), Transport(live_server.url), credential,
                        batch_size=1).run()
    assert report.complete
    assert_exactly_once(live_server.engine, enrolled)


def test_mo_roi_8_hmis_intake_sync_killed_mid_run_leaves_no_identity_without_its_lock(
        tmp_path: Path, live_server: ThreadServer) -> None:
    """MO-ROI-8 from outside: ``hmis-intake sync --batch-size 1`` killed with SIGKILL
    after the first batches arrived; the server holds no member of a declined
    household without its lock, and a rerun completes."""
    info = make_vault(tmp_path / "device", "mo")
    session = info.sign_in()
    declined = [household(session, name, True) for name in ("Thornapple", "Mistlebury", "Oakenshaw")]
    session.close()
    proxy = FaultProxy(live_server.port, default="pass", slow_seconds=0.3)
    try:
        session = info.sign_in()
        enroll_device(session, proxy.url, new_code(live_server.engine), StoreKind.VAULT)
        session.close()
        proxy.set_plan([], default="slow")
        env = child_env()
        env["PYTHONPATH"] = str(HERE) + os.pathsep + env["PYTHONPATH"]
        proc = subprocess.Popen([*cli_command(), "--data-dir", str(info.data_dir), "sync", "--batch-size", "1",
                                 *AUTH], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env, cwd=str(REPO_ROOT), text=True)
        assert proc.stdin is not None
        proc.stdin.write(ADMIN_PASSWORD + "\n")
        proc.stdin.close()
        try:
            wait_until(lambda: any(e == "person" for e, _, _ in on_server(live_server.engine)), 60,
                       "a household to arrive")
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        for result in declined:
            assert_no_identity_without_its_lock(live_server.engine, result)
        proxy.set_plan([], default="pass")
        session = info.sign_in()
        try:
            _, credential = load_credential(session.conn, str(session.vault.keyfile.vault_id))
            report = SyncEngine(OutboxStore(session.conn, session.clock), Transport(proxy.url), credential,
                                batch_size=1).run()
            assert report.complete
            assert_exactly_once(live_server.engine, session)
        finally:
            session.close()
    finally:
        proxy.close()
