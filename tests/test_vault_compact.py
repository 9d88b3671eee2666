"""Schema 16 (issue 16, vault bytes per person): audit events keep their hash as 32 bytes
and not the previous event's hash; audit events, consents and consent-gate answers keep
what they share once (audit_kind, consent_terms, consent_gate_reason) behind views with
the old columns.

The upgrade is tested on a vault the real app filled (intakes imported with the
``hmis-intake`` command, a consent revoked), put back into the exact schema-15 layout:
every consent, gate answer and audit event reads back the same, the chain verifies with
the same head, and the command shows and exports the same consents. A trail altered
before the upgrade is still reported at the same event after it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from records_support import import_household
from support import ADMIN_PASSWORD, VaultInfo, auth, data_key_of, make_vault, run_cli, single_sentence

from app.audit import GENESIS, _digest, chain_head, verify_chain
from app.clock import FakeClock
from app.vault.connection import Connection, open_database
from app.vault.migrations import MIGRATIONS, current_version, latest_version
from app.vault.vault import BACKUP_DIR, Vault, db_path

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "app" / "vault" / "migrations"
SCHEMA_15 = tuple(m for m in MIGRATIONS if m.version <= 15)
COMPACT = 16


def _migration_text(prefix: str) -> str:
    (path,) = MIGRATIONS_DIR.glob(f"{prefix}_*.sql")
    return path.read_text("utf-8")


def _statement(text: str, start: str) -> str:
    """The statement of a migration that begins with ``start`` (up to its ``;`` or ``END;``)."""
    at = text.index(start)
    end = text.index("END;", at) + 4 if "TRIGGER" in start else text.index(";", at) + 1
    return text[at:end]


def _as_schema15(conn: Connection) -> None:
    """Put a schema-16 vault's rows back in the layout schemas 1..15 made (the inverse of
    v016, v017 and v018), as the previous release left a vault."""
    v001, v007 = _migration_text("v001"), _migration_text("v007")
    added = [line for prefix in ("v008", "v014") for line in _migration_text(prefix).splitlines()
             if line.startswith("ALTER TABLE consent ADD COLUMN")]
    events = conn.execute("SELECT seq, at, user_id, action, entity, entity_id, detail, hash FROM audit_event"
                          " ORDER BY seq").fetchall()
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TEMP TABLE consent_copy AS SELECT * FROM consent")
    conn.execute("CREATE TEMP TABLE gate_copy AS SELECT * FROM consent_gate_decision")
    conn.execute("DROP VIEW consent")
    conn.execute("DROP VIEW consent_gate_decision")
    conn.execute("ALTER TABLE consent_row RENAME TO consent")  # consent_change's keys name consent again
    conn.execute(_statement(v001, "CREATE TABLE consent (").replace("CREATE TABLE consent (",
                                                                     "CREATE TABLE consent_full ("))
    for line in added:
        conn.execute(line.replace("ALTER TABLE consent ", "ALTER TABLE consent_full "))
    conn.execute("INSERT INTO consent_full SELECT * FROM temp.consent_copy")
    conn.execute("DROP TABLE consent")
    conn.execute("ALTER TABLE consent_full RENAME TO consent")
    conn.execute("CREATE INDEX consent_person ON consent(personal_id)")
    conn.execute("CREATE INDEX consent_household ON consent(household_id)")
    conn.execute("DROP TABLE consent_terms")
    conn.execute("DROP TABLE consent_gate_decision_row")
    conn.execute("DROP TABLE consent_gate_reason")
    for start in ("CREATE TABLE consent_gate_decision (", "CREATE INDEX consent_gate_decision_entity",
                  "CREATE INDEX consent_gate_decision_person"):
        conn.execute(_statement(v007, start))
    conn.execute("INSERT INTO consent_gate_decision SELECT * FROM temp.gate_copy")
    conn.execute("DROP VIEW audit_event")
    conn.execute("DROP TABLE audit_event_row")
    conn.execute("DROP TABLE audit_kind")
    for start in ("CREATE TABLE audit_event (", "CREATE INDEX audit_entity", "CREATE TRIGGER audit_event_no_update",
                  "CREATE TRIGGER audit_event_no_delete"):
        conn.execute(_statement(v001, start))
    prev = GENESIS
    for seq, at, user_id, action, entity, entity_id, detail, digest in events:
        conn.execute("INSERT INTO audit_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (seq, at, user_id, action, entity, entity_id, detail, prev, digest.hex()))
        prev = digest.hex()
    conn.execute("DROP TABLE temp.consent_copy")
    conn.execute("DROP TABLE temp.gate_copy")
    for trigger in ("outbox_tally_insert", "outbox_tally_delete", "outbox_tally_move"):  # schema 18
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE outbox_tally")
    conn.execute("PRAGMA user_version = 15")
    conn.execute("COMMIT")


def _layout(conn: Connection) -> dict[str, Any]:
    """Each table's columns (name, type, not null, default, key) and indexes, and the views."""
    found: dict[str, Any] = {}
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view', 'index')"
                                   " AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        if kind == "index":
            found[name] = [r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')]
        else:
            found[name] = (kind, [tuple(r[1:]) for r in conn.execute(f'PRAGMA table_info("{name}")')])
    return found


def _rows(conn: Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _export(info: VaultInfo, out: Path) -> dict[str, list[list[str]]]:
    result = run_cli(info.data_dir, "export-hmis-csv", str(out), "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    files = {}
    with zipfile.ZipFile(out) as archive:
        for member in archive.namelist():
            rows = list(csv.reader(io.StringIO(archive.read(member).decode("utf-8-sig"))))
            files[member] = rows
    return files


def _same_export(before: dict[str, list[list[str]]], after: dict[str, list[list[str]]]) -> None:
    """Every file and row alike but the export's own id and dates (Export.csv, ExportID)."""
    assert before.keys() == after.keys()
    for member, rows in before.items():
        if member == "Export.csv":
            continue
        keep = [i for i, column in enumerate(rows[0]) if column != "ExportID"]
        assert [[r[i] for i in keep] for r in rows] == [[r[i] for i in keep] for r in after[member]], member


@pytest.fixture
def filled(tmp_path: Path, fake_clock: FakeClock) -> tuple[VaultInfo, list[str]]:
    """A MO vault with two households imported through the command and one consent revoked."""
    info = make_vault(tmp_path / "data", "mo", fake_clock)
    people = (import_household(info, tmp_path, "first", "Thistlewhorl")
              + import_household(info, tmp_path, "second", "Brambleworth", shared_with=["Riverbend Test Clinic"]))
    revoked = run_cli(info.data_dir, "consent", "revoke", people[-1], "--reason", "Moved away", *auth(),
                      password=ADMIN_PASSWORD)
    assert revoked.returncode == 0, revoked.stderr
    return info, people


def _listings(info: VaultInfo, people: list[str]) -> list[Any]:
    shown = []
    for pid in people:
        listed = run_cli(info.data_dir, "consent", "list", pid, "--json", *auth(), password=ADMIN_PASSWORD)
        assert listed.returncode == 0, listed.stderr
        shown.append(listed.json())
    return shown


def _snapshot(info: VaultInfo) -> dict[str, Any]:
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        return {
            "consent": _rows(conn, "SELECT * FROM consent ORDER BY consent_id"),
            "gate": _rows(conn, "SELECT * FROM consent_gate_decision ORDER BY id"),
            "change": _rows(conn, "SELECT * FROM consent_change ORDER BY change_id"),
            "audit": conn.execute("SELECT seq, at, user_id, action, entity, entity_id, detail FROM audit_event"
                                  " ORDER BY seq").fetchall(),
            "head": chain_head(conn),
        }
    finally:
        conn.close()


def test_a_schema15_vault_upgrades_with_every_consent_gate_answer_and_audit_event_the_same(
        filled: tuple[VaultInfo, list[str]], tmp_path: Path) -> None:
    info, people = filled
    shown = _listings(info, people)
    exported = _export(info, tmp_path / "before.zip")
    before = _snapshot(info)
    assert before["consent"] and before["gate"] and before["change"] and len(before["audit"]) > 10
    assert any(row["revoked_at"] for row in before["consent"])
    # What the consent view reads is what the app wrote: each row's outbox snapshot,
    # built from the intake's inputs when it was saved (revocation came later).
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        for row in before["consent"]:
            (payload,) = conn.execute("SELECT payload FROM outbox WHERE entity = 'consent' AND entity_id = ?"
                                      " AND operation = 'create'", (row["consent_id"],)).fetchone()
            sent = json.loads(payload)
            sent.pop("signature_captured")
            sent.pop("revoked_at", None)
            assert {k: row[k] for k in sent} == sent
            assert set(row) - set(sent) <= {"signature_png", "revoked_at"}
    finally:
        conn.close()

    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        _as_schema15(conn)
        # The same layout as a vault the previous release made.
        genuine, _ = Vault.create(tmp_path / "genuine", "mo", info.clock, SCHEMA_15)
        try:
            assert _layout(conn) == _layout(genuine.conn)
        finally:
            genuine.close()
        assert conn.execute("SELECT count(*) FROM audit_event WHERE prev_hash IS NULL").fetchone()[0] == 0
        assert current_version(conn) == 15
    finally:
        conn.close()

    checked = run_cli(info.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)  # opens and upgrades
    assert checked.returncode == 0 and "intact" in checked.stdout, checked.stderr
    assert any("schema15" in p.name for p in (info.data_dir / BACKUP_DIR).iterdir())

    after = _snapshot(info)
    assert after["consent"] == before["consent"]  # the same columns, in the same order, with the same values
    assert after["gate"] == before["gate"]
    assert after["change"] == before["change"]
    assert after["audit"][:len(before["audit"])] == before["audit"]
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        assert current_version(conn) == latest_version() >= COMPACT
        seq, digest = before["head"]
        assert conn.execute("SELECT hash FROM audit_event WHERE seq = ?", (seq,)).fetchone()[0] == bytes.fromhex(digest)
        assert verify_chain(conn).intact
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Each set of terms is kept once: two intakes on one day by one worker share theirs.
        terms = conn.execute("SELECT count(*) FROM consent_terms").fetchone()[0]
        assert terms < len(before["consent"])
        assert conn.execute("SELECT count(*) FROM consent_gate_reason").fetchone()[0] < len(before["gate"])
    finally:
        conn.close()
    assert _listings(info, people) == shown  # status, texts, verification codes
    _same_export(exported, _export(info, tmp_path / "after.zip"))


def test_consents_written_after_the_upgrade_read_back_as_given(filled: tuple[VaultInfo, list[str]]) -> None:
    """Inserts, updates and deletes go through the consent view to the rows and terms."""
    info, people = filled
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        (row,) = _rows(conn, f"SELECT * FROM consent WHERE personal_id = '{people[0]}'")
        copy = dict(row, consent_id="consent-copy", shared_with='["Riverbend Test Clinic"]', language="es",
                    script_sha256="not a hash", consent_text_sha256="AB" * 32, signature_png=b"\x89PNG\r\n\x1a\n")
        conn.execute(f"INSERT INTO consent ({', '.join(copy)}) VALUES ({', '.join('?' * len(copy))})",
                     tuple(copy.values()))
        assert _rows(conn, "SELECT * FROM consent WHERE consent_id = 'consent-copy'") == [copy]
        conn.execute("UPDATE consent SET revoked_at = '2026-01-02', sharing = 'not_shared'"
                     " WHERE consent_id = 'consent-copy'")
        assert _rows(conn, "SELECT * FROM consent WHERE consent_id = 'consent-copy'") == [
            dict(copy, revoked_at="2026-01-02", sharing="not_shared")]
        assert _rows(conn, f"SELECT * FROM consent WHERE consent_id = '{row['consent_id']}'") == [row]
        with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE consent SET method = 'shouted' WHERE consent_id = 'consent-copy'")
        with pytest.raises(sqlcipher3.IntegrityError, match="attested_by"):
            conn.execute("INSERT INTO consent (consent_id, personal_id, method, sharing, signed_on, created_at)"
                         " VALUES ('x', ?, 'written', 'shared', '2026-01-01', '2026-01-01')", (people[0],))
        conn.execute("DELETE FROM consent WHERE consent_id = 'consent-copy'")
        assert conn.execute("SELECT count(*) FROM consent_row WHERE consent_id = 'consent-copy'").fetchone()[0] == 0
    finally:
        conn.close()


def _tamper_old(info: VaultInfo, sql: str) -> int:
    """Back to schema 15, then change one early event with the triggers dropped; its seq."""
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        _as_schema15(conn)
        seq = int(conn.execute("SELECT seq FROM audit_event WHERE action = 'consent.recorded'"
                               " ORDER BY seq LIMIT 1").fetchone()[0])
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute(sql, (seq,))
    finally:
        conn.close()
    return seq


@pytest.mark.parametrize("sql", [
    "UPDATE audit_event SET detail = '{\"method\":\"verbal\"}' WHERE seq = ?",
    f"UPDATE audit_event SET prev_hash = '{'1' * 64}' WHERE seq = ?",
    "UPDATE audit_event SET hash = 'not a hash' WHERE seq = ?",
], ids=["detail", "prev_hash", "hash"])
def test_an_audit_event_altered_before_the_upgrade_is_reported_after_it(
        filled: tuple[VaultInfo, list[str]], sql: str) -> None:
    """CT-207-12: the upgrade drops prev_hash, but an event whose stored prev_hash or hash
    did not fit the chain keeps failing at the same event."""
    info, _ = filled
    seq = _tamper_old(info, sql)
    checked = run_cli(info.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert checked.returncode != 0 and single_sentence(checked.stderr), checked.stderr
    assert f"altered at event {seq} " in checked.stderr


def test_an_audit_event_altered_after_the_upgrade_is_reported(filled: tuple[VaultInfo, list[str]]) -> None:
    """CT-207-12: with the hash stored as bytes, changing an event or its hash still breaks the chain."""
    info, _ = filled
    conn = open_database(db_path(info.data_dir), data_key_of(info))
    try:
        seq = int(conn.execute("SELECT seq FROM audit_event WHERE action = 'intake.saved' LIMIT 1").fetchone()[0])
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("UPDATE audit_event SET hash = ? WHERE seq = ?",
                     (bytes.fromhex(_digest(GENESIS, "2026-01-01", None, "forged", None, None, "{}")), seq))
    finally:
        conn.close()
    checked = run_cli(info.data_dir, "audit-verify", *auth(), password=ADMIN_PASSWORD)
    assert checked.returncode != 0 and single_sentence(checked.stderr), checked.stderr
    assert re.search(rf"altered at event {seq} of \d+\.", checked.stderr)


def test_the_chain_head_sent_and_anchored_is_hex(mo_vault: VaultInfo) -> None:
    """The head the key file anchors and every batch carries keeps its hex form."""
    conn = open_database(db_path(mo_vault.data_dir), data_key_of(mo_vault))
    try:
        seq, head = chain_head(conn)
        stored = conn.execute("SELECT hash FROM audit_event WHERE seq = ?", (seq,)).fetchone()[0]
    finally:
        conn.close()
    assert seq > 0 and re.fullmatch(r"[0-9a-f]{64}", head) and stored == bytes.fromhex(head)
