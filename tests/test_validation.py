from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.rules.validation import (
    NOT_COLLECTED,
    SSN_FULL,
    SSN_PARTIAL,
    check_new_person,
    parse_dob,
    parse_name_part,
    parse_ssn,
    ssn_quality_conflict,
)

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize("text", ["123-45-6789x", "12345678", "1234567890", "12 3"])
def test_ssn_malformed_is_rejected(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_ssn(text)
    assert caught.value.field == "ssn"


@pytest.mark.parametrize(
    "text",
    ["000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000", "111111111", "123456789"],
)
def test_ssn_patterns_hud_marks_invalid_are_rejected(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_ssn(text)


def test_ssn_full_and_partial() -> None:
    assert parse_ssn("234-56-7890").value == "234567890"
    assert parse_ssn("234 56 7890").data_quality == SSN_FULL
    partial = parse_ssn("7890")
    assert partial.value == "xxxxx7890" and partial.data_quality == SSN_PARTIAL
    assert parse_ssn("  ").data_quality == NOT_COLLECTED


def test_ssn_message_does_not_repeat_the_input() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_ssn("666-12-3456")
    assert "666-12" not in str(caught.value) and "3456" not in str(caught.value)


def test_dob_accepts_iso_and_us_forms() -> None:
    assert parse_dob("1985-03-14", TODAY) == "1985-03-14"
    assert parse_dob("3/14/1985", TODAY) == "1985-03-14"
    assert parse_dob("", TODAY) is None


@pytest.mark.parametrize("text", ["1985-02-30", "2026-03-03", "1899-12-31", "14.03.1985", "yesterday"])
def test_dob_rejects_impossible_future_and_ancient_dates(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_dob(text, TODAY)
    assert caught.value.field == "dob"


def test_dob_today_is_allowed() -> None:
    assert parse_dob("2026-03-02", TODAY) == "2026-03-02"


def test_name_part() -> None:
    assert parse_name_part("  Quillfeather   ", "first_name") == "Quillfeather"
    assert parse_name_part("", "first_name") is None
    with pytest.raises(ValidationError):
        parse_name_part("1234", "last_name")
    with pytest.raises(ValidationError):
        parse_name_part("x" * 51, "last_name")


def test_check_new_person_collects_every_problem() -> None:
    result = check_new_person("", "", "2099-01-01", "12", TODAY)
    assert result.person is None
    assert set(result.problems) == {"first_name", "dob", "ssn"}


def test_check_new_person_builds_a_person() -> None:
    result = check_new_person("Quillfeather", "Zandermoss", "03/14/1985", "4321", TODAY)
    assert result.problems == {}
    person = result.person
    assert person is not None
    assert (person.first_name, person.last_name, person.dob) == ("Quillfeather", "Zandermoss", "1985-03-14")
    assert person.ssn_last4 == "4321" and person.ssn_data_quality == SSN_PARTIAL


@pytest.mark.parametrize("ssn", ["xxxxx1234", "1234", "xxx-xx-1234", "23456789x"])
def test_hud_3_02_full_ssn_reported_needs_all_nine_digits(ssn: str) -> None:
    """HUD 3.02: "Full SSN reported" contradicts a partial number."""
    assert ssn_quality_conflict(ssn, SSN_FULL)


@pytest.mark.parametrize("quality", [8, 9])
def test_hud_3_02_no_number_goes_with_doesnt_know_or_refused(quality: int) -> None:
    assert ssn_quality_conflict("234567890", quality)
    assert ssn_quality_conflict("", quality) is None


@pytest.mark.parametrize(("ssn", "quality"), [("234567890", SSN_FULL), ("xxxxx1234", SSN_PARTIAL),
                                              ("234567890", SSN_PARTIAL), ("xxxxx1234", 99), (None, SSN_FULL)])
def test_hud_3_02_ssn_agreeing_with_its_quality_passes(ssn: str | None, quality: int) -> None:
    assert ssn_quality_conflict(ssn, quality) is None
