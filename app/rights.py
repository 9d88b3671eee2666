"""The client's rights over their consent, as the profile and the headless command use
them: revoke it (MO-RIGHTS-4, VT-3.1-4, CT-207-1), stop sharing while data entry goes
on (VT-3.1-4: "switched to Not Shared whenever the client asks"), and list what is on
file. Each change is one audited transaction with its outbox rows; the reason the
client gave is kept beside the consent (``consent_change``), never in the audit detail.

Revocation itself is ``app.followup.revoke_consent`` (the same function the profile's
Revoke dialog calls); this module adds the reason and picks the consents in force. Where
the pack keeps an ROI per project (MO-ROI-6), a person may hold several at once, one per
project (or one for every project, A19): a change acts on all of them unless it names
the project, so a client who withdraws is not left shared through another project's
release.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from app.errors import UserFacingError, ValidationError
from app.followup import revocation_covers, revoke_consent
from app.outbox import enqueue
from app.rules.consent import StoredConsent, consent_end
from app.session import Session
from app.vault.connection import Connection, transaction


def consent_columns(conn: Connection) -> set[str]:
    """The consent table's columns in this vault (older schemas lack the newer ones)."""
    return {str(row[1]) for row in conn.execute("PRAGMA table_info(consent)")}


def consent_row(conn: Connection, consent_id: str) -> dict[str, Any] | None:
    """One consent as a dict by column name; a column this schema lacks reads as None
    through ``.get``."""
    cursor = conn.execute("SELECT * FROM consent WHERE consent_id = ?", (consent_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def _stored(row: dict[str, Any]) -> StoredConsent:
    return StoredConsent(
        str(row["method"]), date.fromisoformat(row["signed_on"]),
        date.fromisoformat(row["expires_on"]) if row.get("expires_on") else None,
        date.fromisoformat(row["revoked_at"]) if row.get("revoked_at") else None,
        str(row.get("created_at") or ""),
    )


def consent_status(session: Session, row: dict[str, Any], today: date) -> tuple[str, date | None]:
    """current, revoked, expired or declined, and the day it ends (stored, or the
    pack's term: MO-ROI-10)."""
    stored = _stored(row)
    end = consent_end(session.pack, stored)
    if stored.revoked_on is not None and stored.revoked_on <= today:
        return "revoked", end
    if end is not None and today > end:
        return "expired", end
    return ("declined" if stored.method == "declined" else "current"), end


def _require_person(session: Session, personal_id: str) -> None:
    if session.conn.execute("SELECT 1 FROM person WHERE personal_id = ? AND deleted_at IS NULL",
                            (personal_id,)).fetchone() is None:
        raise UserFacingError("That person does not exist on this device.")


def consents_in_force(session: Session, personal_id: str, project_id: str | None = None) -> list[dict[str, Any]]:
    """The person's consents in force, newest first: per scope of an ROI (the project it
    covers, or every project: MO-ROI-6, A19) the newest consent that is neither revoked
    nor expired, unless the client's latest decision for that scope is a refusal. With
    ``project_id``, only the one that covers that project: its own, else the one for
    every project."""
    _require_person(session, personal_id)
    today = session.clock.now().date()
    decided: set[str | None] = set()
    in_force: list[dict[str, Any]] = []
    refused = False
    for (consent_id,) in session.conn.execute(
        "SELECT consent_id FROM consent WHERE personal_id = ? ORDER BY signed_on DESC, created_at DESC",
        (personal_id,),
    ).fetchall():
        row = consent_row(session.conn, consent_id)
        assert row is not None
        scope = row.get("covers_project_id")
        if scope in decided:
            continue
        status, _end = consent_status(session, row, today)
        if status == "current":
            in_force.append(row)
        elif status == "declined":
            refused = True
        if status in ("current", "declined"):
            decided.add(scope)
    if project_id is not None:
        own = [r for r in in_force if r.get("covers_project_id") == project_id]
        in_force = own or [r for r in in_force if r.get("covers_project_id") is None]
        if not in_force:
            raise UserFacingError("This person has no consent in force for that project.")
    if not in_force:
        if refused:
            raise UserFacingError("The client's latest decision is a refusal; there is no consent to change.")
        raise UserFacingError("This person has no consent in force.")
    return in_force


def consent_in_force(session: Session, personal_id: str) -> dict[str, Any]:
    """The person's newest consent in force (see ``consents_in_force``)."""
    return consents_in_force(session, personal_id)[0]


def _effective(session: Session, effective: date | None, signed_on: str) -> date:
    today = session.clock.now().date()
    day = effective or today
    if day > today:
        raise ValidationError("effective", "A change of consent cannot take effect in the future.")
    if day < date.fromisoformat(signed_on):
        raise ValidationError("effective",
                              f"A change of consent cannot take effect before it was signed ({signed_on}).")
    return day


def _note_change(conn: Connection, session: Session, consent_id: str, personal_id: str, kind: str,
                 day: date, reason: str | None, replaced_by: str | None = None) -> None:
    conn.execute(
        "INSERT INTO consent_change (change_id, consent_id, personal_id, kind, replaced_by, effective_on, reason,"
        " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), consent_id, personal_id, kind, replaced_by, day.isoformat(), reason or None,
         session.user.user_id, session.clock.now().isoformat(timespec="seconds")),
    )


def revoke(session: Session, personal_id: str, effective: date | None = None, reason: str | None = None,
           project_id: str | None = None) -> list[str]:
    """Revoke the person's consents in force, or with ``project_id`` the one covering
    that project (MO-ROI-6), and where one ROI covers the household every member's
    (MO-ROI-3), through ``revoke_consent``; returns the consent ids, the person's first."""
    session.require("client.edit_full")
    rows = consents_in_force(session, personal_id, project_id)
    days = [_effective(session, effective, row["signed_on"]) for row in rows]  # every one checked first
    withdrawn: list[str] = []
    for row, day in zip(rows, days, strict=True):
        if row["consent_id"] in withdrawn:
            continue  # the same household ROI, withdrawn with an earlier one
        ids = revoke_consent(session, row["consent_id"], day)
        with transaction(session.conn) as conn:
            for consent_id in ids:
                member = conn.execute("SELECT personal_id FROM consent WHERE consent_id = ?",
                                      (consent_id,)).fetchone()
                _note_change(conn, session, consent_id, str(member[0]), "revoked", day, (reason or "").strip())
        withdrawn += ids
    return withdrawn


# Columns a sharing change copies from the consent it follows; the rest are its own.
_OWN = {"consent_id", "sharing", "shared_with", "signed_on", "expires_on", "revoked_at", "created_at",
        "attested_by"}


def stop_sharing(session: Session, personal_id: str, effective: date | None = None,
                 reason: str | None = None, project_id: str | None = None) -> list[str]:
    """VT-3.1-4, MO-RIGHTS-4: from the effective day the client's information is Not
    Shared, while the consent to enter data stands. The shared consent is revoked from
    that day and a Not Shared one with the same end follows it, so the days it was
    shared stay on record (A23: what was shared before is not called back). Where one
    ROI covers the household, every member's changes. Every shared consent in force
    changes, or with ``project_id`` the one covering that project (MO-ROI-6). Returns
    the new consent ids."""
    session.require("client.edit_full")
    rows = [r for r in consents_in_force(session, personal_id, project_id) if r["sharing"] == "shared"]
    if not rows:
        raise UserFacingError("This person's information is already Not Shared.")
    days = [_effective(session, effective, row["signed_on"]) for row in rows]
    covered: list[tuple[str, str, date]] = []
    for row, day in zip(rows, days, strict=True):
        covered += [(c, m, day) for c, m in revocation_covers(session, row["consent_id"])
                    if c not in {seen for seen, _m, _d in covered}]
    for _consent, member, _day in covered:
        session.require_no_conflict(member, editing=True)
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    window = session.pack.timeliness.window_hours
    new_ids: list[str] = []
    with transaction(session.conn) as conn:
        for old_id, member, day in covered:
            old = consent_row(conn, old_id)
            assert old is not None
            _status, end = consent_status(session, old, day)
            new_id = str(uuid.uuid4())
            new = {k: v for k, v in old.items() if k not in _OWN}
            new.update({"consent_id": new_id, "sharing": "not_shared", "shared_with": "[]",
                        "signed_on": day.isoformat(), "expires_on": end.isoformat() if end else None,
                        "attested_by": session.user.user_id, "created_at": stamp})
            conn.execute("UPDATE consent SET revoked_at = ? WHERE consent_id = ?", (day.isoformat(), old_id))
            enqueue(conn, "consent", old_id, "revoke", {"consent_id": old_id, "revoked_on": day.isoformat()},
                    now, window, now)
            conn.execute(f"INSERT INTO consent ({', '.join(new)}) VALUES ({', '.join('?' * len(new))})",
                         tuple(new.values()))
            payload = {k: v for k, v in new.items() if k != "signature_png"}
            payload["signature_captured"] = new.get("signature_png") is not None
            enqueue(conn, "consent", new_id, "create", payload, now, window, now)
            _note_change(conn, session, old_id, member, "stopped_sharing", day, (reason or "").strip(), new_id)
            session.audit("consent.sharing_stopped", "person", member,
                          {"consent_id": old_id, "replaced_by": new_id, "from": day.isoformat()})
            new_ids.append(new_id)
    return new_ids


@dataclass(frozen=True)
class ConsentListing:
    consent_id: str
    method: str
    sharing: str
    shared_with: list[str]
    signed_on: str
    expires_on: str | None
    ends_on: str | None
    revoked_on: str | None
    status: str
    signature_captured: bool
    change: str | None  # revoked / stopped_sharing, when it was
    change_reason: str | None
    covers_project_id: str | None = None  # the one project it covers; None: every project (MO-ROI-6)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def list_consents(session: Session, personal_id: str) -> list[ConsentListing]:
    """Every consent on file for the person, newest first; reading them is audited
    (CT-207-12)."""
    session.require("client.view_full")
    _require_person(session, personal_id)
    session.require_no_conflict(personal_id, editing=False)
    today = session.clock.now().date()
    out: list[ConsentListing] = []
    conn = session.conn
    for (consent_id,) in conn.execute(
        "SELECT consent_id FROM consent WHERE personal_id = ? ORDER BY signed_on DESC, created_at DESC",
        (personal_id,),
    ).fetchall():
        row = consent_row(conn, consent_id)
        assert row is not None
        status, end = consent_status(session, row, today)
        change = conn.execute(
            "SELECT kind, reason FROM consent_change WHERE consent_id = ? ORDER BY recorded_at DESC LIMIT 1",
            (consent_id,),
        ).fetchone()
        out.append(ConsentListing(
            consent_id, row["method"], row["sharing"], list(json.loads(row.get("shared_with") or "[]")),
            row["signed_on"], row.get("expires_on"), end.isoformat() if end else None, row.get("revoked_at"),
            status, row.get("signature_png") is not None, change[0] if change else None,
            change[1] if change else None, row.get("covers_project_id"),
        ))
    with transaction(conn):
        session.audit("person.consents_viewed", "person", personal_id, {"consents": len(out)})
    return out
