"""The export writer and checker: valid exports pass and read back with plain
``csv``; broken exports are reported, every problem by name.

All people here are synthetic, with obviously fake names.
"""

from __future__ import annotations

import copy
import csv
import io
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from sync.hmis_csv.checker import CheckReport, Severity, check_export
from sync.hmis_csv.columns import FILES, file_spec
from sync.hmis_csv.values import hash_name, hash_ssn
from sync.hmis_csv.writer_base import CsvFileWriter, ExportZipWriter, RowError, render_csv, write_export_zip

Rows = dict[str, list[dict[str, object]]]

STAMP = datetime(2026, 3, 1, 9, 30, 0)
META: dict[str, object] = {"DateCreated": STAMP, "DateUpdated": STAMP, "UserID": "U1", "ExportID": "EXP1"}
NO_RACE = dict.fromkeys(("AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao", "MidEastNAfrican",
                         "NativeHIPacific", "White"), 0)


def _client(personal_id: str, first: str, last: str, born: date, veteran: int, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "PersonalID": personal_id, "FirstName": first, "LastName": last, "NameDataQuality": 1,
        "SSN": None, "SSNDataQuality": 8, "DOB": born, "DOBDataQuality": 1, "Sex": 0, **NO_RACE, "White": 1,
        "VeteranStatus": veteran, **META,
    }
    row.update(extra)
    return row


def _enrollment(enrollment_id: str, personal_id: str, household: str, relationship: int,
                **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "EnrollmentID": enrollment_id, "PersonalID": personal_id, "ProjectID": "P1", "EntryDate": date(2026, 2, 1),
        "HouseholdID": household, "RelationshipToHoH": relationship, "EnrollmentCoC": "MO-500",
        "LivingSituation": 116 if relationship == 1 else None, "DisablingCondition": 0, **META,
    }
    row.update(extra)
    return row


def valid_rows() -> Rows:
    """A small, complete export: one project, a two-person household and a single adult."""
    return {
        "Export": [{
            "ExportID": "EXP1", "SourceType": 2, "SourceName": "Example Test Agency", "ExportDate": STAMP,
            "ExportStartDate": date(2026, 1, 1), "ExportEndDate": date(2026, 3, 1), "SoftwareName": "HMIS Intake",
            "SoftwareVersion": "0.1.0", "CSVVersion": "2026 v1.0", "ExportPeriodType": 3, "ExportDirective": 2,
            "HashStatus": 1, "ImplementationID": "device-test-1",
        }],
        "Organization": [{"OrganizationID": "O1", "OrganizationName": "Example Outreach Org",
                          "VictimServiceProvider": 0, **META}],
        "User": [{"UserID": "U1", "UserFirstName": "Test", "UserLastName": "Worker", "DateCreated": STAMP,
                  "DateUpdated": STAMP, "ExportID": "EXP1"}],
        "Project": [{"ProjectID": "P1", "OrganizationID": "O1", "ProjectName": "Example Street Outreach",
                     "OperatingStartDate": date(2020, 1, 1), "ContinuumProject": 1, "ProjectType": 4, **META}],
        "Funder": [{"FunderID": "F1", "ProjectID": "P1", "Funder": 11, "GrantID": "TEST-GRANT",
                    "StartDate": date(2025, 10, 1), **META}],
        "ProjectCoC": [{"ProjectCoCID": "PC1", "ProjectID": "P1", "CoCCode": "MO-500", "Geocode": "290000",
                        "Address1": "1 Example Way", "City": "Exampleton", "State": "MO", "ZIP": "65000",
                        "GeographyType": 1, **META}],
        "HMISParticipation": [{"HMISParticipationID": "HP1", "ProjectID": "P1", "HMISParticipationType": 1,
                               "HMISParticipationStatusStartDate": date(2020, 1, 1), **META}],
        "Client": [
            _client("C1", "Testa", "Fakename", date(1980, 5, 5), 0, SSN="123456780", SSNDataQuality=1),
            _client("C2", "Kiddo", "Fakename", date(2018, 7, 1), 99, Sex=1),
            _client("C3", "Solo", "Placeholder", date(1970, 1, 1), 1),
        ],
        "Enrollment": [
            _enrollment("E1", "C1", "H1", 1),
            _enrollment("E2", "C2", "H1", 2),
            _enrollment("E3", "C3", "H2", 1),
        ],
        "Exit": [{"ExitID": "X1", "EnrollmentID": "E3", "PersonalID": "C3", "ExitDate": date(2026, 2, 20),
                  "Destination": 410, **META}],
        "IncomeBenefits": [{
            "IncomeBenefitsID": "IB1", "EnrollmentID": "E1", "PersonalID": "C1", "InformationDate": date(2026, 2, 1),
            "IncomeFromAnySource": 1, "TotalMonthlyIncome": "512.5", "Earned": 1, "EarnedAmount": 512.5,
            "DataCollectionStage": 1, **META,
        }],
        "Services": [{"ServicesID": "S1", "EnrollmentID": "E1", "PersonalID": "C1", "DateProvided": date(2026, 2, 2),
                      "RecordType": 141, "TypeProvided": 6, **META}],
        "CurrentLivingSituation": [{
            "CurrentLivingSitID": "CLS1", "EnrollmentID": "E1", "PersonalID": "C1",
            "InformationDate": date(2026, 2, 1), "CurrentLivingSituation": 116,
            "LocationDetails": "Under the bridge, north side", **META,
        }],
    }


def build(tmp_path: Path, rows: Rows, name: str = "export.zip", hash_status: int | None = None) -> Path:
    path = tmp_path / name
    write_export_zip(path, rows, hash_status=hash_status)
    return path


def rewrite(path: Path, changes: dict[str, Callable[[str], str] | None], add: dict[str, str] | None = None) -> Path:
    """A copy of the zip with some entries edited (``None`` removes one) and others added."""
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info).decode("utf-8") for info in source.infolist()}
    for name, change in changes.items():
        if change is None:
            del entries[name]
        else:
            entries[name] = change(entries[name])
    entries.update(add or {})
    target = path.with_name("broken-" + path.name)
    with zipfile.ZipFile(target, "w") as out:
        for name, text in entries.items():
            out.writestr(name, text.encode("utf-8"))
    return target


def set_cell(file: str, row: int, column: str, value: str) -> Callable[[str], str]:
    """Edit one cell (row counted as in reports: header is row 1) of CSV text."""

    def change(text: str) -> str:
        records = list(csv.reader(io.StringIO(text, newline="")))
        records[row - 1][records[0].index(column)] = value
        out = io.StringIO(newline="")
        csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(records)
        return out.getvalue()

    return change


def found(report: CheckReport, code: str, file: str | None = None, row: int | None = None,
          column: str | None = None) -> bool:
    return any(
        problem.code == code and (file is None or problem.file == file) and (row is None or problem.row == row)
        and (column is None or problem.column == column)
        for problem in report.problems
    )


@pytest.fixture()
def export(tmp_path: Path) -> Path:
    return build(tmp_path, valid_rows())


# -- Valid exports --------------------------------------------------------------------------


def test_valid_export_passes_without_problems(export: Path) -> None:
    report = check_export(export)
    assert report.ok, report.format()
    assert report.problems == (), report.format()
    assert report.format() == "export.zip: no problems found"


def test_valid_export_reads_back_with_plain_csv(export: Path) -> None:
    rows = valid_rows()
    with zipfile.ZipFile(export) as archive:
        assert archive.namelist() == [spec.filename for spec in FILES]
        for spec in FILES:
            text = archive.read(spec.filename).decode("utf-8")
            reader = csv.DictReader(io.StringIO(text, newline=""))
            assert tuple(reader.fieldnames or ()) == spec.header
            assert len(list(reader)) == len(rows.get(spec.name, []))
        clients = list(csv.DictReader(io.StringIO(archive.read("Client.csv").decode("utf-8"), newline="")))
    assert clients[0]["FirstName"] == "Testa"
    assert clients[0]["DOB"] == "1980-05-05"
    assert clients[0]["DateCreated"] == "2026-03-01 09:30:00"
    assert clients[0]["MiddleName"] == ""


def test_empty_files_carry_their_header(export: Path) -> None:
    with zipfile.ZipFile(export) as archive:
        assert archive.read("Inventory.csv").decode("utf-8") == ",".join(file_spec("Inventory").header) + "\r\n"


def test_quoting_strings_quoted_numbers_and_dates_bare(export: Path) -> None:
    with zipfile.ZipFile(export) as archive:
        lines = archive.read("Client.csv").decode("utf-8").split("\r\n")
    assert lines[1].startswith('"C1","Testa",,"Fakename",,1,"123456780",1,1980-05-05,1,0,')
    assert lines[1].endswith(',2026-03-01 09:30:00,2026-03-01 09:30:00,"U1",,"EXP1"')
    income = render_csv(file_spec("IncomeBenefits"), valid_rows()["IncomeBenefits"]).decode("utf-8")
    assert ',1,512.50,1,512.50,' in income


ODD_NAMES = [
    ('Ann "Annie"', 'Ann "Annie"'),
    ("Smith, Jr.", "Smith, Jr."),
    ("Line\nBreak", "Line\nBreak"),
    ("Zoë Ñúñez-Éclair", "Zoë Ñúñez-Éclair"),
    ("<Brack>[et]{ed}", "Bracketed"),
    ('"', '"'),
    ('Quote, comma\r\nand "all"', 'Quote, comma\r\nand "all"'),
    ("Replacement \ufffd char", "Replacement \ufffd char"),
]


def test_odd_names_round_trip(tmp_path: Path) -> None:
    rows = valid_rows()
    for index, (name, _) in enumerate(ODD_NAMES):
        rows["Client"].append(_client(f"ODD{index}", name, "Testperson", date(1990, 1, 1), 0))
        rows["Enrollment"].append(_enrollment(f"EODD{index}", f"ODD{index}", f"HODD{index}", 1))
    path = build(tmp_path, rows)
    report = check_export(path)
    assert report.ok, report.format()
    with zipfile.ZipFile(path) as archive:
        raw = archive.read("Client.csv")
    raw.decode("utf-8")  # valid UTF-8
    assert b'"Ann ""Annie"""' in raw
    read_back = {row["PersonalID"]: row["FirstName"]
                 for row in csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))}
    for index, (_, expected) in enumerate(ODD_NAMES):
        assert read_back[f"ODD{index}"] == expected


def test_hashed_export_passes(tmp_path: Path) -> None:
    rows = valid_rows()
    rows["Export"][0]["HashStatus"] = 4
    for client in rows["Client"]:
        for column in ("FirstName", "LastName"):
            client[column] = hash_name(str(client[column]))
        client["SSN"] = hash_ssn(str(client["SSN"])) if client["SSN"] else None
    report = check_export(build(tmp_path, rows, hash_status=4))
    assert report.problems == (), report.format()


# -- The writer's own guarantees ---------------------------------------------------------------


def test_writer_refuses_unknown_column_and_empty_required_value() -> None:
    spec = file_spec("Client")
    writer = CsvFileWriter(spec, io.StringIO(newline=""))
    good = valid_rows()["Client"][0]
    with pytest.raises(RowError, match="Gender") as unknown:
        writer.write_row({**good, "Gender": 1})
    assert unknown.value.column == "Gender" and unknown.value.row == 2
    with pytest.raises(RowError, match=r"VeteranStatus.*must not be empty"):
        writer.write_row({**good, "VeteranStatus": None})
    with pytest.raises(RowError, match="PersonalID"):
        writer.write_row({key: value for key, value in good.items() if key != "PersonalID"})
    with pytest.raises(RowError, match="NameDataQuality"):
        writer.write_row({**good, "NameDataQuality": 7})
    writer.write_row(good)
    assert writer.rows_written == 1


def test_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.zip"
    target.write_bytes(b"previous export")
    rows = valid_rows()
    rows["Client"][0]["DOB"] = "not a date"
    with pytest.raises(RowError, match=r"Client\.csv row 2, column DOB"):
        write_export_zip(target, rows)
    assert target.read_bytes() == b"previous export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.zip"]


def test_zip_is_replaced_atomically_and_private(tmp_path: Path) -> None:
    target = tmp_path / "out.zip"
    target.write_bytes(b"previous export")
    with ExportZipWriter(target) as export_zip:
        with export_zip.open_file("Client.csv") as client_file:
            client_file.write_rows(valid_rows()["Client"])
        export_zip.write_file("Export", valid_rows()["Export"])
        with pytest.raises(RuntimeError):
            export_zip.write_file("Client", [])
        assert target.read_bytes() == b"previous export"  # nothing visible until the end
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.zip"]
    assert target.stat().st_mode & 0o077 == 0
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted(spec.filename for spec in FILES)


def test_write_export_zip_rejects_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match=r"Gender\.csv"):
        write_export_zip(tmp_path / "out.zip", {"Gender.csv": []})
    assert list(tmp_path.iterdir()) == []


def test_relative_path_in_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_export_zip("relative.zip", valid_rows())
    assert check_export("relative.zip").ok


# -- Broken exports -----------------------------------------------------------------------------


def test_missing_and_extra_files(export: Path) -> None:
    broken = rewrite(export, {"Funder.csv": None, "Client.csv": None},
                     add={"client.csv": "x\r\n", "Notes.txt": "hello"})
    report = check_export(broken)
    assert found(report, "missing_file", "Funder.csv")
    assert any(problem.code == "missing_file" and "case-sensitive" in problem.message
               for problem in report.problems if problem.file == "Client.csv")
    assert found(report, "extra_file", "Notes.txt")
    assert [problem.severity for problem in report.problems if problem.code == "extra_file"] == [Severity.WARNING]
    assert not report.ok


def test_files_inside_a_folder_are_named(export: Path) -> None:
    with zipfile.ZipFile(export) as archive:
        project = archive.read("Project.csv").decode("utf-8")
    broken = rewrite(export, {"Project.csv": None}, add={"export/Project.csv": project})
    report = check_export(broken)
    assert any("inside a folder" in problem.message for problem in report.problems if problem.file == "Project.csv")


def test_reordered_header(export: Path) -> None:
    def swap(text: str) -> str:
        records = list(csv.reader(io.StringIO(text, newline="")))
        for record in records:
            record[1], record[3] = record[3], record[1]
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(records)
        return out.getvalue()

    report = check_export(rewrite(export, {"Client.csv": swap}))
    assert found(report, "header_order", "Client.csv", 1)
    assert not found(report, "bad_date")  # values are still checked by column name, so none misread


def test_header_case_unknown_and_missing_columns(export: Path) -> None:
    def mangle(text: str) -> str:
        header, rest = text.split("\r\n", 1)
        return header.replace("HispanicLatinao", "HispanicLatinaeo").replace("PersonalID", "personalid") + \
            "\r\n" + rest

    report = check_export(rewrite(export, {"Client.csv": mangle}))
    assert found(report, "header_case", "Client.csv", 1, "personalid")
    assert found(report, "header_unknown_column", "Client.csv", 1, "HispanicLatinaeo")
    assert found(report, "header_missing_column", "Client.csv", 1, "HispanicLatinao")


def test_bad_values_are_each_named(export: Path) -> None:
    broken = rewrite(export, {
        "Client.csv": lambda text: set_cell("Client", 3, "FirstName", "<b>Kiddo</b>")(
            set_cell("Client", 2, "DOB", "05/05/1980")(text)),
        "Enrollment.csv": lambda text: set_cell("Enrollment", 3, "RelationshipToHoH", "7")(
            set_cell("Enrollment", 2, "DateCreated", "2026-03-01")(text)),
        "Organization.csv": set_cell("Organization", 2, "OrganizationName", "x" * 201),
        "IncomeBenefits.csv": set_cell("IncomeBenefits", 2, "EarnedAmount", "$512.50"),
        "Project.csv": set_cell("Project", 2, "ContinuumProject", "yes"),
        "Funder.csv": set_cell("Funder", 2, "GrantID", ""),
    })
    report = check_export(broken)
    assert found(report, "bad_date", "Client.csv", 2, "DOB")
    assert found(report, "forbidden_characters", "Client.csv", 3, "FirstName")
    assert found(report, "unknown_code", "Enrollment.csv", 3, "RelationshipToHoH")
    assert found(report, "bad_timestamp", "Enrollment.csv", 2, "DateCreated")
    assert found(report, "too_long", "Organization.csv", 2, "OrganizationName")
    assert found(report, "bad_money", "IncomeBenefits.csv", 2, "EarnedAmount")
    assert found(report, "bad_integer", "Project.csv", 2, "ContinuumProject")
    assert found(report, "null_not_allowed", "Funder.csv", 2, "GrantID")
    assert len(report.errors) >= 8


def test_row_dependent_code_lists(export: Path) -> None:
    broken = rewrite(export, {"Services.csv": set_cell("Services", 2, "TypeProvided", "13")})
    assert found(check_export(broken), "unknown_code", "Services.csv", 2, "TypeProvided")


def test_wrong_column_count_and_bad_csv(export: Path) -> None:
    report = check_export(rewrite(export, {
        "Exit.csv": lambda text: text.replace(',410,', ',410,,', 1),
        "Services.csv": lambda text: text + '"S2,"E1\r\n',
    }))
    assert found(report, "column_count", "Exit.csv", 2)
    assert found(report, "csv_syntax", "Services.csv")


def test_orphans(export: Path) -> None:
    report = check_export(rewrite(export, {
        "Exit.csv": set_cell("Exit", 2, "EnrollmentID", "E404"),
        "Services.csv": set_cell("Services", 2, "PersonalID", "C404"),
        "Enrollment.csv": set_cell("Enrollment", 4, "ProjectID", "P404"),
        "Project.csv": set_cell("Project", 2, "OrganizationID", "O404"),
        "Funder.csv": set_cell("Funder", 2, "UserID", "U404"),
    }))
    assert found(report, "orphan_enrollment_id", "Exit.csv", 2, "EnrollmentID")
    assert found(report, "orphan_personal_id", "Services.csv", 2, "PersonalID")
    assert found(report, "orphan_project_id", "Enrollment.csv", 4, "ProjectID")
    assert found(report, "orphan_organization_id", "Project.csv", 2, "OrganizationID")
    assert found(report, "orphan_user_id", "Funder.csv", 2, "UserID")
    assert found(report, "personal_id_mismatch", "Services.csv", 2, "PersonalID")


def test_households_need_exactly_one_head(tmp_path: Path) -> None:
    rows = valid_rows()
    rows["Enrollment"][1]["RelationshipToHoH"] = 1  # the child is a second head of H1
    rows["Client"].append(_client("C4", "Nohead", "Testperson", date(1985, 1, 1), 0))
    rows["Enrollment"].append(_enrollment("E4", "C4", "H3", 3))
    report = check_export(build(tmp_path, rows))
    assert found(report, "multiple_heads_of_household", "Enrollment.csv", 3, "RelationshipToHoH")
    assert found(report, "no_head_of_household", "Enrollment.csv", 5)
    assert not report.ok


def test_exit_rules(tmp_path: Path) -> None:
    rows = valid_rows()
    second = copy.deepcopy(rows["Exit"][0])
    second["ExitID"] = "X2"
    rows["Exit"].append(second)
    rows["Exit"].append({"ExitID": "X3", "EnrollmentID": "E1", "PersonalID": "C1", "ExitDate": date(2026, 1, 15),
                         "Destination": 99, **META})
    report = check_export(build(tmp_path, rows))
    assert found(report, "duplicate_exit", "Exit.csv", 3, "EnrollmentID")
    assert found(report, "exit_before_entry", "Exit.csv", 4, "ExitDate")
    assert found(report, "ude_missing", "Exit.csv", 4, "Destination")


def test_export_row_rules(tmp_path: Path) -> None:
    rows = valid_rows()
    rows["Export"][0]["CSVVersion"] = "2024 v1.0"
    rows["Export"].append({**rows["Export"][0], "ExportID": "EXP2"})
    rows["Funder"][0]["ExportID"] = "OTHER"
    rows["Export"][0]["SourceType"] = 1
    report = check_export(build(tmp_path, rows))
    assert found(report, "csv_version", "Export.csv", 2, "CSVVersion")
    assert found(report, "export_row_count", "Export.csv")
    assert found(report, "export_id_mismatch", "Funder.csv", 2, "ExportID")
    assert found(report, "conditional_required", "Export.csv", 2, "SourceID")


def test_duplicate_ids_and_coc_mismatch(tmp_path: Path) -> None:
    rows = valid_rows()
    rows["Services"].append({**rows["Services"][0]})
    rows["Enrollment"][2]["EnrollmentCoC"] = "MO-501"
    report = check_export(build(tmp_path, rows))
    assert found(report, "duplicate_id", "Services.csv", 3, "ServicesID")
    assert found(report, "coc_not_in_project", "Enrollment.csv", 4, "EnrollmentCoC")


def test_data_quality_flags_are_warnings(tmp_path: Path) -> None:
    rows = valid_rows()
    clients = rows["Client"]
    clients[0]["SSN"] = "123456789"
    clients[1]["VeteranStatus"] = 1  # an eight-year-old veteran
    clients[2].update(DOB=date(1900, 1, 1), DOBDataQuality=9, NameDataQuality=99)
    clients.append(_client("C5", "Future", "Testperson", date(2026, 2, 1), 0))  # born on the project start
    clients[3]["DateCreated"] = datetime(2026, 1, 15, 9, 0)
    rows["Enrollment"].append(_enrollment("E5", "C5", "H5", 1))
    report = check_export(build(tmp_path, rows))
    assert report.ok, report.format()
    assert found(report, "ssn_invalid", "Client.csv", 2, "SSN")
    assert found(report, "veteran_minor", "Client.csv", 3, "VeteranStatus")
    assert found(report, "dob_before_1915", "Client.csv", 4, "DOB")
    assert found(report, "dob_quality_conflict", "Client.csv", 4, "DOB")
    assert found(report, "ude_missing", "Client.csv", 4, "NameDataQuality")
    assert found(report, "dob_after_date_created", "Client.csv", 5, "DOB")
    assert found(report, "dob_on_or_after_entry", "Enrollment.csv", 5)
    assert all(problem.severity is Severity.WARNING for problem in report.problems)


def test_dependent_field_without_trigger(tmp_path: Path) -> None:
    rows = valid_rows()
    rows["Exit"][0]["OtherDestination"] = "Somewhere"
    report = check_export(build(tmp_path, rows))
    assert found(report, "dependent_without_trigger", "Exit.csv", 2, "OtherDestination")


# -- Unreadable input ---------------------------------------------------------------------------


def test_truncated_zip_is_one_clear_error(export: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(export.read_bytes()[: export.stat().st_size // 2])
    report = check_export(truncated)
    assert [problem.code for problem in report.problems] == ["not_a_zip"]
    assert "truncated.zip: 1 error(s), 0 warning(s)" in report.format()


def test_non_zip_and_missing_path(tmp_path: Path) -> None:
    text_file = tmp_path / "export.zip"
    text_file.write_text("ExportID,SourceType\r\n")
    assert [problem.code for problem in check_export(text_file).problems] == ["not_a_zip"]
    assert [problem.code for problem in check_export(tmp_path / "nope.zip").problems] == ["cannot_open"]


def test_invalid_utf8_is_reported(export: Path, tmp_path: Path) -> None:
    broken = tmp_path / "latin1.zip"
    with zipfile.ZipFile(export) as source, zipfile.ZipFile(broken, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "Organization.csv":
                data = data.replace(b"Example", "Ex\xe9mple".encode("latin-1"))
            out.writestr(info.filename, data)
    report = check_export(broken)
    assert [problem.code for problem in report.problems] == ["bad_encoding"]
    assert report.problems[0].file == "Organization.csv" and "line 2" in report.problems[0].message


def test_damaged_entry_is_reported_not_raised(export: Path, tmp_path: Path) -> None:
    data = bytearray(export.read_bytes())
    with zipfile.ZipFile(export) as archive:
        info = archive.getinfo("Client.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 5, start + 25):
        data[offset] ^= 0xFF
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    report = check_export(damaged)
    assert found(report, "unreadable_file", "Client.csv")


# -- The report -------------------------------------------------------------------------------------


def test_report_format_and_no_personal_data(export: Path) -> None:
    broken = rewrite(export, {"Client.csv": lambda text: set_cell("Client", 2, "SSN", "123-45-678")(
        set_cell("Client", 2, "DOB", "31/12/1979")(text))})
    report = check_export(broken)
    text = report.format()
    lines = text.splitlines()
    assert lines[0].startswith("broken-export.zip: ")
    assert len(lines) == 1 + len(report.problems)
    assert any(line.startswith("ERROR   Client.csv, row 2, column DOB: ") for line in lines)
    assert "1979" not in text and "123-45" not in text and "Testa" not in text


def test_problem_flood_is_capped(tmp_path: Path) -> None:
    rows = valid_rows()
    for index in range(6):
        rows["Services"].append({**rows["Services"][0], "ServicesID": f"S{index + 10}", "EnrollmentID": "E404"})
    report = check_export(build(tmp_path, rows), max_problems_per_kind=2)
    orphan = [problem for problem in report.problems if problem.code == "orphan_enrollment_id"]
    assert len(orphan) == 3
    assert orphan[-1].row is None and "4 more" in orphan[-1].message
