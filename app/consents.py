"""A client's consent after intake: whether more data may go in, and a new consent.

Whether more data may go in is the consent gate's answer (``app.consent_gate``);
``entry_hold_for`` gives the profile's banner the hold on a person today.
``record_consent`` captures a new consent or ROI after the old one expired or was
revoked, checked by the same ``app.rules.consent.evaluate_consent`` as an intake and
stored in one transaction with its outbox rows and audit events.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from app.consent_gate import ConsentNeeded, stored_consents
from app.consent_gate import scope as consent_scope
from app.errors import UserFacingError, ValidationError
from app.intake.consent_record import person_name, record_columns
from app.intake.document import ConsentInput
from app.outbox import enqueue
from app.rules.consent import (
    ConsentProblem,
    ConsentRequest,
    EntryHold,
    cite,
    consents_for_project,
    entry_hold,
    evaluate_consent,
    project_hold,
)
from app.rules.timeliness import agency_overrides, window_hours
from app.session import Session
from app.vault.connection import Connection, transaction

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

__all__ = ["ConsentNeeded", "ConsentRefused", "client_projects", "entry_hold_for", "per_project", "record_consent",
           "stored_consents"]


class ConsentRefused(UserFacingError):
    """The new consent broke one or more rules of the pack; nothing was stored."""

    exit_code = 11

    def __init__(self, problems: list[ConsentProblem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(f"{first.message} ({first.clause})" if first.clause else first.message)


def entry_hold_for(session: Session, personal_id: str) -> EntryHold | None:
    """Why new records for this person must wait, if they must (for the profile's
    banner): for their latest enrollment's project where an ROI is recorded per
    project (MO-ROI-6)."""
    consents = stored_consents(session.conn, personal_id)
    scope = consent_scope(session.conn, session.pack)
    row = session.conn.execute("SELECT project_id FROM enrollment WHERE personal_id = ?"
                               " ORDER BY entry_date DESC, created_at DESC LIMIT 1", (personal_id,)).fetchone()
    project_id = str(row[0]) if row else None
    held = project_hold(session.pack, consents, project_id, scope)
    if held is not None:
        return held
    return entry_hold(session.pack, consents_for_project(consents, project_id, scope), session.clock.now().date())


@dataclass(frozen=True)
class Coverage:
    """Who a new consent is for, and the enrollment it is recorded against."""

    personal_ids: tuple[str, ...]
    household_id: str | None
    project_id: str | None
    project_type: int | None
    populations: tuple[str, ...]


def coverage(session: Session, personal_id: str, project_id: str | None = None) -> Coverage:
    """The person's latest enrollment (in ``project_id``, when one is named) decides
    the project; where one ROI covers the household (MO-ROI-3) it is recorded for
    every member of that household."""
    conn = session.conn
    where, args = ("e.personal_id = ? AND e.project_id = ?", (personal_id, project_id)) if project_id else (
        "e.personal_id = ?", (personal_id,))
    row = conn.execute(
        "SELECT e.household_id, p.project_id, p.project_type, p.populations FROM enrollment e"
        f" JOIN project p ON p.project_id = e.project_id WHERE {where}"
        " ORDER BY e.entry_date DESC, e.created_at DESC LIMIT 1", args,
    ).fetchone()
    if row is None and project_id is not None:
        raise ValidationError("project", "This client is not enrolled in that project; choose one of their projects.")
    if row is None:
        return Coverage((personal_id,), None, None, None, ())
    people = [personal_id]
    if session.pack.consent.household_covered_by_one:
        for (other,) in conn.execute(
            "SELECT DISTINCT e.personal_id FROM enrollment e JOIN person p ON p.personal_id = e.personal_id"
            " WHERE e.household_id = ? AND p.deleted_at IS NULL ORDER BY e.relationship_to_hoh, e.personal_id",
            (row[0],),
        ):
            if other not in people:
                people.append(other)
    return Coverage(tuple(people), row[0], row[1], int(row[2]), tuple(json.loads(row[3] or "[]")))


def _dob(conn: Connection, personal_id: str) -> date | None:
    row = conn.execute("SELECT dob FROM person WHERE personal_id = ?", (personal_id,)).fetchone()
    try:
        return date.fromisoformat(row[0]) if row and row[0] else None
    except ValueError:
        return None


def client_projects(session: Session, personal_id: str) -> list[tuple[str, str]]:
    """The projects a client is enrolled in, latest first, as (project id, name): the
    choices of a new ROI where one is recorded per project (MO-ROI-6)."""
    rows = session.conn.execute(
        "SELECT p.project_id, p.name, max(e.entry_date) AS latest FROM enrollment e"
        " JOIN project p ON p.project_id = e.project_id WHERE e.personal_id = ?"
        " GROUP BY p.project_id ORDER BY latest DESC, p.name", (personal_id,),
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def per_project(session: Session) -> bool:
    """MO-ROI-6, A19: whether this device records one ROI per project."""
    return consent_scope(session.conn, session.pack) == "project"


def record_consent(session: Session, personal_id: str, consent: ConsentInput, script_acknowledged: bool,
                   emancipated: bool = False, project_id: str | None = None) -> list[str]:
    """A new consent or ROI for a person already on the device; returns the consent ids.

    Where an ROI is recorded per project (MO-ROI-6, A19) it covers ``project_id``, one
    of the client's projects (their latest when none is named); elsewhere it covers
    every project of the agency.

    Changing what may be entered and shared is a full-record edit, so a Volunteer, who
    keeps to the basic profile (VT-ROLE-2, MO-ACCESS-2, CT-109-3), cannot do it."""
    session.require("client.edit_full")
    if consent.method not in ("written", "verbal", "declined"):
        raise ValidationError("method", "Choose written, verbal or declined.")
    if consent.sharing not in ("shared", "not_shared"):
        raise ValidationError("sharing", "Choose Shared or Not Shared.")
    if consent.signature_png is not None and not consent.signature_png.startswith(PNG_SIGNATURE):
        raise ValidationError("signature", "The signature is not a PNG image; capture it again.")
    if session.conn.execute("SELECT 1 FROM person WHERE personal_id = ? AND deleted_at IS NULL",
                            (personal_id,)).fetchone() is None:
        raise UserFacingError("That person does not exist on this device.")
    covered = coverage(session, personal_id, project_id)
    covers = covered.project_id if per_project(session) else None
    for member in covered.personal_ids:
        session.require_no_conflict(member, editing=True)
    today = session.clock.now().date()
    request = ConsentRequest(
        # ConsentInput keeps method and sharing as str; the consent rules check them against the Literal sets.
        method=consent.method,  # type: ignore[arg-type]
        sharing=consent.sharing,  # type: ignore[arg-type]
        signed_on=consent.signed_on,
        script_acknowledged=script_acknowledged,
        shared_with=consent.shared_with,
        expires_on=consent.expires_on,
        signature_captured=consent.signature_png is not None,
        paper_form_attested=consent.signature == "paper_attested",
        verbal_reason=consent.verbal_reason,
        witness=consent.witness,
        first_contact_by_phone=consent.first_contact_by_phone,
        release_to_share_signed=consent.release_to_share_signed,
        client_dob=_dob(session.conn, personal_id),
        emancipated=emancipated,
        signer_is_guardian=consent.signer_is_guardian,
        possible_dv_victim=consent.possible_dv_victim,
        dv_permission_to_enter=consent.dv_permission_to_enter,
        dv_permission_to_share=consent.dv_permission_to_share,
        project_populations=covered.populations,
    )
    decision = evaluate_consent(session.pack, request, today)
    if decision.problems:
        raise ConsentRefused(decision.problems)
    if not decision.may_enter_data:
        raise ConsentRefused([ConsentProblem("method", "Without the client's consent no data can be entered.",
                                             cite(session.pack, "consent_before_data"))])
    sharing = "not_shared" if decision.locks_household else decision.sharing
    window = (window_hours(session.pack.timeliness, covered.project_type, agency_overrides(session.settings))
              if covered.project_type is not None else session.pack.timeliness.window_hours)
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    ids: list[str] = []
    with transaction(session.conn) as conn:
        for member in covered.personal_ids:
            consent_id = str(uuid.uuid4())
            row = {
                "consent_id": consent_id, "personal_id": member, "household_id": covered.household_id,
                "project_id": covered.project_id, "covers_project_id": covers, "method": consent.method,
                "sharing": sharing,
                "shared_with": json.dumps(list(consent.shared_with)), "signed_on": consent.signed_on.isoformat(),
                "expires_on": decision.expires_on.isoformat() if decision.expires_on else None,
                "attested_by": session.user.user_id, "witness": consent.witness or None,
                "verbal_reason": consent.verbal_reason or None, "signature_png": consent.signature_png,
                "created_at": stamp,
            }
            row.update(record_columns(session, consent, language=consent.language or "en",
                                      name=person_name(conn, personal_id), emancipated=emancipated,
                                      expires_on=decision.expires_on, script_acknowledged=script_acknowledged))
            conn.execute(f"INSERT INTO consent ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         tuple(row.values()))
            payload: dict[str, object] = {k: v for k, v in row.items() if k != "signature_png"}
            payload["signature_captured"] = consent.signature_png is not None
            enqueue(conn, "consent", consent_id, "create", payload, now, window, now, group=covered.household_id)
            session.audit("consent.recorded", "person", member,
                          {"consent_id": consent_id, "method": consent.method, "renewal": True})
            ids.append(consent_id)
        if decision.locks_household and covered.household_id is not None:
            _lock_household(session, conn, covered.household_id, window)
    return ids


def _lock_household(session: Session, conn: Connection, household_id: str, window: int) -> None:
    """MO-ROI-8: a declined ROI locks the record of every household member; the lock
    travels to the central server with the enrollments."""
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    conn.execute("UPDATE enrollment SET locked = 1, updated_at = ?, updated_by = ? WHERE household_id = ?",
                 (stamp, session.user.user_id, household_id))
    cursor = conn.execute("SELECT * FROM enrollment WHERE household_id = ?", (household_id,))
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        enrollment = dict(zip(names, values, strict=True))
        enqueue(conn, "enrollment", str(enrollment["enrollment_id"]), "upsert", enrollment, now, window, now,
                group=household_id)
        session.audit("enrollment.locked", "person", str(enrollment["personal_id"]),
                      {"enrollment_id": enrollment["enrollment_id"]})
