"""Field checks for a person's identifying data, shared by every screen and import.

Each check either returns the cleaned value or raises ``ValidationError`` naming the
field, so the message can sit next to that field (product brief, non-negotiables:
"a wrong or malformed input gets a clear message next to the field"). Messages never
repeat what was typed, so they are safe to log.

The SSN rules follow the HUD HMIS Data Standards, 3.02 Social Security Number, and
the invalid patterns the HMIS CSV data-quality checks flag (area 000, 666 or 9xx,
group 00, serial 0000, and the well-known placeholder numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.domain.person import Person
from app.errors import ValidationError

EARLIEST_DOB = date(1900, 1, 1)

# HUD 3.02 data quality: 1 full SSN reported, 2 approximate or partial SSN reported,
# 99 data not collected.
SSN_FULL = 1
SSN_PARTIAL = 2
NOT_COLLECTED = 99
# HUD 3.03 data quality: 1 full DOB reported.
DOB_FULL = 1
# HUD 3.01 data quality: 1 full name reported, 2 partial, street name, or code name.
NAME_FULL = 1
NAME_PARTIAL = 2

_SSN_SEPARATORS = re.compile(r"[\s\-.]")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NAME_MAX = 50  # HMIS CSV Client.FirstName / LastName are String(50).
_PLACEHOLDER_SSNS = frozenset({"123456789", "987654321", "078051120", "219099999"})


@dataclass(frozen=True)
class SsnEntry:
    """What to store: the HMIS CSV form (partial SSNs keep their last four digits
    behind ``x`` placeholders) and its HUD 3.02 data quality."""

    value: str | None
    data_quality: int


def parse_ssn(text: str) -> SsnEntry:
    """Accept nothing, the last four digits, or all nine digits of an SSN."""
    digits = _SSN_SEPARATORS.sub("", text or "")
    if not digits:
        return SsnEntry(None, NOT_COLLECTED)
    if not digits.isdigit():
        raise ValidationError("ssn", "Use digits only: all 9 digits, or the last 4.")
    if len(digits) == 4:
        if digits == "0000":
            raise ValidationError("ssn", "The last 4 digits of an SSN are never 0000.")
        return SsnEntry("xxxxx" + digits, SSN_PARTIAL)
    if len(digits) != 9:
        raise ValidationError("ssn", f"An SSN has 9 digits (this has {len(digits)}); or enter only the last 4.")
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area == "000" or area == "666" or area.startswith("9"):
        raise ValidationError("ssn", "No SSN starts with 000, 666 or 9; check the first 3 digits.")
    if group == "00":
        raise ValidationError("ssn", "The middle 2 digits of an SSN are never 00.")
    if serial == "0000":
        raise ValidationError("ssn", "The last 4 digits of an SSN are never 0000.")
    if digits in _PLACEHOLDER_SSNS or len(set(digits)) == 1:
        raise ValidationError("ssn", "This is a placeholder number, not a real SSN.")
    return SsnEntry(digits, SSN_FULL)


# HUD 3.02: 8 client doesn't know, 9 client prefers not to answer.
SSN_DOESNT_KNOW = 8
SSN_REFUSED = 9


def ssn_quality_conflict(ssn: str | None, data_quality: int | None) -> str | None:
    """Why an SSN contradicts its HUD 3.02 data quality, or None if they agree.

    "Full SSN reported" needs all nine digits (no ``x`` and not only the last four);
    "Client doesn't know" and "Client prefers not to answer" go with no number at all.
    "Approximate or partial" accepts any digits, and "Data not collected" is replaced
    by what the number shows, so neither contradicts.
    """
    digits = [c for c in _SSN_SEPARATORS.sub("", ssn or "") if c.isdigit()]
    if not digits:
        return None
    if data_quality == SSN_FULL and len(digits) != 9:
        return ("\u201cFull SSN reported\u201d needs all 9 digits; enter them, or choose "
                "\u201cApproximate or partial SSN reported\u201d.")
    if data_quality in (SSN_DOESNT_KNOW, SSN_REFUSED):
        return ("An SSN was entered but its data quality says the client did not give one; "
                "clear the number or choose its data quality again.")
    return None


def parse_dob(text: str, today: date) -> str | None:
    """A real calendar date between 1900-01-01 and today, as YYYY-MM-DD; None if blank."""
    text = (text or "").strip()
    if not text:
        return None
    for pattern, order in ((_ISO_DATE, (0, 1, 2)), (_US_DATE, (2, 0, 1))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            try:
                value = date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]]))
            except ValueError:
                raise ValidationError("dob", "That date does not exist; check the month and day.") from None
            break
    else:
        raise ValidationError("dob", "Write the date as YYYY-MM-DD or MM/DD/YYYY.")
    if value > today:
        raise ValidationError("dob", "A date of birth cannot be in the future.")
    if value < EARLIEST_DOB:
        raise ValidationError("dob", "A date of birth must be in 1900 or later.")
    return value.isoformat()


def parse_name_part(text: str, field_name: str) -> str | None:
    """A first or last name: letters required, at most 50 characters (HMIS CSV)."""
    value = " ".join((text or "").split())
    if not value:
        return None
    if len(value) > _NAME_MAX:
        raise ValidationError(field_name, f"Use at most {_NAME_MAX} characters.")
    if not any(c.isalpha() for c in value):
        raise ValidationError(field_name, "A name needs at least one letter.")
    return value


@dataclass(frozen=True)
class NewPersonCheck:
    """Either a person ready to save or the problems, keyed by field name."""

    person: Person | None
    problems: dict[str, str] = field(default_factory=dict)


def check_new_person(first_name: str, last_name: str, dob: str, ssn: str, today: date) -> NewPersonCheck:
    """Every field is checked, so a worker sees all problems at once."""
    problems: dict[str, str] = {}
    first = last = dob_value = None
    ssn_entry = SsnEntry(None, NOT_COLLECTED)
    try:
        first = parse_name_part(first_name, "first_name")
    except ValidationError as exc:
        problems[exc.field] = str(exc)
    try:
        last = parse_name_part(last_name, "last_name")
    except ValidationError as exc:
        problems[exc.field] = str(exc)
    if not problems and first is None and last is None:
        problems["first_name"] = "Enter at least a first or a last name."
    try:
        dob_value = parse_dob(dob, today)
    except ValidationError as exc:
        problems[exc.field] = str(exc)
    try:
        ssn_entry = parse_ssn(ssn)
    except ValidationError as exc:
        problems[exc.field] = str(exc)
    if problems:
        return NewPersonCheck(None, problems)
    person = Person(
        first_name=first,
        last_name=last,
        name_data_quality=NAME_FULL if first and last else NAME_PARTIAL,
        ssn=ssn_entry.value,
        ssn_data_quality=ssn_entry.data_quality,
        dob=dob_value,
        dob_data_quality=DOB_FULL if dob_value else NOT_COLLECTED,
    )
    return NewPersonCheck(person)
