"""What the central server stored, turned back into the records an export reads.

The server keeps every version of every record a device sent (``received_record``),
each with the time it was collected. :func:`fold` merges the versions of one record
in collection order: a later version's fields replace an earlier one's, so the newest
version wins, and a consent revocation (which carries only ``revoked_on``) adds to
the consent it revokes. A ``delete`` marks the record deleted from its collection
time (HMIS CSV ``DateDeleted``).

Each value is checked as it is read against the type and HUD list of the column it
fills, so a stored payload that is not what a device sends raises
:class:`UnreadableRecord` naming the record and the field, never the value.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import file_spec
from sync.hmis_csv.project_files import optional_date, payload_values
from sync.hmis_csv.sharing import ConsentFacts
from sync.hmis_csv.source import (
    ClientRecord,
    CurrentLivingSituationRecord,
    EnrollmentRecord,
    ExitRecord,
    OrganizationRecord,
    ProjectRecord,
    ServiceRecord,
    Sharing,
)

__all__ = [
    "Folded",
    "StoredVersion",
    "UnreadableRecord",
    "fold",
    "to_client",
    "to_consent",
    "to_contact",
    "to_enrollment",
    "to_exit",
    "to_project",
    "to_service",
]

_MAX_ID = 255  # the server's bound on entity ids (sync/server/validation.py)
_RACES = ("am_ind_ak_native", "asian", "black_af_american", "hispanic_latinao", "mid_east_n_african",
          "native_hi_pacific", "white")


class UnreadableRecord(Exception):
    """A stored record the export cannot read; says which record and field, not the value."""

    def __init__(self, entity: str, entity_id: str, field: str) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.field = field
        super().__init__(f"{entity} {entity_id[:64]}: {field}")


@dataclass(frozen=True, slots=True)
class StoredVersion:
    operation: str
    collected_at: str  # ISO 8601 with a time zone, as the server stored it
    payload: str  # JSON text


@dataclass
class Folded:
    """One record's versions merged. ``created`` is the first version's own time (its
    payload's ``created_at`` or ``saved_at``), else its collection; ``updated`` the
    same of the newest version."""

    entity: str
    entity_id: str
    payload: dict[str, Any]
    created: datetime
    updated: datetime
    deleted_at: datetime | None


def _parse_moment(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _own_time(entity: str, entity_id: str, payload: dict[str, Any], names: Sequence[str],
              collected: datetime) -> datetime:
    for name in names:
        if payload.get(name) is not None:
            moment = _parse_moment(payload[name])
            if moment is None:
                raise UnreadableRecord(entity, entity_id, name)
            return moment
    return collected


def fold(entity: str, entity_id: str, versions: Sequence[StoredVersion]) -> Folded:
    """Merge ``versions`` (in collection order, oldest first) into one record."""
    merged: dict[str, Any] = {}
    created: datetime | None = None
    updated: datetime | None = None
    deleted: datetime | None = None
    for version in versions:
        collected = _parse_moment(version.collected_at)
        if collected is None:
            raise UnreadableRecord(entity, entity_id, "collected_at")
        try:
            payload = json.loads(version.payload)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            raise UnreadableRecord(entity, entity_id, "payload")
        if created is None:
            created = _own_time(entity, entity_id, payload, ("created_at", "saved_at"), collected)
        updated = _own_time(entity, entity_id, payload, ("updated_at", "saved_at", "created_at"), collected)
        merged.update(payload)
        deleted = collected if version.operation == "delete" else None
    if created is None or updated is None:
        raise UnreadableRecord(entity, entity_id, "payload")
    return Folded(entity, entity_id, merged, created, max(created, updated), deleted)


def _allowed(file: str, column: str) -> frozenset[int] | None:
    """The codes a column accepts (``None``: any whole number)."""
    list_id = file_spec(file).column(column).code_list
    codes = code_lists.get(list_id) if list_id else None
    return codes.codes if codes is not None else None


# Payload field → the codes of the column it fills.
_CLIENT_CODES = {
    "name_data_quality": _allowed("Client", "NameDataQuality"),
    "ssn_data_quality": _allowed("Client", "SSNDataQuality"),
    "dob_data_quality": _allowed("Client", "DOBDataQuality"), "race_none": _allowed("Client", "RaceNone"),
    "sex": _allowed("Client", "Sex"), "veteran_status": _allowed("Client", "VeteranStatus"),
    **{race: _allowed("Client", "White") for race in _RACES},
}
_ENROLLMENT_CODES = {
    "relationship_to_hoh": _allowed("Enrollment", "RelationshipToHoH"),
    "living_situation": _allowed("Enrollment", "LivingSituation"),
    "rental_subsidy_type": _allowed("Enrollment", "RentalSubsidyType"),
    "length_of_stay": _allowed("Enrollment", "LengthOfStay"),
    "los_under_threshold": _allowed("Enrollment", "LOSUnderThreshold"),
    "previous_street_essh": _allowed("Enrollment", "PreviousStreetESSH"),
    "times_homeless_past_three_years": _allowed("Enrollment", "TimesHomelessPastThreeYears"),
    "months_homeless_past_three_years": _allowed("Enrollment", "MonthsHomelessPastThreeYears"),
    "disabling_condition": _allowed("Enrollment", "DisablingCondition"),
}
_PROJECT_CODES = {
    "project_type": _allowed("Project", "ProjectType"), "housing_type": _allowed("Project", "HousingType"),
    "rrh_sub_type": _allowed("Project", "RRHSubType"),
    "residential_affiliation": _allowed("Project", "ResidentialAffiliation"),
    "target_population": _allowed("Project", "TargetPopulation"),
}


class _Reader:
    """Typed access to one folded payload; every failure names the field."""

    def __init__(self, folded: Folded) -> None:
        self.folded = folded
        self.payload = folded.payload

    def fail(self, name: str) -> UnreadableRecord:
        return UnreadableRecord(self.folded.entity, self.folded.entity_id, name)

    def ident(self, name: str) -> str:
        value = self.payload.get(name)
        if not isinstance(value, str) or not value.strip() or len(value) > _MAX_ID:
            raise self.fail(name)
        return value

    def text(self, name: str) -> str | None:
        value = self.payload.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(name)
        return value

    def code(self, name: str, allowed: frozenset[int] | None, required: bool = False) -> int | None:
        value = self.payload.get(name)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or (
                allowed is not None and value not in allowed):
            raise self.fail(name)
        return value

    def codes(self, table: dict[str, frozenset[int] | None]) -> dict[str, int | None]:
        return {name: self.code(name, allowed) for name, allowed in table.items()}

    def day(self, name: str) -> date:
        value = self.payload.get(name)
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(name)

    def optional_day(self, name: str) -> date | None:
        return None if self.payload.get(name) in (None, "") else self.day(name)

    def moment(self, name: str) -> datetime | None:
        value = self.payload.get(name)
        if value in (None, ""):
            return None
        moment = _parse_moment(value)
        if moment is None:
            raise self.fail(name)
        return moment

    def user(self, *names: str) -> str | None:
        """The first of ``names`` the payload carries: the UserID of the row."""
        for name in names:
            if self.payload.get(name) not in (None, ""):
                return self.ident(name)
        return None

    def required_user(self, *names: str) -> str:
        user = self.user(*names)
        if user is None:
            raise self.fail(names[-1])
        return user


def to_project(folded: Folded) -> tuple[ProjectRecord, OrganizationRecord]:
    read = _Reader(folded)
    project_id = read.ident("project_id")
    organization_id = read.ident("organization_id")
    name = read.text("name")
    if not name or not name.strip():
        raise read.fail("name")
    codes = read.codes(_PROJECT_CODES)
    residential = read.payload.get("residential_project_ids") or []
    if not isinstance(residential, list) or not all(isinstance(i, str) and i for i in residential):
        raise read.fail("residential_project_ids")
    user = read.user("user_id")
    project = ProjectRecord(
        project_id=project_id, organization_id=organization_id, name=name, project_type=codes["project_type"],
        coc_code=read.text("coc_code"), created_at=folded.created, updated_at=folded.updated, user_id=user,
        housing_type=codes["housing_type"], rrh_sub_type=codes["rrh_sub_type"],
        residential_affiliation=codes["residential_affiliation"], target_population=codes["target_population"],
        residential_project_ids=tuple(residential),
        operating_start=optional_date(read.payload.get("operating_start")) if isinstance(
            read.payload.get("operating_start"), str) else None,
        **payload_values(read.payload),
    )
    organization_name = read.text("organization_name")
    if not organization_name or not organization_name.strip():
        raise read.fail("organization_name")
    org_created = read.moment("organization_created_at") or folded.created
    org_updated = read.moment("organization_updated_at") or folded.updated
    organization = OrganizationRecord(organization_id, organization_name, org_created, max(org_created, org_updated),
                                      user_id=user)
    return project, organization


def to_consent(folded: Folded) -> ConsentFacts:
    read = _Reader(folded)
    method, sharing = read.text("method"), read.text("sharing")
    if method not in ("written", "verbal", "declined"):
        raise read.fail("method")
    if sharing not in ("shared", "not_shared"):
        raise read.fail("sharing")
    signed = read.day("signed_on")
    revoked_on = read.optional_day("revoked_on") or read.optional_day("revoked_at")
    expires = read.optional_day("expires_on")
    # MO-ROI-6: the project the device recorded the ROI for (None: every project).
    return ConsentFacts(read.ident("personal_id"), method, sharing, revoked_on is not None, signed.isoformat(),
                        folded.created.isoformat(), expires_on=expires.isoformat() if expires else None,
                        revoked_on=revoked_on.isoformat() if revoked_on else None,
                        project_id=read.text("covers_project_id") or None)


def to_enrollment(folded: Folded) -> tuple[EnrollmentRecord, bool]:
    """The enrollment and whether it is locked after a declined ROI (MO-ROI-8)."""
    read = _Reader(folded)
    codes = read.codes(_ENROLLMENT_CODES)
    locked = read.payload.get("locked", 0)
    if locked not in (0, 1, True, False, None):
        raise read.fail("locked")
    user = read.required_user("updated_by", "created_by")
    coc = read.text("enrollment_coc")
    record = EnrollmentRecord(
        enrollment_id=read.ident("enrollment_id"), personal_id=read.ident("personal_id"),
        project_id=read.ident("project_id"), household_id=read.ident("household_id"),
        entry_date=read.day("entry_date"), enrollment_coc=coc,
        date_to_street_essh=read.optional_day("date_to_street_essh"),
        date_of_engagement=read.optional_day("date_of_engagement"),
        created_at=folded.created, updated_at=folded.updated, user_id=user, deleted_at=folded.deleted_at,
        **codes,
    )
    return record, bool(locked)


def to_client(folded: Folded, sharing: Sharing, fallback_user: str) -> ClientRecord:
    """``fallback_user`` authors a person whose payload names no user (sent before
    person records carried one): the user of the person's first enrollment, or the
    server's own for a person with none."""
    read = _Reader(folded)
    codes = read.codes(_CLIENT_CODES)
    races = {race: codes.pop(race) or 0 for race in _RACES}
    return ClientRecord(
        personal_id=read.ident("personal_id"), first_name=read.text("first_name"),
        middle_name=read.text("middle_name"), last_name=read.text("last_name"),
        name_suffix=read.text("name_suffix"), ssn=read.text("ssn"), dob=read.optional_day("dob"),
        additional_race_ethnicity=read.text("additional_race_ethnicity"), sharing=sharing,
        created_at=folded.created, updated_at=folded.updated, user_id=read.user("user_id") or fallback_user,
        # Codes keyed by field name (dict[str, int | None]): mypy cannot match each to its field.
        deleted_at=folded.deleted_at, **races, **codes,  # type: ignore[arg-type]
    )


def to_exit(folded: Folded) -> ExitRecord:
    read = _Reader(folded)
    return ExitRecord(
        exit_id=read.ident("exit_id"), enrollment_id=read.ident("enrollment_id"),
        personal_id=read.ident("personal_id"), exit_date=read.day("exit_date"),
        destination=read.code("destination", _allowed("Exit", "Destination")),
        destination_subsidy_type=read.code("destination_subsidy_type", _allowed("Exit", "DestinationSubsidyType")),
        other_destination=read.text("other_destination"), created_at=folded.created, updated_at=folded.updated,
        user_id=read.required_user("created_by"), deleted_at=folded.deleted_at,
    )


def to_contact(folded: Folded) -> CurrentLivingSituationRecord:
    read = _Reader(folded)
    return CurrentLivingSituationRecord(
        cls_id=read.ident("cls_id"), enrollment_id=read.ident("enrollment_id"),
        personal_id=read.ident("personal_id"), information_date=read.day("information_date"),
        current_living_situation=read.code("current_living_situation",
                                           _allowed("CurrentLivingSituation", "CurrentLivingSituation")),
        location_details=read.text("location_details"), created_at=folded.created, updated_at=folded.updated,
        user_id=read.required_user("created_by"), deleted_at=folded.deleted_at,
    )


def to_service(folded: Folded) -> ServiceRecord:
    read = _Reader(folded)
    record_type = read.code("record_type", _allowed("Services", "RecordType"), required=True)
    type_provided = read.code("type_provided", None, required=True)
    assert record_type is not None and type_provided is not None
    return ServiceRecord(
        service_id=read.ident("service_id"), enrollment_id=read.ident("enrollment_id"),
        personal_id=read.ident("personal_id"), date_provided=read.day("date_provided"),
        record_type=record_type, type_provided=type_provided, created_at=folded.created,
        updated_at=folded.updated, user_id=read.required_user("created_by"), deleted_at=folded.deleted_at,
    )
