"""Follow-up records after intake: 4.12 street-outreach contacts, services, exits,
and revoking consent. Each is one transaction with its outbox row and audit event."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from app.errors import UserFacingError, ValidationError
from app.outbox import enqueue
from app.rules.timeliness import agency_overrides, window_hours
from app.session import Session
from app.vault.connection import transaction

DESTINATION_OTHER = 17
SUBSIDY_TRIGGER = 435  # 3.12.A only for "rental by client, with ongoing housing subsidy"


@dataclass(frozen=True)
class EnrollmentFacts:
    enrollment_id: str
    personal_id: str
    entry_date: date
    project_type: int
    locked: bool


def _enrollment(session: Session, enrollment_id: str) -> EnrollmentFacts:
    row = session.conn.execute(
        "SELECT e.enrollment_id, e.personal_id, e.entry_date, p.project_type, e.locked FROM enrollment e"
        " JOIN project p ON p.project_id = e.project_id WHERE e.enrollment_id = ?",
        (enrollment_id,),
    ).fetchone()
    if row is None:
        raise UserFacingError("That enrollment does not exist on this device.")
    return EnrollmentFacts(row[0], row[1], date.fromisoformat(row[2]), int(row[3]), bool(row[4]))


def _check_date(field: str, value: date, session: Session, not_before: date | None, what: str) -> None:
    if value > session.clock.now().date():
        raise ValidationError(field, f"The {what} cannot be in the future.")
    if not_before is not None and value < not_before:
        raise ValidationError(field, f"The {what} cannot be before the project start ({not_before.isoformat()}).")


def _window(session: Session, facts: EnrollmentFacts) -> int:
    return window_hours(session.pack.timeliness, facts.project_type, agency_overrides(session.settings))


def _store(session: Session, table: str, row: dict[str, object], entity: str, entity_id: str,
           facts: EnrollmentFacts, collected: datetime, now: datetime, action: str) -> None:
    """Insert one follow-up row with its outbox row and audit event, in one transaction."""
    with transaction(session.conn) as conn:
        conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     tuple(row.values()))
        enqueue(conn, entity, entity_id, "create", row, collected, _window(session, facts), now)
        session.audit(action, "person", facts.personal_id, {"enrollment_id": facts.enrollment_id})


def record_contact(session: Session, enrollment_id: str, information_date: date, living_situation: int,
                   location_details: str | None = None, collected_at: datetime | None = None) -> str:
    """4.12 Current Living Situation, recorded at every street-outreach contact."""
    session.require("services.record")
    facts = _enrollment(session, enrollment_id)
    session.require_no_conflict(facts.personal_id, editing=True)
    _check_date("information_date", information_date, session, facts.entry_date, "contact date")
    cls_id = str(uuid.uuid4())
    now = session.clock.now()
    collected = collected_at or now
    row = {
        "cls_id": cls_id, "enrollment_id": enrollment_id, "personal_id": facts.personal_id,
        "information_date": information_date.isoformat(), "current_living_situation": living_situation,
        "location_details": location_details, "collected_at": collected.isoformat(timespec="seconds"),
        "created_at": now.isoformat(timespec="seconds"), "created_by": session.user.user_id,
    }
    _store(session, "current_living_situation", row, "current_living_situation", cls_id, facts, collected, now,
           "contact.recorded")
    return cls_id


def record_service(session: Session, enrollment_id: str, date_provided: date, record_type: int,
                   type_provided: int, collected_at: datetime | None = None) -> str:
    session.require("services.record")
    facts = _enrollment(session, enrollment_id)
    session.require_no_conflict(facts.personal_id, editing=True)
    _check_date("date_provided", date_provided, session, facts.entry_date, "service date")
    service_id = str(uuid.uuid4())
    now = session.clock.now()
    collected = collected_at or now
    row = {
        "service_id": service_id, "enrollment_id": enrollment_id, "personal_id": facts.personal_id,
        "date_provided": date_provided.isoformat(), "record_type": record_type, "type_provided": type_provided,
        "collected_at": collected.isoformat(timespec="seconds"), "created_at": now.isoformat(timespec="seconds"),
        "created_by": session.user.user_id,
    }
    _store(session, "service", row, "service", service_id, facts, collected, now, "service.recorded")
    return service_id


def record_exit(session: Session, enrollment_id: str, exit_date: date, destination: int,
                destination_subsidy_type: int | None = None, other_destination: str | None = None,
                collected_at: datetime | None = None) -> str:
    """3.11 Project Exit and 3.12 Destination: one exit per enrollment, never before entry
    (VT-6.1-1); the dependent fields only when their trigger holds."""
    session.require("services.record")
    facts = _enrollment(session, enrollment_id)
    session.require_no_conflict(facts.personal_id, editing=True)
    _check_date("exit_date", exit_date, session, facts.entry_date, "exit date")
    if session.conn.execute("SELECT 1 FROM project_exit WHERE enrollment_id = ?", (enrollment_id,)).fetchone():
        raise ValidationError("exit_date", "This enrollment already has an exit.")
    if destination == DESTINATION_OTHER and not (other_destination or "").strip():
        raise ValidationError("other_destination", "Describe the destination when it is \u201cOther\u201d.")
    if destination != DESTINATION_OTHER:
        other_destination = None
    if destination != SUBSIDY_TRIGGER:
        destination_subsidy_type = None
    exit_id = str(uuid.uuid4())
    now = session.clock.now()
    collected = collected_at or now
    row = {
        "exit_id": exit_id, "enrollment_id": enrollment_id, "personal_id": facts.personal_id,
        "exit_date": exit_date.isoformat(), "destination": destination,
        "destination_subsidy_type": destination_subsidy_type, "other_destination": other_destination,
        "collected_at": collected.isoformat(timespec="seconds"), "created_at": now.isoformat(timespec="seconds"),
        "created_by": session.user.user_id,
    }
    _store(session, "project_exit", row, "exit", exit_id, facts, collected, now, "exit.recorded")
    return exit_id


def revoke_consent(session: Session, consent_id: str, effective: date | None = None) -> None:
    """MO-RIGHTS-4, VT-3.1-4: sharing stops from that date on; the revocation is itself
    recorded and travels to the central server (A23: data shared before stays as it was)."""
    session.require("client.edit_basic")
    row = session.conn.execute(
        "SELECT personal_id, revoked_at FROM consent WHERE consent_id = ?", (consent_id,)
    ).fetchone()
    if row is None:
        raise UserFacingError("That consent does not exist on this device.")
    if row[1] is not None:
        raise UserFacingError("This consent was already revoked.")
    session.require_no_conflict(row[0], editing=True)
    now = session.clock.now()
    day = effective or now.date()
    if day > now.date():
        raise ValidationError("effective", "A revocation cannot take effect in the future.")
    with transaction(session.conn) as conn:
        conn.execute("UPDATE consent SET revoked_at = ? WHERE consent_id = ?", (day.isoformat(), consent_id))
        enqueue(conn, "consent", consent_id, "revoke", {"consent_id": consent_id, "revoked_on": day.isoformat()},
                now, session.pack.timeliness.window_hours, now)
        session.audit("consent.revoked", "person", row[0], {"consent_id": consent_id, "from": day.isoformat()})
