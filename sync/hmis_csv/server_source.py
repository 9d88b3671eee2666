"""The central server's records as an :class:`~sync.hmis_csv.source.ExportSource`,
and the server's HMIS CSV export.

``hmis-intake-server export-hmis-csv`` writes the zip a device writes, through the
same :func:`~sync.hmis_csv.export.write_hmis_csv` and so under every rule of
docs/hmis-csv-export.md, from everything the server received (or from one agency's
devices). What comes from where:

* **people, enrollments, exits, 4.12 contacts, services**: each record's versions
  folded in collection order, the newest winning
  (:func:`~sync.hmis_csv.server_records.fold`); DateCreated is the first version's
  own time, DateUpdated the newest's.
* **sharing**: the consents and household locks devices sent, read by
  :func:`~sync.hmis_csv.sharing.decide_sharing`, the device export's own rule, so a
  Not Shared, declined, revoked or locked person leaves the server exactly as
  they would leave the device: identifiers withheld. Not Shared hides a client from
  *other* agencies, not from the one that entered it (VT §3.1, CT-207-8): in an
  ``--agency`` export, that agency's own Not Shared clients (the people whose record
  it owns) keep their identifiers; another agency's export does not hold them at all
  and the all-agency export withholds their identifiers.
* **projects and organizations**: the ``project`` records devices send (definition,
  2.02 descriptors, organization). A project an enrollment names that no device
  has sent is exported with a stand-in name and no project type, and the notes
  say so.
* **users**: every UserID a record names. The server keeps no staff names, so a
  User row has the ID and the times of the first and last record it authored.
* **Export.csv**: SourceType 3 (a data warehouse: the records of many devices),
  SourceName the agency when there is one, ImplementationID the server database's
  own (:func:`~sync.server.export_store.server_identity`).

Everything is read in one read-only snapshot, so the files agree with each other
even while devices keep syncing.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from app import __version__
from app.errors import UserFacingError
from sync.hmis_csv.export import ExportError, ExportOptions, ExportResult, write_hmis_csv
from sync.hmis_csv.progress import ProgressCallback
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.server_records import (
    Folded,
    StoredVersion,
    UnreadableRecord,
    fold,
    to_client,
    to_consent,
    to_contact,
    to_enrollment,
    to_exit,
    to_project,
    to_service,
)
from sync.hmis_csv.sharing import ConsentFacts, decide_sharing, sharing_timelines
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
from sync.hmis_csv.writer_base import RowError
from sync.server import export_store
from sync.server.storage import utc_now

__all__ = ["SOURCE_TYPE_WAREHOUSE", "NothingReceived", "ServerExportSource", "StoredDataUnreadable",
           "export_from_server"]

log = logging.getLogger("hmis_intake.server")

SOFTWARE_NAME = "HMIS Intake"
#: List 1.9: the records of many devices and agencies, gathered in one place.
SOURCE_TYPE_WAREHOUSE = 3
PLACEHOLDER_PROJECT = "Project not yet received ({key})"
PLACEHOLDER_ORGANIZATION = "Organization not yet received"

_R = TypeVar("_R")
_C = TypeVar("_C", ExitRecord, CurrentLivingSituationRecord, ServiceRecord)


class StoredDataUnreadable(UserFacingError):
    """A stored record is not what a device sends; nothing was written."""

    exit_code = 4


class NothingReceived(UserFacingError):
    """The database (or the agency) has no records from any device: most likely the
    wrong ``--db``; an export of nothing would hide that."""

    exit_code = 1


@dataclass
class _Snapshot:
    projects: dict[str, ProjectRecord] = field(default_factory=dict)
    organizations: dict[str, OrganizationRecord] = field(default_factory=dict)
    clients: list[ClientRecord] = field(default_factory=list)
    enrollments: list[EnrollmentRecord] = field(default_factory=list)
    exits: list[ExitRecord] = field(default_factory=list)
    contacts: list[CurrentLivingSituationRecord] = field(default_factory=list)
    services: list[ServiceRecord] = field(default_factory=list)
    users: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    records: int = 0


def _versions(conn: Connection, entity: str, device_ids: list[str] | None) -> Iterator[tuple[str, list[StoredVersion]]]:
    """Each record's versions together, in collection order."""
    current: str | None = None
    versions: list[StoredVersion] = []
    for row in export_store.stored_rows(conn, entity, device_ids):
        if row.entity_id != current:
            if current is not None:
                yield current, versions
            current, versions = row.entity_id, []
        versions.append(StoredVersion(row.operation, row.collected_at, row.payload))
    if current is not None:
        yield current, versions


class _Loader:
    """Reads one snapshot into records; counts unreadable records instead of stopping
    at the first, so the error can say how many there are."""

    def __init__(self, conn: Connection, device_ids: list[str] | None, author: str,
                 own_people: set[str] | None = None) -> None:
        self.conn = conn
        self.device_ids = device_ids
        self.own_people = own_people or set()
        self.author = author
        self.data = _Snapshot()
        self.unreadable: list[UnreadableRecord] = []

    def each(self, entity: str, convert: Callable[[Folded], _R]) -> Iterator[_R]:
        for entity_id, versions in _versions(self.conn, entity, self.device_ids):
            self.data.records += 1
            try:
                yield convert(fold(entity, entity_id, versions))
            except UnreadableRecord as problem:
                self.unreadable.append(problem)

    def saw_user(self, user_id: str, created: datetime, updated: datetime) -> None:
        first, last = self.data.users.get(user_id, (created, updated))
        self.data.users[user_id] = (min(first, created), max(last, updated))

    def load(self) -> _Snapshot:
        data = self.data
        for project, organization in self.each("project", to_project):
            data.projects[project.project_id] = project
            known = data.organizations.get(organization.organization_id)
            if known is None or known.updated_at <= organization.updated_at:
                data.organizations[organization.organization_id] = organization
            if project.user_id:
                self.saw_user(project.user_id, project.created_at, project.updated_at)
        consents = [c for c in self.each("consent", _live_consent) if c is not None]
        locked: set[str] = set()
        first_enrollment: dict[str, EnrollmentRecord] = {}
        for enrollment, is_locked in self.each("enrollment", to_enrollment):
            data.enrollments.append(enrollment)
            if is_locked and enrollment.deleted_at is None:
                locked.add(enrollment.personal_id)
            first = first_enrollment.get(enrollment.personal_id)
            if first is None or enrollment.created_at < first.created_at:
                first_enrollment[enrollment.personal_id] = enrollment
            self.saw_user(enrollment.user_id, enrollment.created_at, enrollment.updated_at)
        sharing = decide_sharing(consents, locked)
        # MO-ROI-6: a person whose ROIs name projects is shared day by day and project by
        # project (one word would let one project's Not Shared ROI hide another's rows).
        per_project = {c.personal_id for c in consents if c.project_id is not None}
        timelines = sharing_timelines([c for c in consents if c.personal_id in per_project], locked & per_project)

        def client(folded: Folded) -> ClientRecord:
            first = first_enrollment.get(folded.entity_id)
            decided = sharing.get(folded.entity_id, Sharing.NO_CONSENT)
            own = folded.entity_id in self.own_people
            if decided is Sharing.NOT_SHARED and own:
                decided = Sharing.SHARED  # visible to the agency that entered it, and to it alone
            record = to_client(folded, decided, first.user_id if first is not None else self.author)
            timeline = timelines.get(folded.entity_id)
            return replace(record, timeline=timeline) if timeline is not None and not own else record

        for record in self.each("person", client):
            data.clients.append(record)
            self.saw_user(record.user_id, record.created_at, record.updated_at)
        self._children("exit", to_exit, data.exits)
        self._children("current_living_situation", to_contact, data.contacts)
        self._children("service", to_service, data.services)
        return data

    def _children(self, entity: str, convert: Callable[[Folded], _C], into: list[_C]) -> None:
        for record in self.each(entity, convert):
            into.append(record)
            self.saw_user(record.user_id, record.created_at, record.updated_at)


def _live_consent(folded: Folded) -> ConsentFacts | None:
    return None if folded.deleted_at is not None else to_consent(folded)


class ServerExportSource:
    """What the server received, read in one snapshot when first asked for."""

    def __init__(self, engine: Engine, agency: str | None = None, now: datetime | None = None) -> None:
        self._engine = engine
        self._agency = agency.strip() if agency else None
        self._now = now
        self._info: SourceInfo | None = None
        self._data: _Snapshot | None = None

    @property
    def notes(self) -> list[str]:
        return self._snapshot().notes

    def _snapshot(self) -> _Snapshot:
        if self._data is None:
            self._load()
        assert self._data is not None
        return self._data

    def _load(self) -> None:
        identity = export_store.server_identity(self._engine)
        author = uuid.uuid5(uuid.NAMESPACE_URL, f"hmis-intake:server:{identity.implementation_id}").hex
        with export_store.read_snapshot(self._engine) as conn:
            device_ids: list[str] | None = None
            own_people: set[str] = set()
            if self._agency:
                name, device_ids = export_store.agency_devices(conn, self._agency)
                if not device_ids:
                    raise ExportError(f"No device of an agency called {self._agency!r} is enrolled with this "
                                      "server; 'hmis-intake-server list-devices' lists them.")
                source_name: str | None = name
                own_people = export_store.owned_ids(conn, "person", name)
            else:
                names = export_store.agencies(conn)
                source_name = names[0] if len(names) == 1 else None
            loader = _Loader(conn, device_ids, author, own_people)
            data = loader.load()
        if loader.unreadable:
            first = loader.unreadable[0]
            raise StoredDataUnreadable(
                f"{len(loader.unreadable)} stored record(s) cannot be read, the first a {first.entity} record "
                f"({first.entity_id[:64]}) whose {first.field} is not what a device sends; nothing was written.")
        if data.records == 0:
            whose = f"the devices of {source_name}" if self._agency else "any device"
            raise NothingReceived(f"The database given with --db holds no records from {whose}; check the URL. "
                                  "Nothing was written.")
        data.users.setdefault(author, (identity.created_at, identity.created_at))
        self._add_placeholders(data, author)
        self._info = SourceInfo(
            implementation_id=identity.implementation_id, source_type=SOURCE_TYPE_WAREHOUSE,
            source_name=source_name, software_name=SOFTWARE_NAME, software_version=__version__,
            exporting_user_id=author, now=self._now or utc_now(),
        )
        self._data = data

    @staticmethod
    def _add_placeholders(data: _Snapshot, author: str) -> None:
        """A ProjectID an enrollment uses is always defined in Project.csv, even before
        the device that serves the project has sent its definition."""
        first_use: dict[str, datetime] = {}
        for enrollment in data.enrollments:
            if enrollment.project_id not in data.projects:
                seen = first_use.get(enrollment.project_id, enrollment.created_at)
                first_use[enrollment.project_id] = min(seen, enrollment.created_at)
        if not first_use:
            return
        organization_id = uuid.uuid5(uuid.NAMESPACE_URL, f"hmis-intake:unknown-organization:{author}").hex
        earliest = min(first_use.values())
        data.organizations.setdefault(organization_id, OrganizationRecord(
            organization_id, PLACEHOLDER_ORGANIZATION, earliest, earliest, user_id=author))
        for project_id, moment in sorted(first_use.items()):
            data.projects[project_id] = ProjectRecord(
                project_id, organization_id, PLACEHOLDER_PROJECT.format(key=csv_id(project_id)[:8]), None, None,
                moment, moment, user_id=author)
        data.notes.append(
            f"{len(first_use)} project(s) named by enrollments were not received from a device; they are "
            "exported with a stand-in name and no project type. Sync the devices that serve them and export again.")

    # -- ExportSource ------------------------------------------------------------------

    def info(self) -> SourceInfo:
        self._snapshot()
        assert self._info is not None
        return self._info

    def organizations(self) -> Iterable[OrganizationRecord]:
        return list(self._snapshot().organizations.values())

    def projects(self) -> Iterable[ProjectRecord]:
        return sorted(self._snapshot().projects.values(), key=lambda p: (p.created_at, p.name, p.project_id))

    def users(self) -> Iterable[UserRecord]:
        return [UserRecord(user_id, None, None, first, last)
                for user_id, (first, last) in self._snapshot().users.items()]

    def clients(self) -> Iterable[ClientRecord]:
        return self._snapshot().clients

    def enrollments(self, project_ids: frozenset[str] | None) -> Iterable[EnrollmentRecord]:
        records = self._snapshot().enrollments
        return records if project_ids is None else [e for e in records if e.project_id in project_ids]

    def _in_projects(self, records: list[_C], project_ids: frozenset[str] | None) -> list[_C]:
        if project_ids is None:
            return records
        wanted = {e.enrollment_id for e in self._snapshot().enrollments if e.project_id in project_ids}
        return [r for r in records if r.enrollment_id in wanted]

    def exits(self, project_ids: frozenset[str] | None) -> Iterable[ExitRecord]:
        return self._in_projects(self._snapshot().exits, project_ids)

    def current_living_situations(
        self, project_ids: frozenset[str] | None
    ) -> Iterable[CurrentLivingSituationRecord]:
        return self._in_projects(self._snapshot().contacts, project_ids)

    def services(self, project_ids: frozenset[str] | None) -> Iterable[ServiceRecord]:
        return self._in_projects(self._snapshot().services, project_ids)


def export_from_server(engine: Engine, source: ServerExportSource, path: str | os.PathLike[str],
                       options: ExportOptions, *, on_progress: ProgressCallback | None = None) -> ExportResult:
    """Write the zip atomically, then record the export: one ``export_event`` row and
    one log line, each with the ExportID, options and row counts, never a path or a
    value from a record."""
    try:
        result = write_hmis_csv(source, path, options, on_progress=on_progress)
    except RowError as error:
        # The values were checked as they were read; this is the last guard, and names
        # the column only (the reason could quote the value).
        raise StoredDataUnreadable(f"A stored record has a value {error.file} cannot hold in column "
                                   f"{error.column or 'unknown'}; nothing was written.") from None
    result = replace(result, notes=(*result.notes, *source.notes))
    detail = {**result.audit_detail(), "agency": source.info().source_name or "all agencies"}
    export_store.record_export(engine, result.export_id, detail)
    log.info("HMIS CSV export %s written: %s", result.export_id, json.dumps(detail["rows"], sort_keys=True))
    return result
