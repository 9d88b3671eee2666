"""The rules ``check-hmis-csv`` applies to one row at a time, beyond each cell's own:
dependent fields, codes whose list depends on another column, Project.csv's
conditional requirements, and HUD's data-quality flags for the universal data
elements (reference §2.3, Glossary Q2-Q3). Rules across rows and files are the
checker's (:mod:`sync.hmis_csv.checker`) and the project descriptors' (:mod:`sync.hmis_csv.descriptor_checks`).

Messages never repeat a Client.csv value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol

from app.domain.age import age_on
from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import CLIENT, ENROLLMENT, HASH_STATUS_SHA256, Dependency, FileSpec
from sync.hmis_csv.descriptor_checks import PERIODS, check_inventory_row, check_period_row, check_project_coc_row
from sync.hmis_csv.values import ValueFormatError, parse_date, parse_timestamp, ssn_issues

__all__ = ["RowReporter", "check_row_rules", "parse_optional_date", "parse_optional_timestamp_date"]

_DOB_FLOOR = date(1915, 1, 1)  # Glossary Q2: a DOB before this is a data-quality issue (reference §2.3)
_RACE_COLUMNS = ("AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao", "MidEastNAfrican",
                 "NativeHIPacific", "White")
_MISSING_REASONS = {str(code) for code in code_lists.MISSING_REASONS}
_NOT_COLLECTED = "99"


class RowReporter(Protocol):
    """What the rules need of the checker: where to report, and what Export.csv said."""

    hash_status: int | None
    export_end: date | None

    def add(self, file: str, row: int | None, column: str | None, code: str, message: str) -> None: ...

    def warn(self, file: str, row: int | None, column: str | None, code: str, message: str) -> None: ...

    def dependencies(self, file: str) -> tuple[Dependency, ...]: ...


def parse_optional_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueFormatError:
        return None


def parse_optional_timestamp_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_timestamp(text).date()
    except ValueFormatError:
        return None


def _code_in(checker: RowReporter, spec: FileSpec, number: int, column: str, text: str,
             list_id: str | None) -> None:
    code_list = code_lists.get(list_id) if list_id else None
    if code_list is None or not text.isdigit() or int(text) in code_list:
        return
    checker.add(spec.filename, number, column, "unknown_code",
                f"not a code in HUD list {list_id} ({code_list.name}) (value {text!r})")


def _dependents(checker: RowReporter, spec: FileSpec, number: int, values: Mapping[str, str]) -> None:
    for dependency in checker.dependencies(spec.name):
        child, parent = values.get(dependency.column, ""), values.get(dependency.parent, "")
        if child and parent.isdigit() and int(parent) not in dependency.trigger_values:
            triggers = " or ".join(str(value) for value in sorted(dependency.trigger_values))
            checker.warn(spec.filename, number, dependency.column, "dependent_without_trigger",
                         f"should be empty unless {dependency.parent} is {triggers}")


def _dependent_codes(checker: RowReporter, spec: FileSpec, number: int, values: Mapping[str, str]) -> None:
    """Codes whose HUD list depends on another column of the row."""
    if spec.name == "Disabilities" and values.get("DisabilityType", "").isdigit():
        _code_in(checker, spec, number, "DisabilityResponse", values.get("DisabilityResponse", ""),
                 code_lists.disability_response_list(int(values["DisabilityType"])))
    elif spec.name == "Services" and values.get("RecordType", "").isdigit():
        _code_in(checker, spec, number, "TypeProvided", values.get("TypeProvided", ""),
                 code_lists.TYPE_PROVIDED_LIST_BY_RECORD_TYPE.get(int(values["RecordType"])))


def check_row_rules(checker: RowReporter, spec: FileSpec, number: int, values: Mapping[str, str]) -> None:
    """Every one-row rule of ``spec``'s file for the row ``values`` (column → cell text)."""
    _dependents(checker, spec, number, values)
    _dependent_codes(checker, spec, number, values)
    if spec.name == "Project":
        _check_project_row(checker, number, values)
    elif spec.name == "ProjectCoC":
        check_project_coc_row(checker, number, values)
    elif spec.name == "Inventory":
        check_inventory_row(checker, number, values)
    if spec.name in PERIODS:
        check_period_row(checker, spec.name, number, values)
    elif spec is CLIENT:
        _check_client_row(checker, number, values)
    elif spec is ENROLLMENT:
        _check_enrollment_row(checker, number, values)
    elif spec.name == "Exit" and values.get("Destination") == _NOT_COLLECTED:
        checker.warn("Exit.csv", number, "Destination", "ude_missing", "destination not collected (99)")


def _check_enrollment_row(checker: RowReporter, number: int, values: Mapping[str, str]) -> None:
    for column in ("RelationshipToHoH", "DisablingCondition"):
        if values.get(column) == _NOT_COLLECTED:
            checker.warn("Enrollment.csv", number, column, "ude_missing", "universal data element not collected (99)")
    if values.get("RelationshipToHoH") == "1" and values.get("LivingSituation", "") in ("", _NOT_COLLECTED):
        checker.warn("Enrollment.csv", number, "LivingSituation", "ude_missing",
                     "prior living situation not collected for the head of household")


def _check_project_row(checker: RowReporter, number: int, values: Mapping[str, str]) -> None:
    """Conditional requirements from reference §3.2, Project.csv."""
    project_type, subtype = values.get("ProjectType", ""), values.get("RRHSubType", "")
    if values.get("ContinuumProject") == "1" and not project_type:
        checker.add("Project.csv", number, "ProjectType", "conditional_required",
                    "required when ContinuumProject is 1")
    if project_type == "13" and not subtype:
        checker.add("Project.csv", number, "RRHSubType", "conditional_required", "required for ProjectType 13")
    if (project_type == "6" or (project_type == "13" and subtype == "1")) and not values.get(
            "ResidentialAffiliation"):
        checker.add("Project.csv", number, "ResidentialAffiliation", "conditional_required",
                    "required for ProjectType 6, and for 13 with RRHSubType 1")


def _check_client_row(checker: RowReporter, number: int, values: Mapping[str, str]) -> None:
    """HUD data-quality flags for the universal data elements (reference §2.3, Glossary Q2-Q3)."""
    for column in ("NameDataQuality", "SSNDataQuality", "DOBDataQuality", "RaceNone", "Sex"):
        if values.get(column) == _NOT_COLLECTED:
            checker.warn("Client.csv", number, column, "ude_missing", "data not collected (99)")
    if values.get("NameDataQuality") in ("1", "2") and not (values.get("FirstName") and values.get("LastName")):
        checker.warn("Client.csv", number, "FirstName", "name_missing",
                     "first or last name is empty although the name quality says it was reported")
    _check_ssn(checker, number, values)
    minor = _check_dob(checker, number, values)
    _check_veteran_and_race(checker, number, values, minor)


def _check_ssn(checker: RowReporter, number: int, values: Mapping[str, str]) -> None:
    ssn = values.get("SSN", "")
    if not ssn:
        return
    if values.get("SSNDataQuality") in _MISSING_REASONS:
        checker.warn("Client.csv", number, "SSN", "ssn_quality_conflict",
                     "an SSN is present but SSNDataQuality says it was not reported")
    if checker.hash_status != HASH_STATUS_SHA256:
        issues = ssn_issues(ssn)
        if issues:
            checker.warn("Client.csv", number, "SSN", "ssn_invalid",
                         "fails HUD SSN rules: " + ", ".join(issue.value for issue in issues))


def _check_dob(checker: RowReporter, number: int, values: Mapping[str, str]) -> bool:
    """The DOB's flags; returns whether the person is a minor at the export's end."""
    dob = parse_optional_date(values.get("DOB"))
    if values.get("DOB") and values.get("DOBDataQuality") in _MISSING_REASONS:
        checker.warn("Client.csv", number, "DOB", "dob_quality_conflict",
                     "a DOB is present but DOBDataQuality is 8, 9 or 99")
    if dob is None:
        return False
    created = parse_optional_timestamp_date(values.get("DateCreated"))
    if dob < _DOB_FLOOR:
        checker.warn("Client.csv", number, "DOB", "dob_before_1915", "is before 1915-01-01")
    if created is not None and dob > created:
        checker.warn("Client.csv", number, "DOB", "dob_after_date_created", "is after the record's DateCreated")
    return checker.export_end is not None and age_on(dob, checker.export_end) < 18


def _check_veteran_and_race(checker: RowReporter, number: int, values: Mapping[str, str], minor: bool) -> None:
    if values.get("VeteranStatus") == "1" and minor:
        checker.warn("Client.csv", number, "VeteranStatus", "veteran_minor",
                     "veteran status is Yes for a person under 18")
    if values.get("VeteranStatus") == _NOT_COLLECTED and not minor:
        checker.warn("Client.csv", number, "VeteranStatus", "ude_missing", "data not collected (99) for an adult")
    race = [values.get(column, "") for column in _RACE_COLUMNS]
    race_none = values.get("RaceNone", "")
    if race_none and "1" in race:
        checker.warn("Client.csv", number, "RaceNone", "race_none_conflict", "should be empty when a race is selected")
    elif not race_none and all(value == "0" for value in race):
        checker.warn("Client.csv", number, "RaceNone", "ude_missing", "no race selected and RaceNone is empty")
