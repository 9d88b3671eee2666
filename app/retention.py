"""Keeping as little as possible on a laptop that may be lost (C10).

Two lists:
- **Retention period** (the pack's ``[client_rights] retention_years``): people whose
  record nothing has changed for that long, for the agency to de-identify or dispose
  of (MO-RET-1) or make inactive (VT-3.4-11), in HMIS. Listed, never deleted here;
  MO-ROI-4 keeps a signed ROI for seven years after it expires, so a person whose ROI
  expired more recently is listed with the day it may go.
- **Device purge** (the administrator's rule: N days after the last exit): people who
  are no longer active (no open enrollment, last exit and last change at least N days
  ago) and whose every record was synced and acknowledged by the central server. Their
  rows are removed from this device only — the central HMIS keeps the record — then the
  database is vacuumed so the data folder shrinks. A record with anything unsynced or
  refused is never purged. The purge is audited (how many people; ids only).

The purge finds the person's rows in every table with a ``personal_id`` column, so
tables added later are covered without changing this module.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.errors import UserFacingError, ValidationError
from app.rights import consent_row, consent_status
from app.session import Session
from app.vault.connection import Connection, transaction

MAX_RULE_DAYS = 3650
# Tables that never hold client data or are kept on purpose (the audit trail names ids only).
_KEEP = {"audit_event", "app_user", "password_history", "setting", "sync_batch", "sync_device", "sync_lease"}


@dataclass(frozen=True)
class Candidate:
    personal_id: str
    last_change: str
    last_exit: str | None
    keep_until: str | None = None  # MO-ROI-4: a signed ROI is kept seven years after it expires

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def purge_rule(session: Session) -> int | None:
    return session.settings.purge_after_exit_days


def set_purge_rule(session: Session, days: int | None) -> None:
    """The administrator's rule; ``None`` turns purging off."""
    session.require("device.configure")
    if days is not None and not 1 <= days <= MAX_RULE_DAYS:
        raise ValidationError("days", f"Give the number of days after exit, from 1 to {MAX_RULE_DAYS}.")
    with transaction(session.conn):
        session.settings.purge_after_exit_days = days
        session.audit("retention.rule_set", "device", None, {"days": days})


def _person_tables(conn: Connection) -> list[tuple[str, str]]:
    """(table, its first column) for every table with a personal_id column."""
    found = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        if name in _KEEP or name.startswith("person_search"):
            continue
        columns = [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")')]
        if "personal_id" in columns:
            found.append((str(name), columns[0]))
    return found


def _last_changes(conn: Connection) -> list[tuple[str, str, str | None, bool]]:
    """(personal id, last change, last exit, has an open enrollment) for every person."""
    rows = conn.execute(
        "SELECT p.personal_id, max(p.updated_at, p.created_at,"
        " coalesce((SELECT max(created_at) FROM consent c WHERE c.personal_id = p.personal_id), ''),"
        " coalesce((SELECT max(created_at) FROM case_note n WHERE n.personal_id = p.personal_id), ''),"
        " coalesce((SELECT max(created_at) FROM service s WHERE s.personal_id = p.personal_id), ''),"
        " coalesce((SELECT max(created_at) FROM current_living_situation l WHERE l.personal_id = p.personal_id), ''),"
        " coalesce((SELECT max(created_at) FROM project_exit x WHERE x.personal_id = p.personal_id), '')),"
        " (SELECT max(exit_date) FROM project_exit x WHERE x.personal_id = p.personal_id),"
        " EXISTS (SELECT 1 FROM enrollment e LEFT JOIN project_exit x ON x.enrollment_id = e.enrollment_id"
        "         WHERE e.personal_id = p.personal_id AND x.exit_id IS NULL)"
        " FROM person p WHERE p.deleted_at IS NULL ORDER BY p.personal_id"
    ).fetchall()
    return [(str(r[0]), str(r[1]), r[2], bool(r[3])) for r in rows]


def retention_due(session: Session) -> list[Candidate]:
    """People unchanged for the pack's retention period (MO-RET-1, VT-3.4-11)."""
    session.require("audit.view")
    years = session.pack.client_rights.retention_years
    if years is None:
        return []
    today = session.clock.now().date()
    cutoff = today.replace(year=today.year - years) if not (today.month == 2 and today.day == 29) \
        else date(today.year - years, 2, 28)
    due = []
    for pid, last, last_exit, _open in _last_changes(session.conn):
        if last[:10] <= cutoff.isoformat():
            ends_list = []
            for (consent_id,) in session.conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?"
                                                      " AND method != 'declined'", (pid,)).fetchall():
                row = consent_row(session.conn, consent_id)
                _status, end = consent_status(session, row or {}, today)
                ends_list.append(end or date.fromisoformat(str((row or {})["signed_on"])))
            keep = None
            if ends_list:
                ends = max(ends_list)
                keep_day = ends.replace(year=ends.year + years) if not (ends.month == 2 and ends.day == 29) \
                    else date(ends.year + years, 2, 28)
                keep = keep_day.isoformat() if keep_day > today else None
            due.append(Candidate(pid, last, last_exit, keep))
    return due


def _entity_ids(conn: Connection, personal_id: str, tables: list[tuple[str, str]]) -> set[str]:
    ids = {personal_id}
    for table, first in tables:
        ids.update(str(r[0]) for r in conn.execute(f'SELECT "{first}" FROM "{table}" WHERE personal_id = ?',
                                                   (personal_id,)))
    return ids


def _all_synced(conn: Connection, ids: set[str]) -> bool:
    marks = ", ".join("?" * len(ids))
    row = conn.execute(f"SELECT count(*) FROM outbox WHERE entity_id IN ({marks}) AND state != 'acknowledged'",
                       tuple(ids)).fetchone()
    return int(row[0]) == 0


@dataclass(frozen=True)
class PurgePlan:
    rule_days: int | None
    purgeable: list[Candidate]
    held_unsynced: int  # inactive, but something of theirs has not been acknowledged

    def as_json(self) -> dict[str, Any]:
        return {"rule_days": self.rule_days, "purgeable": [c.as_json() for c in self.purgeable],
                "held_unsynced": self.held_unsynced}


def purge_plan(session: Session) -> PurgePlan:
    session.require("device.configure")
    days = purge_rule(session)
    if days is None:
        return PurgePlan(None, [], 0)
    conn = session.conn
    cutoff = (session.clock.now().date() - timedelta(days=days)).isoformat()
    tables = _person_tables(conn)
    purgeable: list[Candidate] = []
    held = 0
    for pid, last, last_exit, has_open in _last_changes(conn):
        if has_open or last_exit is None or last_exit > cutoff or last[:10] > cutoff:
            continue
        if conn.execute("SELECT 1 FROM client_request WHERE personal_id = ? AND status = 'open'",
                        (pid,)).fetchone():
            continue
        if _all_synced(conn, _entity_ids(conn, pid, tables)):
            purgeable.append(Candidate(pid, last, last_exit))
        else:
            held += 1
    return PurgePlan(days, purgeable, held)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and "backups" not in p.parts)


@dataclass(frozen=True)
class PurgeResult:
    people: int
    rows: int
    bytes_before: int
    bytes_after: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_TRIGGER_NAME = re.compile(r"CREATE\s+TRIGGER\s+(\w+)", re.IGNORECASE)


def purge(session: Session) -> PurgeResult:
    """Remove the purgeable people's rows from this device in one transaction, then
    VACUUM. Append-only tables (case notes) refuse deletes by trigger; the purge drops
    those triggers inside its own transaction and restores them before it commits, so
    no other writer ever sees the table unguarded (CT-404-1 concerns HMIS's copy, which
    stays)."""
    plan = purge_plan(session)
    if plan.rule_days is None:
        raise UserFacingError("No purge rule is set; an administrator sets one with 'retention rule --days N'.")
    data_dir = Path(session.vault.data_dir)
    before = folder_size(data_dir)
    conn = session.conn
    tables = _person_tables(conn)
    rows = 0
    with transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")  # rows go in table order; checked at commit
        # The append-only guards refuse a delete (RAISE); they step aside for the purge.
        # A trigger that keeps a count (outbox_tally_delete, schema 18) must run.
        guards = [(str(name), str(sql)) for name, table, sql in conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
            if table not in ("audit_event", "audit_event_row") and "DELETE" in str(sql).upper().split(" ON ")[0]
            and "RAISE(" in str(sql).upper()]
        for name, _sql in guards:
            conn.execute(f'DROP TRIGGER "{name}"')
        for candidate in plan.purgeable:
            pid = candidate.personal_id
            ids = _entity_ids(conn, pid, tables)
            marks = ", ".join("?" * len(ids))
            rows += conn.execute(f"DELETE FROM outbox WHERE entity_id IN ({marks})", tuple(ids)).rowcount
            rowid = conn.execute("SELECT id FROM person WHERE personal_id = ?", (pid,)).fetchone()
            if rowid is not None:
                conn.execute("DELETE FROM person_search WHERE rowid = ?", (rowid[0],))
            for table, _first in sorted(tables, key=lambda t: t[0] == "person"):  # the person row last
                rows += conn.execute(f'DELETE FROM "{table}" WHERE personal_id = ?', (pid,)).rowcount
            session.audit("retention.purged", "person", pid, {"rule_days": plan.rule_days})
        conn.execute("DELETE FROM household WHERE household_id NOT IN (SELECT household_id FROM enrollment)")
        # Consents and gate decisions keep their shared wording once (schema 16); what no
        # remaining row uses goes too: "shared with" and "shared information" are typed
        # by the worker and can name the client's people.
        conn.execute("DELETE FROM consent_terms WHERE terms_id NOT IN (SELECT terms_id FROM consent_row)")
        conn.execute("DELETE FROM consent_gate_reason"
                     " WHERE reason_id NOT IN (SELECT reason_id FROM consent_gate_decision_row)")
        for _name, sql in guards:
            conn.execute(sql)
    # A vault made before auto_vacuum was set takes it on in this VACUUM, so a sync
    # gives its freed pages back from now on (sync/store.py).
    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return PurgeResult(len(plan.purgeable), rows, before, folder_size(data_dir))
