"""The audit trail: who, what, which record, when; append-only and hash-chained
(CT-207-12, VT-2.2-6, VT-2.1-10, CT-208-5)."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlcipher3
from support import ON_FILE, VaultInfo, auth, data_key_of, run_cli, single_sentence, synthetic_person

from app.audit import events_for, verify_chain
from app.clock import FakeClock
from app.errors import BadCredentials
from app.people import open_person, save_new_person, update_person
from app.security.users import add_user, disable_user, generate_temporary_password, reset_password
from app.session import sign_in
from app.vault.connection import Connection, open_database
from app.vault.vault import db_path


def _events(conn: Connection) -> list[tuple[int, str, str | None, str, str | None, str | None]]:
    return conn.execute(
        "SELECT seq, at, user_id, action, entity, entity_id FROM audit_event ORDER BY seq"
    ).fetchall()


def _busy_vault(info: VaultInfo, clock: FakeClock, users: bool = True) -> tuple[str, str]:
    """Sign-ins, a failure, a view, an edit, user management and a lock."""
    if users:
        with pytest.raises(BadCredentials):
            sign_in(info.data_dir, info.user, "Wrong!Guess123x", clock)
    session = info.sign_in()
    try:
        clock.advance(minutes=1)
        pid = save_new_person(session, synthetic_person("Auditfirst", "Auditlast", dob="1985-06-07"), basis=ON_FILE)
        clock.advance(minutes=1)
        person = open_person(session, pid)
        person.middle_name = "Audited"
        clock.advance(minutes=1)
        update_person(session, person, basis=ON_FILE)
        user_id = ""
        if users:
            user_id = add_user(session, "ava.volunteer", "Ava", "volunteer", generate_temporary_password(),
                               access_completed_on=session.clock.now().date())
            reset_password(session, "ava.volunteer", generate_temporary_password())
            disable_user(session, "ava.volunteer")
    finally:
        session.lock()
    return pid, user_id


def test_every_kind_of_event_has_who_what_which_and_when(any_vault: VaultInfo, fake_clock: FakeClock) -> None:
    """CT-109-1, VT-2.2-6, CT-207-12: every access and change is an audit event under the
    signed-in user, in every pack."""
    pid, user_id = _busy_vault(any_vault, fake_clock)
    session = any_vault.sign_in()
    try:
        admin_id = session.user.user_id
        events = _events(session.conn)
        by_action: dict[str, list[tuple[int, str, str | None, str, str | None, str | None]]] = {}
        for event in events:
            by_action.setdefault(event[3], []).append(event)
        for action in ("signin.succeeded", "signin.failed", "session.locked", "person.created",
                       "person.viewed", "person.edited", "user.created", "user.password_reset",
                       "user.disabled"):
            assert action in by_action, f"no {action} event"
        for action in ("person.created", "person.viewed", "person.edited"):
            (event,) = by_action[action]
            assert event[2] == admin_id and event[4] == "person" and event[5] == pid
        for action in ("user.password_reset", "user.disabled"):
            (event,) = by_action[action]
            assert event[2] == admin_id and event[4] == "user" and event[5] == user_id
        assert by_action["signin.failed"][0][2] == admin_id
        assert by_action["session.locked"][0][2] == admin_id
        for event in events:
            assert datetime.fromisoformat(event[1]).tzinfo is not None
        # The times are the (fake) clock's, in order.
        created, viewed, edited = (by_action[a][0][1] for a in ("person.created", "person.viewed", "person.edited"))
        assert created < viewed < edited
        # CT-207-6: the history of one record.
        assert [e.action for e in events_for(session.conn, "person", pid)] == [
            "person.created", "person.viewed", "person.edited"]
        assert verify_chain(session.conn).intact
    finally:
        session.close()


def test_audit_rows_refuse_update_and_delete(vt_vault: VaultInfo) -> None:
    session = vt_vault.sign_in()
    try:
        with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
            session.conn.execute("UPDATE audit_event SET action = 'nothing' WHERE seq = 1")
        with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
            session.conn.execute("DELETE FROM audit_event WHERE seq = 1")
    finally:
        session.close()


def _tamper(info: VaultInfo, sql: str) -> None:
    """What an attacker with the key would do: drop the guard triggers, then edit."""
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("DROP TRIGGER audit_event_no_delete")
        conn.execute(sql)
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("sql", "broken"),
    [
        ("UPDATE audit_event SET detail = '{\"role\":\"volunteer\"}' WHERE seq = {seq}", "seq"),
        ("UPDATE audit_event SET at = '2020-01-01T00:00:00+00:00' WHERE seq = {seq}", "seq"),
        ("UPDATE audit_event SET user_id = NULL WHERE seq = {seq}", "seq"),
        ("DELETE FROM audit_event WHERE seq = {seq}", "next"),
    ],
)
def test_a_modified_event_is_detected(vt_vault: VaultInfo, fake_clock: FakeClock, sql: str, broken: str) -> None:
    _busy_vault(vt_vault, fake_clock, users=False)
    conn = open_database(db_path(vt_vault.data_dir), data_key_of(vt_vault))
    try:
        check = verify_chain(conn)
        assert check.intact and check.events >= 6
        seq = conn.execute("SELECT seq FROM audit_event WHERE action = 'person.viewed'").fetchone()[0]
    finally:
        conn.close()
    _tamper(vt_vault, sql.replace("{seq}", str(seq)))
    conn = open_database(db_path(vt_vault.data_dir), data_key_of(vt_vault))
    try:
        result = verify_chain(conn)
    finally:
        conn.close()
    assert not result.intact
    assert result.first_broken_seq == (seq if broken == "seq" else seq + 1)

    cli = run_cli(vt_vault.data_dir, "audit-verify", *auth(), password=vt_vault.password)
    assert cli.returncode != 0
    assert single_sentence(cli.stderr), cli.stderr
    assert f"event {result.first_broken_seq}" in cli.stderr
    assert cli.stdout == ""


def test_audit_verify_passes_on_an_intact_trail(vt_vault: VaultInfo, fake_clock: FakeClock) -> None:
    _busy_vault(vt_vault, fake_clock)
    cli = run_cli(vt_vault.data_dir, "audit-verify", *auth(), password=vt_vault.password)
    assert cli.returncode == 0, cli.stderr
    assert "intact" in cli.stdout


def test_rewriting_the_whole_tail_still_breaks_at_the_edit(vt_vault: VaultInfo, fake_clock: FakeClock) -> None:
    """Recomputing one row's own hash is not enough: the next row names the old one."""
    import hashlib
    import json

    _busy_vault(vt_vault, fake_clock)
    conn = open_database(db_path(vt_vault.data_dir), data_key_of(vt_vault))
    try:
        seq, at, user_id, action, entity, entity_id, _detail = conn.execute(
            "SELECT seq, at, user_id, action, entity, entity_id, detail FROM audit_event"
            " WHERE action = 'person.edited'"
        ).fetchone()
        prev = conn.execute("SELECT hash FROM audit_event WHERE seq = ?", (seq - 1,)).fetchone()[0].hex()
        forged_detail = '{"forged":true}'
        canonical = json.dumps([prev, at, user_id, action, entity, entity_id, forged_detail],
                               ensure_ascii=False, separators=(",", ":"))
        forged_hash = hashlib.sha256(canonical.encode()).digest()
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("UPDATE audit_event SET detail = ?, hash = ? WHERE seq = ?", (forged_detail, forged_hash, seq))
        result = verify_chain(conn)
    finally:
        conn.close()
    assert result.first_broken_seq == seq + 1
