"""One intake in progress, without a screen: its state, its steps and its checks.

The flow builds the same intake document as a paper import
(``forms/intake/intake-document.schema.json``) and asks ``app.intake.check_intake``
what is wrong with it; the steps, the branches between them and their order are the
table in ``app.intake.steps``, resolved from the state (``app.intake.flow_state``) and
the pack. Every rule (consent, sharing, required answers, who is an adult) stays in
the rules: a problem found later that belongs to an earlier step (a head of household
who turns out to be a minor, VT-3.4-14) sends the worker back to that step with the
message beside the field. The wizard's pages (``ui/wizard``) render the current step
and write answers into the state; tests walk whole intakes with no widget
(tests/test_intake_flow.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import copy, deepcopy
from dataclasses import replace
from datetime import datetime
from typing import Any, Generic, TypeVar, cast

from app.catalog import Question, QuestionCatalog, load_questions, questions_for_member
from app.domain.person import Person
from app.intake.document import (
    CLIENT_FIELDS,
    ENROLLMENT_FIELDS,
    FORMAT,
    DocumentError,
    IntakeDocument,
    MemberInput,
    parse_document,
)
from app.intake.flow_consent import ConsentSteps, as_date
from app.intake.flow_state import (
    HEAD_OF_HOUSEHOLD,
    ConsentState,
    IntakeState,
    MemberState,
    from_payload,
    new_member,
    to_payload,
)
from app.intake.household import carry_over
from app.intake.save import CLIENT_COLUMNS
from app.intake.steps import Step, StepRef, accepts, resolve_steps, step_for_path
from app.intake.validate import START, Problem, ProjectFacts, check_intake, member_facts
from app.packs import Pack
from app.projects import ProjectInfo
from app.rules.consent import ConsentDecision
from app.rules.duplicates import Candidate, find_duplicates
from app.vault.connection import Connection

_MEMBER_CONSENT = re.compile(r"members\[(\d+)\]\.consent(\..*)?")
# The person's columns a duplicate search compares (app.rules.duplicates).
_DUPLICATE_COLUMNS = ("first_name", "middle_name", "last_name", "ssn", "dob")

T = TypeVar("T")


class _InState(Generic[T]):
    """An attribute of the flow kept in its state value, so the pages read and write
    ``flow.members`` while the state stays one value a draft or a copy takes whole."""

    name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, flow: Any, owner: type | None = None) -> T:
        return cast(T, getattr(flow.state, self.name))

    def __set__(self, flow: Any, value: T) -> None:
        setattr(flow.state, self.name, value)


class IntakeFlow(ConsentSteps):
    """One intake in progress: the pack's step table resolved over the answers so far.

    Why a flow object and not the wizard: the order of the steps, where a refusal
    leads, what holds Next and which step a problem sends the worker back to are
    policy (CT-207-1, CT-207-2/3, MO-ROI-8, VT-3.4-1), so they are decided here from
    the pack and the state, where a test can walk them without a display, and the
    screens only show the step this object says is current. All that the worker typed
    or decided is ``self.state`` (``IntakeState``), one value; the pack, the projects,
    the catalog and today's date are fixed for the intake.
    """

    collected_at: _InState[datetime] = _InState()
    members: _InState[list[MemberState]] = _InState()
    project_id: _InState[str | None] = _InState()
    language: _InState[str] = _InState()
    ticked: _InState[set[str]] = _InState()
    position: _InState[int] = _InState()
    sharing_chosen: _InState[bool] = _InState()
    undecided_duplicates: _InState[set[int]] = _InState()
    shared: _InState[set[str]] = _InState()

    def __init__(self, pack: Pack, projects: list[ProjectInfo], now: datetime,
                 catalog: QuestionCatalog | None = None, state: IntakeState | None = None) -> None:
        self.pack = pack
        self.projects = projects
        self.now = now
        self.today = now.date()
        self.catalog = catalog or load_questions()
        self.state = state or self.fresh_state()

    def fresh_state(self) -> IntakeState:
        """A new intake: today's date, the pack's default sharing, one head of household."""
        consent = ConsentState(consent_date=self.today.isoformat(), consent_time=self.now.strftime("%H:%M"),
                               sharing=self.pack.sharing.default)
        only = self.projects[0].project_id if len(self.projects) == 1 else None
        return IntakeState(collected_at=self.now, consent=consent, members=[self.new_member(HEAD_OF_HOUSEHOLD)],
                           project_id=only)

    def with_consent(self, consent: ConsentState) -> IntakeFlow:
        """A scratch copy of this intake with other consent answers, to ask the rules
        "what if" (``sharing_locks``) without touching the worker's answers."""
        scratch = copy(self)
        scratch.state = replace(self.state, consent=consent)
        return scratch

    # -- steps ------------------------------------------------------------------------

    def new_member(self, relationship: int | None = None) -> MemberState:
        return new_member(self.today.isoformat(), relationship)

    def steps(self) -> list[StepRef]:
        """This intake's steps now, from ``app.intake.steps.STEP_TABLE``."""
        return resolve_steps(self)

    @property
    def current(self) -> StepRef:
        steps = self.steps()
        self.position = max(0, min(self.position, len(steps) - 1))
        return steps[self.position]

    def go_to(self, ref: StepRef) -> None:
        steps = self.steps()
        self.position = steps.index(ref) if ref in steps else self.position

    def back(self) -> None:
        self.position = max(0, self.position - 1)

    def is_complete(self, ref: StepRef) -> bool:
        """Whether the worker has done what the step asks, so Next may be pressed (the
        table's ``accept``)."""
        return accepts(self, ref)

    @property
    def script_point_ids(self) -> set[str]:
        from app.catalog import load_script

        return {p.id for p in load_script(self.pack.id, self.language).points}

    def advance(self) -> list[Problem]:
        """Move on, or return the problems that hold the worker here or send them back.

        Problems of a step not yet reached do not block; a problem of the current or
        an earlier step does, and the position moves to the earliest such step.
        """
        here = self.current
        if not self.is_complete(here):
            return []
        if here.step is Step.SHARING:
            self.sharing_chosen = True
        order = self.steps()
        problems = [p for p in self.check()[0]
                    if order.index(self.step_of(p.path)) <= self.position and not self._age_unknown_yet(p)]
        if problems:
            return self.back_to(problems)
        self.position = min(self.position + 1, len(order) - 1)
        return []

    def back_to(self, problems: list[Problem]) -> list[Problem]:
        """Go to the earliest step that shows one of ``problems`` (found by Next, or by
        the save's own check) and return the problems of that step."""
        order = self.steps()
        if not problems:
            return []
        self.position = min(order.index(self.step_of(p.path)) for p in problems)
        return [p for p in problems if self.step_of(p.path) == self.current]

    def step_of(self, path: str) -> StepRef:
        """The step that shows the field a problem's path names (``app.intake.steps``);
        a step this intake does not have gives way to the one that stands for it."""
        ref = step_for_path(path, len(self.members))
        steps = self.steps()
        if ref in steps:
            return ref
        if path == "consent" and StepRef(Step.DECLINED) in steps:
            return StepRef(Step.DECLINED)
        return StepRef(Step.SHARING) if path.startswith("consent") else steps[-1]

    # -- the project ------------------------------------------------------------------

    @property
    def project(self) -> ProjectInfo | None:
        return next((p for p in self.projects if p.project_id == self.project_id), None)

    def project_facts(self) -> ProjectFacts | None:
        project = self.project
        return ProjectFacts(project.project_id, project.project_type, project.populations) if project else None

    # -- members and questions --------------------------------------------------------

    def member_input(self, index: int) -> MemberInput:
        answers = self.members[index].answers
        return MemberInput({k: v for k, v in answers.items() if k in CLIENT_FIELDS},
                           {k: v for k, v in answers.items() if k in ENROLLMENT_FIELDS},
                           emancipated=index == 0 and self.consent.emancipated)

    def questions(self, index: int) -> tuple[Question, ...]:
        """The catalog's questions for this member now, dependent fields included only
        while their trigger holds (HUD: a hidden dependent field is stored as null)."""
        project = self.project
        if project is None:
            return ()
        answers = self.members[index].answers
        if answers.get("RelationshipToHoH") == 1 and not answers.get("EnrollmentCoC") and project.descriptors.coc_code:
            answers["EnrollmentCoC"] = project.descriptors.coc_code  # 3.16 defaults to the project's CoC
        member = self.member_input(index)
        entry = as_date(member.enrollment.get("EntryDate"))
        facts = member_facts(member, entry)
        asked = questions_for_member(self.catalog, project_type=project.project_type, is_adult=facts.is_adult,
                                     is_head_of_household=facts.is_hoh, stage=START,
                                     answers=self.members[index].answers)
        return tuple(q for q in asked if q.record.value in ("Client", "Enrollment") and not q.per_contact)

    def applicable_fields(self) -> list[str]:
        """Every field any member could be asked in this project, in display order."""
        project = self.project
        if project is None:
            return []
        seen: list[str] = []
        for adult in (True, False):
            for hoh in (True, False):
                for q in questions_for_member(self.catalog, project_type=project.project_type, is_adult=adult,
                                              is_head_of_household=hoh, stage=START):
                    if q.record.value in ("Client", "Enrollment") and not q.per_contact and q.field not in seen:
                        seen.append(q.field)
        order = [q.field for q in self.catalog.questions]
        return sorted(seen, key=order.index)

    def add_member(self) -> int:
        self.members.append(self.new_member())
        return len(self.members) - 1

    def prefill_person(self, answers: dict[str, str]) -> None:
        """Start a one-person household with what the worker already typed (the names
        in the search box when "New person…" was pressed)."""
        self.members = [self.new_member(HEAD_OF_HOUSEHOLD)]
        self.members[0].answers.update({k: v for k, v in answers.items() if v})

    def prefill_linked(self, members: list[dict[str, Any]]) -> None:
        """Start a re-engagement: people on file, each linked to their record, with
        their stored answers (``app.reengage.reengagement_members``)."""
        self.members = []
        for member in members:
            state = self.new_member()
            state.answers.update({k: v for k, v in member["answers"].items() if v not in (None, "")})
            state.link_personal_id = member["link_personal_id"]
            self.members.append(state)
        if not self.members:
            self.members = [self.new_member(HEAD_OF_HOUSEHOLD)]

    def remove_member(self, index: int) -> None:
        if 0 < index < len(self.members):
            del self.members[index]

    def member_label(self, index: int) -> str:
        answers = self.members[index].answers
        return " ".join(str(answers[k]) for k in ("FirstName", "LastName") if answers.get(k))

    # -- the document -----------------------------------------------------------------

    def build_document(self) -> dict[str, Any]:
        """The intake as the JSON document ``parse_document`` reads."""
        members: list[dict[str, Any]] = []
        consent = self.consent_dict()
        for i, state in enumerate(self.members):
            shown = {q.field for q in self.questions(i)}
            answers = {k: v for k, v in state.answers.items() if k in shown and v not in (None, "")}
            member: dict[str, Any] = {
                "client": {k: v for k, v in answers.items() if k in CLIENT_FIELDS},
                "enrollment": {k: v for k, v in answers.items() if k in ENROLLMENT_FIELDS},
            }
            if state.link_personal_id:
                member["link_personal_id"] = state.link_personal_id
            if i > 0 and state.own_consent:
                member["consent"] = deepcopy(consent)
            if i == 0 and self.consent.emancipated:
                member["emancipated"] = True
            members.append(member)
        return {
            "format": FORMAT,
            "project_id": self.project_id or "",
            "collected_at": self.collected_at.isoformat(timespec="seconds"),
            "language": self.language,
            "oral_explanation": {"acknowledged": self.is_complete(StepRef(Step.SCRIPT))},
            "consent": consent,
            "members": members,
        }

    def document(self) -> IntakeDocument:
        """The parsed document with the captured signature, which JSON does not carry."""
        doc = parse_document(self.build_document())
        if doc.consent is not None and self.consent.method == "written":
            doc.consent.signature_png = self.consent.signature_png
        for member in doc.members:
            if member.consent is not None and self.consent.method == "written":
                member.consent.signature_png = self.consent.signature_png
        return doc

    def check(self, linkable: set[str] | None = None) -> tuple[list[Problem], list[ConsentDecision]]:
        try:
            doc = self.document()
        except DocumentError as exc:
            # The document's own reading of itself: each problem is a (path, message) pair.
            return [Problem(path, message) for path, message in exc.problems], []
        problems, decisions = check_intake(self.pack, doc, self.project_facts(), self.today, linkable)
        if self.project is not None:
            problems += self._data_date_problems(problems) + self._text_blanks()
        return problems, decisions

    def problems(self, ref: StepRef | None = None) -> list[Problem]:
        ref = ref or self.current
        return [p for p in self.check()[0] if self.step_of(p.path) == ref and not self._age_unknown_yet(p)]

    def _age_unknown_yet(self, problem: Problem) -> bool:
        """Whether a member must give their own consent depends on their age (each adult
        consents for themselves where the pack says so); at the household step nobody's
        date of birth is typed yet, so the question waits until it is. Once the member's
        page has it, the problem leads back to the household step, and the save checks
        it again."""
        match = _MEMBER_CONSENT.fullmatch(problem.path)
        if match is None:
            return False
        index = int(match.group(1))
        return index < len(self.members) and not self.members[index].answers.get("DOB")

    def duplicate_values(self, index: int) -> dict[str, str]:
        """What a duplicate search compares for a member (names, SSN, date of birth), as
        the person's columns; empty when there is no name to compare."""
        return duplicate_values(self.members[index].answers)

    def duplicates(self, conn: Connection, index: int) -> list[Candidate]:
        """Possible matches on the device for a member about to be created."""
        return find_candidates(conn, self.duplicate_values(index))

    def carry_over(self, index: int) -> list[str]:
        """Start member ``index`` from the head's answers (``app.intake.household``)."""
        return carry_over(self.members, index, self.shared, self.today.isoformat())

    # -- drafts -----------------------------------------------------------------------

    def to_payload(self) -> dict[str, Any]:
        return to_payload(self.state)

    def restore(self, payload: dict[str, Any]) -> None:
        self.state = from_payload(payload, self.fresh_state())

    def forget(self) -> None:
        """Drop every answer (the draft in the vault is what survives a lock)."""
        self.state = self.fresh_state()

    def start_at(self, now: datetime) -> None:
        """A fresh intake collected at ``now``, for a flow made earlier (a wizard built
        while the app was idle): the consent's date and time, each member's entry date
        and the collection time are those of ``now``, never of when the flow was made."""
        self.now = now
        self.today = now.date()
        self.state = self.fresh_state()

    @property
    def has_typing(self) -> bool:
        """Whether there is anything worth keeping as a draft."""
        return bool(self.ticked) or any(
            k not in ("EntryDate", "RelationshipToHoH") for m in self.members for k in m.answers
        ) or self.consent.signature_png is not None or self.position > 0


def duplicate_values(answers: Mapping[str, Any]) -> dict[str, str]:
    """The person's columns a duplicate search compares, from a member's answers (HUD
    CSV names); a date of birth that is not a date is left out, and without a first
    or last name there is nothing to compare."""
    values: dict[str, str] = {}
    for csv_name, column in CLIENT_COLUMNS.items():
        value = answers.get(csv_name)
        if value not in (None, "") and column in _DUPLICATE_COLUMNS:
            values[column] = str(value)
    if not (values.get("first_name") or values.get("last_name")):
        return {}
    if "dob" in values and as_date(values["dob"]) is None:
        del values["dob"]
    return values


def find_candidates(conn: Connection, values: Mapping[str, str]) -> list[Candidate]:
    """Possible matches on the device for these values (``duplicate_values``): a plain
    function of a connection, so a page may run it on a worker's own connection."""
    if not values:
        return []
    columns: dict[str, Any] = dict(values)
    return find_duplicates(conn, Person(**columns))
