"""Schema of a pack's oral-explanation script and consent / release texts.

Files live at ``forms/packs/<pack>/<lang>/oral_explanation.toml`` and
``consent.toml``. Every point and section names the clause it implements and its
source (policy file and section), so a reviewer can trace each sentence read to a
client back to the manual that requires it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, model_validator

from app.catalog.common import ClauseId, Identifier, ScriptText, SourceRef, StrictModel

_PACK_ID = re.compile(r"^[a-z][a-z0-9_]{1,15}$")
_LANG = re.compile(r"^[a-z]{2}$")


def _pack_id(value: str) -> str:
    if not _PACK_ID.match(value):
        raise ValueError(f"'{value}' is not a pack id like 'ct'")
    return value


def _lang(value: str) -> str:
    if not _LANG.match(value):
        raise ValueError(f"'{value}' is not a two-letter language code like 'en'")
    return value


PackId = Annotated[str, AfterValidator(_pack_id)]
#: A text's version id, e.g. "ct-en-consent-2026.1"; a new text gets a new one.
VersionId = Identifier
LangCode = Annotated[str, AfterValidator(_lang)]


def _unique_ids(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"{what} id '{item}' is used twice")
        seen.add(item)


# ------------------------------------------------------------------ oral script


class ScriptItem(StrictModel):
    """A sub-point read aloud under its point; ``clause`` when it has a narrower one."""

    id: Identifier
    text: ScriptText
    clause: ClauseId | None = None


class ScriptPoint(StrictModel):
    """One point the worker reads and then ticks before data entry (CT-207-3)."""

    id: Identifier
    clause: ClauseId
    source: SourceRef
    title: ScriptText
    text: ScriptText | None = None
    items: tuple[ScriptItem, ...] = ()

    @model_validator(mode="after")
    def _has_content(self) -> ScriptPoint:
        if self.text is None and not self.items:
            raise ValueError("a point needs 'text' or 'items'")
        _unique_ids([i.id for i in self.items], "item")
        return self


class OralScript(StrictModel):
    """The oral explanation given before an interview, in one language.

    ``staff_note`` is for the worker only; everything else is read to the client.
    ``version`` names this text: a changed text gets a new version, and every consent
    records the version and SHA-256 of the script it followed.
    """

    pack: PackId
    lang: LangCode
    version: VersionId
    title: ScriptText
    staff_note: ScriptText
    intro: ScriptText
    points: tuple[ScriptPoint, ...] = Field(min_length=1)
    closing: ScriptText | None = None

    @model_validator(mode="after")
    def _unique_points(self) -> OralScript:
        _unique_ids([p.id for p in self.points], "point")
        return self

    def point(self, point_id: str) -> ScriptPoint:
        for point in self.points:
            if point.id == point_id:
                return point
        raise KeyError(f"no point {point_id!r} in the {self.pack} script")


# --------------------------------------------------------------------- consent


class ConsentSection(StrictModel):
    """A block of consent text; ``body`` paragraphs are read or printed in order."""

    clause: ClauseId
    related: tuple[ClauseId, ...] = ()
    source: SourceRef
    title: ScriptText
    body: tuple[ScriptText, ...] = Field(min_length=1)
    staff_note: ScriptText | None = None


class Agreement(StrictModel):
    """One statement the client agrees to on the written form.

    Separate agreements get separate marks on the form, because some manuals
    require a release to share that is distinct from the consent to enter data
    (CT-207-8).
    """

    id: Identifier
    clause: ClauseId
    related: tuple[ClauseId, ...] = ()
    source: SourceRef
    text: ScriptText
    #: "shared": the statement is a release to share, signed only when the client
    #: chooses Shared (CT-207-8); "always": part of every written consent.
    applies_to: Literal["always", "shared"] = "always"


class WrittenConsent(ConsentSection):
    agreements: tuple[Agreement, ...] = Field(min_length=1)
    signature_label: ScriptText
    date_label: ScriptText

    @model_validator(mode="after")
    def _unique_agreements(self) -> WrittenConsent:
        _unique_ids([a.id for a in self.agreements], "agreement")
        return self


class VerbalConsent(ConsentSection):
    """Verbal consent: the staff attestation and what goes on the signature line.

    MO-ROI-9: the client signature line reads "Verbal Consent" and is dated the day
    it was given.
    """

    attestation: ScriptText
    signature_line: ScriptText


class SharingLevel(StrictModel):
    id: Literal["shared", "not_shared"]
    label: ScriptText
    description: ScriptText


class SharingSection(ConsentSection):
    #: What is shared when the worker names nothing narrower: fills {shared_information}.
    information: ScriptText | None = None
    levels: tuple[SharingLevel, ...] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _both_levels(self) -> SharingSection:
        if {level.id for level in self.levels} != {"shared", "not_shared"}:
            raise ValueError("'levels' must hold one 'shared' and one 'not_shared' level")
        return self

    def level(self, level_id: str) -> SharingLevel:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(f"no sharing level {level_id!r}")


class Notice(ConsentSection):
    """A further text shown with the consent (client rights, protected groups)."""

    id: Identifier


class ConsentTexts(StrictModel):
    """Consent and release-of-information texts of one pack in one language."""

    pack: PackId
    lang: LangCode
    version: VersionId
    title: ScriptText
    written: WrittenConsent
    verbal: VerbalConsent
    declined: ConsentSection
    sharing: SharingSection
    revocation: ConsentSection
    notices: tuple[Notice, ...] = ()

    @model_validator(mode="after")
    def _unique_notices(self) -> ConsentTexts:
        _unique_ids([n.id for n in self.notices], "notice")
        return self

    def notice(self, notice_id: str) -> Notice:
        for notice in self.notices:
            if notice.id == notice_id:
                return notice
        raise KeyError(f"no notice {notice_id!r} in the {self.pack} consent texts")


def clause_ids(model: BaseModel) -> list[tuple[str, str]]:
    """Every ``(key path, clause id)`` in a script or consent model, in file order."""
    found: list[tuple[str, str]] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, BaseModel):
            for name in type(node).model_fields:
                value = getattr(node, name)
                child = f"{path}.{name}" if path else name
                if name == "clause" and isinstance(value, str):
                    found.append((child, value))
                elif name == "related" and isinstance(value, tuple):
                    found.extend((f"{child}[{i}]", c) for i, c in enumerate(value))
                else:
                    walk(value, child)
        elif isinstance(node, tuple):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(model, "")
    return found
