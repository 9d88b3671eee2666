"""Formatting, parsing and validation of single HMIS CSV values.

The writer formats Python values into cell text with :func:`format_cell`; the
checker validates cell text with :func:`validate_cell`. Both apply the same
rules, so an export the writer produced is one the checker accepts.

Rules come from the HMIS CSV FY2026 specification (reference §3.1 "Types",
"Nulls" and the FY2026 "Characters" change in §1) and the HUD data-quality
rules for SSN and DOB (reference §2.3).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum

from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import FORBIDDEN_CHARACTERS, Column, Kind

__all__ = [
    "FORBIDDEN_CHARACTERS",
    "FORBIDDEN_TABLE",
    "CellIssue",
    "SsnIssue",
    "ValueFormatError",
    "clean_optional_text",
    "clean_text",
    "format_cell",
    "format_date",
    "format_integer",
    "format_money",
    "format_timestamp",
    "has_forbidden_characters",
    "hash_name",
    "hash_ssn",
    "is_placeholder_ssn",
    "is_valid_ssn",
    "normalize_ssn",
    "parse_date",
    "parse_integer",
    "parse_money",
    "parse_timestamp",
    "soundex",
    "ssn_issues",
    "validate_cell",
]


class ValueFormatError(ValueError):
    """A value that cannot be written to its column as the specification requires."""


# -- Text --------------------------------------------------------------------

#: ``str.translate`` table that strips :data:`FORBIDDEN_CHARACTERS`.
FORBIDDEN_TABLE: dict[int, None] = {ord(character): None for character in FORBIDDEN_CHARACTERS}
_FORBIDDEN_TABLE = FORBIDDEN_TABLE
# C0 controls other than tab, newline and carriage return, plus DEL: NUL in particular
# breaks CSV readers, and none of them is meaningful in an HMIS field.
_CONTROL_TABLE = dict.fromkeys((*range(9), 11, 12, *range(14, 32), 127))
_SURROGATES = re.compile("[\ud800-\udfff]")


_FORBIDDEN = re.compile("[" + re.escape(FORBIDDEN_CHARACTERS) + "]")


def has_forbidden_characters(text: str) -> bool:
    """True if ``text`` holds any of ``< > [ ] { }`` (stripped from FY2026 exports, reference §1)."""
    return _FORBIDDEN.search(text) is not None


def clean_text(value: str, max_length: int | None = None) -> str:
    """Make ``value`` fit an ``S#`` column: valid UTF-8, NFC, no ``< > [ ] { }``,
    no control characters other than tab/newline, no surrounding whitespace,
    and at most ``max_length`` characters (truncated).

    Truncation is for free text only; for identifiers use :func:`format_cell`,
    which refuses an over-long value instead of silently shortening it.
    """
    if value.isascii() and value.isprintable():
        # The common case: plain ASCII without controls is already NFC with no surrogates.
        text = value.translate(_FORBIDDEN_TABLE).strip()
        if max_length is not None and len(text) > max_length:
            text = text[: max(max_length, 0)].rstrip()
        return text
    text = _SURROGATES.sub("\ufffd", value)  # lone surrogates cannot be encoded as UTF-8
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_FORBIDDEN_TABLE).translate(_CONTROL_TABLE).strip()
    if max_length is not None and len(text) > max_length:
        text = text[: max(max_length, 0)].rstrip()
    return text


def clean_optional_text(value: str | None, max_length: int | None = None) -> str | None:
    """:func:`clean_text`, with ``None`` for a missing or blank value (exported as null)."""
    if value is None:
        return None
    text = clean_text(value, max_length)
    return text or None


# -- Dates, timestamps, numbers --------------------------------------------------

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIMESTAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")
_INTEGER = re.compile(r"^\d+$")
_MONEY = re.compile(r"^(-?)\d+(\.\d{1,2})?$")
_CENT = Decimal("0.01")


def format_date(value: date | None) -> str:
    """``YYYY-MM-DD`` (type D), or empty for null."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def parse_date(text: str) -> date:
    """Strict inverse of :func:`format_date`; rejects Excel-style or partial dates."""
    match = _DATE.match(text)
    if match is None:
        raise ValueFormatError("date must be YYYY-MM-DD")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueFormatError("not a real calendar date") from None


def format_timestamp(value: datetime | None) -> str:
    """``YYYY-MM-DD hh:mm:ss`` (type T), or empty for null.

    The format has no time zone; an aware datetime is converted to the local
    time of the exporting machine, the convention HMIS imports assume.
    """
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )


def parse_timestamp(text: str) -> datetime:
    """Strict inverse of :func:`format_timestamp`."""
    match = _TIMESTAMP.match(text)
    if match is None:
        raise ValueFormatError("timestamp must be YYYY-MM-DD hh:mm:ss")
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise ValueFormatError("not a real date and time") from None


def format_integer(value: int | None) -> str:
    """A non-negative integer (type I), or empty for null."""
    if value is None:
        return ""
    if not isinstance(value, int):
        raise ValueFormatError(f"expected an integer, got {type(value).__name__}")
    if value < 0:
        raise ValueFormatError("integers must not be negative")
    return str(int(value))


def parse_integer(text: str) -> int:
    """A non-negative integer written with digits only (type I)."""
    if _INTEGER.match(text) is None:
        raise ValueFormatError("expected a non-negative whole number")
    return int(text)


def format_money(value: Decimal | int | float | str | None, *, allow_negative: bool = True) -> str:
    """Two decimals, no ``,`` or ``$`` (type M; ``allow_negative=False`` for M+).

    Rounds half up to the cent. Floats go through their shortest decimal repr so
    that 0.1 is written as 0.10, not as its binary approximation.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ValueFormatError("expected an amount, got a boolean")
    try:
        if isinstance(value, float):
            amount = Decimal(repr(value))
        elif isinstance(value, str):
            amount = parse_money(value, allow_negative=True)
        else:
            amount = Decimal(value)
    except (InvalidOperation, ValueError):
        raise ValueFormatError("not an amount") from None
    if not amount.is_finite():
        raise ValueFormatError("amount must be finite")
    try:
        rounded = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueFormatError("amount is too large") from None
    if rounded == 0:
        rounded = abs(rounded)  # never write -0.00
    if rounded < 0 and not allow_negative:
        raise ValueFormatError("amount must not be negative")
    return f"{rounded:.2f}"


def parse_money(text: str, *, allow_negative: bool = True) -> Decimal:
    """An amount with at most two decimals and no ``,`` or ``$`` (types M, M+)."""
    match = _MONEY.match(text)
    if match is None:
        raise ValueFormatError("amount must be digits with at most 2 decimals, no ',' or '$'")
    if match[1] and not allow_negative:
        raise ValueFormatError("amount must not be negative")
    return Decimal(text)


# -- Cells -----------------------------------------------------------------------


def _code_list_problem(column: Column, code: int) -> str | None:
    if column.code_list is None:
        return None
    code_list = code_lists.get(column.code_list)
    if code_list is None or code in code_list:
        return None
    return f"{code} is not a code in HUD list {column.code_list} ({code_list.name})"


def format_cell(column: Column, value: object, *, max_length: int | None = None) -> str:
    """The cell text for ``value`` in ``column``, unquoted (quoting is the writer's job).

    ``None`` becomes the empty (null) cell. Accepted Python types: ``str`` or
    ``int`` for strings (an int ID is written in decimal); ``int`` (and ``bool``,
    as 0/1) for integers; ``date`` for dates; ``datetime`` for timestamps;
    ``Decimal``/``int``/``float``/``str`` for money. Strings are cleaned with
    :func:`clean_text` but never truncated: a value longer than the column
    allows raises :class:`ValueFormatError` so no ID or code is silently cut.
    ``max_length`` overrides the column's (HashStatus 4 widens name and SSN fields).
    Nullability is checked by the writer, which knows the row.
    """
    if value is None:
        return ""
    return _FORMATTERS[column.kind](column, value, max_length)


def _format_string(column: Column, value: object, max_length: int | None) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueFormatError(f"{column.name}: expected text, got {type(value).__name__}")
    text = clean_text(str(value))
    limit = max_length if max_length is not None else column.max_length
    if limit is not None and len(text) > limit:
        raise ValueFormatError(f"{column.name}: {len(text)} characters, at most {limit} allowed")
    return text


def _format_integer(column: Column, value: object, max_length: int | None) -> str:
    if isinstance(value, str):
        number = parse_integer(value.strip())
    elif isinstance(value, int):
        number = int(value)
    else:
        raise ValueFormatError(f"{column.name}: expected an integer, got {type(value).__name__}")
    if number < 0:
        raise ValueFormatError(f"{column.name}: integers must not be negative")
    problem = _code_list_problem(column, number)
    if problem is not None:
        raise ValueFormatError(f"{column.name}: {problem}")
    return str(number)


def _format_date_cell(column: Column, value: object, max_length: int | None) -> str:
    if isinstance(value, str):
        return format_date(parse_date(value))
    if not isinstance(value, date):
        raise ValueFormatError(f"{column.name}: expected a date, got {type(value).__name__}")
    return format_date(value)


def _format_timestamp_cell(column: Column, value: object, max_length: int | None) -> str:
    if isinstance(value, str):
        return format_timestamp(parse_timestamp(value))
    if not isinstance(value, datetime):
        raise ValueFormatError(f"{column.name}: expected a datetime, got {type(value).__name__}")
    return format_timestamp(value)


def _format_money_cell(column: Column, value: object, max_length: int | None) -> str:
    if not isinstance(value, (Decimal, int, float, str)):
        raise ValueFormatError(f"{column.name}: expected an amount, got {type(value).__name__}")
    try:
        return format_money(value, allow_negative=column.kind is Kind.MONEY)
    except ValueFormatError as error:
        raise ValueFormatError(f"{column.name}: {error}") from None


_FORMATTERS: dict[Kind, Callable[[Column, object, int | None], str]] = {
    Kind.STRING: _format_string, Kind.INTEGER: _format_integer, Kind.DATE: _format_date_cell,
    Kind.TIMESTAMP: _format_timestamp_cell, Kind.MONEY: _format_money_cell,
    Kind.MONEY_NON_NEGATIVE: _format_money_cell,
}


@functools.cache
def _code_texts(list_id: str) -> frozenset[str]:
    """The codes of a HUD list as cell texts."""
    code_list = code_lists.get(list_id)
    return frozenset(str(code) for code in code_list) if code_list is not None else frozenset()


@dataclass(frozen=True)
class CellIssue:
    """Why one cell's text breaks the specification; ``code`` is stable for tests and tools."""

    code: str
    message: str


def _parse_issue(parser: Callable[[str], object], text: str, code: str) -> CellIssue | None:
    try:
        parser(text)
    except ValueFormatError as error:
        return CellIssue(code, str(error))
    return None


def validate_cell(column: Column, text: str, *, max_length: int | None = None) -> tuple[CellIssue, ...]:
    """Every way ``text`` (as read from the CSV) breaks ``column``'s rules.

    Checks nullability, type, length, forbidden characters and, where the list
    is enumerated in :mod:`code_lists`, the code. Messages never repeat the
    value itself, so a report cannot leak personal data.
    """
    if text == "":
        if column.nullable:
            return ()
        return (CellIssue("null_not_allowed", "must not be empty"),)
    kind = column.kind
    issue: CellIssue | None
    if kind is Kind.STRING:
        issues: list[CellIssue] = []
        limit = max_length if max_length is not None else column.max_length
        if limit is not None and len(text) > limit:
            issues.append(CellIssue("too_long", f"{len(text)} characters, at most {limit} allowed"))
        if has_forbidden_characters(text):
            issues.append(CellIssue("forbidden_characters", "contains one of < > [ ] { }, which must be stripped"))
        if column.code_list is not None:
            code_list = code_lists.get(column.code_list)
            if code_list is not None and text not in _code_texts(column.code_list):
                issues.append(CellIssue("unknown_code", f"not a code in HUD list {column.code_list}"))
        return tuple(issues)
    if kind is Kind.INTEGER:
        issue = _parse_issue(parse_integer, text, "bad_integer")
        if issue is not None:
            return (issue,)
        problem = _code_list_problem(column, int(text))
        return (CellIssue("unknown_code", problem),) if problem is not None else ()
    if kind is Kind.DATE:
        issue = _parse_issue(parse_date, text, "bad_date")
    elif kind is Kind.TIMESTAMP:
        issue = _parse_issue(parse_timestamp, text, "bad_timestamp")
    else:
        issue = _parse_issue(
            lambda value: parse_money(value, allow_negative=kind is Kind.MONEY), text, "bad_money"
        )
    return (issue,) if issue is not None else ()


# -- SSN (3.02) --------------------------------------------------------------------

_SSN_SHAPE = re.compile(r"^[0-9x]{9}$")
_SSN_SEPARATORS = re.compile(r"[\s\-]")
_KNOWN_INVALID_SSNS = frozenset({"219099999", "078051120"})  # published specimen numbers


class SsnIssue(str, Enum):
    """HUD's reasons an SSN is a data-quality issue (Glossary Q2, reference §2.3)."""

    NOT_NINE_CHARACTERS = "not_nine_characters"
    NON_DIGIT = "non_digit"
    LAST_FOUR_MISSING = "last_four_missing"
    LAST_FOUR_ZERO = "last_four_zero"
    AREA_000 = "area_000"
    AREA_666 = "area_666"
    AREA_900_999 = "area_900_999"
    GROUP_00 = "group_00"
    REPEATED_DIGIT = "repeated_digit"
    STRAIGHT_RUN = "straight_run"
    KNOWN_INVALID = "known_invalid"


def is_placeholder_ssn(ssn: str) -> bool:
    """True for fillers that carry no SSN at all: only ``0``/``x`` characters
    (``000000000``, ``xxxxxxxxx``, ``xxxxx0000``) or the common ``999999999``.

    Placeholders are exported as null (reference §2.3, §3.1 "Nulls").
    """
    compact = _SSN_SEPARATORS.sub("", ssn).lower()
    if compact == "999999999":
        return True
    return bool(compact) and all(character in "0x" for character in compact)


def normalize_ssn(raw: str | None) -> str | None:
    """The 9-character export form (digits, ``x`` for unknown digits), or ``None``
    for a blank value or a placeholder. Dashes and spaces are removed.

    Raises :class:`ValueFormatError` for anything that cannot be an SSN, so a
    typo is caught at the form rather than exported.
    """
    if raw is None:
        return None
    compact = _SSN_SEPARATORS.sub("", raw).lower()
    if not compact:
        return None
    if _SSN_SHAPE.match(compact) is None:
        raise ValueFormatError("SSN must be 9 digits, with x for any unknown digit")
    if is_placeholder_ssn(compact):
        return None
    return compact


def _is_straight_run(digits: str) -> bool:
    steps = {(int(after) - int(before)) % 10 for before, after in itertools.pairwise(digits)}
    return steps in ({1}, {9})


def ssn_issues(ssn: str) -> tuple[SsnIssue, ...]:
    """Every HUD data-quality rule ``ssn`` breaks (reference §2.3, greenriver's
    known-invalid list). Rules that need a digit are skipped where that digit is
    an ``x``; an SSN with ``x`` in the last four is flagged as missing them.
    """
    text = ssn.lower()
    if len(text) != 9:
        return (SsnIssue.NOT_NINE_CHARACTERS,)
    if any(character not in "0123456789x" for character in text):
        return (SsnIssue.NON_DIGIT,)
    issues: list[SsnIssue] = []
    area, group, serial = text[:3], text[3:5], text[5:]
    if "x" in serial:
        issues.append(SsnIssue.LAST_FOUR_MISSING)
    elif serial == "0000":
        issues.append(SsnIssue.LAST_FOUR_ZERO)
    if area == "000":
        issues.append(SsnIssue.AREA_000)
    elif area == "666":
        issues.append(SsnIssue.AREA_666)
    elif area.isdigit() and area[0] == "9":
        issues.append(SsnIssue.AREA_900_999)
    if group == "00":
        issues.append(SsnIssue.GROUP_00)
    if text.isdigit():
        if len(set(text)) == 1:
            issues.append(SsnIssue.REPEATED_DIGIT)
        elif _is_straight_run(text):
            issues.append(SsnIssue.STRAIGHT_RUN)
        if text in _KNOWN_INVALID_SSNS:
            issues.append(SsnIssue.KNOWN_INVALID)
    return tuple(issues)


def is_valid_ssn(ssn: str) -> bool:
    """True for a complete 9-digit SSN that breaks none of HUD's rules."""
    return len(ssn) == 9 and ssn.isdigit() and not ssn_issues(ssn)


# -- Hashing, HashStatus 4 (reference §3.1) -------------------------------------------

_SOUNDEX_CODES = {
    **dict.fromkeys("BFPV", "1"),
    **dict.fromkeys("CGJKQSXZ", "2"),
    **dict.fromkeys("DT", "3"),
    "L": "4",
    **dict.fromkeys("MN", "5"),
    "R": "6",
}


def _ascii_letters(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(character for character in decomposed.upper() if "A" <= character <= "Z")


def soundex(name: str) -> str:
    """American Soundex (letter + three digits) of ``name``, or ``""`` when it has no letters.

    Accented letters count as their base letter and other characters are
    ignored, so "José" and "Jose" agree. H and W do not separate letters with
    the same code; vowels (and Y) do.
    """
    letters = _ascii_letters(name)
    if not letters:
        return ""
    result = [letters[0]]
    previous = _SOUNDEX_CODES.get(letters[0], "")
    for letter in letters[1:]:
        if letter in "HW":
            continue
        code = _SOUNDEX_CODES.get(letter, "")
        if code and code != previous:
            result.append(code)
            if len(result) == 4:
                break
        previous = code
    return "".join(result).ljust(4, "0")


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_name(name: str | None) -> str | None:
    """HashStatus 4 form of a name: SHA-256 (lower-case hex, 64 characters) of its
    SOUNDEX. ``None`` when the name is missing or has no letters (exported as null)."""
    if name is None:
        return None
    code = soundex(name)
    return _sha256_hex(code) if code else None


def hash_ssn(ssn: str | None) -> str | None:
    """HashStatus 4 form of an SSN: its last four characters followed by the
    SHA-256 hex of the 9-character SSN, ``x`` marking unknown digits (68 characters).
    ``None`` for a blank value or a placeholder."""
    normalized = normalize_ssn(ssn)
    if normalized is None:
        return None
    return normalized[-4:] + _sha256_hex(normalized)
