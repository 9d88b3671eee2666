"""The intake wizard's state and step logic, without a widget.

The wizard builds the same intake document as a paper import
(``forms/intake/intake-document.schema.json``) and asks ``app.intake.check_intake``
what is wrong with it; this module only decides which step a problem belongs to and
in which order the steps come. Every rule (consent, sharing, required answers, who
is an adult) stays in ``app/``: a problem found later that belongs to an earlier
step (a head of household who turns out to be a minor, VT-3.4-14) sends the worker
back to that step with the message beside the field.
"""

from __future__ import annotations

import base64
import copy
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from enum import Enum
from typing import Any

from app.catalog import Question, QuestionCatalog, load_questions, questions_for_member
from app.domain.person import Person
from app.intake import DocumentError, IntakeDocument, Problem, check_intake, parse_document
from app.intake.document import CLIENT_FIELDS, ENROLLMENT_FIELDS, FORMAT, MemberInput
from app.intake.save import CLIENT_COLUMNS
from app.intake.validate import START, ProjectFacts, member_facts
from app.packs import Pack
from app.projects import ProjectInfo
from app.rules.consent import ConsentDecision
from app.rules.duplicates import Candidate, find_duplicates
from app.vault.connection import Connection
from ui.wizard.flow_consent import (  # noqa: F401  (re-exported for the pages)
    BLANK_IN_SIGNED_TEXT,
    CHOICE_PLACEHOLDERS,
    ConsentState,
    ConsentSteps,
    SharingLock,
    as_date,
)

HEAD_OF_HOUSEHOLD = 1
_MEMBER_PATH = re.compile(r"^members\[(\d+)\]\.(client|enrollment|consent|link_personal_id|emancipated)")
# Consent problems about the client's choices (share or not, with whom, what, until
# when, who consents, the DV permissions) belong to the choices step before the signature.
_SHARING_FIELDS = ("consent.release", "consent.shared_with", "consent.shared_information", "consent.expires_on",
                   "consent.signer", "consent.dv_permission", "consent.sharing")


class Step(Enum):
    PROJECT = "project"
    SCRIPT = "script"
    SHARING = "sharing"
    CONSENT = "consent"
    DECLINED = "declined"
    HOUSEHOLD = "household"
    MEMBER = "member"
    DUPLICATES = "duplicates"
    REVIEW = "review"


@dataclass(frozen=True)
class StepRef:
    step: Step
    member: int = 0


@dataclass
class MemberState:
    answers: dict[str, Any] = field(default_factory=dict)
    own_consent: bool = False
    link_personal_id: str | None = None
    # The worker compared a likely match and said "not the same person".
    new_confirmed: bool = False


_MEMBER_CONSENT = re.compile(r"members\[(\d+)\]\.consent(\..*)?")


class IntakeFlow(ConsentSteps):
    """One intake in progress: the answers so far and where the worker is."""

    def __init__(self, pack: Pack, projects: list[ProjectInfo], now: datetime,
                 catalog: QuestionCatalog | None = None) -> None:
        self.pack = pack
        self.projects = projects
        self.collected_at = now
        self.today = now.date()
        self.catalog = catalog or load_questions()
        self.project_id: str | None = projects[0].project_id if len(projects) == 1 else None
        self.language = "en"
        self.ticked: set[str] = set()
        self.consent = ConsentState(consent_date=self.today.isoformat(), consent_time=now.strftime("%H:%M"),
                                    sharing=pack.sharing.default)
        self.members: list[MemberState] = [self.new_member(HEAD_OF_HOUSEHOLD)]
        self.position = 0
        self.sharing_chosen = False
        # Members with a likely match on the device the worker has not yet decided on;
        # kept by the duplicate step, which holds Next until each is decided.
        self.undecided_duplicates: set[int] = set()
        # Answers the worker marked as the same for the whole household (flow_household).
        self.shared: set[str] = set()

    # -- steps ------------------------------------------------------------------------

    def new_member(self, relationship: int | None = None) -> MemberState:
        answers: dict[str, Any] = {"EntryDate": self.today.isoformat()}
        if relationship is not None:
            answers["RelationshipToHoH"] = relationship
        return MemberState(answers)

    def steps(self) -> list[StepRef]:
        """The client's choices come before the text they sign, so it is complete. A
        refusal has nothing to sign: where the pack lets no data in without consent
        (CT-207-1) the intake ends at "nothing was recorded"; elsewhere it goes on Not
        Shared (VT-3.4-1) or locked (MO-ROI-8)."""
        head = [StepRef(Step.PROJECT), StepRef(Step.SCRIPT), StepRef(Step.SHARING)]
        if self.declined:
            if self.declined_refuses_data():
                return [*head, StepRef(Step.DECLINED)]
        else:
            head.append(StepRef(Step.CONSENT))
        head.append(StepRef(Step.HOUSEHOLD))
        people = [StepRef(Step.MEMBER, i) for i in range(len(self.members))]
        return head + people + [StepRef(Step.DUPLICATES), StepRef(Step.REVIEW)]

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
        """Whether the worker has done what the step asks, so Next may be pressed.

        CT-207-2/3: every point of the oral explanation is ticked before any data
        entry; which points exist comes from the pack's script.
        """
        if ref.step is Step.PROJECT:
            return self.project is not None
        if ref.step is Step.SCRIPT:
            return bool(self.script_point_ids) and self.script_point_ids <= self.ticked
        if ref.step is Step.DECLINED:
            return False  # the end of a refused intake: Finish, not Next
        if ref.step is Step.DUPLICATES:
            return not self.undecided_duplicates
        return True

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
            self.position = min(order.index(self.step_of(p.path)) for p in problems)
            return [p for p in problems if self.step_of(p.path) == self.current]
        self.position = min(self.position + 1, len(order) - 1)
        return []

    def step_of(self, path: str) -> StepRef:
        """The step that shows the field a problem's path names."""
        ref = self._step_of(path)
        steps = self.steps()
        if ref in steps:
            return ref
        if path == "consent" and StepRef(Step.DECLINED) in steps:
            return StepRef(Step.DECLINED)
        return StepRef(Step.SHARING) if path.startswith("consent") else steps[-1]

    def _step_of(self, path: str) -> StepRef:
        if path.startswith("project_id"):
            return StepRef(Step.PROJECT)
        if path.startswith("consent.script"):
            return StepRef(Step.SCRIPT)
        if path.startswith(_SHARING_FIELDS):
            return StepRef(Step.SHARING)
        if path.startswith("consent"):
            return StepRef(Step.CONSENT)
        match = _MEMBER_PATH.match(path)
        if match:
            index, part = int(match.group(1)), match.group(2)
            if index >= len(self.members):
                return StepRef(Step.HOUSEHOLD)
            if part in ("consent", "emancipated"):
                return StepRef(Step.HOUSEHOLD)
            if part == "link_personal_id":
                return StepRef(Step.DUPLICATES)
            return StepRef(Step.MEMBER, index)
        if path.startswith("members"):
            return StepRef(Step.HOUSEHOLD)
        return StepRef(Step.REVIEW)

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
                member["consent"] = copy.deepcopy(consent)
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
            return [Problem(exc.path, str(exc).split(": ", 1)[-1])], []
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

    def duplicates(self, conn: Connection, index: int) -> list[Candidate]:
        """Possible matches on the device for a member about to be created."""
        answers = self.members[index].answers
        values: dict[str, Any] = {}
        for csv_name, column in CLIENT_COLUMNS.items():
            value = answers.get(csv_name)
            if value not in (None, "") and column in ("first_name", "middle_name", "last_name", "ssn", "dob"):
                values[column] = str(value)
        if not (values.get("first_name") or values.get("last_name")):
            return []
        if "dob" in values and as_date(values["dob"]) is None:
            del values["dob"]
        return find_duplicates(conn, Person(**values))

    # -- drafts -----------------------------------------------------------------------

    def to_payload(self) -> dict[str, Any]:
        consent = asdict(self.consent)
        png = consent.pop("signature_png")
        consent["signature_png_b64"] = base64.b64encode(png).decode("ascii") if png else None
        return {
            "version": 1,
            "position": self.position,
            "collected_at": self.collected_at.isoformat(),
            "project_id": self.project_id,
            "language": self.language,
            "ticked": sorted(self.ticked),
            "sharing_chosen": self.sharing_chosen,
            "consent": consent,
            "members": [asdict(m) for m in self.members],
            "shared": sorted(self.shared),
        }

    def restore(self, payload: dict[str, Any]) -> None:
        self.collected_at = datetime.fromisoformat(payload.get("collected_at") or self.collected_at.isoformat())
        self.project_id = payload.get("project_id")
        self.language = payload.get("language") or "en"
        self.ticked = set(payload.get("ticked") or ())
        self.sharing_chosen = bool(payload.get("sharing_chosen"))
        raw = dict(payload.get("consent") or {})
        png = raw.pop("signature_png_b64", None)
        known = {f.name for f in fields(ConsentState)}
        self.consent = ConsentState(**{k: v for k, v in raw.items() if k in known})
        self.consent.signature_png = base64.b64decode(png) if png else None
        members = [MemberState(dict(m.get("answers") or {}), bool(m.get("own_consent")), m.get("link_personal_id"),
                               bool(m.get("new_confirmed")))
                   for m in payload.get("members") or ()]
        self.members = members or [self.new_member(HEAD_OF_HOUSEHOLD)]
        self.position = int(payload.get("position") or 0)
        self.shared = set(payload.get("shared") or ())

    def forget(self) -> None:
        """Drop every answer (the draft in the vault is what survives a lock)."""
        self.members = [self.new_member(HEAD_OF_HOUSEHOLD)]
        self.consent = ConsentState(consent_date=self.today.isoformat(), sharing=self.pack.sharing.default)
        self.ticked = set()

    @property
    def has_typing(self) -> bool:
        """Whether there is anything worth keeping as a draft."""
        return bool(self.ticked) or any(
            k not in ("EntryDate", "RelationshipToHoH") for m in self.members for k in m.answers
        ) or self.consent.signature_png is not None or self.position > 0
