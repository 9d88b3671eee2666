"""The device purge after a real sync to the reference server (C10): only people whose
every record the server acknowledged go; a person with one record still waiting stays,
and the central server keeps what it received."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from records_support import save_example
from sqlalchemy import text
from support import ADMIN_PASSWORD, auth, make_vault, run_cli
from sync_support import ThreadServer, new_code

from app.clock import FakeClock
from app.followup import record_exit
from app.notes import add_note
from sync.credentials import StoreKind
from sync.service import SyncJob, enroll_device


def test_purge_after_sync_keeps_the_unacknowledged_and_the_server_copy(tmp_path: Path,
                                                                      live_server: ThreadServer) -> None:
    past = FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(days=200))
    info = make_vault(tmp_path / "device", "mo", past)
    gone, held = save_example(info), save_example(info)
    session = info.sign_in()
    try:
        for intake in (gone, held):
            for enrollment_id in intake.enrollment_ids:
                record_exit(session, enrollment_id, past.now().date(), 410)
        enroll_device(session, live_server.url, new_code(live_server.engine), StoreKind.VAULT)
        report = SyncJob(session).run()
        assert report.batches >= 1
        assert session.conn.execute("SELECT count(*) FROM outbox WHERE state != 'acknowledged'").fetchone()[0] == 0
        add_note(session, held.personal_ids[0], "Called after the exit; not synced yet.")
    finally:
        session.close()
    with live_server.engine.connect() as conn:
        server_rows_before = conn.execute(text("SELECT count(*) FROM received_record")).scalar()

    assert run_cli(info.data_dir, "retention", "rule", "--days", "90", *auth(), password=ADMIN_PASSWORD).returncode == 0
    result = run_cli(info.data_dir, "retention", "purge", "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    # Per person: the held household's child had everything acknowledged, so it goes too.
    assert result.json()["people"] == len(gone.personal_ids) + 1

    session = info.sign_in()
    try:
        left = {r[0] for r in session.conn.execute("SELECT personal_id FROM person")}
    finally:
        session.close()
    assert left == {held.personal_ids[0]}
    with live_server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM received_record")).scalar() == server_rows_before
