"""The declarative forms catalog: HUD questions and code lists, pack scripts, consent texts.

Everything here reads ``forms/`` (through ``importlib.resources`` so it also works
from a PyInstaller bundle) into validated, immutable models. No widgets and no
database: the intake wizard renders these models and the vault stores the answers.
Any broken file raises :class:`FormsError` with the file, the line or key path, and
what is wrong.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable

from app.catalog.common import LANGUAGES, PLACEHOLDERS, LocalizedText, render_text
from app.catalog.conditions import (
    AllOf,
    AnyOf,
    Condition,
    FieldIn,
    NoneOf,
    ProjectTypeIn,
)
from app.catalog.errors import FormsError
from app.catalog.hud import (
    DATA_NOT_COLLECTED,
    MISSING_DATA_CODES,
    DataCollectionStage,
    ProjectType,
    QuestionType,
    Record,
    Subjects,
)
from app.catalog.pack_files import (
    available_languages,
    available_packs,
    check_pack_languages,
    load_consent_texts,
    load_script,
)
from app.catalog.question_files import load_questions
from app.catalog.questions import (
    Code,
    CodeList,
    MemberContext,
    Question,
    QuestionCatalog,
    Section,
    SectionQuestions,
    questions_for_member,
)
from app.catalog.rendering import (
    ConsentChoices,
    RenderedText,
    TextParties,
    render_consent_text,
    render_script_text,
    text_sha256,
)
from app.catalog.scripts import (
    Agreement,
    ConsentSection,
    ConsentTexts,
    Notice,
    OralScript,
    ScriptItem,
    ScriptPoint,
    SharingLevel,
    SharingSection,
    VerbalConsent,
    WrittenConsent,
)


def validate_forms(root: Traversable | str | None = None) -> None:
    """Load every forms file and check every pack's languages agree; raise FormsError.

    Meant for start-up self-checks and the build: a broken shipped file should stop
    a release, not surface in front of a client mid-interview.
    """
    load_questions(root)
    for pack_id in available_packs(root):
        for lang in LANGUAGES:
            load_script(pack_id, lang, root)
            load_consent_texts(pack_id, lang, root)
        check_pack_languages(pack_id, root)


__all__ = [
    "DATA_NOT_COLLECTED",
    "LANGUAGES",
    "MISSING_DATA_CODES",
    "PLACEHOLDERS",
    "Agreement",
    "AllOf",
    "AnyOf",
    "Code",
    "CodeList",
    "Condition",
    "ConsentChoices",
    "ConsentSection",
    "ConsentTexts",
    "DataCollectionStage",
    "FieldIn",
    "FormsError",
    "LocalizedText",
    "MemberContext",
    "NoneOf",
    "Notice",
    "OralScript",
    "ProjectType",
    "ProjectTypeIn",
    "Question",
    "QuestionCatalog",
    "QuestionType",
    "Record",
    "RenderedText",
    "ScriptItem",
    "ScriptPoint",
    "Section",
    "SectionQuestions",
    "SharingLevel",
    "SharingSection",
    "Subjects",
    "TextParties",
    "VerbalConsent",
    "WrittenConsent",
    "available_languages",
    "available_packs",
    "check_pack_languages",
    "load_consent_texts",
    "load_questions",
    "load_script",
    "questions_for_member",
    "render_consent_text",
    "render_script_text",
    "render_text",
    "text_sha256",
    "validate_forms",
]
