"""Value formatting, parsing and the HUD SSN / hashing rules (sync.hmis_csv.values)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import jellyfish
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.hmis_csv.columns import FORBIDDEN_CHARACTERS, Column, Kind, file_spec
from sync.hmis_csv.values import (
    SsnIssue,
    ValueFormatError,
    clean_optional_text,
    clean_text,
    format_cell,
    format_date,
    format_integer,
    format_money,
    format_timestamp,
    has_forbidden_characters,
    hash_name,
    hash_ssn,
    is_placeholder_ssn,
    is_valid_ssn,
    normalize_ssn,
    parse_date,
    parse_integer,
    parse_money,
    parse_timestamp,
    soundex,
    ssn_issues,
    validate_cell,
)

# -- Text -------------------------------------------------------------------------


def test_clean_text_strips_forbidden_characters_and_controls() -> None:
    assert clean_text("  <Jo>[hn]{ny}\x00\x07  ") == "Johnny"
    assert clean_text("line one\nline two\ttab") == "line one\nline two\ttab"


def test_clean_text_truncates_and_normalises() -> None:
    assert clean_text("abcdef", 3) == "abc"
    assert clean_text("ab   cdef", 4) == "ab"  # no trailing space left by the cut
    assert clean_text("Jose\u0301") == "Jos\u00e9"  # NFC: one character, not two
    assert clean_text("bad \udcff surrogate") == "bad \ufffd surrogate"


def test_clean_optional_text() -> None:
    assert clean_optional_text(None) is None
    assert clean_optional_text("  <>  ") is None
    assert clean_optional_text(" Ann ") == "Ann"


@given(st.text(), st.one_of(st.none(), st.integers(min_value=0, max_value=600)))
def test_clean_text_never_crashes_and_always_fits(value: str, max_length: int | None) -> None:
    cleaned = clean_text(value, max_length)
    if max_length is not None:
        assert len(cleaned) <= max_length
    assert not has_forbidden_characters(cleaned)
    assert not any(character in cleaned for character in FORBIDDEN_CHARACTERS)
    cleaned.encode("utf-8")  # always valid UTF-8
    assert "\x00" not in cleaned
    assert cleaned == cleaned.strip()


@given(st.text(), st.integers(min_value=1, max_value=500))
def test_string_cells_are_within_length_or_refused(value: str, max_length: int) -> None:
    column = Column("Note", Kind.STRING, max_length, nullable=True)
    try:
        text = format_cell(column, value)
    except ValueFormatError:
        assert len(clean_text(value)) > max_length
        return
    assert len(text) <= max_length
    assert not has_forbidden_characters(text)
    text.encode("utf-8")
    assert validate_cell(column, text) == ()


# -- Dates and timestamps ---------------------------------------------------------------


def test_dates() -> None:
    assert format_date(date(2026, 1, 5)) == "2026-01-05"
    assert format_date(date(987, 3, 4)) == "0987-03-04"
    assert format_date(None) == ""
    assert format_date(datetime(2026, 1, 5, 23, 59)) == "2026-01-05"
    assert parse_date("2026-02-28") == date(2026, 2, 28)
    for bad in ("2026-02-30", "1/5/2026", "2026-1-5", "20260105", "2026-01-05 00:00:00", ""):
        with pytest.raises(ValueFormatError):
            parse_date(bad)


def test_timestamps() -> None:
    assert format_timestamp(datetime(2026, 3, 1, 9, 5, 7, 999999)) == "2026-03-01 09:05:07"
    assert parse_timestamp("2026-03-01 09:05:07") == datetime(2026, 3, 1, 9, 5, 7)
    aware = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_timestamp(format_timestamp(aware)) == aware.astimezone().replace(tzinfo=None)
    for bad in ("2026-03-01T09:05:07", "2026-03-01 9:05:07", "2026-03-01", "2026-03-01 24:00:00"):
        with pytest.raises(ValueFormatError):
            parse_timestamp(bad)


@given(st.dates())
def test_date_round_trip(value: date) -> None:
    assert parse_date(format_date(value)) == value


@given(st.datetimes())
def test_timestamp_round_trip(value: datetime) -> None:
    text = format_timestamp(value)
    assert len(text) == 19
    assert parse_timestamp(text) == value.replace(microsecond=0)


# -- Numbers ------------------------------------------------------------------------------------


def test_integers() -> None:
    assert format_integer(99) == "99"
    assert format_integer(None) == ""
    assert parse_integer("007") == 7
    for bad in ("-1", "1.0", " 1", "1e3", ""):
        with pytest.raises(ValueFormatError):
            parse_integer(bad)
    with pytest.raises(ValueFormatError):
        format_integer(-1)


def test_money() -> None:
    assert format_money(Decimal("1234.5")) == "1234.50"
    assert format_money(0.1) == "0.10"
    assert format_money(2) == "2.00"
    assert format_money(Decimal("2.005")) == "2.01"
    assert format_money(Decimal("-0.001")) == "0.00"
    assert format_money("-15.5") == "-15.50"
    assert format_money(None) == ""
    with pytest.raises(ValueFormatError):
        format_money(Decimal("-1"), allow_negative=False)
    for bad in ("$10", "1,000.00", "10.123", "abc", "NaN"):
        with pytest.raises(ValueFormatError):
            format_money(bad)
    with pytest.raises(ValueFormatError):
        format_money(float("inf"))
    assert parse_money("10") == Decimal("10")
    with pytest.raises(ValueFormatError):
        parse_money("-1", allow_negative=False)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**9, max_value=10**9, places=6))
def test_money_never_crashes_and_parses_back(value: Decimal) -> None:
    text = format_money(value)
    assert "," not in text and "$" not in text
    assert len(text.split(".")[1]) == 2
    assert abs(parse_money(text) - value) <= Decimal("0.005")


@given(st.one_of(st.floats(), st.integers(), st.text(max_size=20)))
def test_money_either_formats_or_refuses(value: float | int | str) -> None:
    try:
        text = format_money(value)
    except ValueFormatError:
        return
    assert validate_cell(Column("Amount", Kind.MONEY, nullable=True), text) == ()


# -- Cells ------------------------------------------------------------------------------------------


def test_format_cell_by_kind() -> None:
    client = file_spec("Client")
    assert format_cell(client.column("PersonalID"), 42) == "42"
    assert format_cell(client.column("VeteranStatus"), 99) == "99"
    assert format_cell(client.column("White"), True) == "1"
    assert format_cell(client.column("DOB"), date(1990, 1, 2)) == "1990-01-02"
    assert format_cell(client.column("DateCreated"), datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02 03:04:05"
    assert format_cell(client.column("FirstName"), None) == ""
    assert format_cell(client.column("FirstName"), " {Ann} ") == "Ann"


def test_format_cell_refuses_what_the_column_cannot_hold() -> None:
    client = file_spec("Client")
    with pytest.raises(ValueFormatError, match="VeteranStatus"):
        format_cell(client.column("VeteranStatus"), 3)  # not in list 1.8
    with pytest.raises(ValueFormatError, match="PersonalID"):
        format_cell(client.column("PersonalID"), "x" * 33)
    with pytest.raises(ValueFormatError):
        format_cell(client.column("DOB"), "05/01/1990")
    with pytest.raises(ValueFormatError):
        format_cell(client.column("DateCreated"), date(2026, 1, 1))
    with pytest.raises(ValueFormatError):
        format_cell(client.column("NameDataQuality"), 1.0)
    with pytest.raises(ValueFormatError):
        format_cell(client.column("FirstName"), 3.5)


def test_validate_cell() -> None:
    client = file_spec("Client")
    assert validate_cell(client.column("PersonalID"), "")[0].code == "null_not_allowed"
    assert validate_cell(client.column("FirstName"), "") == ()
    assert validate_cell(client.column("DOB"), "1990-13-01")[0].code == "bad_date"
    assert validate_cell(client.column("DateCreated"), "2026-01-01")[0].code == "bad_timestamp"
    assert validate_cell(client.column("NameDataQuality"), "x")[0].code == "bad_integer"
    assert validate_cell(client.column("NameDataQuality"), "3")[0].code == "unknown_code"
    assert validate_cell(client.column("FirstName"), "a" * 51)[0].code == "too_long"
    assert validate_cell(client.column("FirstName"), "a" * 64, max_length=64) == ()
    assert validate_cell(client.column("FirstName"), "<b>")[0].code == "forbidden_characters"
    assert validate_cell(file_spec("Services").column("FAAmount"), "1,00")[0].code == "bad_money"
    assert validate_cell(file_spec("IncomeBenefits").column("EarnedAmount"), "-1.00")[0].code == "bad_money"
    assert validate_cell(file_spec("Enrollment").column("ReferralSource"), "12345") == ()  # list not enumerated


@given(st.text(max_size=80))
def test_validate_cell_never_crashes(text: str) -> None:
    for spec_name in ("Client", "IncomeBenefits", "Services"):
        for column in file_spec(spec_name).columns:
            for issue in validate_cell(column, text):
                assert issue.code and issue.message


# -- SSN ----------------------------------------------------------------------------------------------


def test_normalize_ssn() -> None:
    assert normalize_ssn("123-45-6780") == "123456780"
    assert normalize_ssn(" xxx-xx-1234 ") == "xxxxx1234"
    assert normalize_ssn("XXXXX1234") == "xxxxx1234"
    assert normalize_ssn("") is None
    assert normalize_ssn(None) is None
    for placeholder in ("000000000", "000-00-0000", "xxxxxxxxx", "xxxxx0000", "999999999"):
        assert is_placeholder_ssn(placeholder)
        assert normalize_ssn(placeholder) is None
    for bad in ("12345678", "1234567890", "12345678a", "123 45 67 8"):
        with pytest.raises(ValueFormatError):
            normalize_ssn(bad)


@pytest.mark.parametrize(
    ("ssn", "issue"),
    [
        ("000123456", SsnIssue.AREA_000),
        ("666123456", SsnIssue.AREA_666),
        ("900123456", SsnIssue.AREA_900_999),
        ("999123456", SsnIssue.AREA_900_999),
        ("123004567", SsnIssue.GROUP_00),
        ("123450000", SsnIssue.LAST_FOUR_ZERO),
        ("12345xxxx", SsnIssue.LAST_FOUR_MISSING),
        ("111111111", SsnIssue.REPEATED_DIGIT),
        ("123456789", SsnIssue.STRAIGHT_RUN),
        ("987654321", SsnIssue.STRAIGHT_RUN),
        ("345678901", SsnIssue.STRAIGHT_RUN),
        ("210987654", SsnIssue.STRAIGHT_RUN),
        ("219099999", SsnIssue.KNOWN_INVALID),
        ("078051120", SsnIssue.KNOWN_INVALID),
        ("12345678-", SsnIssue.NON_DIGIT),
        ("1234", SsnIssue.NOT_NINE_CHARACTERS),
    ],
)
def test_ssn_rules(ssn: str, issue: SsnIssue) -> None:
    assert issue in ssn_issues(ssn)
    assert not is_valid_ssn(ssn)


def test_valid_and_partial_ssns() -> None:
    assert ssn_issues("123456780") == ()
    assert is_valid_ssn("123456780")
    assert ssn_issues("xxxxx1234") == ()  # a last-4-only SSN breaks no rule it can be judged on
    assert not is_valid_ssn("xxxxx1234")  # ...but it is not a complete SSN


@given(st.text(alphabet="0123456789x-X ", max_size=14))
def test_ssn_helpers_never_crash(raw: str) -> None:
    try:
        normalized = normalize_ssn(raw)
    except ValueFormatError:
        return
    if normalized is not None:
        assert len(normalized) == 9 and set(normalized) <= set("0123456789x")
        ssn_issues(normalized)
        hashed = hash_ssn(normalized)
        assert hashed is not None and len(hashed) == 68 and hashed[:4] == normalized[-4:]


# -- Soundex and hashing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Robert", "R163"), ("Rupert", "R163"), ("Rubin", "R150"), ("Ashcraft", "A261"), ("Ashcroft", "A261"),
        ("Tymczak", "T522"), ("Pfister", "P236"), ("Honeyman", "H555"), ("Lee", "L000"), ("Gutierrez", "G362"),
        ("Jackson", "J250"), ("José", "J200"), ("O'Neil", "O540"), ("van Dyke", "V532"),
    ],
)
def test_soundex_known_values(name: str, code: str) -> None:
    assert soundex(name) == code


def test_soundex_without_letters() -> None:
    assert soundex("") == ""
    assert soundex("123 -") == ""
    assert hash_name("123") is None
    assert hash_name(None) is None


@given(st.text(alphabet=st.characters(min_codepoint=ord("A"), max_codepoint=ord("Z")), min_size=1, max_size=20))
def test_soundex_agrees_with_jellyfish(name: str) -> None:
    assert soundex(name) == jellyfish.soundex(name)


@given(st.text())
def test_soundex_never_crashes(name: str) -> None:
    code = soundex(name)
    assert code == "" or (len(code) == 4 and code[0].isalpha() and code[1:].isdigit())


def test_hash_status_4_values() -> None:
    assert hash_name("Robert") == hashlib.sha256(b"R163").hexdigest()
    assert hash_name("Rupert") == hash_name("Robert")
    assert len(hash_name("Robert") or "") == 64
    assert hash_ssn("123-45-6780") == "6780" + hashlib.sha256(b"123456780").hexdigest()
    assert hash_ssn("xxxxx1234") == "1234" + hashlib.sha256(b"xxxxx1234").hexdigest()
    assert hash_ssn("000000000") is None
    client = file_spec("Client")
    assert validate_cell(client.column("SSN"), hash_ssn("123456780") or "", max_length=68) == ()


def test_format_timestamp_with_offset_is_local_time() -> None:
    offset = timezone(timedelta(hours=-5))
    value = datetime(2026, 6, 1, 8, 0, tzinfo=offset)
    assert format_timestamp(value) == format_timestamp(value.astimezone().replace(tzinfo=None))
