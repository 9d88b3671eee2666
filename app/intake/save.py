"""Saving an intake: one transaction holds the household, every member's person,
enrollment and consent, their outbox rows and the audit events. Either all of it is
stored or none of it (no half a household)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from app import consent_gate
from app.domain.person import Person
from app.errors import UserFacingError
from app.intake.consent_record import mismatches, record_columns, shown_texts, signer_name
from app.intake.document import ConsentInput, IntakeDocument, MemberInput
from app.intake.validate import (
    Problem,
    ProjectFacts,
    check_intake,
    covered_project,
    household_consent_for,
    member_facts,
)
from app.outbox import enqueue
from app.people import insert_person, person_payload
from app.projects import default_enrollment_coc, queue_project_once
from app.rules.consent import roi_expiry
from app.rules.timeliness import agency_overrides, window_hours
from app.session import Session
from app.vault.connection import Connection, transaction

CLIENT_COLUMNS = {
    "FirstName": "first_name", "MiddleName": "middle_name", "LastName": "last_name",
    "NameSuffix": "name_suffix", "NameDataQuality": "name_data_quality", "SSN": "ssn",
    "SSNDataQuality": "ssn_data_quality", "DOB": "dob", "DOBDataQuality": "dob_data_quality",
    "AmIndAKNative": "am_ind_ak_native", "Asian": "asian", "BlackAfAmerican": "black_af_american",
    "HispanicLatinao": "hispanic_latinao", "MidEastNAfrican": "mid_east_n_african",
    "NativeHIPacific": "native_hi_pacific", "White": "white", "RaceNone": "race_none",
    "AdditionalRaceEthnicity": "additional_race_ethnicity", "Sex": "sex", "VeteranStatus": "veteran_status",
}
ENROLLMENT_COLUMNS = {
    "EntryDate": "entry_date", "RelationshipToHoH": "relationship_to_hoh", "EnrollmentCoC": "enrollment_coc",
    "DisablingCondition": "disabling_condition", "LivingSituation": "living_situation",
    "RentalSubsidyType": "rental_subsidy_type", "LengthOfStay": "length_of_stay",
    "LOSUnderThreshold": "los_under_threshold", "PreviousStreetESSH": "previous_street_essh",
    "DateToStreetESSH": "date_to_street_essh", "TimesHomelessPastThreeYears": "times_homeless_past_three_years",
    "MonthsHomelessPastThreeYears": "months_homeless_past_three_years", "DateOfEngagement": "date_of_engagement",
}
_NOT_NULL_DEFAULT_99 = {"name_data_quality", "ssn_data_quality", "dob_data_quality", "relationship_to_hoh",
                        "disabling_condition"}
_RACE_DEFAULT_0 = {"am_ind_ak_native", "asian", "black_af_american", "hispanic_latinao",
                   "mid_east_n_african", "native_hi_pacific", "white"}


class IntakeRefused(UserFacingError):
    """The intake broke one or more rules; nothing was stored."""

    exit_code = 11

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "The intake was refused."
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}")


class AlreadyImported(UserFacingError):
    """This document was saved before (same id, or same content); nothing was stored."""

    exit_code = 0

    def __init__(self, household_id: str, changed: bool = False) -> None:
        self.household_id = household_id
        self.changed = changed
        super().__init__(
            "A document with this id was already imported with other contents; nothing was stored "
            "(give a different household its own document_id)." if changed else
            "This document was already imported; nothing was stored again.")


@dataclass
class IntakeResult:
    household_id: str
    personal_ids: list[str]
    enrollment_ids: list[str]
    notices: list[str] = field(default_factory=list)


def project_facts(conn: Connection, project_id: str) -> ProjectFacts | None:
    """The project by its id, or by its exact name (paper forms name the project)."""
    row = conn.execute(
        "SELECT project_id, project_type, populations FROM project WHERE project_id = ?"
        " UNION ALL SELECT project_id, project_type, populations FROM project WHERE name = ? LIMIT 1",
        (project_id, project_id),
    ).fetchone()
    if row is None:
        return None
    return ProjectFacts(row[0], int(row[1]), tuple(json.loads(row[2] or "[]")))


def _person(client: dict[str, object]) -> Person:
    values: dict[str, object] = {}
    for csv_name, column in CLIENT_COLUMNS.items():
        value = client.get(csv_name)
        if value is None and column in _NOT_NULL_DEFAULT_99:
            value = 99
        if value is None and column in _RACE_DEFAULT_0:
            value = 0
        values[column] = value
    # Keyword arguments by column name (CLIENT_COLUMNS); the document model validated each value.
    return Person(**values)  # type: ignore[arg-type]


def _text_problems(session: Session, doc: IntakeDocument) -> list[Problem]:
    """A consent bound to texts other than this device renders is refused."""
    problems: list[Problem] = []
    head = next((m for m in doc.members if m.relationship == 1), doc.members[0])
    given = [("consent", doc.consent, head)] + [
        (f"members[{i}].consent", m.consent, m) for i, m in enumerate(doc.members) if m.consent is not None]
    for path, consent, member in given:
        if consent is None:
            continue
        expires = consent.expires_on or roi_expiry(session.pack, consent.signed_on)
        script, text = shown_texts(session, consent, consent.language or doc.language, signer_name(doc, member),
                                   expires, doc.script_acknowledged)
        problems.extend(Problem(f"{path}.{m.field}", m.message) for m in mismatches(consent, script, text))
    return problems


def save_intake(session: Session, doc: IntakeDocument, key: str | None = None,
                content: str | None = None) -> IntakeResult:
    """Save one household's intake in one transaction, the one path every intake takes
    (the wizard, ``import-intake``, a follow-up, demo data): the role, the document's
    rules and the consent gate are checked here, not by the callers, so no path can
    skip them, and the person, enrollment, consent, gate decision, outbox rows and audit
    event commit together or not at all. With a ``key`` (the importer
    passes the document's own id, or the SHA-256 of its content, and ``content``, that
    SHA-256) the save happens once: a document already saved under the same key
    raises AlreadyImported and stores nothing (after its rules are checked, when its
    contents changed, so a corrected form still hears what is wrong with it)."""
    session.require("intake.run")
    session.require("client.create")
    conn = session.conn
    earlier = None
    if key is not None:
        earlier = conn.execute("SELECT household_id, content_sha256 FROM intake_document WHERE document_key = ?",
                               (key,)).fetchone()
        if earlier is not None and earlier[1] == content:
            raise AlreadyImported(str(earlier[0]))
    project = project_facts(conn, doc.project_id)
    default_enrollment_coc(conn, doc, project.project_id if project else None)  # 3.16
    linked = [m.link_personal_id for m in doc.members if m.link_personal_id]
    linkable = {
        row[0] for row in conn.execute(
            f"SELECT personal_id FROM person WHERE personal_id IN ({', '.join('?' * len(linked))})", linked
        )
    } if linked else set()
    for pid in linkable:
        session.require_no_conflict(pid, editing=True)
    today = session.clock.now().date()
    stored = {pid: consent_gate.stored_consents(conn, pid) for pid in linkable}
    scope = consent_gate.scope(conn, session.pack)
    problems, decisions = check_intake(session.pack, doc, project, today, linkable, stored, scope)
    if project is not None and not problems:
        problems = _text_problems(session, doc)
    if problems or project is None:
        raise IntakeRefused(problems)
    if earlier is not None:  # the same id, other contents: still not a second household
        raise AlreadyImported(str(earlier[0]), changed=True)
    locks = any(d.locks_household for d in decisions)
    window = window_hours(session.pack.timeliness, project.project_type, agency_overrides(session.settings))
    now = session.clock.now()
    now_iso = now.isoformat(timespec="seconds")
    collected = doc.collected_at
    user = session.user.user_id
    household_id = str(uuid.uuid4())
    result = IntakeResult(household_id, [], [])
    for decision in decisions:
        result.notices.extend(n.message for n in decision.notices)
    with transaction(conn):
        conn.execute("INSERT INTO household VALUES (?, ?)", (household_id, now_iso))
        if key is not None:
            conn.execute("INSERT INTO intake_document VALUES (?, ?, ?, ?, ?)",
                         (key, content or key, household_id, now_iso, user))
        queue_project_once(conn, project.project_id, user, now, window)
        for member in doc.members:
            if member.link_personal_id:
                personal_id = member.link_personal_id
            else:
                person = _person(member.client)
                insert_person(conn, person, user, now_iso)
                personal_id = person.personal_id
                enqueue(conn, "person", personal_id, "upsert", person_payload(person, user, now_iso), collected,
                        window, now, group=household_id)
                session.audit("person.created", "person", personal_id)
            result.personal_ids.append(personal_id)
            enrollment_id = str(uuid.uuid4())
            columns = {ENROLLMENT_COLUMNS[k]: v for k, v in member.enrollment.items()}
            for column in ("relationship_to_hoh", "disabling_condition"):
                if columns.get(column) is None:
                    columns[column] = 99
            columns.update(
                enrollment_id=enrollment_id, personal_id=personal_id, project_id=project.project_id,
                household_id=household_id, collected_at=collected.isoformat(timespec="seconds"),
                created_at=now_iso, updated_at=now_iso, created_by=user, updated_by=user, locked=int(locks),
            )
            columns.setdefault("entry_date", collected.date().isoformat())
            conn.execute(
                f"INSERT INTO enrollment ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                tuple(columns.values()),
            )
            result.enrollment_ids.append(enrollment_id)
            enqueue(conn, "enrollment", enrollment_id, "upsert", columns, collected, window, now, group=household_id)
            entry_day = date.fromisoformat(columns["entry_date"])
            facts = member_facts(member, entry_day)
            consent = household_consent_for(session.pack, doc, member, facts)
            if consent is not None:
                _save_consent(session, conn, consent, personal_id, household_id, project, locks, collected, window,
                              doc, member, covered_project(scope, project.project_id))
            # The consent gate's answer for this member's data, kept with the enrollment.
            gate = consent_gate.decide(conn, session.pack, personal_id, entry_day, "intake", today,
                                       consent_gate.ConsentBasis((), project.populations, locks), enrollment_id)
            if not gate.may_enter:
                raise IntakeRefused([Problem("consent", gate.reason, gate.clause)])
            consent_gate.record(conn, gate, "enrollment", enrollment_id, personal_id, "intake", entry_day, user,
                                now_iso)
            session.audit("intake.saved", "person", personal_id,
                          {"enrollment_id": enrollment_id, "household_id": household_id})
    return result


def _save_consent(session: Session, conn: Connection, consent: ConsentInput, personal_id: str,
                  household_id: str, project: ProjectFacts, locks: bool, collected: datetime,
                  window: int, doc: IntakeDocument, member: MemberInput, covers: str | None) -> None:
    """MO-ROI-8: a declined ROI locks the household's records Not Shared; VT-3.1-2:
    some programs never share, whatever was asked. MO-ROI-6: where an ROI is recorded
    per project, the intake's consent covers its project (``covers``; None: every
    project of the agency)."""
    sharing = "not_shared" if locks or consent.method == "declined" else consent.sharing
    forced = set(project.populations) & set(session.pack.sharing.forced_not_shared_populations)
    if forced:
        sharing = "not_shared"
    # A refusal has nothing to expire: no date is stored for it (the rules still give a
    # locked household the pack's term, app.rules.consent.consent_end).
    expires = None if consent.method == "declined" else consent.expires_on or roi_expiry(session.pack,
                                                                                          consent.signed_on)
    consent_id = str(uuid.uuid4())
    row = {
        "consent_id": consent_id, "personal_id": personal_id, "household_id": household_id,
        "project_id": project.project_id, "covers_project_id": covers, "method": consent.method,
        "sharing": sharing,
        "shared_with": json.dumps(list(consent.shared_with)), "signed_on": consent.signed_on.isoformat(),
        "expires_on": expires.isoformat() if expires else None, "attested_by": session.user.user_id,
        "witness": consent.witness or None, "verbal_reason": consent.verbal_reason or None,
        "signature_png": consent.signature_png, "created_at": session.clock.now_iso(),
    }
    if consent.signer_is_guardian and not consent.guardian_name and member.consent is None:
        # A child covered by the head of household's consent: the head signed as parent
        # or guardian (A6, VT-3.4-14).
        consent = replace(consent, guardian_name=signer_name(doc, member))
    row.update(record_columns(session, consent, language=doc.language, name=signer_name(doc, member),
                              emancipated=member.emancipated, expires_on=expires,
                              script_acknowledged=doc.script_acknowledged))
    conn.execute(f"INSERT INTO consent ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                  tuple(row.values()))
    payload: dict[str, object] = {k: v for k, v in row.items() if k != "signature_png"}
    payload["signature_captured"] = consent.signature_png is not None or consent.signature == "captured"
    enqueue(conn, "consent", consent_id, "create", payload, collected, window, session.clock.now(), group=household_id)
    session.audit("consent.recorded", "person", personal_id, {"consent_id": consent_id, "method": consent.method})
