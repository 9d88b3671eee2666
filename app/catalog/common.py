"""Shared pieces of the forms schema: strict base model, bilingual text, file reading.

Every forms file is read through :func:`read_toml`, so a missing file, bad UTF-8 or
a TOML syntax error all surface as :class:`~app.catalog.errors.FormsError` naming
the file, and through :class:`FormsRoot` so the same code reads the shipped
``forms`` package (also from a PyInstaller bundle) and a plain directory in tests.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BaseModel, ConfigDict

from app.catalog.errors import FormsError, toml_syntax_error

#: Languages every shipped form exists in. There is no fallback: consent and the
#: oral explanation must be given in a language the client understands (CT-207-3,
#: MO-NOTICE-2), so a missing translation is an error, not English in disguise.
LANGUAGES: Final[tuple[str, ...]] = ("en", "es")

#: Values the app fills into script and consent texts. A placeholder outside this
#: set is a typo in a forms file and is rejected when the file is loaded.
PLACEHOLDERS: Final[frozenset[str]] = frozenset(
    {
        "agency",
        "client_name",
        "staff_name",
        "witness_name",
        "consent_date",
        "consent_time",
        "expiry_date",
        "shared_with",
        "shared_information",
        "grievance_contact",
    }
)

_CLAUSE = re.compile(r"^(CT|VT|MO)-[A-Z0-9.]+-[0-9]+$")
_SOURCE = re.compile(r"^[0-9]{3}(_[0-9a-f]{16}\.txt)? · \S.*$")
_IDENT = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$")


class StrictModel(BaseModel):
    """Frozen, no unknown keys: a misspelt key in a forms file is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("text must not be empty")
    return value


def _clause_id(value: str) -> str:
    if not _CLAUSE.match(value):
        raise ValueError(f"'{value}' is not a clause ID like 'CT-207-3', 'VT-3.4-1' or 'MO-ROI-1'")
    return value


def _source_ref(value: str) -> str:
    if not _SOURCE.match(value):
        raise ValueError(
            f"'{value}' is not a source like '000_48f610224bf6eebd.txt · P207 Oral explanation' "
            "(policy file, ' · ', section)"
        )
    return value


def _identifier(value: str) -> str:
    if not _IDENT.match(value):
        raise ValueError(f"'{value}' is not an identifier (lower case, digits, '-', '_', '.')")
    return value


NonBlank = Annotated[str, AfterValidator(_non_blank)]
ClauseId = Annotated[str, AfterValidator(_clause_id)]
SourceRef = Annotated[str, AfterValidator(_source_ref)]
Identifier = Annotated[str, AfterValidator(_identifier)]


class LocalizedText(StrictModel):
    """A label in every shipped language; both are required (see :data:`LANGUAGES`)."""

    en: NonBlank
    es: NonBlank

    def get(self, lang: str) -> str:
        """The text in ``lang``; an unsupported language is a programming error."""
        if lang == "en":
            return self.en
        if lang == "es":
            return self.es
        raise KeyError(f"no text in language {lang!r}; supported: {', '.join(LANGUAGES)}")


def placeholders_in(text: str) -> frozenset[str]:
    """Names of ``{placeholder}`` fields in ``text``; malformed braces raise ValueError."""
    names: set[str] = set()
    for _literal, field, spec, conversion in string.Formatter().parse(text):
        if field is None:
            continue
        if not field or spec or conversion or not field.isidentifier():
            raise ValueError(f"'{{{field}}}' is not a valid placeholder")
        names.add(field)
    return frozenset(names)


def check_placeholders(text: str) -> str:
    """Validator: every placeholder in ``text`` is one the app knows how to fill."""
    try:
        names = placeholders_in(text)
    except ValueError as exc:
        raise ValueError(f"{exc} (write '{{{{' for a literal brace)") from None
    unknown = sorted(names - PLACEHOLDERS)
    if unknown:
        raise ValueError(
            f"unknown placeholder {{{unknown[0]}}}; known: {', '.join(sorted(PLACEHOLDERS))}"
        )
    return text


ScriptText = Annotated[str, AfterValidator(_non_blank), AfterValidator(check_placeholders)]


def render_text(text: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders of a script or consent text.

    Raises KeyError naming the first placeholder with no value, so a consent form is
    never printed with a blank where the agency name or expiry date belongs.
    """
    missing = sorted(placeholders_in(text) - set(values))
    if missing:
        raise KeyError(f"no value for placeholder {{{missing[0]}}}")
    return text.format_map(dict(values))


@dataclass(frozen=True)
class FormsRoot:
    """Where forms files are read from, and how their names are shown in errors."""

    path: Traversable
    label: str

    def file(self, *parts: str) -> tuple[Traversable, str]:
        node = self.path
        for part in parts:
            node = node.joinpath(part)
        return node, "/".join((self.label, *parts))


def resolve_root(root: Traversable | str | None) -> FormsRoot:
    """The shipped ``forms`` package by default, or a directory (tests, pack authors)."""
    if root is None:
        return FormsRoot(files("forms"), "forms")
    if isinstance(root, str):
        root = Path(root)
    return FormsRoot(root, str(root))


def read_toml(node: Traversable, shown: str) -> dict[str, Any]:
    """Parse one forms file; every failure is a FormsError naming ``shown``."""
    if not node.is_file():
        raise FormsError(shown, "the file does not exist")
    try:
        text = node.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormsError(shown, f"the file is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise FormsError(shown, f"the file cannot be read ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise toml_syntax_error(shown, str(exc), text) from None
