"""The consent gate: the one question every write of client data asks first.

"May this data, dated this day, be entered for this person (and their household)
under this pack, and how is that day's data shared?" The answer comes from the pure
rules in ``app.rules.consent`` (``decide_entry``) over the consents on file plus any
the caller is about to record (a ``ConsentBasis``); this module reads those facts
from the vault, raises when the answer is no, and stores the answer's reason and
clause beside the record it let in (``consent_gate_decision``). The intake, a new
person, an edit of a person, contacts, services, exits and case notes all come
through here, so ROI expiry (MO-ROI-10), gaps (MO-ROI-11), revocation (MO-RIGHTS-4,
VT-3.1-4), a refusal (CT-207-1, MO-ROI-8), forced Not Shared (VT-3.1-2,
MO-PROT-1) and the ROI of the record's own project (MO-ROI-6, A19: where the pack,
or the agency's choice it allows, records one ROI per project) are decided in one
place, for the date of the data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.errors import UserFacingError, ValidationError
from app.packs import Pack
from app.rules.consent import (
    EntryDecision,
    EntryHold,
    Scope,
    StoredConsent,
    decide_entry,
    project_hold,
    roi_scope,
)
from app.settings import Settings
from app.vault.connection import Connection


class ConsentNeeded(UserFacingError):
    """New data for this person waits for a new consent; ``hold`` says why."""

    exit_code = 12

    def __init__(self, hold: EntryHold) -> None:
        self.hold = hold
        super().__init__(hold.message)


@dataclass(frozen=True)
class ConsentBasis:
    """What a caller knows beyond the vault: the consent(s) it is recording with the
    data, the program's populations and whether the household is locked, and the
    project the data is entered in (when no stored enrollment says it). A person who
    is not on file yet has only this."""

    consents: tuple[StoredConsent, ...] = ()
    populations: tuple[str, ...] | None = None
    locked: bool | None = None
    project_id: str | None = None


def scope(conn: Connection, pack: Pack) -> Scope:
    """MO-ROI-6, A19: one ROI per project or per agency, as the pack and the agency's
    device setting (where the pack lets it choose) say."""
    return roi_scope(pack, Settings(conn).roi_scope)


def stored_consents(conn: Connection, personal_id: str) -> list[StoredConsent]:
    rows = conn.execute(
        "SELECT method, signed_on, expires_on, revoked_at, created_at, sharing, covers_project_id FROM consent"
        " WHERE personal_id = ?",
        (personal_id,),
    ).fetchall()
    return [StoredConsent(r[0], date.fromisoformat(r[1]), date.fromisoformat(r[2]) if r[2] else None,
                          date.fromisoformat(r[3]) if r[3] else None, r[4] or "", r[5] or "not_shared", r[6])
            for r in rows]


def project_roi_missing(conn: Connection, pack: Pack, personal_ids: Sequence[str], project_id: str | None) -> bool:
    """MO-ROI-6: whether any of these people on file holds ROIs for other projects only,
    so an intake into ``project_id`` must record this project's ROI (the wizard says so
    on its consent steps)."""
    chosen = scope(conn, pack)
    return project_id is not None and any(
        project_hold(pack, stored_consents(conn, pid), project_id, chosen) is not None for pid in personal_ids)


def _enrollment_context(conn: Connection, personal_id: str, enrollment_id: str | None,
                        day: date) -> tuple[tuple[str, ...], bool, str | None]:
    """The populations of the program, the lock and the project of the enrollment the
    data belongs to: the one named, else the person's latest begun on or before the
    day of the data (their latest at all when none had begun)."""
    where, args = ("e.enrollment_id = ?", (enrollment_id,)) if enrollment_id else ("e.personal_id = ?", (personal_id,))
    row = conn.execute(
        "SELECT p.populations, e.locked, e.project_id FROM enrollment e JOIN project p ON p.project_id = e.project_id"
        f" WHERE {where} ORDER BY e.entry_date > ?, e.entry_date DESC, e.created_at DESC LIMIT 1",
        (*args, day.isoformat()),
    ).fetchone()
    if row is None:
        return (), False, None
    return tuple(json.loads(row[0] or "[]")), bool(row[1]), str(row[2])


def decide(conn: Connection, pack: Pack, personal_id: str | None, data_day: date, kind: str, today: date,
           basis: ConsentBasis | None = None, enrollment_id: str | None = None) -> EntryDecision:
    """The gate's answer for data of ``kind`` dated ``data_day`` about one person (or
    about a person not yet on file, ``personal_id`` None, from ``basis`` alone)."""
    basis = basis or ConsentBasis()
    consents = [*(stored_consents(conn, personal_id) if personal_id else []), *basis.consents]
    populations, locked, project_id = (_enrollment_context(conn, personal_id, enrollment_id, data_day)
                                       if personal_id else ((), False, None))
    if basis.populations is not None:
        populations = tuple(sorted(set(populations) | set(basis.populations)))
    if basis.locked is not None:
        locked = locked or basis.locked
    if basis.project_id is not None and enrollment_id is None:
        project_id = basis.project_id
    return decide_entry(pack, consents, data_day, today, populations, locked, project_id, scope(conn, pack))


def require(conn: Connection, pack: Pack, personal_id: str | None, data_day: date, kind: str, today: date,
            field: str, basis: ConsentBasis | None = None, enrollment_id: str | None = None) -> EntryDecision:
    """``decide``, refusing what may not go in: a hold on the person (missing, revoked,
    expired or declined consent) raises ``ConsentNeeded``; a day no release covers
    (MO-ROI-11) is a problem of the date field ``field``."""
    decision = decide(conn, pack, personal_id, data_day, kind, today, basis, enrollment_id)
    if not decision.may_enter:
        hold = decision.hold
        assert hold is not None
        if hold.kind == "gap":
            raise ValidationError(field, hold.message)
        raise ConsentNeeded(hold)
    return decision


def record(conn: Connection, decision: EntryDecision, entity: str, entity_id: str, personal_id: str, kind: str,
           data_day: date, user_id: str, decided_at: str) -> None:
    """Keep the answer with the record it let in; call inside the record's transaction."""
    conn.execute(
        "INSERT INTO consent_gate_decision (entity, entity_id, personal_id, kind, data_day, sharing, reason,"
        " clause, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entity, entity_id, personal_id, kind, data_day.isoformat(), decision.sharing, decision.reason,
         decision.clause, decided_at, user_id),
    )


@dataclass(frozen=True)
class StoredDecision:
    entity: str
    entity_id: str
    kind: str
    data_day: str
    sharing: str
    reason: str
    clause: str | None


def decisions_for(conn: Connection, personal_id: str) -> list[StoredDecision]:
    """Every answer the gate gave for a person's records, oldest first."""
    rows = conn.execute(
        "SELECT entity, entity_id, kind, data_day, sharing, reason, clause FROM consent_gate_decision"
        " WHERE personal_id = ? ORDER BY id", (personal_id,),
    ).fetchall()
    return [StoredDecision(*row) for row in rows]


def basis_from(consents: Sequence[StoredConsent], populations: Sequence[str] | None = None,
               locked: bool | None = None, project_id: str | None = None) -> ConsentBasis:
    return ConsentBasis(tuple(consents), tuple(populations) if populations is not None else None, locked,
                        project_id)
