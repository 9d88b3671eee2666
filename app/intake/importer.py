"""Paper-form transcription: many intake documents, each saved or refused on its own.

A refused document stores nothing (its household is one transaction) and comes back
with every reason, so the person entering paper forms can fix and re-import it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import UserFacingError
from app.intake.document import DocumentError, parse_document
from app.intake.save import IntakeRefused, save_intake
from app.session import Session

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class ImportOutcome:
    index: int
    saved: bool
    household_id: str | None = None
    people: int = 0
    problems: list[str] = field(default_factory=list)


def read_documents(path: Path) -> list[Any]:
    """A file holding one intake document (an object) or several (an array)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserFacingError(f"{path.name} is larger than 20 MB; split it into several files.")
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UserFacingError(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise UserFacingError(f"{path.name} is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise UserFacingError(f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    except OSError as exc:
        raise UserFacingError(f"{path.name} could not be read ({exc.strerror}).") from None
    return raw if isinstance(raw, list) else [raw]


def import_documents(session: Session, documents: list[Any]) -> list[ImportOutcome]:
    session.require("intake.run")
    outcomes = []
    for index, raw in enumerate(documents, start=1):
        try:
            result = save_intake(session, parse_document(raw))
        except DocumentError as exc:
            outcomes.append(ImportOutcome(index, False, problems=[str(exc)]))
        except IntakeRefused as exc:
            outcomes.append(ImportOutcome(index, False, problems=[str(p) for p in exc.problems]))
        else:
            outcomes.append(ImportOutcome(index, True, result.household_id, len(result.personal_ids)))
    return outcomes
