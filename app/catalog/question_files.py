"""Read ``forms/questions/*.toml`` into a cross-checked :class:`QuestionCatalog`.

Each file is validated on its own (schema errors name the file and key path), then
the files are checked together: every code list and column is defined once, every
list a question or condition names exists, and every required choice offers 99
"Data not collected" (HUD Data Standards: the UI must offer 99 wherever a choice is
forced).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from app.catalog.common import FormsRoot, LocalizedText, read_toml, resolve_root
from app.catalog.errors import FormsError, quote_key, schema_error
from app.catalog.hud import DATA_NOT_COLLECTED, QuestionType
from app.catalog.questions import (
    Code,
    CodeList,
    CodeListSpec,
    Question,
    QuestionCatalog,
    QuestionsFile,
    SectionQuestions,
)

QUESTIONS_DIR = "questions"


def load_questions(root: Traversable | str | None = None) -> QuestionCatalog:
    """The question catalog from the shipped ``forms`` package, or from ``root``.

    ``root`` is a directory laid out like ``forms/`` (with a ``questions/`` folder);
    it exists for tests and pack authors. The shipped catalog is read once.
    """
    if root is None:
        return _shipped_questions()
    return read_question_catalog(resolve_root(root))


@functools.lru_cache(maxsize=1)
def _shipped_questions() -> QuestionCatalog:
    return read_question_catalog(resolve_root(None))


def read_question_catalog(root: FormsRoot) -> QuestionCatalog:
    directory, shown_dir = root.file(QUESTIONS_DIR)
    if not directory.is_dir():
        raise FormsError(shown_dir, "the questions folder does not exist")
    names = sorted(n.name for n in directory.iterdir() if n.name.endswith(".toml"))
    if not names:
        raise FormsError(shown_dir, "the questions folder has no .toml files")
    parsed: list[tuple[str, QuestionsFile]] = []
    for name in names:
        node, shown = root.file(QUESTIONS_DIR, name)
        raw = _with_field_names(read_toml(node, shown), shown)
        try:
            parsed.append((shown, QuestionsFile.model_validate(raw)))
        except ValidationError as exc:
            raise schema_error(shown, exc) from None
    lists = _resolve_lists(_collect_lists(parsed))
    fields = _collect_questions(parsed)
    for field, (shown, question) in fields.items():
        _check_question(shown, field, question, fields, lists)
    sections = sorted(
        (f.section for _, f in parsed if f.section is not None), key=lambda s: (s.order, s.id)
    )
    by_section = {
        f.section.id: tuple(f.questions.values()) for _, f in parsed if f.section is not None
    }
    return QuestionCatalog(
        sections=tuple(SectionQuestions(s, by_section[s.id]) for s in sections),
        lists=MappingProxyType(lists),
    )


def _with_field_names(raw: dict[str, Any], shown: str) -> dict[str, Any]:
    """Copy each ``[questions.X]`` table's key into its ``field`` so models know it."""
    questions = raw.get("questions")
    if not isinstance(questions, dict):
        return raw
    named: dict[str, Any] = {}
    for key, table in questions.items():
        if isinstance(table, dict):
            if "field" in table:
                raise FormsError(
                    shown,
                    "the column name is the table name, so 'field' must not be set",
                    key_path=f"questions.{quote_key(key)}.field",
                )
            table = {"field": key, **table}
        named[key] = table
    return {**raw, "questions": named}


def _collect_lists(parsed: list[tuple[str, QuestionsFile]]) -> dict[str, tuple[str, CodeListSpec]]:
    specs: dict[str, tuple[str, CodeListSpec]] = {}
    for shown, file in parsed:
        for list_id, spec in file.lists.items():
            if list_id in specs:
                raise FormsError(
                    shown,
                    f"code list '{list_id}' is already defined in {specs[list_id][0]}",
                    key_path=f"lists.{quote_key(list_id)}",
                )
            specs[list_id] = (shown, spec)
    return specs


def _resolve_lists(specs: Mapping[str, tuple[str, CodeListSpec]]) -> dict[str, CodeList]:
    resolved: dict[str, CodeList] = {}
    visiting: set[str] = set()

    def resolve(list_id: str, referrer: str, key_path: str) -> CodeList:
        if list_id in resolved:
            return resolved[list_id]
        if list_id not in specs:
            raise FormsError(
                referrer, f"unknown code list '{list_id}' (no file defines it)", key_path=key_path
            )
        shown, spec = specs[list_id]
        key = f"lists.{quote_key(list_id)}"
        if list_id in visiting:
            raise FormsError(shown, "code lists refer to each other in a loop", key_path=key)
        visiting.add(list_id)
        codes: list[Code] = []
        groups: dict[str, LocalizedText] = {}
        if spec.base is not None:
            base = resolve(spec.base, shown, f"{key}.base")
            for index, value in enumerate(spec.include):
                if value not in base:
                    raise FormsError(
                        shown,
                        f"code {value} is not in the base list '{spec.base}'",
                        key_path=f"{key}.include[{index}]",
                    )
                codes.append(base.get(value))
            groups.update(base.groups)
        else:
            codes.extend(spec.codes)
            groups.update(spec.groups)
            for index, other_id in enumerate(spec.extends):
                other = resolve(other_id, shown, f"{key}.extends[{index}]")
                codes.extend(other.codes)
                for name, title in other.groups.items():
                    groups.setdefault(name, title)
            for index, code in enumerate(spec.codes):
                if code.group is not None and code.group not in groups:
                    raise FormsError(
                        shown,
                        f"group '{code.group}' is not defined in this list's 'groups' table",
                        key_path=f"{key}.codes[{index}].group",
                    )
        seen: set[int] = set()
        for code in codes:
            if code.code in seen:
                raise FormsError(shown, f"code {code.code} appears twice in the list", key_path=key)
            seen.add(code.code)
        visiting.discard(list_id)
        resolved[list_id] = CodeList(
            id=list_id, name=spec.name, codes=tuple(codes), groups=MappingProxyType(groups)
        )
        return resolved[list_id]

    for list_id, (shown, _spec) in specs.items():
        resolve(list_id, shown, f"lists.{quote_key(list_id)}")
    return resolved


def _collect_questions(
    parsed: list[tuple[str, QuestionsFile]],
) -> dict[str, tuple[str, Question]]:
    fields: dict[str, tuple[str, Question]] = {}
    sections: dict[str, str] = {}
    for shown, file in parsed:
        if file.section is not None:
            section_id = file.section.id
            if section_id in sections:
                raise FormsError(
                    shown,
                    f"section '{section_id}' is already defined in {sections[section_id]}",
                    key_path="section.id",
                )
            sections[section_id] = shown
        for field, question in file.questions.items():
            if field in fields:
                raise FormsError(
                    shown,
                    f"column {field} is already asked in {fields[field][0]}",
                    key_path=f"questions.{field}",
                )
            fields[field] = (shown, question)
    return fields


def _check_question(
    shown: str,
    field: str,
    question: Question,
    fields: Mapping[str, tuple[str, Question]],
    lists: Mapping[str, CodeList],
) -> None:
    key = f"questions.{field}"
    if question.code_list is not None:
        if question.code_list not in lists:
            raise FormsError(
                shown,
                f"unknown code list '{question.code_list}' (no file defines it)",
                key_path=f"{key}.list",
            )
        code_list = lists[question.code_list]
        if question.kind is QuestionType.FLAG and set(code_list.values) != {0, 1}:
            raise FormsError(
                shown,
                f"a flag question needs a 0/1 list such as '1.10', not '{question.code_list}'",
                key_path=f"{key}.list",
            )
        if (
            question.kind is QuestionType.CHOICE
            and question.required
            and DATA_NOT_COLLECTED not in code_list
        ):
            raise FormsError(
                shown,
                f"a required choice must offer 99 'Data not collected', and list "
                f"'{question.code_list}' does not",
                key_path=f"{key}.list",
            )
    if question.show_if is None:
        return
    for ref in question.show_if.field_refs():
        if ref.field == field:
            raise FormsError(shown, "a question cannot depend on itself", key_path=f"{key}.show_if")
        if ref.field not in fields:
            raise FormsError(
                shown,
                f"the condition refers to column {ref.field}, which no question asks",
                key_path=f"{key}.show_if",
            )
        target = fields[ref.field][1]
        if target.code_list is None or target.code_list not in lists:
            raise FormsError(
                shown,
                f"the condition tests {ref.field}, which has no code list to match codes against",
                key_path=f"{key}.show_if",
            )
        target_list = lists[target.code_list]
        unknown = [value for value in ref.values if value not in target_list]
        if unknown:
            raise FormsError(
                shown,
                f"code {unknown[0]} is not a response of {ref.field} (list '{target.code_list}')",
                key_path=f"{key}.show_if",
            )
