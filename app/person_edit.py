"""Correcting a person's details after the intake saved them (HUD 3.01-3.03, 3.07,
4.21, 1.8 are "correctable at any update").

An edit passes the same identity rules as the intake (``app.intake.validate``: name
with its data quality, SSN digits against the SSN data quality, a real date of birth
that is not in the future), only answers HUD defines for the demographic questions,
then goes through ``app.people.update_person``: the consent gate decides it for the
day (MO-ROI-10, CT-207-1), it is audited with the names of the fields that changed
(never their values, CT-207-12) and queued for sync. Only a role that may change the
full record (``client.edit_full``) corrects details after the save."""

from __future__ import annotations

import dataclasses
from datetime import date

from app.catalog import load_questions
from app.consent_gate import ConsentBasis
from app.domain.person import PERSON_COLUMNS, RACE_FIELDS, Person, person_from_row
from app.errors import UserFacingError
from app.intake.document import MemberInput
from app.intake.validate import Problem, check_identity
from app.people import update_person
from app.session import Session

# Person attribute -> the HUD field the intake document (and its rules) call it.
IDENTITY_KEYS = {
    "first_name": "FirstName", "middle_name": "MiddleName", "last_name": "LastName", "name_suffix": "NameSuffix",
    "name_data_quality": "NameDataQuality", "ssn": "SSN", "ssn_data_quality": "SSNDataQuality", "dob": "DOB",
    "dob_data_quality": "DOBDataQuality",
}
# Person attribute -> the HUD code list its answer comes from.
CHOICE_LISTS = {
    "name_data_quality": "3.01.5", "ssn_data_quality": "3.02.2", "dob_data_quality": "3.03.2", "sex": "4.21",
    "veteran_status": "1.8", "race_none": "1.6", **dict.fromkeys(RACE_FIELDS, "1.10"),
}
EDITABLE = tuple(c for c in PERSON_COLUMNS if c not in ("personal_id", "is_demo"))


class PersonProblems(UserFacingError):
    """The edit breaks the intake's rules; ``problems`` name the person's fields
    (``Problem.path`` is a ``Person`` attribute). Nothing was stored."""

    exit_code = 10

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(" ".join(p.message for p in problems))


def check_person(person: Person, today: date) -> tuple[Person, list[Problem]]:
    """The person with SSN and date of birth written as stored, and every problem."""
    client: dict[str, object] = {key: getattr(person, attr) for attr, key in IDENTITY_KEYS.items()}
    problems: list[Problem] = []
    check_identity(MemberInput(client, {}), "person", today, problems)
    attribute = {key: attr for attr, key in IDENTITY_KEYS.items()}
    found = [dataclasses.replace(p, path=attribute.get(p.path.rsplit(".", 1)[-1], p.path)) for p in problems]
    catalog = load_questions()
    for attr, list_id in CHOICE_LISTS.items():
        value = getattr(person, attr)
        if value is not None and value not in catalog.code_list(list_id):
            found.append(Problem(attr, "This is not one of the answers HUD defines for this question."))
    # check_identity normalised SSN and DOB in the client mapping, whose values are typed object.
    cleaned = dataclasses.replace(person, ssn=client.get("SSN") or None, dob=client.get("DOB") or None,  # type: ignore[arg-type]
                                  ssn_data_quality=int(client.get("SSNDataQuality") or person.ssn_data_quality))  # type: ignore[call-overload]
    return cleaned, found


def current_person(session: Session, personal_id: str) -> Person:
    row = session.conn.execute(
        f"SELECT {', '.join(PERSON_COLUMNS)} FROM person WHERE personal_id = ? AND deleted_at IS NULL",
        (personal_id,),
    ).fetchone()
    if row is None:
        raise UserFacingError("That record does not exist on this device.")
    return person_from_row(row)


def edit_person(session: Session, edited: Person, basis: ConsentBasis | None = None) -> tuple[str, ...]:
    """Store the corrected details; returns the names of the fields that changed (none:
    nothing is written). Refuses with ``PersonProblems`` (the intake's rules),
    ``ConsentNeeded`` (the gate's hold, naming its clause) or ``PermissionDenied``."""
    session.require("client.edit_full")
    session.require_no_conflict(edited.personal_id, editing=True)
    before = current_person(session, edited.personal_id)
    cleaned, problems = check_person(dataclasses.replace(edited, is_demo=before.is_demo), session.clock.now().date())
    if problems:
        raise PersonProblems(problems)
    changed = tuple(f for f in EDITABLE if getattr(before, f) != getattr(cleaned, f))
    if changed:
        update_person(session, cleaned, basis=basis, changed=changed)
    return changed
