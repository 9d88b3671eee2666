"""Structural checks on received records: enough to refuse a malformed one with a reason.

Reasons name the field and the rule, never the value, so they can be shown and logged
without carrying personal data. Content rules (data quality, consent) are the device's
and the HMIS's business, not the transport's.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.protocol import MAX_RECORD_BYTES

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
    "agency_service": "service_id",  # the agency's own services; never in Services.csv
    "exit": "exit_id",
    "current_living_situation": "cls_id",
    "project": "project_id",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PAYLOAD_DEPTH = 16
MAX_ID_LENGTH = 255
#: How far ahead of the server's clock a device's collected_at may be (clock skew);
#: further is refused, so a date in 2099 cannot win "newest wins" for ever.
FUTURE_TOLERANCE = timedelta(minutes=5)

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
        if moment.tzinfo is None:
            return None
        # 9999-12-31T23:59:59-12:00 or 0001-01-01T00:00:00+14:00 fall outside the
        # years a datetime holds once moved to UTC: OverflowError, refused here.
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


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
        elif isinstance(value, float) and not math.isfinite(value):
            return "The record's payload has a number that is not finite (NaN or Infinity)."
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


def payload_size(payload: dict[str, Any]) -> int | None:
    """The payload's size as stored (compact JSON, UTF-8); ``None`` if it cannot be stored."""
    try:
        return len(json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                   .encode("utf-8"))
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError):
        return None


def record_problem(entity: str, entity_id: str, operation: str, collected_at: str,
                   payload: dict[str, Any], key: str, now: datetime | None = None) -> str | None:
    """Why this record cannot be applied, in one sentence; ``None`` if it can."""
    if not isinstance(key, str) or not key or len(key) > MAX_ID_LENGTH or not clean_text(key):
        return "The record's idempotency key is empty, too long or has control characters."
    if not isinstance(entity, str) or not isinstance(entity_id, str) or not isinstance(operation, str) \
            or not isinstance(collected_at, str) or not isinstance(payload, dict):
        return "The record's fields must be text and its payload an object."
    if entity not in ENTITY_ID_FIELDS:
        return "The server does not accept records of this entity type."
    if operation not in OPERATIONS:
        return "The record's operation must be upsert, create, revoke or delete."
    if not entity_id or len(entity_id) > MAX_ID_LENGTH or not clean_text(entity_id):
        return "The record's entity_id is empty, too long or has control characters."
    moment = parse_collected_at(collected_at)
    if moment is None:
        return "The record's collected_at is not an ISO 8601 time with a time zone."
    if moment > (now or datetime.now(UTC)) + FUTURE_TOLERANCE:
        return "The record's collected_at is in the future by more than five minutes; check the device's clock."
    problem = _payload_problem(payload)
    if problem:
        return problem
    size = payload_size(payload)
    if size is None:
        return "The record's payload cannot be stored as JSON text."
    if size > MAX_RECORD_BYTES:
        return f"The record's payload is larger than {MAX_RECORD_BYTES // 1024} KiB."
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
