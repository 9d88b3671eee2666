"""Case notes are append-only (CT-404-1): no edit, no delete. A correction is an
amendment that keeps the original; deletion is a request the HMIS Data Coordinator
sends to the central help desk (CT-404-2, CT-404-3).

A note or an amendment is more client data that goes to the central HMIS, so where the
pack wants a consent in force before data goes in (CT-207-1, MO-ROI-1) it waits for
one like any other record (the consent gate, ``app.consent_gate``): an expired or
revoked ROI needs a new one before more data is entered (MO-ROI-10), and notes are not
an exception the manuals make. A deletion request adds nothing about the client and
may be exactly what a revoked consent calls for, so it is never held back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app import consent_gate
from app.errors import UserFacingError, ValidationError
from app.outbox import enqueue
from app.session import Session
from app.vault.connection import transaction


@dataclass(frozen=True)
class CaseNote:
    note_id: str
    personal_id: str
    body: str
    amends: str | None
    created_at: str
    created_by: str


def add_note(session: Session, personal_id: str, body: str, amends: str | None = None) -> str:
    session.require("notes.write")
    session.require_no_conflict(personal_id, editing=True)
    now = session.clock.now()
    decision = consent_gate.require(session.conn, session.pack, personal_id, now.date(), "note", now.date(), "body")
    if not body.strip():
        raise ValidationError("body", "Write the note before saving it.")
    if amends is not None:
        row = session.conn.execute("SELECT personal_id FROM case_note WHERE note_id = ?", (amends,)).fetchone()
        if row is None or row[0] != personal_id:
            raise UserFacingError("The note being amended does not belong to this client.")
    note_id = str(uuid.uuid4())
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO case_note (note_id, personal_id, body, amends, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (note_id, personal_id, body, amends, now.isoformat(timespec="seconds"), session.user.user_id),
        )
        enqueue(conn, "case_note", note_id, "create",
                {"note_id": note_id, "personal_id": personal_id, "body": body, "amends": amends},
                now, session.pack.timeliness.window_hours, now)
        consent_gate.record(conn, decision, "case_note", note_id, personal_id, "note", now.date(),
                            session.user.user_id, now.isoformat(timespec="seconds"))
        session.audit("note.amended" if amends else "note.added", "person", personal_id, {"note_id": note_id})
    return note_id


def notes_for(session: Session, personal_id: str) -> list[CaseNote]:
    session.require("notes.read")
    session.require_no_conflict(personal_id, editing=False)
    rows = session.conn.execute(
        "SELECT note_id, personal_id, body, amends, created_at, created_by FROM case_note"
        " WHERE personal_id = ? ORDER BY created_at, rowid",
        (personal_id,),
    ).fetchall()
    return [CaseNote(*row) for row in rows]


def request_note_deletion(session: Session, note_id: str, reason: str) -> str:
    """CT-404-2: only the Data Coordinator may ask; CT-404-3: the request carries the
    client's HMIS ID, the note's creation date and the reason."""
    session.require("notes.request_deletion")
    if not reason.strip():
        raise ValidationError("reason", "Give the reason the note should be deleted.")
    row = session.conn.execute(
        "SELECT personal_id, created_at FROM case_note WHERE note_id = ?", (note_id,)
    ).fetchone()
    if row is None:
        raise UserFacingError("That note does not exist.")
    request_id = str(uuid.uuid4())
    now = session.clock.now()
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO note_deletion_request (request_id, note_id, personal_id, note_created, reason,"
            " requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (request_id, note_id, row[0], row[1], reason, session.user.user_id, now.isoformat(timespec="seconds")),
        )
        enqueue(conn, "note_deletion_request", request_id, "create",
                {"request_id": request_id, "note_id": note_id, "personal_id": row[0],
                 "note_created": row[1], "reason": reason},
                now, session.pack.timeliness.window_hours, now)
        session.audit("note.deletion_requested", "person", row[0], {"note_id": note_id})
    return request_id
