"""Follow-up records after intake: 4.12 street-outreach contacts, services, exits,
and revoking consent. Each is one transaction with its outbox row and audit event.

A contact, service or exit is new data about the client, so it asks the consent gate
(``app.consent_gate``) for its date: it waits for a consent in force where the pack
wants one before data goes in (CT-207-1, MO-ROI-1, MO-ROI-10) and, where releases
lapse on a fixed term, its date must fall within one (MO-ROI-11). The gate's answer
(that day's sharing and why) is stored with the record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from app import consent_gate
from app.catalog import CodeList, load_questions
from app.errors import UserFacingError, ValidationError
from app.outbox import enqueue
from app.rules.consent import EntryDecision
from app.rules.timeliness import agency_overrides, window_hours
from app.services_offered import require_offered
from app.session import Session
from app.vault.connection import transaction

DESTINATION_OTHER = 17
SUBSIDY_TRIGGER = 435  # 3.12.A only for "rental by client, with ongoing housing subsidy"
RECORD_TYPES = "1.4"
TYPE_LIST_PREFIX = "TypeProvided:"  # forms/questions/services.toml


@dataclass(frozen=True)
class EnrollmentFacts:
    enrollment_id: str
    personal_id: str
    entry_date: date
    project_type: int
    locked: bool
    exit_date: date | None


def service_types() -> dict[int, CodeList]:
    """The record types the device records, each with the types of service HUD lists
    for it (Services.csv: TypeProvided's list depends on RecordType)."""
    catalog = load_questions()
    return {int(list_id.removeprefix(TYPE_LIST_PREFIX)): codes for list_id, codes in catalog.lists.items()
            if list_id.startswith(TYPE_LIST_PREFIX)}


def _enrollment(session: Session, enrollment_id: str) -> EnrollmentFacts:
    row = session.conn.execute(
        "SELECT e.enrollment_id, e.personal_id, e.entry_date, p.project_type, e.locked, x.exit_date"
        " FROM enrollment e JOIN project p ON p.project_id = e.project_id"
        " LEFT JOIN project_exit x ON x.enrollment_id = e.enrollment_id WHERE e.enrollment_id = ?",
        (enrollment_id,),
    ).fetchone()
    if row is None:
        raise UserFacingError("That enrollment does not exist on this device.")
    return EnrollmentFacts(row[0], row[1], date.fromisoformat(row[2]), int(row[3]), bool(row[4]),
                           date.fromisoformat(row[5]) if row[5] else None)


def _open_for_entry(session: Session, enrollment_id: str) -> EnrollmentFacts:
    """The enrollment, once the role and a conflict of interest allow new data on it."""
    session.require("services.record")
    facts = _enrollment(session, enrollment_id)
    session.require_no_conflict(facts.personal_id, editing=True)
    return facts


def _gate(session: Session, facts: EnrollmentFacts, day: date, kind: str, field: str) -> EntryDecision:
    """The consent gate's answer for a record dated ``day`` on this enrollment."""
    return consent_gate.require(session.conn, session.pack, facts.personal_id, day, kind,
                                session.clock.now().date(), field, enrollment_id=facts.enrollment_id)


def _check_date(field: str, value: date, session: Session, not_before: date | None, what: str) -> None:
    if value > session.clock.now().date():
        raise ValidationError(field, f"The {what} cannot be in the future.")
    if not_before is not None and value < not_before:
        raise ValidationError(field, f"The {what} cannot be before the project start ({not_before.isoformat()}).")


def _window(session: Session, facts: EnrollmentFacts) -> int:
    return window_hours(session.pack.timeliness, facts.project_type, agency_overrides(session.settings))


def _store(session: Session, table: str, row: dict[str, object], entity: str, entity_id: str,
           facts: EnrollmentFacts, collected: datetime, now: datetime, action: str,
           decision: EntryDecision, day: date) -> None:
    """Insert one follow-up row with its outbox row, the gate's answer and the audit
    event, in one transaction."""
    with transaction(session.conn) as conn:
        conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     tuple(row.values()))
        enqueue(conn, entity, entity_id, "create", row, collected, _window(session, facts), now)
        consent_gate.record(conn, decision, entity, entity_id, facts.personal_id, action.split(".")[0], day,
                            session.user.user_id, now.isoformat(timespec="seconds"))
        session.audit(action, "person", facts.personal_id, {"enrollment_id": facts.enrollment_id})


def record_contact(session: Session, enrollment_id: str, information_date: date, living_situation: int,
                   location_details: str | None = None, collected_at: datetime | None = None) -> str:
    """4.12 Current Living Situation, recorded at every street-outreach contact."""
    facts = _open_for_entry(session, enrollment_id)
    _check_date("information_date", information_date, session, facts.entry_date, "contact date")
    decision = _gate(session, facts, information_date, "contact", "information_date")
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
           "contact.recorded", decision, information_date)
    return cls_id


def record_service(session: Session, enrollment_id: str, date_provided: date, record_type: int,
                   type_provided: int, collected_at: datetime | None = None) -> str:
    """A service (Services.csv): the record type decides which HUD list the type of
    service comes from; it is provided during the enrollment, never after its exit."""
    facts = _open_for_entry(session, enrollment_id)
    types = service_types()
    if record_type not in load_questions().code_list(RECORD_TYPES):
        raise ValidationError("record_type", f"{record_type} is not a HUD record type for services.")
    if record_type not in types:
        raise ValidationError("record_type", "This device does not record that record type; record it in HMIS.")
    if type_provided not in types[record_type]:
        raise ValidationError("type_provided", f"{type_provided} is not a type of service HUD lists for this "
                                               "record type; choose one from the list.")
    require_offered(facts.project_type, record_type)
    _check_date("date_provided", date_provided, session, facts.entry_date, "service date")
    if facts.exit_date is not None and date_provided > facts.exit_date:
        raise ValidationError("date_provided", "The service date cannot be after the project exit "
                                               f"({facts.exit_date.isoformat()}).")
    decision = _gate(session, facts, date_provided, "service", "date_provided")
    service_id = str(uuid.uuid4())
    now = session.clock.now()
    collected = collected_at or now
    row = {
        "service_id": service_id, "enrollment_id": enrollment_id, "personal_id": facts.personal_id,
        "date_provided": date_provided.isoformat(), "record_type": record_type, "type_provided": type_provided,
        "collected_at": collected.isoformat(timespec="seconds"), "created_at": now.isoformat(timespec="seconds"),
        "created_by": session.user.user_id,
    }
    _store(session, "service", row, "service", service_id, facts, collected, now, "service.recorded",
           decision, date_provided)
    return service_id


def record_exit(session: Session, enrollment_id: str, exit_date: date, destination: int,
                destination_subsidy_type: int | None = None, other_destination: str | None = None,
                collected_at: datetime | None = None) -> str:
    """3.11 Project Exit and 3.12 Destination: one exit per enrollment, never before entry
    (VT-6.1-1); the dependent fields only when their trigger holds."""
    facts = _open_for_entry(session, enrollment_id)
    _check_date("exit_date", exit_date, session, facts.entry_date, "exit date")
    if session.conn.execute("SELECT 1 FROM project_exit WHERE enrollment_id = ?", (enrollment_id,)).fetchone():
        raise ValidationError("exit_date", "This enrollment already has an exit.")
    if destination == DESTINATION_OTHER and not (other_destination or "").strip():
        raise ValidationError("other_destination", "Describe the destination when it is \u201cOther\u201d.")
    decision = _gate(session, facts, exit_date, "exit", "exit_date")
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
    _store(session, "project_exit", row, "exit", exit_id, facts, collected, now, "exit.recorded",
           decision, exit_date)
    return exit_id


def revocation_covers(session: Session, consent_id: str) -> list[tuple[str, str]]:
    """The (consent id, personal id) pairs a revocation withdraws: the consent itself,
    and where one ROI covers the household (MO-ROI-3) the same ROI recorded for the
    other members, since the household's data stops being shared (MO-RIGHTS-4)."""
    row = session.conn.execute(
        "SELECT personal_id, household_id, signed_on, method FROM consent WHERE consent_id = ?", (consent_id,)
    ).fetchone()
    if row is None:
        return []
    covered = [(consent_id, str(row[0]))]
    if session.pack.consent.household_covered_by_one and row[1] is not None:
        covered += [(r[0], r[1]) for r in session.conn.execute(
            "SELECT consent_id, personal_id FROM consent WHERE household_id = ? AND signed_on = ? AND method = ?"
            " AND revoked_at IS NULL AND consent_id != ? ORDER BY personal_id",
            (row[1], row[2], row[3], consent_id))]
    return covered


def revoke_consent(session: Session, consent_id: str, effective: date | None = None) -> list[str]:
    """The client withdraws consent (MO-RIGHTS-4, VT-3.1-4, CT-207-1): sharing stops
    from that date on, and where the pack wants consent before data no more data goes
    in until the client consents again. The revocation is itself recorded and travels
    to the central server (A23: what was shared before stays as it was). Changing what
    is shared is a full-record edit, so not a Volunteer's (VT-ROLE-2, MO-ACCESS-2,
    CT-109-3). Returns the consent ids withdrawn."""
    session.require("client.edit_full")
    row = session.conn.execute(
        "SELECT personal_id, revoked_at, signed_on, method FROM consent WHERE consent_id = ?", (consent_id,)
    ).fetchone()
    if row is None:
        raise UserFacingError("That consent does not exist on this device.")
    if row[1] is not None:
        raise UserFacingError("This consent was already revoked.")
    if row[3] == "declined":
        raise UserFacingError("A refusal cannot be revoked; record a new consent if the client changed their mind.")
    covered = revocation_covers(session, consent_id)
    for _consent, personal_id in covered:
        session.require_no_conflict(personal_id, editing=True)
    now = session.clock.now()
    day = effective or now.date()
    if day > now.date():
        raise ValidationError("effective", "A revocation cannot take effect in the future.")
    if day < date.fromisoformat(row[2]):
        raise ValidationError("effective", f"A revocation cannot take effect before the consent was signed ({row[2]}).")
    with transaction(session.conn) as conn:
        for withdrawn, personal_id in covered:
            conn.execute("UPDATE consent SET revoked_at = ? WHERE consent_id = ?", (day.isoformat(), withdrawn))
            enqueue(conn, "consent", withdrawn, "revoke", {"consent_id": withdrawn, "revoked_on": day.isoformat()},
                    now, session.pack.timeliness.window_hours, now)
            session.audit("consent.revoked", "person", personal_id, {"consent_id": withdrawn, "from": day.isoformat()})
    return [withdrawn for withdrawn, _ in covered]
