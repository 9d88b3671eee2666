"""HUD data-quality checks of the universal data elements in Client.csv and Enrollment.csv
for ``check-hmis-csv`` (reference §2.3, Glossary Q2-Q3); each takes the running checker
and warns through it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.age import age_on
from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import HASH_STATUS_SHA256
from sync.hmis_csv.values import ValueFormatError, parse_date, parse_timestamp, ssn_issues

_DOB_FLOOR = date(1915, 1, 1)  # Glossary Q2: a DOB before this is a data-quality issue (reference §2.3)
_RACE_COLUMNS = ("AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao", "MidEastNAfrican",
                 "NativeHIPacific", "White")
MISSING_REASONS = {str(code) for code in code_lists.MISSING_REASONS}
NOT_COLLECTED = "99"


def lenient_date(text: str | None) -> date | None:
    """The date in ``text``, or None where it is empty or malformed (reported elsewhere)."""
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueFormatError:
        return None


def lenient_timestamp_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_timestamp(text).date()
    except ValueFormatError:
        return None


def check_client_row(checker: Any, number: int, values: Mapping[str, str]) -> None:
    """HUD data-quality flags for the universal data elements (reference §2.3, Glossary Q2-Q3)."""
    name = "Client.csv"
    for column in ("NameDataQuality", "SSNDataQuality", "DOBDataQuality", "RaceNone", "Sex"):
        if values.get(column) == NOT_COLLECTED:
            checker.warn(name, number, column, "ude_missing", "data not collected (99)")
    if values.get("NameDataQuality") in ("1", "2") and not (values.get("FirstName") and values.get("LastName")):
        checker.warn(name, number, "FirstName", "name_missing",
                     "first or last name is empty although the name quality says it was reported")
    _check_client_ssn(checker, number, values)
    dob = _check_client_dob(checker, number, values)
    minor = dob is not None and checker.export_end is not None and age_on(dob, checker.export_end) < 18
    if values.get("VeteranStatus") == "1" and minor:
        checker.warn(name, number, "VeteranStatus", "veteran_minor", "veteran status is Yes for a person under 18")
    if values.get("VeteranStatus") == NOT_COLLECTED and not minor:
        checker.warn(name, number, "VeteranStatus", "ude_missing", "data not collected (99) for an adult")
    _check_client_race(checker, number, values)


def _check_client_ssn(checker: Any, number: int, values: Mapping[str, str]) -> None:
    ssn = values.get("SSN", "")
    if not ssn:
        return
    if values.get("SSNDataQuality") in MISSING_REASONS:
        checker.warn("Client.csv", number, "SSN", "ssn_quality_conflict",
                     "an SSN is present but SSNDataQuality says it was not reported")
    if checker.hash_status != HASH_STATUS_SHA256:
        issues = ssn_issues(ssn)
        if issues:
            checker.warn("Client.csv", number, "SSN", "ssn_invalid",
                         "fails HUD SSN rules: " + ", ".join(issue.value for issue in issues))


def _check_client_dob(checker: Any, number: int, values: Mapping[str, str]) -> date | None:
    """The DOB's own flags; returns the DOB when it reads as a date."""
    name = "Client.csv"
    dob = lenient_date(values.get("DOB"))
    if values.get("DOB") and values.get("DOBDataQuality") in MISSING_REASONS:
        checker.warn(name, number, "DOB", "dob_quality_conflict",
                     "a DOB is present but DOBDataQuality is 8, 9 or 99")
    created = lenient_timestamp_date(values.get("DateCreated"))
    if dob is not None:
        if dob < _DOB_FLOOR:
            checker.warn(name, number, "DOB", "dob_before_1915", "is before 1915-01-01")
        if created is not None and dob > created:
            checker.warn(name, number, "DOB", "dob_after_date_created", "is after the record's DateCreated")
    return dob


def _check_client_race(checker: Any, number: int, values: Mapping[str, str]) -> None:
    race = [values.get(column, "") for column in _RACE_COLUMNS]
    race_none = values.get("RaceNone", "")
    if race_none and "1" in race:
        checker.warn("Client.csv", number, "RaceNone", "race_none_conflict", "should be empty when a race is selected")
    elif not race_none and all(value == "0" for value in race):
        checker.warn("Client.csv", number, "RaceNone", "ude_missing", "no race selected and RaceNone is empty")


def check_enrollment_row(checker: Any, number: int, values: Mapping[str, str]) -> None:
    name = "Enrollment.csv"
    for column in ("RelationshipToHoH", "DisablingCondition"):
        if values.get(column) == NOT_COLLECTED:
            checker.warn(name, number, column, "ude_missing", "universal data element not collected (99)")
    if values.get("RelationshipToHoH") == "1" and values.get("LivingSituation", "") in ("", NOT_COLLECTED):
        checker.warn(name, number, "LivingSituation", "ude_missing",
                     "prior living situation not collected for the head of household")
