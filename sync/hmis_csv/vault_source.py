"""The device's vault as an :class:`~sync.hmis_csv.source.ExportSource`.

Reads through the signed-in session's connection and nothing else: no writes, no
audit (the export records one event for the whole run). Each person's
:class:`~sync.hmis_csv.source.Sharing` comes from the vault's consents and household
locks through :func:`~sync.hmis_csv.sharing.sharing_timelines`, the rule the central
server's export applies too; a consent saved without an expiry gets the pack's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import date, datetime

from app import __version__, consent_gate
from app.rules.consent import roi_expiry
from app.session import Session
from app.settings import Settings
from app.vault.connection import transaction
from sync.hmis_csv.export import ExportOptions, ExportResult, write_hmis_csv
from sync.hmis_csv.project_files import optional_date, project_file_columns, project_file_values
from sync.hmis_csv.sharing import ConsentFacts, SharingTimeline, decide_sharing, sharing_timelines
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

__all__ = ["AUDIT_ACTION", "EXPORT_PERMISSION", "SOFTWARE_NAME", "VaultExportSource", "export_vault"]

SOFTWARE_NAME = "HMIS Intake"
EXPORT_PERMISSION = "export.hmis_csv"
AUDIT_ACTION = "hmis_csv.exported"
#: List 1.9: a standalone or agency-specific application, not the CoC's HMIS.
SOURCE_TYPE_AGENCY_APPLICATION = 2


fromisoformat = datetime.fromisoformat
#: The timeline of everyone with no consent on record (shares no day); one for all of them.
_NO_CONSENT = SharingTimeline()


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _optional_moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _optional_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _split_display_name(display_name: str, username: str) -> tuple[str | None, str | None]:
    """User.csv wants a first and a last name. A display name that is only the
    user name (the default at setup) is not a name, so nothing is exported."""
    text = display_name.strip()
    if not text or text.casefold() == username.strip().casefold():
        return None, None
    parts = text.split()
    if len(parts) == 1:
        return parts[0], None
    return " ".join(parts[:-1]), parts[-1]


class VaultExportSource:
    """Records of the vault behind ``session``, ready for :func:`write_hmis_csv`."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._conn = session.conn

    def info(self) -> SourceInfo:
        return SourceInfo(
            implementation_id=self._session.vault.keyfile.vault_id,
            source_type=SOURCE_TYPE_AGENCY_APPLICATION,
            source_name=Settings(self._conn).agency_name,
            software_name=SOFTWARE_NAME,
            software_version=__version__,
            exporting_user_id=self._session.user.user_id,
            now=self._session.clock.now(),
        )

    def organizations(self) -> Iterator[OrganizationRecord]:
        for row in self._conn.execute(
            "SELECT organization_id, name, created_at, updated_at FROM organization ORDER BY created_at"
        ):
            yield OrganizationRecord(row[0], row[1], _moment(row[2]), _moment(row[3]))

    def projects(self) -> Iterator[ProjectRecord]:
        affiliated: dict[str, list[str]] = {}
        for project_id, residential in self._conn.execute(
            "SELECT project_id, res_project_id FROM project_affiliation ORDER BY res_project_id"
        ):
            affiliated.setdefault(project_id, []).append(residential)
        extra = project_file_columns()
        for row in self._conn.execute(
            "SELECT project_id, organization_id, name, project_type, coc_code, created_at, updated_at,"
            " housing_type, rrh_sub_type, residential_affiliation, target_population, operating_start, "
            + ", ".join(extra) + " FROM project ORDER BY created_at, name"
        ):
            yield ProjectRecord(row[0], row[1], row[2], row[3], row[4], _moment(row[5]), _moment(row[6]),
                                housing_type=row[7], rrh_sub_type=row[8], residential_affiliation=row[9],
                                target_population=row[10], operating_start=optional_date(row[11]),
                                residential_project_ids=tuple(affiliated.get(row[0], ())),
                                **project_file_values(dict(zip(extra, row[12:], strict=True))))

    def users(self) -> Iterator[UserRecord]:
        for row in self._conn.execute(
            "SELECT user_id, username, display_name, created_at, password_changed_at, disabled_at FROM app_user"
        ):
            first, last = _split_display_name(row[2], row[1])
            created = _moment(row[3])
            disabled = _optional_moment(row[5])
            updated = max(created, disabled) if disabled is not None else created
            yield UserRecord(row[0], first, last, created, updated)

    def _expiry(self, signed_on: str, expires_on: str | None) -> str | None:
        """The stored expiry, or for a consent saved without one the pack's
        (MO-ROI-10: one year after signing)."""
        if expires_on:
            return expires_on
        signed = _optional_date(signed_on)
        end = roi_expiry(self._session.pack, signed) if signed is not None else None
        return end.isoformat() if end is not None else None

    def _sharing(self) -> tuple[dict[str, Sharing], dict[str, SharingTimeline]]:
        # MO-ROI-6, A19: where the device records one ROI per project, a consent covers
        # its project's rows; where the agency keeps one ROI, every consent covers all.
        per_project = consent_gate.scope(self._conn, self._session.pack) == "project"
        consents = [
            ConsentFacts(row[0], row[1], row[2], bool(row[3]), row[4], row[5],
                         expires_on=self._expiry(row[4], row[6]), revoked_on=row[3],
                         project_id=row[7] if per_project else None)
            for row in self._conn.execute(
                "SELECT personal_id, method, sharing, revoked_at, signed_on, created_at, expires_on,"
                " covers_project_id FROM consent")
        ]
        locked = [row[0] for row in self._conn.execute(
            "SELECT DISTINCT personal_id FROM enrollment WHERE locked = 1")]
        return decide_sharing(consents, locked), sharing_timelines(consents, locked)

    def clients(self) -> Iterator[ClientRecord]:
        sharing, timelines = self._sharing()
        for row in self._conn.execute(
            "SELECT personal_id, first_name, middle_name, last_name, name_suffix, name_data_quality, ssn,"
            " ssn_data_quality, dob, dob_data_quality, am_ind_ak_native, asian, black_af_american,"
            " hispanic_latinao, mid_east_n_african, native_hi_pacific, white, race_none,"
            " additional_race_ethnicity, sex, veteran_status, created_at, updated_at, updated_by, deleted_at"
            " FROM person ORDER BY id"
        ):
            # Positional, in the order of the SELECT and of ClientRecord's fields: this runs per person.
            pid = row[0]
            fields = (*row[:8], _optional_date(row[8]), *row[9:21], sharing.get(pid, Sharing.NO_CONSENT),
                      fromisoformat(row[21]), fromisoformat(row[22]), row[23], _optional_moment(row[24]),
                      timelines.get(pid, _NO_CONSENT))
            yield ClientRecord(*fields)

    @staticmethod
    def _project_clause(project_ids: frozenset[str] | None, column: str) -> tuple[str, Sequence[str]]:
        if project_ids is None:
            return "", ()
        ordered = sorted(project_ids)
        return f" WHERE {column} IN ({', '.join('?' * len(ordered))})", ordered

    def enrollments(self, project_ids: frozenset[str] | None) -> Iterator[EnrollmentRecord]:
        where, params = self._project_clause(project_ids, "project_id")
        for row in self._conn.execute(
            "SELECT enrollment_id, personal_id, project_id, household_id, entry_date, relationship_to_hoh,"
            " enrollment_coc, living_situation, rental_subsidy_type, length_of_stay, los_under_threshold,"
            " previous_street_essh, date_to_street_essh, times_homeless_past_three_years,"
            " months_homeless_past_three_years, disabling_condition, date_of_engagement, created_at,"
            " updated_at, updated_by FROM enrollment" + where + " ORDER BY created_at, household_id,"
            " relationship_to_hoh",
            params,
        ):
            # Positional, in the order of the SELECT and of EnrollmentRecord's fields.
            fields = (*row[:4], date.fromisoformat(row[4]), *row[5:12], _optional_date(row[12]), *row[13:16],
                      _optional_date(row[16]), fromisoformat(row[17]), fromisoformat(row[18]), row[19])
            yield EnrollmentRecord(*fields)

    def exits(self, project_ids: frozenset[str] | None) -> Iterator[ExitRecord]:
        where, params = self._project_clause(project_ids, "e.project_id")
        for row in self._conn.execute(
            "SELECT x.exit_id, x.enrollment_id, x.personal_id, x.exit_date, x.destination,"
            " x.destination_subsidy_type, x.other_destination, x.created_at, x.created_by"
            " FROM project_exit x JOIN enrollment e ON e.enrollment_id = x.enrollment_id" + where
            + " ORDER BY x.created_at",
            params,
        ):
            created = _moment(row[7])
            yield ExitRecord(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5], row[6],
                             created, created, row[8])

    def current_living_situations(
        self, project_ids: frozenset[str] | None
    ) -> Iterator[CurrentLivingSituationRecord]:
        where, params = self._project_clause(project_ids, "e.project_id")
        for row in self._conn.execute(
            "SELECT c.cls_id, c.enrollment_id, c.personal_id, c.information_date, c.current_living_situation,"
            " c.location_details, c.created_at, c.created_by"
            " FROM current_living_situation c JOIN enrollment e ON e.enrollment_id = c.enrollment_id" + where
            + " ORDER BY c.information_date, c.created_at",
            params,
        ):
            created = _moment(row[6])
            yield CurrentLivingSituationRecord(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4],
                                               row[5], created, created, row[7])

    def services(self, project_ids: frozenset[str] | None) -> Iterator[ServiceRecord]:
        where, params = self._project_clause(project_ids, "e.project_id")
        for row in self._conn.execute(
            "SELECT s.service_id, s.enrollment_id, s.personal_id, s.date_provided, s.record_type,"
            " s.type_provided, s.created_at, s.created_by"
            " FROM service s JOIN enrollment e ON e.enrollment_id = s.enrollment_id" + where
            + " ORDER BY s.date_provided, s.created_at",
            params,
        ):
            created = _moment(row[6])
            yield ServiceRecord(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5],
                                created, created, row[7])


def export_vault(session: Session, path: str | os.PathLike[str], options: ExportOptions) -> ExportResult:
    """The device's HMIS CSV export: permitted roles only, and one audit event naming
    who, when, the options and the row counts, never a path or a record's value."""
    session.require(EXPORT_PERMISSION)
    result = write_hmis_csv(VaultExportSource(session), path, options)
    with transaction(session.conn):
        session.audit(AUDIT_ACTION, "export", result.export_id, result.audit_detail())
    return result
