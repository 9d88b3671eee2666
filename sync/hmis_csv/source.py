"""The records an HMIS CSV export is built from, independent of where they are kept.

An :class:`ExportSource` yields plain dataclasses: organizations, projects, users,
clients, enrollments, exits, 4.12 contacts and services. The device reads them from
its vault (:mod:`sync.hmis_csv.vault_source`); the central server can implement the
same protocol over what it received and reuse the whole export
(:func:`sync.hmis_csv.export.write_hmis_csv`).

Values are kept as the source holds them: dates as :class:`~datetime.date`,
moments as :class:`~datetime.datetime` (aware or naive), HUD codes as ``int`` and
``None`` for "never collected". Turning them into spec values (IDs that fit S32,
99 for a required list never collected, null dependent fields, hashing, withheld
identifiers) is the export's job, so every source gets the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sync.hmis_csv.sharing import SharingTimeline

__all__ = [
    "ClientRecord",
    "CurrentLivingSituationRecord",
    "EnrollmentRecord",
    "ExitRecord",
    "ExportSource",
    "OrganizationRecord",
    "ProjectRecord",
    "ServiceRecord",
    "Sharing",
    "SourceInfo",
    "UserRecord",
]


class Sharing(str, Enum):
    """What a person agreed to, as far as disclosure outside the agency goes.

    The one-word summary of a person's most recent decision. What leaves in an
    export is decided per day by :class:`~sync.hmis_csv.sharing.SharingTimeline`
    (docs/hmis-csv-export.md); a record without a timeline is read as this word
    on every day.
    """

    SHARED = "shared"
    NOT_SHARED = "not_shared"  # client's choice, a program that forces it (VT-3.1-2, MO-PROT-1) or a revocation
    DECLINED = "declined"  # consent declined (CT-207-1, MO-RIGHTS-3)
    LOCKED = "locked"  # a household locked after a declined ROI (MO-ROI-8)
    NO_CONSENT = "no_consent"  # no consent on record at all


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Who is exporting: fills Export.csv. ``implementation_id`` is stable per source
    database (spec §3.1 "Export parameters"); ``exporting_user_id`` authors the rows
    that carry no author of their own (Organization, Project, ProjectCoC)."""

    implementation_id: str
    source_type: int  # list 1.9: 1 CoC HMIS, 2 agency application, 3 warehouse, 4 other
    source_name: str | None
    software_name: str
    software_version: str | None
    exporting_user_id: str
    now: datetime


@dataclass(frozen=True, slots=True)
class OrganizationRecord:
    organization_id: str
    name: str
    created_at: datetime
    updated_at: datetime
    victim_service_provider: int = 0
    user_id: str | None = None


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    project_id: str
    organization_id: str
    name: str
    project_type: int | None
    coc_code: str | None
    created_at: datetime
    updated_at: datetime
    operating_start: date | None = None
    continuum_project: int = 1
    user_id: str | None = None
    # 2.02 descriptors; RRHSubType is required for type 13 and ResidentialAffiliation
    # for type 6 and for type 13 with subtype 1 (reference §3.2, Project.csv).
    housing_type: int | None = None  # 2.02.D
    rrh_sub_type: int | None = None  # 2.02.A
    residential_affiliation: int | None = None  # 2.02.B, list 1.10
    target_population: int | None = None  # 2.02.7
    #: Affiliation.csv: the residential projects a services-only project is affiliated with.
    residential_project_ids: tuple[str, ...] = ()
    #: ProjectCoC (2.03), Funder (2.06), Inventory (2.07) and HMISParticipation (2.08);
    #: see sync/hmis_csv/project_files.py. ``None`` means the source does not keep it.
    geocode: str | None = None
    geography_type: int | None = None
    address1: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    hmis_participation: int | None = None
    funder: int | None = None
    other_funder: str | None = None
    grant_id: str | None = None
    funder_start: date | None = None
    household_type: int | None = None
    availability: int | None = None
    es_bed_type: int | None = None
    unit_inventory: int | None = None
    bed_inventory: int | None = None
    inventory_start: date | None = None


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A staff account: only what User.csv asks for, never a user name or password."""

    user_id: str
    first_name: str | None
    last_name: str | None
    created_at: datetime
    updated_at: datetime
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ClientRecord:
    """A person (3.01-3.07, 4.21). A source may yield several records with one
    ``personal_id`` (merged or re-received copies); the export writes one row."""

    personal_id: str
    first_name: str | None
    middle_name: str | None
    last_name: str | None
    name_suffix: str | None
    name_data_quality: int | None
    ssn: str | None
    ssn_data_quality: int | None
    dob: date | None
    dob_data_quality: int | None
    am_ind_ak_native: int
    asian: int
    black_af_american: int
    hispanic_latinao: int
    mid_east_n_african: int
    native_hi_pacific: int
    white: int
    race_none: int | None
    additional_race_ethnicity: str | None
    sex: int | None
    veteran_status: int | None
    sharing: Sharing
    created_at: datetime
    updated_at: datetime
    user_id: str
    deleted_at: datetime | None = None
    #: Which days may be shared (sync/hmis_csv/sharing.py); ``None``: every day as ``sharing`` says.
    timeline: SharingTimeline | None = None
    #: The agency that entered the person, for an export made for one viewing agency.
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class EnrollmentRecord:
    enrollment_id: str
    personal_id: str
    project_id: str
    household_id: str
    entry_date: date
    relationship_to_hoh: int | None
    enrollment_coc: str | None
    living_situation: int | None
    rental_subsidy_type: int | None
    length_of_stay: int | None
    los_under_threshold: int | None
    previous_street_essh: int | None
    date_to_street_essh: date | None
    times_homeless_past_three_years: int | None
    months_homeless_past_three_years: int | None
    disabling_condition: int | None
    date_of_engagement: date | None
    created_at: datetime
    updated_at: datetime
    user_id: str
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ExitRecord:
    exit_id: str
    enrollment_id: str
    personal_id: str
    exit_date: date
    destination: int | None
    destination_subsidy_type: int | None
    other_destination: str | None
    created_at: datetime
    updated_at: datetime
    user_id: str
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CurrentLivingSituationRecord:
    """One 4.12 contact."""

    cls_id: str
    enrollment_id: str
    personal_id: str
    information_date: date
    current_living_situation: int | None
    location_details: str | None
    created_at: datetime
    updated_at: datetime
    user_id: str
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    service_id: str
    enrollment_id: str
    personal_id: str
    date_provided: date
    record_type: int
    type_provided: int
    created_at: datetime
    updated_at: datetime
    user_id: str
    deleted_at: datetime | None = None


class ExportSource(Protocol):
    """Where an export's records come from. ``project_ids`` narrows enrollments and
    their child records to those projects (``None``: every project); the export does
    all other selection itself, so a source only has to read."""

    def info(self) -> SourceInfo: ...

    def organizations(self) -> Iterable[OrganizationRecord]: ...

    def projects(self) -> Iterable[ProjectRecord]: ...

    def users(self) -> Iterable[UserRecord]: ...

    def clients(self) -> Iterable[ClientRecord]: ...

    def enrollments(self, project_ids: frozenset[str] | None) -> Iterable[EnrollmentRecord]: ...

    def exits(self, project_ids: frozenset[str] | None) -> Iterable[ExitRecord]: ...

    def current_living_situations(
        self, project_ids: frozenset[str] | None
    ) -> Iterable[CurrentLivingSituationRecord]: ...

    def services(self, project_ids: frozenset[str] | None) -> Iterable[ServiceRecord]: ...
