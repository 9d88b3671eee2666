"""Schema 18 (issue 16: the outbox status in at most 5 ms at 100,000 people): the outbox
keeps its count of records in each state in ``outbox_tally``, by triggers, so the status
reads three numbers instead of counting every row. The tally must equal a real count
after every path that changes the outbox: saving, a sync with records accepted and one
refused, a rolled-back write, and the upgrade of a vault that already holds records."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support import ADMIN_USER, make_vault
from sync_support import ThreadServer, add_outbox_records, new_code, outbox_states, run_device_cli

from app import outbox
from app.session import Session
from app.vault.connection import Connection, open_database, transaction
from app.vault.migrations import MIGRATIONS, migrate

AUTH = ["--user", ADMIN_USER, "--password-stdin"]
SCHEMA_17 = tuple(m for m in MIGRATIONS if m.version <= 17)
DAMAGED = '{"personal_id": "p-damaged", "first_name": "Synth",}'  # only the server can tell


def _counted(conn: Connection) -> dict[str, int]:
    real = dict.fromkeys(("pending", "acknowledged", "refused"), 0)
    real.update({str(s): int(n) for s, n in conn.execute("SELECT state, count(*) FROM outbox GROUP BY state")})
    return real


def _insert(conn: Connection, state: str, payload: str = '{"personal_id": "p"}',
            deadline: str = "2026-03-04T08:00:00+00:00") -> None:
    conn.execute(
        "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload, collected_at, deadline_at,"
        " created_at, state) VALUES (?, 'person', ?, 'upsert', ?, '2026-03-01T08:00:00+00:00', ?,"
        " '2026-03-01T08:00:00+00:00', ?)",
        (str(uuid.uuid4()), str(uuid.uuid4()), payload, deadline, state))


def _due(conn: Connection, after: str | None, upto: str) -> int:
    """What the status counted before schema 18: pending rows with after < deadline <= upto."""
    return int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending' AND deadline_at <= ?"
                            " AND (? IS NULL OR deadline_at > ?)", (upto, after, after)).fetchone()[0])


def _status(data_dir: Path) -> tuple[int, int, int]:
    done = run_device_cli(data_dir, "status", "--json", *AUTH)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    return shown["pending"], shown["refused"], shown["acknowledged"]


def test_the_status_follows_saves_a_sync_and_a_refusal_and_the_tally_equals_a_count(
        tmp_path: Path, live_server: ThreadServer) -> None:
    info = make_vault(tmp_path / "device", "mo")
    session: Session = info.sign_in()
    try:
        add_outbox_records(session, 60)
        with transaction(session.conn) as conn:
            _insert(conn, "pending", DAMAGED)
        assert outbox.counts(session.conn) == _counted(session.conn) == {"pending": 61, "acknowledged": 0,
                                                                          "refused": 0}
        # A write rolled back leaves the tally as it was.
        with pytest.raises(RuntimeError), transaction(session.conn) as conn:
            _insert(conn, "pending")
            raise RuntimeError("the save failed")
        assert outbox.counts(session.conn)["pending"] == 61
    finally:
        session.close()
    assert _status(info.data_dir) == (61, 0, 0)

    enrolled = run_device_cli(info.data_dir, "enroll", "--server", live_server.url, "--credential-store", "vault",
                              *AUTH, code=new_code(live_server.engine))
    assert enrolled.returncode == 0, enrolled.stderr
    synced = run_device_cli(info.data_dir, "sync", "--batch-size", "25", "--json", *AUTH)
    # The command says what was left unsent, counted from the tally.
    assert synced.returncode == 11 and "0 waiting, 1 refused by the server" in synced.stderr, synced.stderr
    assert (json.loads(synced.stdout)["accepted"], json.loads(synced.stdout)["refused"]) == (60, 1)
    # Accepted rows are deleted as they are acknowledged (counted in a setting); the
    # refused one stays, refused.
    assert _status(info.data_dir) == (0, 1, 60)
    session = info.sign_in()
    try:
        assert outbox.counts(session.conn) == _counted(session.conn) == {"pending": 0, "acknowledged": 0,
                                                                          "refused": 1}
        assert outbox_states(session) == {"refused": 1}
        add_outbox_records(session, 7)
        assert outbox.counts(session.conn) == _counted(session.conn)
    finally:
        session.close()
    assert _status(info.data_dir) == (7, 1, 60)


def test_a_schema17_vault_upgrades_with_its_records_counted_and_the_triggers_keep_count(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "vault.db", bytearray(range(32)), create=True)
    try:
        migrate(conn, None, SCHEMA_17)
        with transaction(conn):
            for state, how_many in (("pending", 5), ("acknowledged", 3), ("refused", 2)):
                for _ in range(how_many):
                    _insert(conn, state)
        migrate(conn, None)
        assert outbox.counts(conn) == _counted(conn) == {"pending": 5, "acknowledged": 3, "refused": 2}
        with transaction(conn):
            conn.execute("UPDATE outbox SET state = 'acknowledged' WHERE id IN"
                         " (SELECT id FROM outbox WHERE state = 'pending' LIMIT 2)")
            conn.execute("UPDATE outbox SET attempts = attempts + 1")  # no change of state: no change of count
            conn.execute("DELETE FROM outbox WHERE state = 'refused'")
            _insert(conn, "refused")
        assert outbox.counts(conn) == _counted(conn) == {"pending": 3, "acknowledged": 5, "refused": 1}
        with pytest.raises(Exception, match="CHECK"):
            conn.execute("UPDATE outbox_tally SET records = -1 WHERE state = 'pending'")
    finally:
        conn.close()


def test_overdue_and_due_soon_are_counted_exactly_at_the_edges_of_the_hours(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "vault.db", bytearray(range(32)), create=True)
    try:
        migrate(conn, None)
        now = datetime(2026, 3, 4, 8, 30, 15, tzinfo=UTC)
        offsets = [-100 * 3600, -3600, -1831, -1815, -1, 0, 1, 60, 1784, 1785, 3600, 23 * 3600 + 1785,
                   24 * 3600 - 1, 24 * 3600, 24 * 3600 + 1, 24 * 3600 + 1800, 30 * 24 * 3600]
        with transaction(conn):
            for offset in offsets:
                deadline = (now + timedelta(seconds=offset)).isoformat(timespec="seconds")
                _insert(conn, "pending", deadline=deadline)
                _insert(conn, "refused", deadline=deadline)  # never counted as due
            conn.execute("UPDATE outbox SET deadline_at = ? WHERE id = (SELECT min(id) FROM outbox)",
                         ((now + timedelta(hours=2)).isoformat(timespec="seconds"),))  # a deadline moved
        now_iso = now.isoformat(timespec="seconds")
        soon_iso = (now + timedelta(hours=24)).isoformat(timespec="seconds")
        status = outbox.status(conn, now, 72, 24)
        assert status.overdue == _due(conn, None, now_iso) == 5
        assert status.due_soon == _due(conn, now_iso, soon_iso) == 9
        assert status.pending == len(offsets) and status.refused == len(offsets)
        for moment in (now - timedelta(hours=200), now, now + timedelta(seconds=1), now + timedelta(days=40)):
            text = moment.isoformat(timespec="seconds")
            assert outbox.pending_due_by(conn, text) == _due(conn, None, text)
    finally:
        conn.close()


def test_the_command_shows_what_is_overdue_and_due_soon(tmp_path: Path) -> None:
    info = make_vault(tmp_path / "device", "mo")
    session = info.sign_in()
    now = datetime.now(UTC)
    try:
        with transaction(session.conn) as conn:
            for hours in (-50, -3, -0.5, 2, 20, 30, 60):
                _insert(conn, "pending", deadline=(now + timedelta(hours=hours)).isoformat(timespec="seconds"))
    finally:
        session.close()
    done = run_device_cli(info.data_dir, "status", "--json", *AUTH)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["pending"], shown["overdue"], shown["due_soon"]) == (7, 3, 2)
