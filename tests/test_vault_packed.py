"""Schema 17 (issue 16, vault bytes per person): the audit trail and the consent gate's
answers keep ids and times in binary, and give back exactly the text that was written.

Driven from outside: intakes saved with ``hmis-intake import-intake``, the trail read
with ``history`` and checked with ``audit-verify``. A schema-16 vault with events in
every form upgrades with each event, gate answer and the chain head unchanged.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from records_support import import_household
from support import ADMIN_PASSWORD, auth, data_key_of, make_vault, run_cli

from app import audit
from app.audit import GENESIS, _digest, chain_head, events_for, verify_chain
from app.clock import FakeClock
from app.vault import packed
from app.vault.connection import Connection, open_database
from app.vault.migrations import MIGRATIONS, migrate
from app.vault.vault import db_path

SCHEMA_16 = tuple(m for m in MIGRATIONS if m.version <= 16)
ID = "0192f1c4-5a6b-7c8d-9e0f-a1b2c3d4e5f6"
OTHER = "5f4bc25e-a6fa-45fd-95cd-bd947593aade"
THIRD = "81721ad0-34e1-4005-b8eb-e35107580bac"
FOURTH = "c8f2fba3-03a7-47ba-9f18-7a04704855de"

# (entity_id, at, detail): canonical values, and every form that must stay as given.
ODD_EVENTS: list[tuple[str | None, str, dict[str, Any]]] = [
    (ID, "2026-03-01T08:15:00+00:00", {"enrollment_id": OTHER, "household_id": THIRD}),
    (ID.upper(), "2026-03-01T08:15:00.250000+00:00", {}),
    ("{" + ID + "}", "2026-03-01T03:15:00-05:00", {"note": "no ids here"}),
    ("device", "2026-03-01T08:15:00Z", {"ids": [ID, OTHER, THIRD, FOURTH], "again": ID}),
    (None, "1969-12-31T23:59:59+00:00", {"file": f"copy-{ID}.pdf", "name": "Zoë \u2013 ünïcode"}),
    (OTHER, "not a time", {"text": "a \u0001 stand-in written by someone, escaped"}),
    (ID[:-1], "2026-03-01T08:15:00+00:00", {"id": ID[:-1] + "g"}),
]


@pytest.mark.parametrize("value", [ID, OTHER, None, "", ID.upper(), "{" + ID + "}", "urn:uuid:" + ID, ID[:-1],
                                   ID.replace("-", ""), "device", ID + " "])
def test_an_id_packs_only_when_it_is_a_canonical_uuid_and_always_comes_back_as_given(value: str | None) -> None:
    stored = packed.pack_id(value)
    assert isinstance(stored, bytes) == (value in (ID, OTHER))
    assert packed.unpack_id(stored) == value


@pytest.mark.parametrize(("value", "packs"), [
    ("2026-03-01T08:15:00+00:00", True), ("1969-12-31T23:59:59+00:00", True),
    ("2026-03-01T08:15:00.250000+00:00", False), ("2026-03-01T08:15:00Z", False),
    ("2026-03-01T03:15:00-05:00", False), ("2026-03-01 08:15:00+00:00", False), ("2026-03-01", False),
    ("not a time", False), ("", False)])
def test_a_time_packs_only_in_the_form_now_iso_writes(value: str, packs: bool) -> None:
    stored = packed.pack_time(value)
    assert isinstance(stored, int) == packs
    assert packed.unpack_time(stored) == value


@pytest.mark.parametrize("detail", [json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                                    for _, _, d in ODD_EVENTS] + ["\u0001" + ID, ID * 2, "x" + ID + ID[:8]])
def test_a_detail_keeps_up_to_three_ids_as_bytes_and_comes_back_as_given(detail: str) -> None:
    text, refs = packed.pack_detail(detail)
    assert packed.unpack_detail(text, refs) == detail
    if refs is not None:
        assert len(refs) % 16 == 0 and len(refs) <= 48 and len(text) < len(detail)
    if "\u0001" in detail:
        assert refs is None


def _write_through_the_view(conn: Connection, prev: str, user_id: str | None) -> None:
    """ODD_EVENTS appended to the chain ending in ``prev``, inserted through the view
    ``audit_event`` as a writer other than app.audit would."""
    for entity_id, at, detail in ODD_EVENTS:
        body = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        prev = _digest(prev, at, user_id, "test.view", "thing", entity_id, body)
        conn.execute("INSERT INTO audit_event (at, user_id, action, entity, entity_id, detail, hash)"
                     " VALUES (?, ?, 'test.view', 'thing', ?, ?, ?)",
                     (at, user_id, entity_id, body, bytes.fromhex(prev)))


def _stored(conn: Connection, seq: int) -> tuple[str, str, bytes | None]:
    row = conn.execute("SELECT typeof(at), typeof(entity_id), refs FROM audit_event_row WHERE seq = ?",
                       (seq,)).fetchone()
    return row[0], row[1], row[2]


def test_an_intake_saved_with_the_command_keeps_its_trail_packed_and_the_history_reads_it(
        tmp_path: Path, fake_clock: FakeClock) -> None:
    info = make_vault(tmp_path / "data", "mo", fake_clock)
    people = import_household(info, tmp_path, "one", "Thistlewhorl")

    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        written = conn.execute("SELECT seq, action, entity_id, detail, at FROM audit_event WHERE entity = 'person'"
                               " AND entity_id = ? ORDER BY seq", (people[0],)).fetchall()
        assert {e[1] for e in written} >= {"person.created", "consent.recorded", "intake.saved"}
        for seq, action, _, detail, _ in written:
            kinds = _stored(conn, seq)
            assert kinds[:2] == ("integer", "blob"), action
            ids = [v for v in json.loads(detail).values() if isinstance(v, str) and packed.pack_id(v) != v]
            assert (kinds[2] or b"") == b"".join(uuid.UUID(v).bytes for v in ids), action
        gate = conn.execute("SELECT typeof(entity_id), typeof(decided_at), typeof(personal_id)"
                            " FROM consent_gate_decision_row WHERE personal_id = ?", (people[0],)).fetchall()
        assert gate and set(gate) == {("blob", "integer", "text")}
        # The gate's answers read back as the text the intake gave them.
        answers = conn.execute("SELECT entity_id, decided_at FROM consent_gate_decision WHERE personal_id = ?",
                               (people[0],)).fetchall()
        assert all(packed.pack_id(e) != e and packed.pack_time(d) != d for e, d in answers)
    finally:
        conn.close()

    history = run_cli(info.data_dir, "history", people[0], "--json", *auth(), password=ADMIN_PASSWORD)
    assert history.returncode == 0, history.stderr
    shown = {e["action"]: e for e in history.json()}
    assert {"person.created", "consent.recorded", "intake.saved"} <= set(shown)
    assert shown["intake.saved"]["at"] == next(e for e in written if e[1] == "intake.saved")[4]
    checked = run_cli(info.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert checked.returncode == 0 and "intact" in checked.stdout, checked.stderr


@pytest.fixture
def trail(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Connection]:
    """An open connection to a new MO vault, for writing and reading its audit trail."""
    info = make_vault(tmp_path / "data", "mo", fake_clock)
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    yield conn
    conn.close()


def test_events_in_every_form_read_back_exactly_and_are_found_by_their_record(trail: Connection) -> None:
    first = chain_head(trail)[0] + 1
    for entity_id, at, detail in ODD_EVENTS:
        audit.record(trail, "test.event", None, "thing", entity_id, detail, at=at)
    trail.commit()
    rows = trail.execute("SELECT entity_id, at, detail FROM audit_event WHERE seq >= ? ORDER BY seq",
                         (first,)).fetchall()
    assert [(e, a, json.loads(d)) for e, a, d in rows] == ODD_EVENTS
    assert [_stored(trail, first + i)[:2] for i in range(len(ODD_EVENTS))][:2] == [
        ("integer", "blob"), ("text", "text")]
    # events_for looks up by the packed id; an unpacked id is found as it was written.
    assert [e.at for e in events_for(trail, "thing", ID)] == ["2026-03-01T08:15:00+00:00"]
    assert [e.at for e in events_for(trail, "thing", ID.upper())] == ["2026-03-01T08:15:00.250000+00:00"]
    assert [e.detail for e in events_for(trail, "thing", "device")] == [ODD_EVENTS[3][2]]
    assert verify_chain(trail).intact


def test_a_write_through_the_view_packs_the_same_way_as_the_trail_does(trail: Connection) -> None:
    seq, prev = chain_head(trail)
    _write_through_the_view(trail, prev, None)
    for offset, (entity_id, at, _) in enumerate(ODD_EVENTS, start=1):
        stored = trail.execute("SELECT at, entity_id FROM audit_event_row WHERE seq = ?",
                               (seq + offset,)).fetchone()
        assert tuple(stored) == (packed.pack_time(at), packed.pack_id(entity_id))
    assert verify_chain(trail).intact


def test_an_id_changed_inside_a_packed_detail_is_reported_by_audit_verify(
        tmp_path: Path, fake_clock: FakeClock) -> None:
    info = make_vault(tmp_path / "data", "mo", fake_clock)
    people = import_household(info, tmp_path, "one", "Thistlewhorl")
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        (seq, refs) = conn.execute(
            "SELECT r.seq, r.refs FROM audit_event_row r JOIN audit_kind k USING (kind_id)"
            " WHERE k.action = 'intake.saved' AND r.entity_id = ?", (packed.pack_id(people[0]),)).fetchone()
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("UPDATE audit_event_row SET refs = ? WHERE seq = ?", (refs[16:] + refs[:16], seq))
        conn.commit()
    finally:
        conn.close()
    checked = run_cli(info.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert checked.returncode != 0
    assert f"altered at event {seq} of" in checked.stdout + checked.stderr


def test_a_schema16_vault_upgrades_with_every_event_and_gate_answer_the_same(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "vault.db", bytearray(range(32)), create=True)
    try:
        migrate(conn, None, SCHEMA_16)
        _write_through_the_view(conn, GENESIS, "u-1")
        for i, (entity_id, at, _) in enumerate(ODD_EVENTS):
            conn.execute("INSERT INTO consent_gate_decision (entity, entity_id, personal_id, kind, data_day, sharing,"
                         " reason, clause, decided_at, decided_by) VALUES ('enrollment', ?, ?, 'intake', '2026-03-01',"
                         " 'shared', 'consent on file', NULL, ?, 'u-1')", (entity_id or f"none-{i}", OTHER, at))
        conn.commit()
        events = conn.execute("SELECT * FROM audit_event ORDER BY seq").fetchall()
        gate = conn.execute("SELECT * FROM consent_gate_decision ORDER BY id").fetchall()
        head = chain_head(conn)

        assert migrate(conn, None) == [m.version for m in MIGRATIONS if m.version > 16]
        assert conn.execute("SELECT * FROM audit_event ORDER BY seq").fetchall() == events
        assert conn.execute("SELECT * FROM consent_gate_decision ORDER BY id").fetchall() == gate
        assert chain_head(conn) == head and verify_chain(conn).intact
        assert _stored(conn, 1)[:2] == ("integer", "blob") and _stored(conn, 2)[:2] == ("text", "text")
        assert conn.execute("SELECT count(*) FROM audit_event_row WHERE refs IS NOT NULL").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Still append-only.
        with pytest.raises(Exception, match="append-only"):
            conn.execute("UPDATE audit_event_row SET detail = '{}' WHERE seq = 1")
    finally:
        conn.close()
