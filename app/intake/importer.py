"""Paper-form transcription: many intake documents, each saved or refused on its own.

A refused document stores nothing (its household is one transaction) and comes back
with every reason, so the person entering paper forms can fix and re-import it. A
file of N documents gives N outcomes, whatever goes wrong with one of them: a
document that is not valid JSON, is nested too deeply, or is cut short is refused on
its own and the documents around it are still read. A document is saved once: by
its own ``document_id``, or else by the SHA-256 of its content, so importing the
same file again reports "already imported" and stores nothing twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import UserFacingError
from app.intake.document import DocumentError, parse_document
from app.intake.save import AlreadyImported, IntakeRefused, save_intake
from app.session import Session

MAX_FILE_BYTES = 20 * 1024 * 1024
#: An intake document is four levels deep; a file that is one object far deeper is
#: refused before Python's JSON reader recurses into it (in an array, a document
#: too deep for the reader is refused on its own).
MAX_DEPTH = 64

SAVED, REFUSED, ALREADY_IMPORTED = "saved", "refused", "already_imported"


@dataclass
class ImportOutcome:
    index: int
    saved: bool
    household_id: str | None = None
    people: int = 0
    problems: list[str] = field(default_factory=list)
    status: str = REFUSED
    document_id: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """A document in the file that could not be read as JSON: ``reason`` says why."""

    reason: str


def read_documents(path: Path) -> list[Any]:
    """A file holding one intake document (an object) or several (an array).

    In an array each element is read on its own; one that cannot be read becomes an
    :class:`Unreadable` in its place. A file that is one broken object, is missing,
    or is not UTF-8 raises UserFacingError (one sentence)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserFacingError(f"{path.name} is larger than 20 MB; split it into several files.")
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise UserFacingError(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise UserFacingError(f"{path.name} is not UTF-8 text.") from None
    except OSError as exc:
        raise UserFacingError(f"{path.name} could not be read ({exc.strerror}).") from None
    return parse_documents_text(text, path.name)


def parse_documents_text(text: str, name: str = "the file") -> list[Any]:
    start = _skip_space(text, 0)
    if start < len(text) and text[start] == "[":
        return _read_array(text, start)
    try:
        _, depth = _value_end(text, start)
        if depth > MAX_DEPTH:
            raise UserFacingError(f"{name} is nested too deeply to be an intake document.")
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserFacingError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    except RecursionError:
        raise UserFacingError(f"{name} is nested too deeply to be an intake document.") from None
    return [raw]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _value_end(text: str, i: int) -> tuple[int | None, int]:
    """Where the JSON value starting at ``i`` ends (None if the text ends first), and
    its nesting depth; strings are skipped, so brackets inside them do not count."""
    depth = deepest = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            if i >= n:
                return None, deepest
            if depth == 0:
                return i + 1, deepest
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            if depth == 0:
                return i, deepest
            depth -= 1
            if depth == 0:
                return i + 1, deepest
        elif depth == 0 and ch in ",":
            return i, deepest
        i += 1
    return (n if depth == 0 else None), deepest


def _line_col(text: str, i: int) -> str:
    line = text.count("\n", 0, i) + 1
    return f"line {line}, column {i - (text.rfind(chr(10), 0, i) + 1) + 1}"


def _read_array(text: str, start: int) -> list[Any]:
    decoder = json.JSONDecoder()
    items: list[Any] = []
    i = _skip_space(text, start + 1)
    if i < len(text) and text[i] == "]":
        return items
    while True:
        if i >= len(text):
            items.append(Unreadable(f"The file ends at document {len(items) + 1}; it was cut short "
                                    "(any document after this point is missing)."))
            return items
        end: int | None
        try:
            value, end = decoder.raw_decode(text, i)
            items.append(value)
        except json.JSONDecodeError as exc:
            # Only a document that cannot be decoded is scanned for where it ends.
            end, _ = _value_end(text, i)
            where = _line_col(text, exc.pos)
            if end is None:
                items.append(Unreadable(f"This document is cut short: the file ends inside it ({where})."))
                return items
            items.append(Unreadable(f"This document is not valid JSON ({where})."))
        except RecursionError:
            end, _ = _value_end(text, i)
            items.append(Unreadable("This document is nested too deeply to be an intake document."))
        if end is None:
            items.append(Unreadable("The file ends before the list of documents is closed with ]; "
                                    "any document after this point is missing."))
            return items
        i = _skip_space(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip_space(text, i + 1)
            continue
        if i < len(text) and text[i] == "]":
            if _skip_space(text, i + 1) < len(text):
                items.append(Unreadable("There is more text after the closing ] of the list of documents."))
            return items
        if i >= len(text):
            items.append(Unreadable("The file ends before the list of documents is closed with ]; "
                                    "any document after this point is missing."))
            return items
        items.append(Unreadable(f"A comma or ] is missing after document {len(items)} ({_line_col(text, i)})."))
        return items


def content_key(raw: Any) -> str:
    """The key of a document without its own id: the SHA-256 of its canonical JSON."""
    canonical = json.dumps(raw, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("ascii")).hexdigest()


def import_one(session: Session, index: int, raw: Any) -> ImportOutcome:
    """Save one document; every way it can fail is a refusal with reasons."""
    if isinstance(raw, Unreadable):
        return ImportOutcome(index, False, problems=[raw.reason])
    try:
        doc = parse_document(raw)
        content = content_key(raw)
        result = save_intake(session, doc, f"id:{doc.document_id}" if doc.document_id else content, content)
    except DocumentError as exc:
        return ImportOutcome(index, False, problems=[f"{p}: {m}" if p else m for p, m in exc.problems])
    except IntakeRefused as exc:
        return ImportOutcome(index, False, problems=[str(p) for p in exc.problems])
    except AlreadyImported as exc:
        return ImportOutcome(index, False, exc.household_id, problems=[str(exc)] if exc.changed else [],
                             status=ALREADY_IMPORTED,
                             document_id=raw.get("document_id") if isinstance(raw, dict) else None)
    except UserFacingError as exc:
        return ImportOutcome(index, False, problems=[str(exc)])
    except Exception as exc:
        # Something the model let through but the vault could not hold: this
        # document's transaction rolled back, so it is refused and the file goes on.
        # Only the kind of error is shown (its text may quote personal data).
        return ImportOutcome(index, False, problems=[f"This document could not be saved ({type(exc).__name__}); "
                                                     "nothing of it was stored."])
    return ImportOutcome(index, True, result.household_id, len(result.personal_ids), status=SAVED,
                         document_id=doc.document_id)


def import_documents(session: Session, documents: list[Any],
                     report: Callable[[ImportOutcome], None] | None = None) -> list[ImportOutcome]:
    """One outcome per document, in order; ``report`` hears each as soon as it is known."""
    session.require("intake.run")
    outcomes = []
    for index, raw in enumerate(documents, start=1):
        outcome = import_one(session, index, raw)
        outcomes.append(outcome)
        if report is not None:
            report(outcome)
    return outcomes
