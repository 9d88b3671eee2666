"""Retention (C10): people past the pack's retention period are listed (MO-RET-1,
VT-3.4-11), and the administrator's purge rule removes synced, acknowledged, inactive
people from the device only: never anything unsynced, audited, and the data folder
shrinks. The server's acknowledgement is written into the outbox the way the sync
engine records it (state 'acknowledged')."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from records_support import save_example
from support import (
    ADMIN_PASSWORD,
    USER_PASSWORD,
    add_ready_user,
    auth,
    make_vault,
    renew_access,
    run_cli,
    single_sentence,
)

from app import outbox
from app.clock import FakeClock
from app.followup import record_exit
from app.notes import add_note
from app.packs import load_pack
from app.vault.connection import DatabaseError, transaction


def test_mo_ret_1_vt_3_4_11_packs_state_their_retention_period() -> None:
    assert load_pack("mo").client_rights.retention_years == 7
    assert load_pack("mo").client_rights.retention_action == "dispose_or_deidentify"
    assert load_pack("vt").client_rights.retention_action == "make_inactive"
    assert load_pack("ct").client_rights.retention_years is None


def test_purge_removes_only_synced_inactive_people_and_shrinks_the_folder(tmp_path: Path) -> None:
    past = FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(days=200))
    info = make_vault(tmp_path / "ct", "ct", past)
    gone, held, active = (save_example(info) for _ in range(3))
    session = info.sign_in()
    try:
        for intake in (gone, held):
            record_exit(session, intake.enrollment_ids[0], past.now().date(), 410)
        for i in range(150):
            add_note(session, gone.personal_ids[0], f"Weekly check-in {i}: " + "talked about housing options. " * 20)
        with transaction(session.conn) as conn:
            # What a worker typed on the consent is kept with its shared terms (schema 16).
            conn.execute("UPDATE consent SET shared_information = 'Meals with Orrin Thistledown (neighbour)'"
                         " WHERE personal_id = ?", (gone.personal_ids[0],))
            conn.execute("UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?", (past.now_iso(),))
            # One of the held person's records never reached the server.
            conn.execute("UPDATE outbox SET state = 'pending', acknowledged_at = NULL WHERE entity = 'exit'"
                         " AND entity_id = (SELECT exit_id FROM project_exit WHERE personal_id = ?)",
                         (held.personal_ids[0],))
        # As a vault made before new vaults gave free pages back.
        session.conn.execute("PRAGMA auto_vacuum = NONE")
        session.conn.execute("VACUUM")
        assert session.conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 0
    finally:
        session.close()

    no_rule = run_cli(info.data_dir, "retention", "purge", *auth(), password=ADMIN_PASSWORD)
    assert no_rule.returncode != 0 and single_sentence(no_rule.stderr)
    add_ready_user(info, "casey.case", "case_manager")
    refused = run_cli(info.data_dir, "retention", "rule", "--days", "90", *auth("casey.case"), password=USER_PASSWORD)
    assert refused.returncode != 0 and single_sentence(refused.stderr)
    bad = run_cli(info.data_dir, "retention", "rule", "--days", "0", *auth(), password=ADMIN_PASSWORD)
    assert bad.returncode != 0 and single_sentence(bad.stderr)
    assert run_cli(info.data_dir, "retention", "rule", "--days", "90", *auth(), password=ADMIN_PASSWORD).returncode == 0

    plan = run_cli(info.data_dir, "retention", "list", "--json", *auth(), password=ADMIN_PASSWORD)
    assert plan.returncode == 0, plan.stderr
    assert [c["personal_id"] for c in plan.json()["purgeable"]] == [gone.personal_ids[0]]
    assert plan.json()["held_unsynced"] == 1

    result = run_cli(info.data_dir, "retention", "purge", "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    figures = result.json()
    assert figures["people"] == 1 and figures["bytes_after"] < figures["bytes_before"]

    session = info.sign_in()
    try:
        conn = session.conn
        left = {r[0] for r in conn.execute("SELECT personal_id FROM person")}
        assert left == {held.personal_ids[0], active.personal_ids[0]}
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # the purge's VACUUM set it
        for table in ("case_note", "consent", "enrollment", "project_exit"):
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE personal_id = ?",
                                (gone.personal_ids[0],)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM outbox WHERE payload LIKE '%Weekly check-in%'").fetchone()[0] == 0
        # No shared terms or gate reasons outlive the consents and decisions that used them.
        assert conn.execute("SELECT count(*) FROM consent_terms WHERE shared_information LIKE '%Thistledown%'"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM consent_terms WHERE terms_id NOT IN"
                            " (SELECT terms_id FROM consent_row)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM consent_gate_reason WHERE reason_id NOT IN"
                            " (SELECT reason_id FROM consent_gate_decision_row)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM consent").fetchone()[0] == conn.execute(
            "SELECT count(*) FROM consent_row").fetchone()[0] > 0
        events = conn.execute("SELECT entity_id FROM audit_event WHERE action = 'retention.purged'").fetchall()
        assert [e[0] for e in events] == [gone.personal_ids[0]]
        # The outbox's tally (schema 18) followed the purge's deletes: the status still counts right.
        assert outbox.counts(conn) == {state: conn.execute("SELECT count(*) FROM outbox WHERE state = ?",
                                                           (state,)).fetchone()[0]
                                       for state in ("pending", "acknowledged", "refused")}
        assert outbox.counts(conn)["pending"] == 1
        # The append-only guard is back: a remaining note still cannot be deleted.
        add_note(session, active.personal_ids[0], "A note after the purge.")
        with pytest.raises(DatabaseError), transaction(conn):
            conn.execute("DELETE FROM case_note")
    finally:
        session.close()
    found = run_cli(info.data_dir, "search", "Brackenfold", "--json", *auth(), password=ADMIN_PASSWORD)
    assert len(found.json()) == 2


def test_mo_ret_1_mo_roi_4_people_unchanged_for_seven_years_are_listed_with_the_roi_hold(tmp_path: Path) -> None:
    from app.retention import retention_due

    long_ago = FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(days=365 * 7 + 30))
    info = make_vault(tmp_path / "mo", "mo", long_ago)
    old = save_example(info)
    long_ago.advance(days=365 * 7 + 30)
    renew_access(info)  # MO-TRAIN-3: seven fiscal years later the recertification is due again
    recent = save_example(info)
    session = info.sign_in()
    try:
        due = retention_due(session)
    finally:
        session.close()
    listed = {c.personal_id: c for c in due}
    assert set(listed) == set(old.personal_ids) and not set(listed) & set(recent.personal_ids)
    # MO-ROI-4: the ROI expired a year after signing, so it is kept until seven years after that.
    assert all(c.keep_until is not None for c in due)
    today = long_ago.now().date()
    for candidate in due:
        kept = date.fromisoformat(str(candidate.keep_until))
        assert today < kept <= today.replace(year=today.year + 1) + timedelta(days=31)
