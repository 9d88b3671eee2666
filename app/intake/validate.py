"""Every rule an intake must pass before anything is stored, as field-level problems.

"Client doesn't know" and "Client prefers not to answer" are always valid answers
(CT-207-5, MO-RIGHTS-5): a required question is satisfied by 8, 9 or 99, never a
blocker. What blocks is a malformed answer, a broken household, or a consent the
pack does not accept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.catalog import QuestionCatalog, load_questions, questions_for_member
from app.domain.age import age_on
from app.errors import ValidationError
from app.intake.document import ConsentInput, IntakeDocument, MemberInput
from app.packs import Pack
from app.rules.consent import (
    ConsentDecision,
    ConsentRequest,
    Scope,
    StoredConsent,
    cite,
    decide_entry,
    evaluate_consent,
)
from app.rules.validation import parse_dob, parse_ssn, ssn_quality_conflict

DONT_KNOW, REFUSED, NOT_COLLECTED = 8, 9, 99
START = 1  # 5.03 DataCollectionStage: project start


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    clause: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        why = f" ({self.clause})" if self.clause else ""
        return f"{where}{self.message}{why}"


@dataclass
class ProjectFacts:
    project_id: str
    project_type: int
    populations: tuple[str, ...]


@dataclass
class MemberFacts:
    dob: date | None
    is_adult: bool
    is_hoh: bool


def _catalog() -> QuestionCatalog:
    return load_questions()


def member_facts(member: MemberInput, entry: date | None) -> MemberFacts:
    dob_text = member.client.get("DOB")
    dob = None
    if isinstance(dob_text, str):
        try:
            dob = date.fromisoformat(dob_text)
        except ValueError:
            dob = None
    # An unknown age is treated as adult: more questions asked, none skipped.
    adult = dob is None or entry is None or age_on(dob, entry) >= 18
    return MemberFacts(dob, adult, member.relationship == 1)


def consent_request(consent: ConsentInput, doc: IntakeDocument, member: MemberInput,
                    facts: MemberFacts, project: ProjectFacts) -> ConsentRequest:
    return ConsentRequest(
        # ConsentInput keeps method and sharing as str; the consent rules check them against the Literal sets.
        method=consent.method,  # type: ignore[arg-type]
        sharing=consent.sharing,  # type: ignore[arg-type]
        signed_on=consent.signed_on,
        script_acknowledged=doc.script_acknowledged,
        shared_with=consent.shared_with,
        expires_on=consent.expires_on,
        signature_captured=consent.signature == "captured",
        paper_form_attested=consent.signature == "paper_attested",
        verbal_reason=consent.verbal_reason,
        witness=consent.witness,
        first_contact_by_phone=consent.first_contact_by_phone,
        release_to_share_signed=consent.release_to_share_signed,
        client_dob=facts.dob,
        emancipated=member.emancipated,
        signer_is_guardian=consent.signer_is_guardian,
        possible_dv_victim=consent.possible_dv_victim,
        dv_permission_to_enter=consent.dv_permission_to_enter,
        dv_permission_to_share=consent.dv_permission_to_share,
        project_populations=project.populations,
    )


def household_consent_for(pack: Pack, doc: IntakeDocument, member: MemberInput,
                          facts: MemberFacts) -> ConsentInput | None:
    """Whose consent covers this member: their own; else the household's where one
    covers all (MO-ROI-3) or for the head of household; a child is covered by the
    head's consent given as parent or guardian (A6, A14); another adult is not."""
    if member.consent is not None:
        return member.consent
    if doc.consent is None:
        return None
    if pack.consent.household_covered_by_one or facts.is_hoh:
        return doc.consent
    if not facts.is_adult:
        return replace(doc.consent, signer_is_guardian=True)
    return None


def _check_answer(question: Any, value: Any, path: str, catalog: QuestionCatalog, today: date,
                  problems: list[Problem], refused_clause: str | None = None) -> None:
    if value is None or value == "":
        if question.required and question.kind.value == "choice":
            problems.append(Problem(path, "Choose an answer; \u201cClient doesn't know\u201d and "
                                          "\u201cClient prefers not to answer\u201d are accepted.",
                                    refused_clause))
        elif question.required and question.kind.value == "text":  # 3.16 Enrollment CoC, for the HoH
            problems.append(Problem(path, "Enter the Continuum of Care code, such as NY-600; the project's "
                                          "CoC code fills it in when the project has one."))
        return
    kind = question.kind.value
    if kind == "choice":
        codes = {c.code for c in catalog.lists[question.code_list].codes} if question.code_list else set()
        if not isinstance(value, int) or (codes and value not in codes):
            problems.append(Problem(path, "This is not one of the answers HUD defines for this question."))
    elif kind == "date":
        try:
            moment = date.fromisoformat(str(value))
        except ValueError:
            problems.append(Problem(path, "Enter a real date as YYYY-MM-DD."))
            return
        if moment > today:
            problems.append(Problem(path, "This date cannot be in the future."))
    elif kind == "text":
        text = str(value)
        if question.max_length and len(text) > question.max_length:
            problems.append(Problem(path, f"Use at most {question.max_length} characters."))
        if question.pattern and not re.fullmatch(question.pattern, text):
            problems.append(Problem(path, "This is not in the expected form."))


def check_identity(member: MemberInput, path: str, today: date, problems: list[Problem]) -> None:
    client = member.client
    name_dq = client.get("NameDataQuality", NOT_COLLECTED)
    if name_dq in (1, 2) and not (client.get("FirstName") or client.get("LastName")):
        problems.append(Problem(f"{path}.client.FirstName", "Enter a name, or choose why it is missing."))
    for key in ("FirstName", "MiddleName", "LastName", "NameSuffix"):
        value = client.get(key)
        if isinstance(value, str) and len(value) > 50:
            problems.append(Problem(f"{path}.client.{key}", "Use at most 50 characters."))
    ssn = client.get("SSN")
    if ssn not in (None, ""):
        try:
            entry = parse_ssn(str(ssn)[-4:] if str(ssn).lower().startswith("xxxxx") else str(ssn))
            client["SSN"] = entry.value
            if client.get("SSNDataQuality") in (None, NOT_COLLECTED):
                client["SSNDataQuality"] = entry.data_quality
        except ValidationError as exc:
            problems.append(Problem(f"{path}.client.SSN", str(exc)))
        conflict = ssn_quality_conflict(str(ssn), client.get("SSNDataQuality"))
        if conflict:
            problems.append(Problem(f"{path}.client.SSN", conflict))
    elif client.get("SSNDataQuality") in (1, 2):
        problems.append(Problem(f"{path}.client.SSN", "Enter the SSN, or choose why it is missing."))
    dob = client.get("DOB")
    if dob not in (None, ""):
        try:
            client["DOB"] = parse_dob(str(dob), today)
        except ValidationError as exc:
            problems.append(Problem(f"{path}.client.DOB", str(exc)))
    elif client.get("DOBDataQuality") in (1, 2):
        problems.append(Problem(f"{path}.client.DOB", "Enter the date of birth, or choose why it is missing."))


def proposed_consent(decision: ConsentDecision, consent: ConsentInput,
                     project_id: str | None = None) -> StoredConsent:
    """The consent an intake is about to record, as the entry rules read a stored one
    (``project_id``: the project it covers, where an ROI is recorded per project)."""
    return StoredConsent(consent.method, consent.signed_on, decision.expires_on, None, "\uffff",
                         decision.sharing, project_id)


def covered_project(scope: Scope, project_id: str) -> str | None:
    """MO-ROI-6, A19: the project an ROI recorded now covers; None (every project of
    the agency) where the agency keeps one ROI for all."""
    return project_id if scope == "project" else None


def _gate_problem(path: str, gate_reason: str, clause: str | None) -> Problem:
    message = gate_reason.removesuffix(f" ({clause}).") + "." if clause else gate_reason
    return Problem(path, message.replace("..", "."), clause)


def _entry_date(member: MemberInput) -> date | None:
    entry_text = member.enrollment.get("EntryDate")
    try:
        return date.fromisoformat(str(entry_text)) if entry_text else None
    except ValueError:
        return None


def _check_answers(pack: Pack, catalog: QuestionCatalog, project: ProjectFacts, member: MemberInput, facts: MemberFacts,
                   path: str, today: date, problems: list[Problem]) -> None:
    """The member's answers to the questions the intake asks of them."""
    questions = questions_for_member(
        catalog, project_type=project.project_type, is_adult=facts.is_adult,
        is_head_of_household=facts.is_hoh, stage=START,
        answers={**member.client, **member.enrollment},
    )
    for question in questions:
        if question.record.value not in ("Client", "Enrollment") or question.per_contact:
            continue  # 4.12 contacts and exits are recorded by their own workflows
        record = member.client if question.record.value == "Client" else member.enrollment
        if question.field in ("SSN", "DOB", "FirstName", "LastName"):
            continue  # checked with their data-quality codes above
        _check_answer(question, record.get(question.field), f"{path}.{question.record.value.lower()}."
                      f"{question.field}", catalog, today, problems, cite(pack, "answer_refused"))


def _check_member_consent(pack: Pack, doc: IntakeDocument, project: ProjectFacts, member: MemberInput,
                          facts: MemberFacts, path: str, entry: date | None, today: date,
                          stored: Mapping[str, Sequence[StoredConsent]] | None,
                          problems: list[Problem], scope: Scope) -> ConsentDecision | None:
    """The member's consent as captured, and whether the data's own date falls under it."""
    consent = household_consent_for(pack, doc, member, facts)
    day = entry or doc.collected_at.date()
    on_file = list((stored or {}).get(member.link_personal_id or "", ()))
    if consent is None and on_file:
        # A client on file enrolled again without a new consent: the ROIs on file must
        # cover this project and the day (MO-ROI-6, MO-ROI-10, MO-ROI-11).
        gate = decide_entry(pack, on_file, day, today, project.populations, False, project.project_id, scope)
        if not gate.may_enter:
            problems.append(_gate_problem(f"{path}.consent", gate.reason, gate.clause))
        return None
    if consent is None:
        if pack.consent.consent_before_any_data:
            clause = cite(pack, "consent_before_data")
            message = ("Record the client's consent before any data." if facts.is_hoh or
                       pack.consent.household_covered_by_one else
                       "Each adult in the household gives their own consent.")
            problems.append(Problem(f"{path}.consent", message, clause))
        return None
    decision = evaluate_consent(pack, consent_request(consent, doc, member, facts, project), today)
    for p in decision.problems:
        problems.append(Problem(f"{path}.consent.{p.field}" if member.consent else f"consent.{p.field}",
                                p.message, p.clause))
    if not decision.may_enter_data and not decision.problems:
        problems.append(Problem("consent", "Without the client's consent no data can be entered.",
                                cite(pack, "consent_before_data")))
    elif decision.may_enter_data:
        proposed = proposed_consent(decision, consent, covered_project(scope, project.project_id))
        gate = decide_entry(pack, [*on_file, proposed], day, today, project.populations, decision.locks_household,
                            project.project_id, scope)
        if not gate.may_enter:
            problems.append(_gate_problem(f"{path}.enrollment.EntryDate", gate.reason, gate.clause))
    return decision


def check_intake(pack: Pack, doc: IntakeDocument, project: ProjectFacts | None, today: date,
                 linkable: set[str] | None = None,
                 stored: Mapping[str, Sequence[StoredConsent]] | None = None,
                 scope: Scope = "agency") -> tuple[list[Problem], list[ConsentDecision]]:
    """All problems with an intake, and the consent decision for each member.

    Besides the consent as captured, the data's own date is checked against the
    consents that would then be on file (``stored`` holds those of linked people):
    an entry dated after the release expired (MO-ROI-10) or before it, or in a gap
    between two releases (MO-ROI-11), is refused like any other problem. Where an ROI
    is recorded per project (``scope``, MO-ROI-6, A19) the intake's consent covers the
    document's project, and a linked member whose ROIs name only other projects is
    refused until the document carries one for this project."""
    catalog = _catalog()
    problems: list[Problem] = []
    decisions: list[ConsentDecision] = []
    if project is None:
        return [Problem("project_id", "This project does not exist on this device.")], []
    heads = [i for i, m in enumerate(doc.members) if m.relationship == 1]
    if len(heads) != 1:
        problems.append(Problem("members", "A household has exactly one head of household "
                                           f"(this one has {len(heads)})."))
    if doc.collected_at.date() > today:
        problems.append(Problem("collected_at", "The collection time cannot be in the future."))
    for i, member in enumerate(doc.members):
        path = f"members[{i}]"
        if member.link_personal_id and linkable is not None and member.link_personal_id not in linkable:
            problems.append(Problem(f"{path}.link_personal_id", "That person is not on this device."))
        check_identity(member, path, today, problems)
        entry = _entry_date(member)
        facts = member_facts(member, entry)
        if facts.dob and entry and facts.dob > entry:
            problems.append(Problem(f"{path}.client.DOB", "The date of birth is after the project start."))
        _check_answers(pack, catalog, project, member, facts, path, today, problems)
        decision = _check_member_consent(pack, doc, project, member, facts, path, entry, today, stored, problems,
                                         scope)
        if decision is not None:
            decisions.append(decision)
    # One household-level consent problem is reported once, not per member.
    unique: dict[tuple[str, str], Problem] = {}
    for problem in problems:
        unique.setdefault((problem.path, problem.message), problem)
    return list(unique.values()), decisions
