"""A client's profile as one read: what the signed-in role may see, nothing more.

Which parts a role sees is decided here, from the pack's permissions, so the screen
only renders what it is given: a Volunteer gets the basic profile (VT-ROLE-2,
CT 207 role table), case notes need ``notes.read`` (CT-404), and a record the user
declared a conflict of interest on is refused by ``open_person`` (VT-2.1-8). The
open itself is audited (CT-207-12). Whether new records must wait for a new consent
(MO-ROI-10, CT-207-1) comes from ``app.consents``, so the screen can say so before
the worker starts typing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from app.consents import entry_hold_for
from app.domain.person import Person
from app.notes import CaseNote, notes_for
from app.people import open_person
from app.rules.consent import EntryHold, StoredConsent, consent_end
from app.session import Session


@dataclass(frozen=True)
class ProfileSections:
    """The parts of the profile a role may use; a part it may not use is absent."""

    household: bool
    history: bool  # 4.12 contacts, services, exits
    record_followup: bool
    notes: bool
    write_notes: bool
    request_note_deletion: bool
    manage_consent: bool = False  # revoke, record a new one: a full-record edit


def profile_sections(session: Session) -> ProfileSections:
    full = session.can("client.view_full")
    record = session.can("services.record")
    return ProfileSections(
        household=full,
        history=full or record,
        record_followup=record,
        notes=session.can("notes.read"),
        write_notes=session.can("notes.write"),
        request_note_deletion=session.can("notes.request_deletion"),
        manage_consent=session.can("client.edit_full"),
    )


@dataclass(frozen=True)
class EnrollmentView:
    enrollment_id: str
    household_id: str
    project_name: str
    project_type: int
    entry_date: str
    relationship_to_hoh: int
    locked: bool
    exit_date: str | None
    destination: int | None


@dataclass(frozen=True)
class ConsentView:
    consent_id: str
    method: str
    sharing: str
    shared_with: tuple[str, ...]
    signed_on: str
    expires_on: str | None
    revoked_on: str | None
    current: bool
    has_signature: bool
    status: str = "current"  # current, revoked, expired or declined
    ends_on: str | None = None  # the stored expiry, or the pack's term (MO-ROI-10)
    covers: str | None = None  # the name of the one project it covers; None: every project (MO-ROI-6)


@dataclass(frozen=True)
class HouseholdMemberView:
    personal_id: str
    name: str
    relationship_to_hoh: int


@dataclass(frozen=True)
class ContactView:
    information_date: str
    current_living_situation: int
    location_details: str | None


@dataclass(frozen=True)
class ServiceView:
    date_provided: str
    record_type: int
    type_provided: int


@dataclass(frozen=True)
class AgencyServiceView:
    """One of the agency's own services (``app.agency_services``), not a HUD one."""

    date_provided: str
    service_code: str
    quantity: int


@dataclass
class ClientProfile:
    person: Person
    sections: ProfileSections
    enrollments: list[EnrollmentView] = field(default_factory=list)
    consents: list[ConsentView] = field(default_factory=list)
    household: list[HouseholdMemberView] = field(default_factory=list)
    contacts: list[ContactView] = field(default_factory=list)
    services: list[ServiceView] = field(default_factory=list)
    agency_services: list[AgencyServiceView] = field(default_factory=list)
    notes: list[CaseNote] = field(default_factory=list)
    consent_hold: EntryHold | None = None  # new records wait for a new consent
    lapsed_consent: ConsentView | None = None  # the latest consent, when revoked or expired

    @property
    def consent_warning(self) -> str | None:
        return self.consent_hold.message if self.consent_hold else None


def _status(consent: StoredConsent, end: date | None, today: date) -> str:
    if consent.revoked_on is not None and consent.revoked_on <= today:
        return "revoked"
    if end is not None and today > end:
        return "expired"
    return "declined" if consent.method == "declined" else "current"


def load_profile(session: Session, personal_id: str) -> ClientProfile:
    """Open (and audit) a person and gather the parts of the profile the role may see."""
    person = open_person(session, personal_id)
    sections = profile_sections(session)
    conn = session.conn
    today = session.clock.now().date()
    profile = ClientProfile(person, sections)
    for row in conn.execute(
        "SELECT e.enrollment_id, e.household_id, p.name, p.project_type, e.entry_date, e.relationship_to_hoh,"
        " e.locked, x.exit_date, x.destination FROM enrollment e JOIN project p ON p.project_id = e.project_id"
        " LEFT JOIN project_exit x ON x.enrollment_id = e.enrollment_id"
        " WHERE e.personal_id = ? ORDER BY e.entry_date DESC, e.created_at DESC", (personal_id,)
    ):
        profile.enrollments.append(EnrollmentView(row[0], row[1], row[2], int(row[3]), row[4], int(row[5]),
                                                  bool(row[6]), row[7], row[8]))
    for row in conn.execute(
        "SELECT c.consent_id, c.method, c.sharing, c.shared_with, c.signed_on, c.expires_on, c.revoked_at,"
        " c.signature_png IS NOT NULL, c.created_at, p.name FROM consent c"
        " LEFT JOIN project p ON p.project_id = c.covers_project_id WHERE c.personal_id = ?"
        " ORDER BY c.signed_on DESC, c.created_at DESC",
        (personal_id,),
    ):
        stored = StoredConsent(row[1], date.fromisoformat(row[4]), date.fromisoformat(row[5]) if row[5] else None,
                               date.fromisoformat(row[6]) if row[6] else None, row[8] or "")
        end = consent_end(session.pack, stored)
        status = _status(stored, end, today)
        profile.consents.append(ConsentView(row[0], row[1], row[2], tuple(json.loads(row[3] or "[]")), row[4],
                                            row[5], row[6], status == "current", bool(row[7]), status,
                                            end.isoformat() if end else None, row[9]))
    # For the latest enrollment's project where an ROI is recorded per project (MO-ROI-6).
    profile.consent_hold = entry_hold_for(session, personal_id)
    if profile.consents and profile.consents[0].status in ("revoked", "expired"):
        profile.lapsed_consent = profile.consents[0]  # newest first, as the export decides sharing
    if sections.household and profile.enrollments:
        household_id = profile.enrollments[0].household_id
        for row in conn.execute(
            "SELECT p.personal_id, p.first_name, p.last_name, e.relationship_to_hoh FROM enrollment e"
            " JOIN person p ON p.personal_id = e.personal_id WHERE e.household_id = ? AND p.deleted_at IS NULL"
            " ORDER BY e.relationship_to_hoh, p.last_name", (household_id,)
        ):
            name = " ".join(part for part in (row[1], row[2]) if part) or "(name not collected)"
            profile.household.append(HouseholdMemberView(row[0], name, int(row[3])))
    if sections.history:
        profile.contacts = [ContactView(r[0], int(r[1]), r[2]) for r in conn.execute(
            "SELECT information_date, current_living_situation, location_details FROM current_living_situation"
            " WHERE personal_id = ? ORDER BY information_date DESC, created_at DESC", (personal_id,))]
        profile.services = [ServiceView(r[0], int(r[1]), int(r[2])) for r in conn.execute(
            "SELECT date_provided, record_type, type_provided FROM service WHERE personal_id = ?"
            " ORDER BY date_provided DESC, created_at DESC", (personal_id,))]
        profile.agency_services = [AgencyServiceView(r[0], r[1], int(r[2])) for r in conn.execute(
            "SELECT date_provided, service_code, quantity FROM agency_service WHERE personal_id = ?"
            " ORDER BY date_provided DESC, created_at DESC", (personal_id,))]
    if sections.notes:
        profile.notes = notes_for(session, personal_id)
    return profile
