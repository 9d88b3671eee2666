"""A client's requests about their record, and corrections.

Requests (C9): when the client asked for a copy of their record or a correction, the
day it is due by the pack's ``[client_rights]`` (MO-RIGHTS-1: 5 business days;
VT-3.4-7: 60 days), and a warning before it is due. Corrections (C11, VT-3.4-8,
MO-RIGHTS-2): a piece of information is marked inaccurate or incomplete and
supplemented; the original stays as it was, visible beside the correction; a denied
request keeps its reason. Both appear in the record copy and the history.

Corrections and requests stay on the device (the central HMIS is corrected through
its own helpdesk); each is audited.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any, Literal

from app.errors import UserFacingError, ValidationError
from app.packs import Pack
from app.session import Session
from app.vault.connection import transaction

RequestKind = Literal["record_copy", "correction"]
KINDS = ("record_copy", "correction")
MARKS = ("inaccurate", "incomplete")
MAX_TEXT = 2000


def business_days_after(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``; holidays are the
    agency's to allow for."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def due_date(pack: Pack, received: date) -> date | None:
    """MO-RIGHTS-1 / VT-3.4-7: the day a request received on ``received`` is due."""
    rights = pack.client_rights
    if rights.copy_due_days is None:
        return None
    if rights.copy_due_business_days:
        return business_days_after(received, rights.copy_due_days)
    return received + timedelta(days=rights.copy_due_days)


def _person(session: Session, personal_id: str) -> None:
    if session.conn.execute("SELECT 1 FROM person WHERE personal_id = ? AND deleted_at IS NULL",
                            (personal_id,)).fetchone() is None:
        raise UserFacingError("That person does not exist on this device.")
    session.require_no_conflict(personal_id, editing=True)


def _text(field: str, value: str | None, what: str, required: bool) -> str | None:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(field, f"Give the {what}.")
    if len(value) > MAX_TEXT:
        raise ValidationError(field, f"The {what} is longer than {MAX_TEXT} characters; shorten it.")
    return value or None


def log_request(session: Session, personal_id: str, kind: str, received: date | None = None) -> str:
    session.require("client.print_record" if kind == "record_copy" else "client.edit_full")
    if kind not in KINDS:
        raise ValidationError("kind", "A request is for a record copy or a correction.")
    _person(session, personal_id)
    today = session.clock.now().date()
    received = received or today
    if received > today:
        raise ValidationError("received", "A request cannot be received in the future.")
    due = due_date(session.pack, received)
    request_id = str(uuid.uuid4())
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO client_request (request_id, personal_id, kind, received_on, due_on, recorded_by, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (request_id, personal_id, kind, received.isoformat(), due.isoformat() if due else None,
             session.user.user_id, session.clock.now().isoformat(timespec="seconds")),
        )
        session.audit("client_request.recorded", "person", personal_id, {"request_id": request_id, "kind": kind})
    return request_id


def resolve_request(session: Session, request_id: str, status: str, reason: str | None = None,
                    ground: str | None = None) -> None:
    """Close a request. A denial keeps its reason in the client's record; where the pack
    lists the grounds a record copy may be denied on (VT-3.4-9), it names one of them."""
    row = session.conn.execute("SELECT personal_id, kind, status FROM client_request WHERE request_id = ?",
                               (request_id,)).fetchone()
    if row is None:
        raise UserFacingError("That request does not exist on this device.")
    session.require("client.print_record" if row[1] == "record_copy" else "client.edit_full")
    if row[2] != "open":
        raise UserFacingError("This request is already closed.")
    if status not in ("fulfilled", "denied"):
        raise ValidationError("status", "A request is closed as fulfilled or denied.")
    reason = _text("reason", reason, "reason for the denial", required=status == "denied")
    grounds = session.pack.client_rights.copy_denial_grounds
    if status == "denied" and row[1] == "record_copy" and grounds:
        if ground not in grounds:
            raise ValidationError("ground", "A request to see or copy the record may be denied only on one of"
                                  f" these grounds: {', '.join(grounds)}.")
        reason = f"{grounds[ground]}. {reason}"
    with transaction(session.conn) as conn:
        conn.execute("UPDATE client_request SET status = ?, resolved_on = ?, resolution = ? WHERE request_id = ?",
                     (status, session.clock.now().date().isoformat(), reason, request_id))
        session.audit("client_request.resolved", "person", row[0], {"request_id": request_id, "kind": status})


@dataclass(frozen=True)
class RequestView:
    request_id: str
    personal_id: str
    kind: str
    received_on: str
    due_on: str | None
    status: str
    resolution: str | None
    days_left: int | None
    due_soon: bool
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def list_requests(session: Session, open_only: bool = False) -> list[RequestView]:
    """Requests, the oldest due first; ``due_soon`` warns the coordinator the pack's
    ``warn_days_before`` days ahead, ``overdue`` once the day has passed."""
    session.require("client.view_full")
    today = session.clock.now().date()
    warn = session.pack.client_rights.warn_days_before
    sql = ("SELECT request_id, personal_id, kind, received_on, due_on, status, resolution FROM client_request"
           + (" WHERE status = 'open'" if open_only else "") + " ORDER BY due_on IS NULL, due_on, received_on")
    views = []
    for request_id, personal_id, kind, received_on, due_on, status, resolution in session.conn.execute(sql).fetchall():
        left = (date.fromisoformat(due_on) - today).days if due_on else None
        due_soon = overdue = False
        if status == "open" and left is not None:
            due_soon, overdue = 0 <= left <= warn, left < 0
        views.append(RequestView(request_id, personal_id, kind, received_on, due_on, status, resolution,
                                 days_left=left, due_soon=due_soon, overdue=overdue))
    return views


def record_correction(session: Session, personal_id: str, field: str, marked: str, supplement: str | None,
                      request_id: str | None = None) -> str:
    """VT-3.4-8, MO-RIGHTS-2: mark ``field`` inaccurate or incomplete and supplement it;
    the original value is not touched."""
    return _correction(session, personal_id, field, marked, supplement, "accepted", None, request_id)


def deny_correction(session: Session, personal_id: str, field: str, reason: str,
                    request_id: str | None = None) -> str:
    """A correction the agency does not make, with the reason it gives the client."""
    return _correction(session, personal_id, field, "inaccurate", None, "denied", reason, request_id)


def _correction(session: Session, personal_id: str, field: str, marked: str, supplement: str | None, status: str,
                reason: str | None, request_id: str | None) -> str:
    session.require("client.edit_full")
    _person(session, personal_id)
    field_name = _text("field", field, "information the client says is wrong", required=True)
    if marked not in MARKS:
        raise ValidationError("marked", "Mark the information inaccurate or incomplete.")
    supplement = _text("supplement", supplement, "correct or missing information", required=status == "accepted")
    reason = _text("reason", reason, "reason for the denial", required=status == "denied")
    if request_id is not None and session.conn.execute(
            "SELECT 1 FROM client_request WHERE request_id = ? AND personal_id = ?", (request_id, personal_id)
    ).fetchone() is None:
        raise UserFacingError("That request does not belong to this client.")
    correction_id = str(uuid.uuid4())
    with transaction(session.conn) as conn:
        conn.execute(
            "INSERT INTO correction (correction_id, personal_id, request_id, field, marked, supplement, status,"
            " denial_reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (correction_id, personal_id, request_id, field_name, marked, supplement, status, reason,
             session.user.user_id, session.clock.now().isoformat(timespec="seconds")),
        )
        session.audit("correction.recorded", "person", personal_id,
                      {"correction_id": correction_id, "kind": status})
    return correction_id
