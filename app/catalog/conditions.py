"""The ``show_if`` grammar of question files: when a dependent field is asked.

HUD leaves a dependent field null unless its parent holds the trigger value (HMIS
CSV "Nulls"), and some elements differ by project type (3.917A / 3.917B). A
condition is a small table: ``{ field = "LivingSituation", in = [435] }``,
``{ project_type = [0, 1, 4, 8] }``, or ``all`` / ``any`` / ``none`` of a list of
conditions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, Discriminator, Field, Tag

from app.catalog.common import StrictModel
from app.catalog.hud import ProjectType

_FIELD_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def _field_name(value: str) -> str:
    if not _FIELD_NAME.match(value):
        raise ValueError(f"'{value}' is not an HMIS CSV column name (PascalCase, e.g. 'FirstName')")
    return value


FieldName = Annotated[str, AfterValidator(_field_name)]


class FieldIn(StrictModel):
    """Holds when the answer to ``field`` is one of the codes in ``in``."""

    field: FieldName
    values: tuple[int, ...] = Field(alias="in", min_length=1)

    def holds(self, answers: Mapping[str, object], project_type: int) -> bool:
        return answers.get(self.field) in self.values

    def field_refs(self) -> Iterator[FieldIn]:
        yield self


class ProjectTypeIn(StrictModel):
    """Holds when the enrollment's project type is one of ``project_type``."""

    project_type: tuple[ProjectType, ...] = Field(min_length=1)

    def holds(self, answers: Mapping[str, object], project_type: int) -> bool:
        return project_type in self.project_type

    def field_refs(self) -> Iterator[FieldIn]:
        return iter(())


class AllOf(StrictModel):
    conditions: tuple[Condition, ...] = Field(alias="all", min_length=1)

    def holds(self, answers: Mapping[str, object], project_type: int) -> bool:
        return all(c.holds(answers, project_type) for c in self.conditions)

    def field_refs(self) -> Iterator[FieldIn]:
        for condition in self.conditions:
            yield from condition.field_refs()


class AnyOf(StrictModel):
    conditions: tuple[Condition, ...] = Field(alias="any", min_length=1)

    def holds(self, answers: Mapping[str, object], project_type: int) -> bool:
        return any(c.holds(answers, project_type) for c in self.conditions)

    def field_refs(self) -> Iterator[FieldIn]:
        for condition in self.conditions:
            yield from condition.field_refs()


class NoneOf(StrictModel):
    conditions: tuple[Condition, ...] = Field(alias="none", min_length=1)

    def holds(self, answers: Mapping[str, object], project_type: int) -> bool:
        return not any(c.holds(answers, project_type) for c in self.conditions)

    def field_refs(self) -> Iterator[FieldIn]:
        for condition in self.conditions:
            yield from condition.field_refs()


_CONDITION_TAGS: dict[str, str] = {
    "field": "field_in",
    "project_type": "project_type_in",
    "all": "all_of",
    "any": "any_of",
    "none": "none_of",
}


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        for key, tag in _CONDITION_TAGS.items():
            if key in value:
                return tag
        return None
    for cls, tag in (
        (FieldIn, "field_in"),
        (ProjectTypeIn, "project_type_in"),
        (AllOf, "all_of"),
        (AnyOf, "any_of"),
        (NoneOf, "none_of"),
    ):
        if isinstance(value, cls):
            return tag
    return None


Condition = Annotated[
    Annotated[FieldIn, Tag("field_in")]
    | Annotated[ProjectTypeIn, Tag("project_type_in")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[NoneOf, Tag("none_of")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is a table with one of the keys 'field' (with 'in'), "
            "'project_type', 'all', 'any' or 'none'"
        ),
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NoneOf.model_rebuild()
