"""From source records to HMIS CSV rows: the value rules every export applies.

* **IDs** are the source's own keys (spec §3.1 "IDs"). ID columns are S32, so a UUID
  is written as its 32 hex digits (the same key without dashes); any other key
  longer than 32 characters is replaced by the first 32 hex digits of its SHA-256.
  The mapping is stable, so the same record keeps its ID across exports.
* **99** goes in every required list column that was never collected (§2.1, §3.1
  "Nulls"); **dependent fields** are emptied unless their parent holds a trigger
  value (:data:`~sync.hmis_csv.columns.DEPENDENCIES`).
* **Free text** is cleaned and cut to its column's length: ``< > [ ] { }`` and
  control characters are stripped (FY2026 "Characters").
* **SSN placeholders** (``000000000``…) and SSNs that cannot be read are exported
  as null; a quality of "full" or "partial" with nothing left to show becomes 99.
* **Withheld identifiers** (see :mod:`sync.hmis_csv.export` for when): names,
  suffix, SSN, DOB and the free-text race description are null and their quality
  columns 99. Demographics that do not identify a person (race, sex, veteran
  status) stay, so the person still counts in HUD reports.
* **HashStatus 4**: first, middle and last names become SHA-256 of their SOUNDEX
  (64 hex characters); the SSN becomes its last four digits followed by SHA-256 of
  the 9-character SSN (68 characters). The suffix has no hashed form and is left
  empty.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import DEPENDENCIES, FILES, Dependency, FileSpec, Kind, file_spec
from sync.hmis_csv.source import (
    ClientRecord,
    CurrentLivingSituationRecord,
    EnrollmentRecord,
    ExitRecord,
    ProjectRecord,
    ServiceRecord,
)
from sync.hmis_csv.values import ValueFormatError, clean_optional_text, hash_name, hash_ssn, normalize_ssn

__all__ = [
    "ClientRowBuilder",
    "Row",
    "affiliation_applies",
    "affiliation_rows",
    "csv_id",
    "current_living_situation_row",
    "enrollment_row",
    "exit_row",
    "finish_row",
    "local_date",
    "meta",
    "normalize_coc",
    "project_descriptors",
    "service_row",
]

Row = dict[str, object]

_ID_LIMIT = 32
_COC = re.compile(r"^[A-Za-z]{2}-[0-9]{3}$")
_UUID36 = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
_REPORTED = (1, 2)  # quality codes that claim a value was collected: full, partial
_RACE_FIELDS = ("am_ind_ak_native", "asian", "black_af_american", "hispanic_latinao", "mid_east_n_african",
                "native_hi_pacific", "white")


def csv_id(raw: str) -> str:
    """The S32 form of a source key (see the module docstring)."""
    text = str(raw).strip()
    if len(text) <= _ID_LIMIT and text.isascii() and text.isprintable() and '"' not in text:
        return text
    if _UUID36.fullmatch(text):  # the canonical UUID form: what uuid.UUID(text).hex gives
        return text.replace("-", "").lower()
    try:
        return uuid.UUID(text).hex
    except ValueError:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_LIMIT]


def local_date(moment: datetime) -> date:
    """The calendar date of a moment as the export writes it (local time, like
    :func:`~sync.hmis_csv.values.format_timestamp`)."""
    return moment.astimezone().date() if moment.tzinfo is not None else moment.date()


def normalize_coc(code: str | None) -> str | None:
    """A CoC code in the form ``XX-999`` (upper case), or ``None`` if it is not one."""
    if code is None:
        return None
    text = code.strip().upper()
    return text if _COC.match(text) else None


# A device has a handful of users, named on every row: their CSV IDs are worked out once.
_user_csv_id = functools.lru_cache(maxsize=256)(csv_id)


def meta(created: datetime, updated: datetime, user_id: str, export_id: str,
         deleted: datetime | None = None) -> Row:
    """The shared trailing columns (§3.1)."""
    return {"DateCreated": created, "DateUpdated": max(created, updated), "UserID": _user_csv_id(user_id),
            "DateDeleted": deleted, "ExportID": export_id}


# -- Generic finishing: 99 for required lists, empty dependents --------------------------


def _not_collected_columns(spec: FileSpec) -> tuple[str, ...]:
    names = []
    for column in spec.columns:
        if column.kind is not Kind.INTEGER or column.nullable or column.code_list is None:
            continue
        code_list = code_lists.get(column.code_list)
        if code_list is not None and code_lists.DATA_NOT_COLLECTED in code_list:
            names.append(column.name)
    return tuple(names)


_NOT_COLLECTED: Mapping[str, tuple[str, ...]] = {spec.name: _not_collected_columns(spec) for spec in FILES}
_DEPENDENCIES: Mapping[str, tuple[Dependency, ...]] = {
    spec.name: tuple(d for d in DEPENDENCIES if d.file == spec.name) for spec in FILES
}


def finish_row(file: str, row: Row) -> Row:
    """Apply the null rules of ``file`` to ``row`` in place and return it."""
    for name in _NOT_COLLECTED[file]:
        if row.get(name) is None:
            row[name] = code_lists.DATA_NOT_COLLECTED
    for dependency in _DEPENDENCIES[file]:
        if row.get(dependency.column) is not None and row.get(dependency.parent) not in dependency.trigger_values:
            row[dependency.column] = None
    return row


@functools.cache
def _limit(file: str, column: str) -> int | None:
    return file_spec(file).column(column).max_length


def _text(value: str | None, file: str, column: str) -> str | None:
    if value is None:
        return None
    return clean_optional_text(value, _limit(file, column))


# -- Client.csv ------------------------------------------------------------------------


class ClientRowBuilder:
    """Client rows for one export; counts what it had to drop so the summary can say so."""

    def __init__(self, export_id: str, hash_status: int) -> None:
        self.export_id = export_id
        self.hashed = hash_status == 4
        self.withheld = 0
        self.unreadable_ssns = 0

    def _names(self, client: ClientRecord) -> Row:
        names = {"FirstName": client.first_name, "MiddleName": client.middle_name, "LastName": client.last_name}
        if self.hashed:
            row: Row = {column: hash_name(value) for column, value in names.items()}
            row["NameSuffix"] = None
        else:
            row = {column: _text(value, "Client", column) for column, value in names.items()}
            row["NameSuffix"] = _text(client.name_suffix, "Client", "NameSuffix")
        quality = client.name_data_quality
        if quality in _REPORTED and not any(row[column] for column in names):
            quality = code_lists.DATA_NOT_COLLECTED
        row["NameDataQuality"] = quality
        return row

    def _ssn(self, client: ClientRecord) -> Row:
        try:
            ssn = normalize_ssn(client.ssn)
        except ValueFormatError:
            ssn = None
            self.unreadable_ssns += 1
        quality = client.ssn_data_quality
        if ssn is None and quality in _REPORTED:
            quality = code_lists.DATA_NOT_COLLECTED
        return {"SSN": hash_ssn(ssn) if self.hashed else ssn, "SSNDataQuality": quality}

    def row(self, client: ClientRecord, created: datetime, updated: datetime, withhold: bool) -> Row:
        """One Client row; ``created``/``updated`` span every source copy of the person."""
        row: Row = {"PersonalID": csv_id(client.personal_id)}
        if withhold:
            self.withheld += 1
            not_collected = code_lists.DATA_NOT_COLLECTED
            row.update(NameDataQuality=not_collected, SSNDataQuality=not_collected, DOBDataQuality=not_collected)
        else:
            row.update(self._names(client))
            row.update(self._ssn(client))
            dob_quality = client.dob_data_quality
            if client.dob is None and dob_quality in _REPORTED:
                dob_quality = code_lists.DATA_NOT_COLLECTED
            row.update(DOB=client.dob, DOBDataQuality=dob_quality,
                       AdditionalRaceEthnicity=_text(client.additional_race_ethnicity, "Client",
                                                     "AdditionalRaceEthnicity"))
        races = [1 if getattr(client, name) == 1 else 0 for name in _RACE_FIELDS]
        row.update(zip(("AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao", "MidEastNAfrican",
                        "NativeHIPacific", "White"), races, strict=True))
        # RaceNone is filled only when no race is selected (3.04).
        row["RaceNone"] = None if any(races) else (client.race_none or code_lists.DATA_NOT_COLLECTED)
        row["Sex"] = client.sex
        row["VeteranStatus"] = client.veteran_status
        row.update(meta(created, updated, client.user_id, self.export_id, client.deleted_at))
        return finish_row("Client", row)


# -- Enrollment-level files ------------------------------------------------------------------


def enrollment_row(enrollment: EnrollmentRecord, export_id: str, default_coc: str | None) -> Row:
    """``default_coc`` fills EnrollmentCoC for a head of household who has none (3.16 is HoH-only)."""
    coc = normalize_coc(enrollment.enrollment_coc)
    if coc is None and enrollment.relationship_to_hoh == 1:
        coc = default_coc
    row: Row = {
        "EnrollmentID": csv_id(enrollment.enrollment_id), "PersonalID": csv_id(enrollment.personal_id),
        "ProjectID": csv_id(enrollment.project_id), "EntryDate": enrollment.entry_date,
        "HouseholdID": csv_id(enrollment.household_id), "RelationshipToHoH": enrollment.relationship_to_hoh,
        "EnrollmentCoC": coc, "LivingSituation": enrollment.living_situation,
        "RentalSubsidyType": enrollment.rental_subsidy_type, "LengthOfStay": enrollment.length_of_stay,
        "LOSUnderThreshold": enrollment.los_under_threshold, "PreviousStreetESSH": enrollment.previous_street_essh,
        "DateToStreetESSH": enrollment.date_to_street_essh,
        "TimesHomelessPastThreeYears": enrollment.times_homeless_past_three_years,
        "MonthsHomelessPastThreeYears": enrollment.months_homeless_past_three_years,
        "DisablingCondition": enrollment.disabling_condition, "DateOfEngagement": enrollment.date_of_engagement,
        **meta(enrollment.created_at, enrollment.updated_at, enrollment.user_id, export_id, enrollment.deleted_at),
    }
    return finish_row("Enrollment", row)


def exit_row(record: ExitRecord, export_id: str) -> Row:
    row: Row = {
        "ExitID": csv_id(record.exit_id), "EnrollmentID": csv_id(record.enrollment_id),
        "PersonalID": csv_id(record.personal_id), "ExitDate": record.exit_date, "Destination": record.destination,
        "DestinationSubsidyType": record.destination_subsidy_type,
        "OtherDestination": _text(record.other_destination, "Exit", "OtherDestination"),
        **meta(record.created_at, record.updated_at, record.user_id, export_id, record.deleted_at),
    }
    return finish_row("Exit", row)


def current_living_situation_row(record: CurrentLivingSituationRecord, export_id: str) -> Row:
    row: Row = {
        "CurrentLivingSitID": csv_id(record.cls_id), "EnrollmentID": csv_id(record.enrollment_id),
        "PersonalID": csv_id(record.personal_id), "InformationDate": record.information_date,
        "CurrentLivingSituation": record.current_living_situation,
        "LocationDetails": _text(record.location_details, "CurrentLivingSituation", "LocationDetails"),
        **meta(record.created_at, record.updated_at, record.user_id, export_id, record.deleted_at),
    }
    return finish_row("CurrentLivingSituation", row)


def service_row(record: ServiceRecord, export_id: str) -> Row:
    row: Row = {
        "ServicesID": csv_id(record.service_id), "EnrollmentID": csv_id(record.enrollment_id),
        "PersonalID": csv_id(record.personal_id), "DateProvided": record.date_provided,
        "RecordType": record.record_type, "TypeProvided": record.type_provided,
        **meta(record.created_at, record.updated_at, record.user_id, export_id, record.deleted_at),
    }
    return finish_row("Services", row)


# -- Project descriptors (2.02) and Affiliation.csv --------------------------------------------

_RRH = 13
_SERVICES_ONLY = 6
_RRH_SERVICES_ONLY = 1  # RRHSubType 1: services only


def affiliation_applies(project: ProjectRecord) -> bool:
    """2.02.B is asked of services-only projects and of RRH services-only projects."""
    return project.project_type == _SERVICES_ONLY or (
        project.project_type == _RRH and project.rrh_sub_type == _RRH_SERVICES_ONLY)


def project_descriptors(project: ProjectRecord) -> Row:
    """Project.csv's descriptor columns; a subtype or affiliation the project type does
    not ask for is left empty, as the spec's dependent fields are."""
    return {
        "HousingType": project.housing_type,
        "RRHSubType": project.rrh_sub_type if project.project_type == _RRH else None,
        "ResidentialAffiliation": project.residential_affiliation if affiliation_applies(project) else None,
        "TargetPopulation": project.target_population,
    }


def affiliation_rows(projects: Sequence[ProjectRecord], export_id: str, author: str) -> list[Row]:
    """One Affiliation row per residential project a services-only project is affiliated
    with (2.02.B = 1), when that project is among ``projects`` too (so ResProjectID is
    defined in Project.csv). The ID is derived from the pair, so it stays the same
    across exports."""
    present = {project.project_id for project in projects}
    rows: list[Row] = []
    for project in projects:
        if not affiliation_applies(project) or project.residential_affiliation != 1:
            continue
        for residential in sorted(set(project.residential_project_ids) & present):
            key = uuid.uuid5(uuid.NAMESPACE_URL,
                             f"hmis-intake:affiliation:{project.project_id}:{residential}").hex
            rows.append({
                "AffiliationID": key, "ProjectID": csv_id(project.project_id), "ResProjectID": csv_id(residential),
                **meta(project.created_at, project.updated_at, project.user_id or author, export_id),
            })
    return rows
