"""Structural checks on received records: enough to refuse a malformed one with a reason.

Reasons name the field and the rule, never the value, so they can be shown and logged
without carrying personal data. Content rules (data quality, consent) are the device's
and the HMIS's business, not the transport's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

# What devices send: ``upsert`` a whole record, ``create`` an append-only one (consents,
# follow-ups, case notes), ``revoke`` a consent from a date on (MO-RIGHTS-4), ``delete``.
OPERATIONS = frozenset({"upsert", "create", "revoke", "delete"})

# The field of each entity's payload that must equal the record's entity_id, as the
# device's outbox writes it. Entities other than person are accepted with this
# structural check alone.
ENTITY_ID_FIELDS: dict[str, str] = {
    "person": "personal_id",
    "household": "household_id",
    "enrollment": "enrollment_id",
    "consent": "consent_id",
    "note": "note_id",
    "case_note": "note_id",
    "note_deletion_request": "request_id",
    "service": "service_id",
    "exit": "exit_id",
    "current_living_situation": "cls_id",
    "project": "project_id",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PAYLOAD_DEPTH = 16
MAX_ID_LENGTH = 255

_PERSON_TEXT = {
    "first_name": 50, "middle_name": 50, "last_name": 50, "name_suffix": 50,
    "ssn": 9, "dob": 10, "additional_race_ethnicity": 100,
}
_PERSON_INT = (
    "name_data_quality", "ssn_data_quality", "dob_data_quality", "am_ind_ak_native", "asian",
    "black_af_american", "hispanic_latinao", "mid_east_n_african", "native_hi_pacific", "white",
    "race_none", "sex", "veteran_status",
)
_PERSON_REQUIRED_INT = ("name_data_quality", "ssn_data_quality", "dob_data_quality")


def clean_text(value: str) -> bool:
    """Text a database and a CSV can hold: valid Unicode, no control characters."""
    if _CONTROL.search(value):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_collected_at(value: str) -> datetime | None:
    """An ISO 8601 moment with a time zone, as UTC; ``None`` if it is not one."""
    if not clean_text(value):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC)


def _payload_problem(payload: dict[str, Any]) -> str | None:
    """Bounded walk: depth, and text that can be stored."""
    stack: list[tuple[object, int]] = [(payload, 1)]
    seen = 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if depth > MAX_PAYLOAD_DEPTH or seen > 10_000:
            return "The record's payload is nested too deeply or is too large."
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str) or not clean_text(key):
                    return "The record's payload has a field name with control characters or invalid text."
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and not clean_text(value):
            return "The record's payload has text with control characters or invalid Unicode."
    return None


def _person_problem(payload: dict[str, Any]) -> str | None:
    for name, limit in _PERSON_TEXT.items():
        value = payload.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"Person field {name} must be text."
        if len(value) > limit:
            return f"Person field {name} is longer than {limit} characters."
    dob = payload.get("dob")
    if isinstance(dob, str) and dob:
        if not _DATE.match(dob):
            return "Person field dob must be a date written YYYY-MM-DD."
        try:
            datetime.strptime(dob, "%Y-%m-%d")
        except ValueError:
            return "Person field dob is not a real calendar date."
    for name in _PERSON_INT:
        value = payload.get(name)
        if value is None:
            if name in _PERSON_REQUIRED_INT and name in payload:
                return f"Person field {name} must be a HUD code, not empty."
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            return f"Person field {name} must be a whole number (a HUD code)."
        if not 0 <= value <= 99:
            return f"Person field {name} is not a HUD code (0-99)."
    if "is_demo" in payload and not isinstance(payload["is_demo"], bool | int):
        return "Person field is_demo must be true or false."
    return None


_ENTITY_CHECKS: dict[str, Callable[[dict[str, Any]], str | None]] = {"person": _person_problem}


def record_problem(entity: str, entity_id: str, operation: str, collected_at: str,
                   payload: dict[str, Any], key: str) -> str | None:
    """Why this record cannot be applied, in one sentence; ``None`` if it can."""
    if not key or len(key) > MAX_ID_LENGTH or not clean_text(key):
        return "The record's idempotency key is empty, too long or has control characters."
    if entity not in ENTITY_ID_FIELDS:
        return "The server does not accept records of this entity type."
    if operation not in OPERATIONS:
        return "The record's operation must be upsert, create, revoke or delete."
    if not entity_id or len(entity_id) > MAX_ID_LENGTH or not clean_text(entity_id):
        return "The record's entity_id is empty, too long or has control characters."
    if parse_collected_at(collected_at) is None:
        return "The record's collected_at is not an ISO 8601 time with a time zone."
    problem = _payload_problem(payload)
    if problem:
        return problem
    id_field = ENTITY_ID_FIELDS[entity]
    if id_field not in payload or payload.get(id_field) in (None, ""):
        return f"A {entity} record must have {id_field}."
    if payload[id_field] != entity_id:
        return f"The record's {id_field} does not match its entity_id."
    if operation == "upsert":
        check = _ENTITY_CHECKS.get(entity)
        if check is not None:
            return check(payload)
    return None
