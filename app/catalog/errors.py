"""The single exception raised for any broken forms file.

A forms file is data that an agency or a pack author edits by hand, so a mistake in
it must come back as one readable sentence that says which file, where in it (line
for a TOML syntax error, key path for a schema error) and what is wrong, never as a
traceback through the loader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import ValidationError

from app.errors import UserFacingError

#: Union members of the condition grammar are tagged; the tags are an implementation
#: detail and are dropped from key paths shown to people.
HIDDEN_LOC_PARTS: frozenset[str] = frozenset(
    {"field_in", "project_type_in", "all_of", "any_of", "none_of"}
)

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


class FormsError(UserFacingError):
    """A forms file is missing, is not valid TOML, or does not match its schema.

    It is a :class:`~app.errors.UserFacingError` because its message is one plain
    sentence about a file, never personal data, and the command line prints it as is.

    ``file`` is the file as shown to people (for shipped files ``forms/...``);
    ``line``/``column`` are set for syntax errors, ``key_path`` for schema and
    cross-reference errors; ``problem`` is the bare description.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key_path: str | None = None,
        more: int = 0,
    ) -> None:
        self.file = file
        self.problem = problem.rstrip(".")
        self.line = line
        self.column = column
        self.key_path = key_path
        self.more = more
        super().__init__(self._sentence())

    def _sentence(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        if self.key_path:
            where += f", at {self.key_path}"
        tail = ""
        if self.more:
            noun = "problem" if self.more == 1 else "problems"
            tail = f" (and {self.more} more {noun} in this file)"
        return f"{where}: {self.problem}{tail}."


def format_key_path(loc: Sequence[int | str]) -> str:
    """Render a pydantic ``loc`` as ``questions.FirstName.label.es`` / ``points[2].text``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in HIDDEN_LOC_PARTS:
            continue
        else:
            out += f".{quote_key(part)}" if out else quote_key(part)
    return out


def quote_key(key: str) -> str:
    """A table key as TOML would need it written: bare if it can be, quoted if not."""
    return key if _BARE_KEY.match(key) else '"' + key.replace('"', '\\"') + '"'


def toml_syntax_error(file: str, message: str, text: str) -> FormsError:
    """Turn a ``tomllib`` message into a FormsError with the line and column split out.

    Python 3.11's ``TOMLDecodeError`` carries the position only inside its message,
    so it is parsed back out here.
    """
    match = _TOML_POSITION.search(message)
    if match:
        problem = message[: match.start()]
        return FormsError(
            file,
            f"TOML syntax error: {problem}",
            line=int(match.group(1)),
            column=int(match.group(2)),
        )
    match = _TOML_AT_END.search(message)
    if match:
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        problem = message[: match.start()]
        return FormsError(
            file, f"TOML syntax error: {problem} at the end of the file", line=max(last_line, 1)
        )
    return FormsError(file, f"TOML syntax error: {message}")


def schema_error(
    file: str, error: ValidationError, *, prefix: Sequence[int | str] = ()
) -> FormsError:
    """The first schema problem of ``error`` as a FormsError naming its key path."""
    details = error.errors(include_url=False)
    first = details[0]
    loc = (*prefix, *first["loc"])
    message = str(first["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    problem = message[0].lower() + message[1:] if message else "invalid value"
    if first["type"] not in {"missing", "extra_forbidden", "value_error"} and "input" in first:
        problem += f" (found {_short_repr(first['input'])})"
    if first["type"] == "extra_forbidden":
        problem = "this key is not part of the schema (misspelt or misplaced?)"
    if first["type"] == "missing":
        problem = "this required key is missing"
    return FormsError(file, problem, key_path=format_key_path(loc) or None, more=len(details) - 1)


def _short_repr(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
