"""``check-hmis-csv`` checks what a CoC's HMIS lead checks: project descriptor data
(HUD Data Standards 2.02-2.08) and Enrollment CoC (3.16), each with HUD's severity,
and exits non-zero on a high-priority problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sync.hmis_csv.checker import Severity, check_export
from tests.support import run_cli
from tests.test_hmis_csv_checker import META, build, valid_rows


def _found(report, code: str, severity: Severity) -> bool:  # type: ignore[no-untyped-def]
    return any(p.code == code and p.severity is severity for p in report.problems)


def _shelter(rows) -> None:  # type: ignore[no-untyped-def]
    """Turn the example project into an emergency shelter with complete descriptors."""
    rows["Project"][0].update(ProjectType=0, HousingType=1)
    rows["Inventory"] = [{"InventoryID": "I1", "ProjectID": "P1", "CoCCode": "MO-500", "HouseholdType": 1,
                          "Availability": 1, "UnitInventory": 10, "BedInventory": 20, "CHVetBedInventory": 0,
                          "YouthVetBedInventory": 0, "VetBedInventory": 0, "CHYouthBedInventory": 0,
                          "YouthBedInventory": 0, "CHBedInventory": 0, "OtherBedInventory": 20, "ESBedType": 1,
                          "InventoryStartDate": date(2020, 1, 1), **META}]
    for enrollment in rows["Enrollment"]:
        enrollment.pop("DateOfEngagement", None)


def test_a_complete_shelter_has_no_problem(tmp_path: Path) -> None:
    rows = valid_rows()
    _shelter(rows)
    report = check_export(build(tmp_path, rows))
    assert report.ready_to_upload and not report.high_priority, report.format()


@pytest.mark.parametrize(("change", "code", "section"), [
    (lambda r: r.pop("ProjectCoC"), "project_coc_missing", "2.03.1"),
    (lambda r: r["ProjectCoC"][0].update(Geocode="000000"), "geocode_invalid", "2.03.2"),
    (lambda r: r["ProjectCoC"][0].update(Geocode="500000"), "geocode_invalid", "2.03.2 state of the CoC"),
    (lambda r: r["ProjectCoC"][0].update(GeographyType=None), "geography_missing", "2.03.4"),
    (lambda r: r["ProjectCoC"][0].update(Address1=None, ZIP=None), "address_missing", "2.03.3"),
    (lambda r: r["Project"][0].update(HousingType=None), "housing_type_missing", "2.02.D"),
    (lambda r: r.pop("Inventory"), "inventory_missing", "2.07"),
    (lambda r: r.pop("Funder"), "funder_missing", "2.06"),
    (lambda r: r.pop("HMISParticipation"), "hmis_participation_missing", "2.08"),
    (lambda r: r["Enrollment"][0].update(EnrollmentCoC=None), "enrollment_coc_missing", "3.16"),
])
def test_hud_high_priority_project_descriptor_rules(tmp_path: Path, change, code: str, section: str) -> None:
    rows = valid_rows()
    _shelter(rows)
    if code == "project_coc_missing":
        rows["Enrollment"][0]["EnrollmentCoC"] = None  # EnrollmentCoC needs a ProjectCoC to match
        rows["Enrollment"][2]["EnrollmentCoC"] = None
        rows["Inventory"][0]["CoCCode"] = "MO-500"
    change(rows)
    path = build(tmp_path, rows)
    report = check_export(path)
    assert _found(report, code, Severity.HIGH_PRIORITY), (section, report.format())
    assert not report.ready_to_upload
    assert "HIGH" in report.format()
    checked = run_cli(None, "check-hmis-csv", str(path))
    assert checked.returncode != 0 and "high-priority" in checked.stderr


@pytest.mark.parametrize(("change", "code"), [
    (lambda r: r["Inventory"][0].update(BedInventory=5, OtherBedInventory=5), "inventory_beds_below_units"),
    (lambda r: r["Inventory"][0].update(OtherBedInventory=19), "inventory_subtotals"),
    (lambda r: r["Inventory"][0].update(ESBedType=None), "inventory_es_fields"),
    (lambda r: r["ProjectCoC"][0].update(ZIP="6510"), "zip_invalid"),
    (lambda r: r["Client"][0].update(DOB=date(2026, 2, 5)), "dob_after_entry"),
    (lambda r: r["Project"][0].update(OperatingEndDate=date(2019, 1, 1)), "period_reversed"),
    (lambda r: r["Funder"][0].update(EndDate=date(2025, 1, 1)), "period_reversed"),
    (lambda r: r["Inventory"][0].update(InventoryEndDate=date(2019, 1, 1)), "period_reversed"),
    (lambda r: r["HMISParticipation"][0].update(HMISParticipationStatusEndDate=date(2019, 1, 1)), "period_reversed"),
    (lambda r: r["Funder"][0].update(Funder=46), "other_funder_missing"),
    (lambda r: r["ProjectCoC"].append({**r["ProjectCoC"][0], "ProjectCoCID": "PC2"}), "duplicate_project_coc"),
])
def test_hud_errors_in_descriptor_values_and_dates(tmp_path: Path, change, code: str) -> None:
    rows = valid_rows()
    _shelter(rows)
    change(rows)
    report = check_export(build(tmp_path, rows))
    assert _found(report, code, Severity.ERROR), report.format()


def test_street_outreach_needs_no_inventory_or_housing_type(tmp_path: Path) -> None:
    report = check_export(build(tmp_path, valid_rows()))
    assert not {"inventory_missing", "housing_type_missing"} & report.codes, report.format()
    assert report.ready_to_upload, report.format()


def test_entry_before_operating_start_is_a_warning(tmp_path: Path) -> None:
    rows = valid_rows()
    rows["Project"][0]["OperatingStartDate"] = date(2026, 2, 15)
    report = check_export(build(tmp_path, rows))
    assert _found(report, "entry_before_operating_start", Severity.WARNING)
