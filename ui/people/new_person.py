"""What "New person…" carries into the intake wizard.

There is no separate form that saves a person any more: in every pack the oral
explanation, the consent and the duplicate check come before any data (MO-ROI-1,
CT-207-1), so "New person…" opens the intake wizard for a one-person household and
prefills what the worker already typed in the search box. A new-person form kept as a
draft by an earlier version (kind ``new_person``) is carried over the same way.
"""

from __future__ import annotations

import re
from typing import Any

LEGACY_DRAFT_KIND = "new_person"
_NAME_WORD = re.compile(r"^[^\W\d_][\w'\-.]*$", re.UNICODE)


def names_from_search(text: str) -> dict[str, str]:
    """The names in a search: two or more words are a first name and a last name, a
    single word a last name (how workers search); dates, numbers and SSN digits are
    not names and are left out."""
    words = [w for w in text.split() if _NAME_WORD.match(w) and not any(c.isdigit() for c in w)]
    words = [w[:50] for w in words]
    if not words:
        return {}
    if len(words) == 1:
        return {"LastName": words[0]}
    return {"FirstName": words[0], "LastName": " ".join(words[1:])[:50]}


def person_from_legacy_draft(payload: dict[str, Any]) -> dict[str, str]:
    """The names, date of birth and SSN typed into an old new-person form."""
    fields = payload.get("fields") if isinstance(payload, dict) else None
    if not isinstance(fields, dict):
        return {}
    mapping = {"first_name": "FirstName", "last_name": "LastName", "dob": "DOB", "ssn": "SSN"}
    return {hud: str(fields[key]).strip() for key, hud in mapping.items()
            if isinstance(fields.get(key), str) and str(fields[key]).strip()}
