"""Checks a finished HMIS CSV export zip against the FY2026 v1.0 specification.

:func:`check_export` reads the zip and reports every problem it finds, not just
the first: missing and extra files, wrong headers, malformed rows and values,
codes outside their HUD list, broken links between files, household and exit
rules (errors), and HUD data-quality flags (warnings). It is meant to run on
every export before it leaves the device, and on exports received from others.

Messages never repeat Client.csv values or free text, so a report can be shown
or logged without leaking personal data (product brief, "Non-negotiables").
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sync.hmis_csv.columns import (
    CLIENT,
    CSV_VERSION,
    DEPENDENCIES,
    ENROLLMENT,
    ENROLLMENT_LEVEL_FILES,
    EXPORT,
    FILES,
    Column,
    Dependency,
    FileSpec,
    Kind,
    file_spec,
    max_length_for,
)
from sync.hmis_csv.descriptor_checks import (
    check_descriptor_files,
)
from sync.hmis_csv.gc_pause import collector_paused
from sync.hmis_csv.record_checks import check_row_rules, parse_optional_date, parse_optional_timestamp_date
from sync.hmis_csv.report import CheckReport, Problem, Severity
from sync.hmis_csv.values import validate_cell

__all__ = ["CheckReport", "Problem", "Severity", "check_export"]


# Columns kept from each row for the checks that look across rows and files.
_LINK_COLUMNS = frozenset({
    "PersonalID", "EnrollmentID", "ProjectID", "ResProjectID", "OrganizationID", "UserID", "AssessmentID",
    "ExportID", "HouseholdID", "RelationshipToHoH", "EntryDate", "ExitDate", "MoveInDate", "DateDeleted",
    "DOB", "EnrollmentCoC", "CoCCode", "ProjectType", "ContinuumProject", "RRHSubType", "HousingType",
    "OperatingStartDate",
})

# (file, column, target file): every value in the column must be an ID of the target file.
_REFERENCES: tuple[tuple[str, str, FileSpec], ...] = (
    ("Project", "OrganizationID", file_spec("Organization")),
    *((spec.name, "ProjectID", file_spec("Project")) for spec in FILES if spec.has_column("ProjectID")
      and spec.name != "Project"),
    ("Affiliation", "ResProjectID", file_spec("Project")),
    ("Enrollment", "PersonalID", CLIENT),
    *((spec.name, "PersonalID", CLIENT) for spec in ENROLLMENT_LEVEL_FILES),
    *((spec.name, "EnrollmentID", ENROLLMENT) for spec in ENROLLMENT_LEVEL_FILES),
    ("AssessmentQuestions", "AssessmentID", file_spec("Assessment")),
    ("AssessmentResults", "AssessmentID", file_spec("Assessment")),
    *((spec.name, "UserID", file_spec("User")) for spec in FILES if spec.has_column("UserID")
      and spec.name != "User"),
)
_ORPHAN_CODES = {
    "Organization": "orphan_organization_id", "Project": "orphan_project_id", "Client": "orphan_personal_id",
    "Enrollment": "orphan_enrollment_id", "Assessment": "orphan_assessment_id", "User": "orphan_user_id",
}


@dataclass
class _Row:
    number: int
    values: dict[str, str]


#: Distinct valid texts a column's memo holds before it stops remembering more.
_VALID_MEMO_LIMIT = 4096


@dataclass(frozen=True)
class _Plan:
    """One file's columns as its header placed them (see _Checker._plan)."""

    cells: tuple[tuple[str, int, Column, bool, int | None, set[str]], ...]
    kept: tuple[tuple[str, int], ...]
    positions: list[tuple[str, int]]


_date = parse_optional_date
_timestamp_date = parse_optional_timestamp_date


class _Checker:
    def __init__(self, path: str, max_per_kind: int) -> None:
        self.path = path
        self.max_per_kind = max_per_kind
        self.problems: list[Problem] = []
        self._counts: Counter[tuple[str, str]] = Counter()
        self._first_severity: dict[tuple[str, str], Severity] = {}
        self.rows: dict[str, list[_Row]] = {}
        self.hash_status: int | None = None
        self.export_id: str | None = None
        self.export_end: date | None = None
        self.inventory_es_fields: list[dict[str, object]] = []  # read by descriptor_checks
        self._dependencies: dict[str, tuple[Dependency, ...]] = {
            spec.name: tuple(d for d in DEPENDENCIES if d.file == spec.name) for spec in FILES}

    def add(self, file: str, row: int | None, column: str | None, code: str, message: str,
            severity: Severity = Severity.ERROR) -> None:
        key = (file, code)
        self._counts[key] += 1
        self._first_severity.setdefault(key, severity)
        if self._counts[key] <= self.max_per_kind:
            self.problems.append(Problem(file, row, column, code, message, severity))

    def dependencies(self, file: str) -> tuple[Dependency, ...]:
        return self._dependencies.get(file, ())

    def warn(self, file: str, row: int | None, column: str | None, code: str, message: str) -> None:
        self.add(file, row, column, code, message, Severity.WARNING)

    def high(self, file: str, row: int | None, column: str | None, code: str, message: str) -> None:
        self.add(file, row, column, code, message, Severity.HIGH_PRIORITY)

    def report(self) -> CheckReport:
        for (file, code), count in self._counts.items():
            if count > self.max_per_kind:
                self.problems.append(Problem(
                    file, None, None, code, f"{count - self.max_per_kind} more problem(s) of this kind not listed",
                    self._first_severity[(file, code)],
                ))
        return CheckReport(self.path, tuple(self.problems))

    # -- Zip and files -----------------------------------------------------------

    def run(self) -> CheckReport:
        try:
            archive = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            self.add("", None, None, "cannot_open", "the file does not exist")
            return self.report()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
            self.add("", None, None, "not_a_zip", "not a readable zip file (truncated, damaged or another format)")
            return self.report()
        except OSError as error:
            self.add("", None, None, "cannot_open", f"cannot be opened ({error.strerror or error})")
            return self.report()
        with archive:
            members = self._inventory(archive)
            ordered = [EXPORT, *(spec for spec in FILES if spec is not EXPORT)]
            for spec in ordered:
                if spec.filename in members:
                    self._read_file(archive, members[spec.filename], spec)
        self._check_across_files()
        return self.report()

    def _inventory(self, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
        members: dict[str, zipfile.ZipInfo] = {}
        expected = {spec.filename for spec in FILES}
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.filename in members:
                self.add(info.filename, None, None, "duplicate_file", "appears more than once in the zip")
                continue
            members[info.filename] = info
        by_lower = {name.lower(): name for name in members}
        by_base = {name.rsplit("/", 1)[-1].lower(): name for name in members if "/" in name}
        explained: set[str] = set()
        for spec in FILES:
            if spec.filename in members:
                continue
            lower = spec.filename.lower()
            if lower in by_lower:
                explained.add(by_lower[lower])
                self.add(spec.filename, None, None, "missing_file",
                         f"missing; found {by_lower[lower]!r}, but file names are case-sensitive")
            elif lower in by_base:
                explained.add(by_base[lower])
                self.add(spec.filename, None, None, "missing_file",
                         f"missing at the top of the zip; found {by_base[lower]!r} inside a folder")
            else:
                self.add(spec.filename, None, None, "missing_file", "missing from the export")
        for name in members:
            if name not in expected and name not in explained:
                self.warn(name, None, None, "extra_file",
                          "not an HMIS CSV file; extra files need the receiver's agreement (spec §3.1)")
        return members

    def _read_file(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, spec: FileSpec) -> None:
        name = spec.filename
        try:
            data = archive.read(info)
        except Exception as error:
            self.add(name, None, None, "unreadable_file", f"cannot be read from the zip ({type(error).__name__})")
            return
        if data.startswith(b"\xef\xbb\xbf"):
            self.add(name, 1, None, "byte_order_mark", "starts with a UTF-8 byte-order mark, which breaks the header")
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            self.add(name, None, None, "bad_encoding", f"is not valid UTF-8 (first bad byte on line {line})")
            text = data.decode("utf-8", errors="replace")
        rows: list[_Row] = []
        self.rows[spec.name] = rows
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        record = 0
        plan = _Plan((), (), [])
        width = 0
        try:
            for fields in reader:
                record += 1
                if record == 1:
                    positions = self._check_header(spec, fields)
                    plan = self._plan(spec, positions)
                    width = len(fields)
                    continue
                if not fields:
                    self.warn(name, record, None, "blank_line", "blank line")
                    continue
                if len(fields) != width:
                    self.add(name, record, None, "column_count",
                             f"has {len(fields)} fields, the header has {width}")
                    continue
                rows.append(self._check_row(spec, record, fields, plan))
        except csv.Error as error:
            self.add(name, record + 1, None, "csv_syntax", f"is not valid CSV ({error}); the rest is skipped")
        if record == 0:
            self.add(name, 1, None, "header_missing", "is empty; even a file with no rows needs its header")

    def _check_header(self, spec: FileSpec, header: list[str]) -> dict[str, int]:
        name = spec.filename
        expected = list(spec.header)
        if header == expected:
            return {column: index for index, column in enumerate(header)}
        positions: dict[str, int] = {}
        by_lower = {column.lower(): column for column in expected}
        for index, column in enumerate(header):
            if column in positions:
                self.add(name, 1, column, "header_duplicate", "column appears twice in the header")
            elif spec.has_column(column):
                positions[column] = index
            elif column.lower() in by_lower:
                self.add(name, 1, column, "header_case",
                         f"should be spelled {by_lower[column.lower()]!r}; headers are case-sensitive")
                positions[by_lower[column.lower()]] = index
            else:
                self.add(name, 1, column, "header_unknown_column", "not a column of this file")
        for column in expected:
            if column not in positions:
                self.add(name, 1, column, "header_missing_column", "column missing from the header")
        present = [column for column in expected if column in positions]
        if [column for column in sorted(positions, key=positions.__getitem__) if column in present] != present:
            self.add(name, 1, None, "header_order", "columns are not in the specification's order")
        return positions

    # -- One row -------------------------------------------------------------------

    def _shown(self, spec: FileSpec, column: Column, text: str) -> str:
        """The value for a message, only where it cannot be personal data."""
        if spec is CLIENT or (column.kind is Kind.STRING and not column.name.endswith("ID")):
            return ""
        return f" (value {text[:40]!r})"

    def _plan(self, spec: FileSpec, positions: dict[str, int]) -> _Plan:
        """How to read one file's rows: per column present, in the spec's order, where it
        is, its length limit and the cell texts already found valid (see _check_cells)."""
        cells = tuple((column.name, positions[column.name], column, column.nullable,
                       max_length_for(spec, column, self.hash_status), set[str]())
                      for column in spec.columns if column.name in positions)
        kept = tuple((name, index) for name, index in positions.items()
                     if name in _LINK_COLUMNS or name == spec.id_column)
        return _Plan(cells, kept, list(positions.items()))

    def _check_cells(self, spec: FileSpec, number: int, fields: list[str], plan: _Plan) -> None:
        """Every cell against its column. A text found valid once is valid again in that
        column (validate_cell depends on nothing else), so codes, dates and the few IDs
        that repeat on every row are checked once; a column whose texts hardly repeat
        stops remembering them."""
        for name, index, column, nullable, limit, valid in plan.cells:
            text = fields[index]
            if text in valid or (nullable and not text):
                continue
            issues = validate_cell(column, text, max_length=limit)
            if not issues:
                if len(valid) < _VALID_MEMO_LIMIT:
                    valid.add(text)
                continue
            for issue in issues:
                self.add(spec.filename, number, name, issue.code, issue.message + self._shown(spec, column, text))

    def _check_row(self, spec: FileSpec, number: int, fields: list[str], plan: _Plan) -> _Row:
        self._check_cells(spec, number, fields, plan)
        values = {column: fields[index] for column, index in plan.positions}
        if spec is EXPORT:
            self._check_export_row(number, values)
        check_row_rules(self, spec, number, values)
        return _Row(number, {name: fields[index] for name, index in plan.kept})

    def _check_export_row(self, number: int, values: Mapping[str, str]) -> None:
        if self.export_id is None:
            self.export_id = values.get("ExportID") or None
            status = values.get("HashStatus", "")
            self.hash_status = int(status) if status.isdigit() else None
            self.export_end = _date(values.get("ExportEndDate")) or _timestamp_date(values.get("ExportDate"))
        if "CSVVersion" in values and values["CSVVersion"] != CSV_VERSION:
            self.add("Export.csv", number, "CSVVersion", "csv_version",
                     f"must be {CSV_VERSION!r} for this format (value {values['CSVVersion'][:40]!r})")
        if values.get("SourceType") == "1" and not values.get("SourceID"):
            self.add("Export.csv", number, "SourceID", "conditional_required",
                     "required when SourceType is 1 (CoC HMIS)")
        start, end = _date(values.get("ExportStartDate")), _date(values.get("ExportEndDate"))
        if start and end and end < start:
            self.add("Export.csv", number, "ExportEndDate", "export_period_reversed", "is before ExportStartDate")

    # -- Across rows and files ---------------------------------------------------------

    def _check_across_files(self) -> None:
        export_rows = self.rows.get("Export")
        if export_rows is not None and len(export_rows) != 1:
            self.add("Export.csv", None, None, "export_row_count",
                     f"must have exactly one row, has {len(export_rows)}")
        self._check_export_ids()
        self._check_unique_ids()
        self._check_references()
        self._check_enrollments()

    def _check_export_ids(self) -> None:
        if self.export_id is None:
            return
        for spec in FILES:
            if spec is EXPORT or not spec.has_column("ExportID"):
                continue
            for row in self.rows.get(spec.name, ()):
                value = row.values.get("ExportID", "")
                if value and value != self.export_id:
                    self.add(spec.filename, row.number, "ExportID", "export_id_mismatch",
                             f"does not match Export.csv's ExportID (value {value[:40]!r})")

    def _check_unique_ids(self) -> None:
        for spec in FILES:
            if spec.id_column is None:
                continue
            seen: dict[str, int] = {}
            for row in self.rows.get(spec.name, ()):
                value = row.values.get(spec.id_column, "")
                if not value:
                    continue
                if value in seen:
                    self.add(spec.filename, row.number, spec.id_column, "duplicate_id",
                             f"{value[:40]!r} is already used on row {seen[value]}; IDs must be unique per file")
                else:
                    seen[value] = row.number

    def _ids(self, spec: FileSpec) -> set[str] | None:
        rows = self.rows.get(spec.name)
        if rows is None or spec.id_column is None:
            return None
        return {row.values[spec.id_column] for row in rows if row.values.get(spec.id_column)}

    def _check_references(self) -> None:
        known: dict[str, set[str] | None] = {}
        for file, column, target in _REFERENCES:
            if target.name not in known:
                known[target.name] = self._ids(target)
            targets = known[target.name]
            if targets is None:  # the target file is missing or unreadable, already reported
                continue
            for row in self.rows.get(file, ()):
                value = row.values.get(column, "")
                if value and value not in targets:
                    self.add(f"{file}.csv", row.number, column, _ORPHAN_CODES[target.name],
                             f"{value[:40]!r} has no matching {target.id_column} in {target.filename}")

    def _check_enrollments(self) -> None:
        enrollments = {row.values["EnrollmentID"]: row for row in self.rows.get("Enrollment", ())
                       if row.values.get("EnrollmentID")}
        self._check_personal_ids(enrollments)
        self._check_households()
        self._check_exits(enrollments)
        self._check_enrollment_dates()
        self._check_cocs()
        check_descriptor_files(self)

    def _check_personal_ids(self, enrollments: Mapping[str, _Row]) -> None:
        for spec in ENROLLMENT_LEVEL_FILES:
            for row in self.rows.get(spec.name, ()):
                enrollment = enrollments.get(row.values.get("EnrollmentID", ""))
                person = row.values.get("PersonalID", "")
                if enrollment is not None and person and person != enrollment.values.get("PersonalID"):
                    self.add(spec.filename, row.number, "PersonalID", "personal_id_mismatch",
                             f"differs from the PersonalID of its enrollment (Enrollment.csv row {enrollment.number})")

    def _live(self, rows: Iterable[_Row]) -> list[_Row]:
        return [row for row in rows if not row.values.get("DateDeleted")]

    def _check_households(self) -> None:
        """Each HouseholdID has exactly one head of household (reference §2.1, 3.15)."""
        households: dict[str, list[_Row]] = defaultdict(list)
        for row in self._live(self.rows.get("Enrollment", ())):
            if row.values.get("HouseholdID"):
                households[row.values["HouseholdID"]].append(row)
        for household, members in households.items():
            heads = [row for row in members if row.values.get("RelationshipToHoH") == "1"]
            if not heads:
                self.add("Enrollment.csv", members[0].number, "RelationshipToHoH", "no_head_of_household",
                         f"household {household[:40]!r} has no head of household (RelationshipToHoH = 1)")
            for extra in heads[1:]:
                self.add("Enrollment.csv", extra.number, "RelationshipToHoH", "multiple_heads_of_household",
                         f"household {household[:40]!r} already has a head of household on row {heads[0].number}")

    def _check_exits(self, enrollments: Mapping[str, _Row]) -> None:
        """At most one exit per enrollment, never before its entry (reference §3.1, §2.3 3.10)."""
        first_exit: dict[str, int] = {}
        for row in self._live(self.rows.get("Exit", ())):
            enrollment_id = row.values.get("EnrollmentID", "")
            if not enrollment_id:
                continue
            if enrollment_id in first_exit:
                self.add("Exit.csv", row.number, "EnrollmentID", "duplicate_exit",
                         f"enrollment {enrollment_id[:40]!r} already has an exit on row {first_exit[enrollment_id]}")
            else:
                first_exit[enrollment_id] = row.number
            enrollment = enrollments.get(enrollment_id)
            exit_date = _date(row.values.get("ExitDate"))
            entry_date = _date(enrollment.values.get("EntryDate")) if enrollment else None
            if exit_date and entry_date and exit_date < entry_date:
                self.add("Exit.csv", row.number, "ExitDate", "exit_before_entry",
                         f"is before the enrollment's EntryDate (Enrollment.csv row {enrollment.number})"
                         if enrollment else "is before the enrollment's EntryDate")
            move_in = _date(enrollment.values.get("MoveInDate")) if enrollment else None
            if exit_date and move_in and move_in > exit_date and enrollment is not None:
                self.warn("Enrollment.csv", enrollment.number, "MoveInDate", "move_in_outside_enrollment",
                          "is after the enrollment's ExitDate")

    def _check_enrollment_dates(self) -> None:
        dobs = {row.values["PersonalID"]: _date(row.values.get("DOB")) for row in self.rows.get("Client", ())
                if row.values.get("PersonalID")}
        for row in self.rows.get("Enrollment", ()):
            entry = _date(row.values.get("EntryDate"))
            move_in = _date(row.values.get("MoveInDate"))
            if entry and move_in and move_in < entry:
                self.warn("Enrollment.csv", row.number, "MoveInDate", "move_in_outside_enrollment",
                          "is before EntryDate")
            dob = dobs.get(row.values.get("PersonalID", ""))
            if entry and dob and dob > entry and not row.values.get("DateDeleted"):
                # Data Standards 3.03 / 3.10: nobody is enrolled before being born.
                self.add("Enrollment.csv", row.number, "EntryDate", "dob_after_entry",
                         "the client's DOB is after the project start date")
            elif entry and dob and row.values.get("RelationshipToHoH") == "1" and dob >= entry:
                self.warn("Enrollment.csv", row.number, "EntryDate", "dob_on_or_after_entry",
                          "the head of household's DOB is on or after the project start")

    def _check_cocs(self) -> None:
        """EnrollmentCoC and Inventory.CoCCode must be CoCs of the same project (reference §2.3, 3.16)."""
        coc_rows = self.rows.get("ProjectCoC")
        if coc_rows is None:
            return
        cocs = {(row.values.get("ProjectID", ""), row.values.get("CoCCode", "")) for row in coc_rows}
        for file, column in (("Enrollment", "EnrollmentCoC"), ("Inventory", "CoCCode")):
            for row in self.rows.get(file, ()):
                value = row.values.get(column, "")
                if value and (row.values.get("ProjectID", ""), value) not in cocs:
                    self.add(f"{file}.csv", row.number, column, "coc_not_in_project",
                             f"{value[:40]!r} is not a CoCCode of this project in ProjectCoC.csv")


def check_export(path: str | os.PathLike[str], *, max_problems_per_kind: int = 200) -> CheckReport:
    """Check the export zip at ``path`` and report every problem found.

    Never raises for a bad export: an unreadable, truncated or non-zip file is
    reported as one error. ``max_problems_per_kind`` caps how many problems of
    one kind are listed per file; the rest are counted in a closing line.
    """
    with collector_paused():  # sync/hmis_csv/gc_pause.py
        return _Checker(os.fspath(path), max_problems_per_kind).run()
