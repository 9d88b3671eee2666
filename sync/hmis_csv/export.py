"""A full HUD HMIS CSV (FY2026 v1.0) export from any :class:`ExportSource`.

:func:`write_hmis_csv` selects records, turns them into rows
(:mod:`sync.hmis_csv.rows`) and writes the 24 files into one zip, atomically, at
the caller's path (:class:`~sync.hmis_csv.writer_base.ExportZipWriter`).
:func:`export_vault` is the device's entry point: it checks the permission,
reads the vault and records the export in the audit trail.

Selection
---------
* **Full refresh** (ExportDirective 2): every enrollment of the chosen projects
  that is active in the period (EntryDate on or before the end, no exit before
  the start) with all its exits, 4.12 contacts and services. With a start date
  the period type is 3 (reporting period); without one it is 4 (other: the
  whole device up to the end date).
* **Delta** (ExportDirective 1, period type 1): records created, updated or
  deleted in the period, plus what they hang on: the enrollment of a changed
  exit, contact or service, and the person of every enrollment.
* In both, **a household travels whole**: if one member's enrollment is
  exported, so are the other members' enrollments of that household, so each
  HouseholdID keeps its one head of household.
* Client.csv has one row per person with an exported enrollment (and, in a
  delta, each changed person with an enrollment in the chosen projects);
  DateCreated is the earliest and DateUpdated the latest across the source's
  copies of the person.
* User.csv holds the users named by any exported row; Project.csv the chosen
  projects, Organization.csv their organizations and ProjectCoC.csv each CoC a
  project works in: the device's CoC code for the project if set, plus every
  valid EnrollmentCoC of its exported enrollments, so each EnrollmentCoC matches a
  ProjectCoC of its project (3.16). A head of household with no EnrollmentCoC gets
  the project's CoC code. Geocode is not kept on the device; ProjectCoC rows
  carry ``000000`` and the export says so in its notes.

Sharing, destinations and time
------------------------------
Not Shared hides a record from *other* agencies, not from the agency that
entered it (VT §3.1, MO-ROI-8, CT-207-8). HMIS CSV has no column for a sharing
level, so the export has a :class:`~sync.hmis_csv.sharing.Destination`:

* ``agency`` (the agency's own HMIS upload): every client in full, and a
  visibility list beside the zip naming, by PersonalID and record ID, what the
  HMIS administrator imports as Not Shared or locked;
* ``coc`` (a CoC-wide or warehouse file, the default): a row leaves only if a
  consent in force on the row's own date allowed sharing; a person none of whose
  enrollments is dated on a shared day is exported **with identifiers withheld**
  (FirstName, MiddleName, LastName, NameSuffix, SSN, DOB and
  AdditionalRaceEthnicity null; NameDataQuality, SSNDataQuality, DOBDataQuality
  99) and all their rows kept, so HUD's counts stay whole (CT-207-10, VT-3.2-2,
  VT-3.4-4); an identified person's rows dated on a day not shared are left out.

The day rule is :mod:`sync.hmis_csv.sharing`'s and its application
:mod:`sync.hmis_csv.visibility`'s; docs/hmis-csv-export.md has the per-pack table.

File names carry no personal data (MO-TX-1): the zip's name is the user's, the
names inside are the spec's, and the audit event records neither the path nor
any value from a record.
"""

from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from pathlib import Path

from app.errors import UserFacingError
from sync.hmis_csv.columns import CSV_VERSION, FILES
from sync.hmis_csv.gc_pause import collector_paused
from sync.hmis_csv.outside import deidentify_people, deidentify_rows, manifest_path, outside_manifest, write_manifest
from sync.hmis_csv.progress import FINISHING_STAGE, WRITING_STAGE, ProgressCallback, ReportingSource, stage_count
from sync.hmis_csv.project_files import coc_place, descriptor_files, incomplete_project_notes
from sync.hmis_csv.rows import (
    ClientRowBuilder,
    Row,
    affiliation_rows,
    csv_id,
    current_living_situation_row,
    enrollment_row,
    exit_row,
    finish_row,
    local_date,
    meta,
    normalize_coc,
    project_descriptors,
    service_row,
)
from sync.hmis_csv.selection import Period, projects_in_scope, select_records
from sync.hmis_csv.sharing import Destination
from sync.hmis_csv.source import EnrollmentRecord, ExportSource, ProjectRecord, SourceInfo, UserRecord
from sync.hmis_csv.values import clean_optional_text, clean_text
from sync.hmis_csv.visibility import apply_destination, visibility_list_path, write_visibility_list
from sync.hmis_csv.writer_base import ExportZipWriter

__all__ = [
    "Destination",
    "ExportDirective",
    "ExportError",
    "ExportOptions",
    "ExportPeriodType",
    "ExportResult",
    "HashStatus",
    "resolve_projects",
    "write_hmis_csv",
]

#: Stand-in for ProjectCoC.Geocode (S6, required), which the device does not keep.
UNKNOWN_GEOCODE = "000000"


class ExportError(UserFacingError):
    """Options that cannot make an export (bad period, unknown project)."""

    exit_code = 2


class ExportDirective(IntEnum):
    """List 1.2."""

    DELTA = 1
    FULL_REFRESH = 2


class ExportPeriodType(IntEnum):
    """List 1.1."""

    UPDATED = 1
    REPORTING_PERIOD = 3
    OTHER = 4


class HashStatus(IntEnum):
    """List 1.5 (only the two this exporter writes)."""

    UNHASHED = 1
    SHA256 = 4


@dataclass(frozen=True)
class ExportOptions:
    """What the coordinator chose. ``project_ids`` are source keys (see
    :func:`resolve_projects`); empty means every project."""

    start: date | None = None
    end: date | None = None
    project_ids: frozenset[str] = frozenset()
    directive: ExportDirective = ExportDirective.FULL_REFRESH
    hash_status: HashStatus = HashStatus.UNHASHED
    #: Who reads the file (sync/hmis_csv/sharing.py); ``coc`` never lets more leave than consent allows.
    destination: Destination = Destination.COC
    #: A central export for one agency: that agency's own people in full, whatever ``destination`` says.
    viewer_agency: str | None = None
    #: ``outside`` only: withhold every person's identifiers and free text (sync/hmis_csv/outside.py).
    deidentified: bool = False
    #: ``outside`` only: the CoC's approval reference for identifying data (MO-DREQ-1).
    coc_approval: str | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ExportError("The end date is before the start date.")
        if self.directive is ExportDirective.DELTA and self.start is None:
            raise ExportError("A delta export needs a start date; it carries the records changed since then.")
        if self.destination is not Destination.OUTSIDE and (self.deidentified or self.coc_approval):
            raise ExportError("De-identification and a CoC approval reference apply to an outside entity's request "
                              "only (--destination outside).")

    @property
    def period_type(self) -> ExportPeriodType:
        if self.directive is ExportDirective.DELTA:
            return ExportPeriodType.UPDATED
        return ExportPeriodType.REPORTING_PERIOD if self.start is not None else ExportPeriodType.OTHER


@dataclass(frozen=True)
class ExportResult:
    """What was written, for the summary and the audit trail (no personal data)."""

    path: Path
    export_id: str
    start: date
    end: date
    directive: ExportDirective
    period_type: ExportPeriodType
    hash_status: HashStatus
    project_ids: tuple[str, ...]
    rows: dict[str, int]
    withheld_clients: int
    notes: tuple[str, ...] = field(default=())
    destination: Destination = Destination.COC
    #: The visibility list beside the zip (``agency`` destination), and how many lines it has.
    visibility_path: Path | None = None
    visibility_entries: int = 0
    #: Rows a ``coc`` file left out, per HUD file, because their day was not shared.
    left_out: dict[str, int] = field(default_factory=dict)
    #: ``outside``: whether every identifier was withheld, the approval given and the manifest beside the zip.
    deidentified: bool = False
    coc_approval: str | None = None
    manifest_path: Path | None = None

    def audit_detail(self) -> dict[str, object]:
        """Who and when are the audit event's own; this is which options and how many rows."""
        return {
            "directive": int(self.directive), "period_type": int(self.period_type),
            "hash_status": int(self.hash_status), "start": self.start.isoformat(), "end": self.end.isoformat(),
            "projects": list(self.project_ids) or "all", "csv_version": CSV_VERSION,
            "rows": {name: count for name, count in self.rows.items() if count},
            "withheld_clients": self.withheld_clients, "destination": self.destination.value,
            "visibility_entries": self.visibility_entries, "left_out": dict(self.left_out),
            **({"deidentified": self.deidentified, "coc_approval": self.coc_approval}
               if self.destination is Destination.OUTSIDE else {}),
        }


def resolve_projects(source: ExportSource, wanted: Sequence[str]) -> frozenset[str]:
    """Project keys for the user's ``--project`` values: a key, its CSV form, or an
    exact name (case-insensitive). Project names are not personal data, so an
    unknown one may be quoted back."""
    projects = list(source.projects())
    chosen: set[str] = set()
    for text in wanted:
        needle = text.strip()
        by_id = [p for p in projects if needle in (p.project_id, csv_id(p.project_id))]
        by_name = [p for p in projects if p.name.strip().casefold() == needle.casefold()]
        matches = by_id or by_name
        if not matches:
            raise ExportError(f"No project matches {needle!r}; give a project ID or its exact name.")
        if len(matches) > 1:
            raise ExportError(f"More than one project is called {needle!r}; give its project ID instead.")
        chosen.add(matches[0].project_id)
    return frozenset(chosen)


# -- Writing ------------------------------------------------------------------------------


def _export_row(info: SourceInfo, export_id: str, options: ExportOptions, start: date, end: date,
                cocs: Iterable[str]) -> Row:
    source_id = ";".join(sorted(set(cocs))) or None
    return {
        "ExportID": export_id, "SourceType": info.source_type, "SourceID": source_id,
        "SourceName": clean_optional_text(info.source_name, 50), "ExportDate": info.now,
        "ExportStartDate": start, "ExportEndDate": end, "SoftwareName": clean_text(info.software_name, 50),
        "SoftwareVersion": clean_optional_text(info.software_version, 50), "CSVVersion": CSV_VERSION,
        "ExportPeriodType": int(options.period_type), "ExportDirective": int(options.directive),
        "HashStatus": int(options.hash_status), "ImplementationID": clean_text(info.implementation_id, 200),
    }


def _project_rows(projects: Sequence[ProjectRecord], enrollments: Sequence[EnrollmentRecord],
                  info: SourceInfo, export_id: str) -> tuple[list[Row], list[Row], dict[str, str | None]]:
    """Project and ProjectCoC rows, and the CoC a head of household defaults to per project."""
    first_entry: dict[str, date] = {}
    enrollment_cocs: dict[str, set[str]] = defaultdict(set)
    for e in enrollments:
        if e.project_id not in first_entry or e.entry_date < first_entry[e.project_id]:
            first_entry[e.project_id] = e.entry_date
        code = normalize_coc(e.enrollment_coc)
        if code is not None:
            enrollment_cocs[e.project_id].add(code)
    project_rows: list[Row] = []
    coc_rows: list[Row] = []
    defaults: dict[str, str | None] = {}
    author = info.exporting_user_id
    for project in projects:
        starts = [project.operating_start or local_date(project.created_at)]
        if project.project_id in first_entry:
            starts.append(first_entry[project.project_id])
        project_rows.append(finish_row("Project", {
            "ProjectID": csv_id(project.project_id), "OrganizationID": csv_id(project.organization_id),
            "ProjectName": clean_text(project.name, 200), "OperatingStartDate": min(starts),
            "ContinuumProject": project.continuum_project if project.project_type is not None else 0,
            "ProjectType": project.project_type, **project_descriptors(project),
            **meta(project.created_at, project.updated_at, project.user_id or author, export_id),
        }))
        own = normalize_coc(project.coc_code)
        defaults[project.project_id] = own
        codes = set(enrollment_cocs[project.project_id])
        if own is not None:
            codes.add(own)
        for code in sorted(codes):
            key = uuid.uuid5(uuid.NAMESPACE_URL, f"hmis-intake:project-coc:{project.project_id}:{code}").hex
            coc_rows.append(finish_row("ProjectCoC", {
                "ProjectCoCID": key, "ProjectID": csv_id(project.project_id), "CoCCode": code,
                "Geocode": UNKNOWN_GEOCODE,
                **{k: v for k, v in coc_place(project, code, own).items() if v is not None},
                **meta(project.created_at, project.updated_at, project.user_id or author, export_id),
            }))
    return project_rows, coc_rows, defaults


def _user_rows(users: Iterable[UserRecord], used: set[str], info: SourceInfo, export_id: str) -> list[Row]:
    """Only the users a row names; an ID with no account left still gets a row so it resolves."""
    rows: dict[str, Row] = {}
    for user in users:
        key = csv_id(user.user_id)
        if key in used and key not in rows:
            rows[key] = {
                "UserID": key, "UserFirstName": clean_optional_text(user.first_name, 50),
                "UserLastName": clean_optional_text(user.last_name, 50),
                "UserEmail": clean_optional_text(user.email, 320),
                "DateCreated": user.created_at, "DateUpdated": max(user.created_at, user.updated_at),
                "ExportID": export_id,
            }
    for key in sorted(used - rows.keys()):
        rows[key] = {"UserID": key, "DateCreated": info.now, "DateUpdated": info.now, "ExportID": export_id}
    return list(rows.values())


def _check_destination(path: Path) -> None:
    """Fail before any work on a path the zip cannot go to. The message does not
    repeat the path: the user typed it, and logs need not keep it."""
    try:
        is_folder, folder_exists = path.is_dir(), path.parent.is_dir()
    except OSError as error:  # e.g. a name longer than the file system allows
        raise ExportError(f"The export could not be written there ({error.strerror or 'system error'}).") from None
    if is_folder:
        raise ExportError("The export path is a folder; give a file name such as export.zip.")
    if not folder_exists:
        raise ExportError("The folder for the export does not exist.")


def write_hmis_csv(source: ExportSource, path: str | os.PathLike[str], options: ExportOptions, *,
                   on_progress: ProgressCallback | None = None) -> ExportResult:
    """Write a complete export of ``source`` to ``path`` (replaced atomically) and say what it holds.

    ``on_progress`` is called as each kind of record is read and before each file is
    written, with ``done`` rising to ``total`` on the last call, which comes before
    the zip is moved into place: an exception raised from it cancels the export
    and leaves no file."""
    _check_destination(Path(path))
    with collector_paused():  # sync/hmis_csv/gc_pause.py
        return _write_hmis_csv(source, path, options, on_progress)


def _write_hmis_csv(source: ExportSource, path: str | os.PathLike[str], options: ExportOptions,
                    on_progress: ProgressCallback | None) -> ExportResult:
    total = stage_count(len(FILES))
    if on_progress is not None:
        source = ReportingSource(source, on_progress, total)
    info = source.info()
    export_id = uuid.uuid4().hex
    today = local_date(info.now)
    end = options.end or today
    scope = options.project_ids or None
    selection = select_records(source, Period(options.start, options.end, options.directive is
                                              ExportDirective.DELTA, today), scope)
    selection, disclosure = apply_destination(selection, options.destination, end=end,
                                              viewer_agency=options.viewer_agency)
    if options.deidentified:
        deidentify_people(selection)

    projects = projects_in_scope(source.projects(), scope)
    organization_ids = {p.organization_id for p in projects}
    organizations = [o for o in source.organizations() if o.organization_id in organization_ids]
    author = info.exporting_user_id
    organization_rows = [finish_row("Organization", {
        "OrganizationID": csv_id(o.organization_id), "OrganizationName": clean_text(o.name, 200),
        "VictimServiceProvider": o.victim_service_provider,
        **meta(o.created_at, o.updated_at, o.user_id or author, export_id),
    }) for o in organizations]
    project_rows, coc_rows, default_coc = _project_rows(projects, selection.enrollments, info, export_id)

    builder = ClientRowBuilder(export_id, int(options.hash_status))
    client_rows = [builder.row(p.record, p.created, p.updated, p.withhold) for p in selection.people.values()]
    enrollment_rows = [enrollment_row(e, export_id, default_coc.get(e.project_id)) for e in selection.enrollments]
    exit_rows = [exit_row(x, export_id) for x in selection.exits]
    contact_rows = [current_living_situation_row(c, export_id) for c in selection.contacts]
    service_rows = [service_row(s, export_id) for s in selection.services]

    start = options.start or min((e.entry_date for e in selection.enrollments), default=end)
    start = min(start, end)
    cocs = [str(row["CoCCode"]) for row in coc_rows]
    by_file: dict[str, list[Row]] = {
        "Export": [_export_row(info, export_id, options, start, end, cocs)],
        "Organization": organization_rows, "Project": project_rows, "ProjectCoC": coc_rows,
        "Client": client_rows, "Enrollment": enrollment_rows, "Exit": exit_rows, "Services": service_rows,
        "CurrentLivingSituation": contact_rows, "Affiliation": affiliation_rows(projects, export_id, author),
        **descriptor_files(projects, default_coc, export_id, author),
    }
    used_users = {str(row["UserID"]) for rows in by_file.values() for row in rows if "UserID" in row}
    by_file["User"] = _user_rows(source.users(), used_users, info, export_id)
    if options.deidentified:
        deidentify_rows(by_file)

    counts: dict[str, int] = {}
    try:
        with ExportZipWriter(path, hash_status=int(options.hash_status)) as export:
            for index, spec in enumerate(FILES):
                if on_progress is not None:
                    on_progress(WRITING_STAGE.format(file=spec.filename), total - len(FILES) + index, total)
                counts[spec.filename] = export.write_file(spec.name, by_file.get(spec.name, ()))
            if on_progress is not None:
                on_progress(FINISHING_STAGE, total, total)
        visibility_path = None
        if options.destination is Destination.AGENCY or options.viewer_agency is not None:
            visibility_path = write_visibility_list(path, disclosure.entries)
        else:  # a list left by an earlier agency export of this name no longer describes the zip
            visibility_list_path(path).unlink(missing_ok=True)
        written_manifest = None
        if options.destination is Destination.OUTSIDE:
            written_manifest = write_manifest(path, outside_manifest(
                export_id, info.now, period=(min(start, end), end), deidentified=options.deidentified,
                coc_approval=options.coc_approval, projects=sorted(csv_id(p) for p in options.project_ids),
                rows=counts))
        else:
            manifest_path(path).unlink(missing_ok=True)
    except OSError as error:
        raise ExportError(f"The export could not be written there ({error.strerror or 'system error'}).") from None

    notes = list(selection.notes)
    if disclosure.left_out_total:
        notes.append(f"{disclosure.left_out_total} row(s) of identified clients dated on days no consent in force "
                     "allowed sharing were left out (see docs/hmis-csv-export.md).")
    notes.extend(incomplete_project_notes(projects))
    unknown_geocodes = sum(1 for row in coc_rows if row["Geocode"] == UNKNOWN_GEOCODE)
    if unknown_geocodes:
        notes.append(f"{unknown_geocodes} ProjectCoC row(s) carry Geocode {UNKNOWN_GEOCODE}: set each project's "
                     "geocode with `project set --geocode` or on the Projects screen.")
    if builder.unreadable_ssns:
        notes.append(f"{builder.unreadable_ssns} SSN(s) were not 9 digits and were exported as null.")
    return ExportResult(
        path=Path(path), export_id=export_id, start=start, end=end, directive=options.directive,
        period_type=options.period_type, hash_status=options.hash_status,
        project_ids=tuple(sorted(csv_id(p) for p in options.project_ids)), rows=counts,
        withheld_clients=builder.withheld, notes=tuple(notes), destination=options.destination,
        visibility_path=visibility_path, visibility_entries=len(disclosure.entries) if visibility_path else 0,
        left_out=dict(disclosure.left_out), deidentified=options.deidentified, coc_approval=options.coc_approval,
        manifest_path=written_manifest,
    )
