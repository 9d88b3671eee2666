"""Schema of ``forms/questions/*.toml`` and the resolved question catalog.

A question is one HMIS CSV column (its table key is the column name, e.g.
``NameDataQuality``) with HUD's response codes, the members it applies to, the
collection stages and project types it is asked in, and an optional ``show_if``
condition for dependent fields (HUD: a dependent field stays null unless its parent
holds the trigger value, e.g. 3.917B, 3.12.A).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
    PositiveInt,
    field_validator,
    model_validator,
)

from app.catalog.common import Identifier, LocalizedText, NonBlank, StrictModel
from app.catalog.conditions import Condition, FieldName
from app.catalog.hud import (
    DataCollectionStage,
    ProjectType,
    QuestionType,
    Record,
    Subjects,
)

_ELEMENT = re.compile(r"^[0-9]+\.[0-9]+[A-Z]?$")


def _element_number(value: str) -> str:
    if not _ELEMENT.match(value):
        raise ValueError(f"'{value}' is not a HUD data element number like '3.01' or '3.917'")
    return value


ElementNumber = Annotated[str, AfterValidator(_element_number)]


# --------------------------------------------------------------------------- lists


class Code(StrictModel):
    """One HUD response: the integer that goes into the CSV and its label."""

    code: int = Field(ge=0)
    label: LocalizedText
    group: Identifier | None = None


class CodeListSpec(StrictModel):
    """A code list as written in a file.

    Either ``codes`` (with optional ``extends``: append the codes of other lists, as
    HUD lists append list 1.6 to their own answers) or ``base`` + ``include``: the
    named codes of a larger list, in that order (the living-situation lists of 3.917,
    4.12 and 3.12 are subsets of 3.12.1 with shared labels).
    """

    name: NonBlank
    codes: tuple[Code, ...] = ()
    extends: tuple[str, ...] = ()
    base: str | None = None
    include: tuple[int, ...] = ()
    groups: dict[Identifier, LocalizedText] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_shape(self) -> CodeListSpec:
        if self.base is not None:
            if self.codes or self.extends:
                raise ValueError("a list with 'base' takes its codes from 'include' only")
            if not self.include:
                raise ValueError("a list with 'base' needs 'include', the codes it keeps")
        elif self.include:
            raise ValueError("'include' needs 'base', the list the codes come from")
        elif not self.codes and not self.extends:
            raise ValueError("a list needs 'codes', 'extends' or 'base'")
        return self


class CodeList(StrictModel):
    """A resolved code list: every code with its label, in display order."""

    id: str
    name: str
    codes: tuple[Code, ...]
    groups: Mapping[str, LocalizedText] = Field(default_factory=dict)

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(code.code for code in self.codes)

    def __contains__(self, value: object) -> bool:
        return any(code.code == value for code in self.codes)

    def get(self, value: int) -> Code:
        """The entry for ``value``; KeyError if HUD's list has no such code."""
        for code in self.codes:
            if code.code == value:
                return code
        raise KeyError(f"code {value} is not in list {self.id} ({self.name})")

    def label(self, value: int, lang: str) -> str:
        return self.get(value).label.get(lang)


# ----------------------------------------------------------------------- questions


class Section(StrictModel):
    """A group of questions shown together; ``order`` sorts sections across files."""

    id: Identifier
    order: int
    title: LocalizedText


class Question(StrictModel):
    """One HMIS CSV column asked of a household member.

    ``stages`` are 5.03 DataCollectionStage codes; Client.csv elements (3.01-3.07,
    4.21) are collected when the record is created, i.e. at the first project start,
    and may be corrected at an update. ``per_contact`` marks elements recorded again
    at every contact (4.12 Current Living Situation) rather than once per stage.
    ``required`` means HUD expects an answer whenever the question applies and is
    shown; a required list always offers 99, which is also what a blank exports as.
    """

    field: FieldName
    element: ElementNumber
    record: Record
    kind: QuestionType = Field(alias="type")
    label: LocalizedText
    help: LocalizedText | None = None
    code_list: str | None = Field(default=None, alias="list")
    required: bool = False
    max_length: PositiveInt | None = None
    pattern: str | None = None
    subjects: Subjects
    stages: tuple[DataCollectionStage, ...] = Field(min_length=1)
    project_types: tuple[ProjectType, ...] = Field(min_length=1)
    show_if: Condition | None = None
    per_contact: bool = False

    @field_validator("project_types", mode="before")
    @classmethod
    def _all_project_types(cls, value: object) -> object:
        if value == "all":
            return tuple(ProjectType)
        if isinstance(value, str):
            raise ValueError("project_types is a list of HUD 2.02.6 codes or the word 'all'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        has_list = self.kind in (QuestionType.CHOICE, QuestionType.FLAG)
        if has_list and self.code_list is None:
            raise ValueError(f"a '{self.kind}' question needs 'list', the HUD code list it uses")
        if not has_list and self.code_list is not None:
            raise ValueError(f"a '{self.kind}' question takes no 'list'")
        if self.kind is not QuestionType.TEXT and (self.max_length or self.pattern):
            raise ValueError("'max_length' and 'pattern' apply to text questions only")
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as exc:
                raise ValueError(f"'pattern' is not a valid regular expression ({exc})") from None
        if len(set(self.stages)) != len(self.stages):
            raise ValueError("'stages' lists a stage twice")
        return self

    def applies_to(self, member: MemberContext) -> bool:
        """Whether HUD asks this element of ``member`` at this stage in this project type."""
        return (
            member.stage in self.stages
            and member.project_type in self.project_types
            and self.subjects.includes(
                is_adult=member.is_adult, is_head_of_household=member.is_head_of_household
            )
        )

    def is_shown(self, answers: Mapping[str, object], project_type: int) -> bool:
        """Whether a dependent field is asked given the answers so far.

        When this is false the field is not asked and must be stored as null.
        """
        return self.show_if is None or self.show_if.holds(answers, project_type)


class QuestionsFile(StrictModel):
    """One ``forms/questions/*.toml`` file: an optional section and code lists."""

    section: Section | None = None
    questions: dict[FieldName, Question] = Field(default_factory=dict)
    lists: dict[NonBlank, CodeListSpec] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _section_for_questions(self) -> QuestionsFile:
        if self.questions and self.section is None:
            raise ValueError("a file with questions needs a [section] table")
        return self


@dataclass(frozen=True)
class MemberContext:
    """The facts about one household member that decide which questions apply."""

    project_type: ProjectType
    is_adult: bool
    is_head_of_household: bool
    stage: DataCollectionStage


@dataclass(frozen=True)
class SectionQuestions:
    section: Section
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class QuestionCatalog:
    """Every question and code list, validated and cross-checked."""

    sections: tuple[SectionQuestions, ...]
    lists: Mapping[str, CodeList]

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions in display order (sections by ``order``, then file order)."""
        return tuple(q for s in self.sections for q in s.questions)

    def question(self, field: str) -> Question:
        for question in self.questions:
            if question.field == field:
                return question
        raise KeyError(f"no question for column {field!r}")

    def code_list(self, list_id: str) -> CodeList:
        try:
            return self.lists[list_id]
        except KeyError:
            raise KeyError(f"no code list {list_id!r}") from None

    def codes_for(self, field: str) -> CodeList:
        """The response list of a choice or flag question."""
        question = self.question(field)
        if question.code_list is None:
            raise KeyError(f"{field} is a {question.kind} question without a code list")
        return self.code_list(question.code_list)

    def applicable(self, member: MemberContext) -> tuple[Question, ...]:
        """Questions HUD asks of ``member``, before any dependent-field logic."""
        return tuple(q for q in self.questions if q.applies_to(member))

    def to_ask(self, member: MemberContext, answers: Mapping[str, object]) -> tuple[Question, ...]:
        """Applicable questions whose ``show_if`` holds for the answers given so far."""
        return tuple(q for q in self.applicable(member) if q.is_shown(answers, member.project_type))


def questions_for_member(
    catalog: QuestionCatalog,
    *,
    project_type: ProjectType | int,
    is_adult: bool,
    is_head_of_household: bool,
    stage: DataCollectionStage | int,
    answers: Mapping[str, object] | None = None,
) -> tuple[Question, ...]:
    """Which questions to ask this member now.

    Without ``answers`` this is the applicable set (HUD subjects, stage, project
    type); with them, dependent fields whose trigger does not hold are left out.
    """
    member = MemberContext(
        project_type=ProjectType(project_type),
        is_adult=is_adult,
        is_head_of_household=is_head_of_household,
        stage=DataCollectionStage(stage),
    )
    if answers is None:
        return catalog.applicable(member)
    return catalog.to_ask(member, answers)
