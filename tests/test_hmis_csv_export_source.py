"""The export over a plain in-memory source (the shape the central server will
reuse): merged person copies, one exit per enrollment, IDs that fit S32, 99 for
required lists never collected, dependent fields emptied, CoC codes checked.

All records are synthetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from test_hmis_csv_export import assert_integrity, by_id, read_export

from sync.hmis_csv.checker import check_export
from sync.hmis_csv.export import ExportOptions, write_hmis_csv
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.source import (
    ClientRecord,
    CurrentLivingSituationRecord,
    EnrollmentRecord,
    ExitRecord,
    OrganizationRecord,
    ProjectRecord,
    ServiceRecord,
    Sharing,
    SourceInfo,
    UserRecord,
)

T0 = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
T1 = datetime(2026, 2, 20, 12, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LONG_ID = "server:device-7:person:000000000000000000042"  # not a UUID, longer than 32


def client(personal_id: str, first: str, **changes: object) -> ClientRecord:
    base = ClientRecord(
        personal_id=personal_id, first_name=first, middle_name=None, last_name="Gorsewick", name_suffix=None,
        name_data_quality=1, ssn=None, ssn_data_quality=None, dob=date(1990, 4, 2), dob_data_quality=1,
        am_ind_ak_native=0, asian=0, black_af_american=0, hispanic_latinao=0, mid_east_n_african=0,
        native_hi_pacific=0, white=0, race_none=None, additional_race_ethnicity=None, sex=None,
        veteran_status=None, sharing=Sharing.SHARED, created_at=T1, updated_at=T1, user_id="U-1",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def enrollment(enrollment_id: str, personal_id: str, household: str, relationship: int | None,
               **changes: object) -> EnrollmentRecord:
    base = EnrollmentRecord(
        enrollment_id=enrollment_id, personal_id=personal_id, project_id="P-1", household_id=household,
        entry_date=date(2026, 2, 1), relationship_to_hoh=relationship, enrollment_coc=None,
        living_situation=116, rental_subsidy_type=None, length_of_stay=None, los_under_threshold=None,
        previous_street_essh=None, date_to_street_essh=None, times_homeless_past_three_years=None,
        months_homeless_past_three_years=None, disabling_condition=None, date_of_engagement=None,
        created_at=T0, updated_at=T0, user_id="U-1",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@dataclass
class MemorySource:
    clients_: list[ClientRecord] = field(default_factory=list)
    enrollments_: list[EnrollmentRecord] = field(default_factory=list)
    exits_: list[ExitRecord] = field(default_factory=list)
    contacts_: list[CurrentLivingSituationRecord] = field(default_factory=list)
    services_: list[ServiceRecord] = field(default_factory=list)

    def info(self) -> SourceInfo:
        return SourceInfo("warehouse-test", 3, "Test Warehouse", "Test", None, "U-export", T2)

    def organizations(self) -> Iterable[OrganizationRecord]:
        return [OrganizationRecord("O-1", "Gorse Lane Services", T0, T0)]

    def projects(self) -> Iterable[ProjectRecord]:
        return [ProjectRecord("P-1", "O-1", "Gorse Lane Outreach", 4, None, T0, T0)]

    def users(self) -> Iterable[UserRecord]:
        return [UserRecord("U-1", "Hollis", "Brackett", T0, T0)]

    def clients(self) -> Iterable[ClientRecord]:
        return self.clients_

    def enrollments(self, project_ids: frozenset[str] | None) -> Iterable[EnrollmentRecord]:
        return self.enrollments_

    def exits(self, project_ids: frozenset[str] | None) -> Iterable[ExitRecord]:
        return self.exits_

    def current_living_situations(self, project_ids: frozenset[str] | None) -> Iterable[CurrentLivingSituationRecord]:
        return self.contacts_

    def services(self, project_ids: frozenset[str] | None) -> Iterable[ServiceRecord]:
        return self.services_


def test_rules_hold_for_any_source(tmp_path: Path) -> None:
    source = MemorySource(
        clients_=[
            client(LONG_ID, "Older", created_at=T0, updated_at=T0),
            client(LONG_ID, "Newer", created_at=T1, updated_at=T2, ssn="000-00-0000", ssn_data_quality=1),
            client("C-2", "Child", veteran_status=None, race_none=None, white=1),
            client("C-3", "Stray"),  # no enrollment: not exported
        ],
        enrollments_=[
            enrollment("E-1", LONG_ID, "H-1", 1, enrollment_coc="zz-123", rental_subsidy_type=419),
            enrollment("E-2", "C-2", "H-1", None, enrollment_coc="not a coc", living_situation=435,
                       rental_subsidy_type=419),
        ],
        exits_=[
            ExitRecord("X-1", "E-1", LONG_ID, date(2026, 2, 10), 17, 419, "Cousin's <boat>", T0, T0, "U-2"),
            ExitRecord("X-2", "E-1", LONG_ID, date(2026, 2, 11), 410, None, "ignored", T1, T1, "U-2"),
        ],
        contacts_=[CurrentLivingSituationRecord("L-1", "E-2", "C-2", date(2026, 2, 3), None, None, T0, T0, "U-1")],
    )
    path = tmp_path / "memory.zip"
    result = write_hmis_csv(source, path, ExportOptions())
    report = check_export(path)
    assert report.ok, report.format()
    files = read_export(path)
    assert_integrity(files)

    clients = by_id(files["Client"], "PersonalID")
    assert set(clients) == {csv_id(LONG_ID), "C-2"}
    merged = clients[csv_id(LONG_ID)]
    assert len(csv_id(LONG_ID)) == 32
    assert merged["FirstName"] == "Newer"  # the latest copy's values
    assert (merged["DateCreated"][:10], merged["DateUpdated"][:10]) == ("2026-02-01", "2026-03-01")
    assert merged["SSN"] == "" and merged["SSNDataQuality"] == "99"
    assert merged["VeteranStatus"] == "99" and merged["RaceNone"] == "99"
    assert clients["C-2"]["RaceNone"] == ""

    enrollments = by_id(files["Enrollment"], "EnrollmentID")
    assert enrollments["E-1"]["EnrollmentCoC"] == "ZZ-123" and enrollments["E-1"]["RentalSubsidyType"] == ""
    assert enrollments["E-2"]["EnrollmentCoC"] == "" and enrollments["E-2"]["RentalSubsidyType"] == "419"
    assert enrollments["E-2"]["RelationshipToHoH"] == "99" and enrollments["E-1"]["DisablingCondition"] == "99"
    assert [(r["ProjectID"], r["CoCCode"]) for r in files["ProjectCoC"]] == [("P-1", "ZZ-123")]

    (exit_row,) = files["Exit"]
    assert (exit_row["ExitID"], exit_row["Destination"], exit_row["OtherDestination"]) == ("X-2", "410", "")
    assert files["CurrentLivingSituation"][0]["CurrentLivingSituation"] == "99"
    assert {row["UserID"] for row in files["User"]} == {"U-1", "U-2", "U-export"}
    assert files["Export"][0]["SourceType"] == "3" and files["Export"][0]["ExportStartDate"] == "2026-02-01"
    assert result.rows["Client.csv"] == 2 and result.withheld_clients == 0


def test_any_copy_that_is_not_shared_withholds_the_person(tmp_path: Path) -> None:
    source = MemorySource(
        clients_=[client("C-1", "Shared", updated_at=T2),
                  client("C-1", "Older", sharing=Sharing.NOT_SHARED, updated_at=T0)],
        enrollments_=[enrollment("E-1", "C-1", "H-1", 1)],
    )
    result = write_hmis_csv(source, tmp_path / "x.zip", ExportOptions())
    (row,) = read_export(tmp_path / "x.zip")["Client"]
    assert row["FirstName"] == "" and row["DOB"] == "" and result.withheld_clients == 1
