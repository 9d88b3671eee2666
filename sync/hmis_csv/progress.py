"""Progress of an export, for a front end that shows a bar and offers Cancel.

:func:`~sync.hmis_csv.export.write_hmis_csv` calls ``on_progress(stage, done,
total)`` as it reads each kind of record (through :class:`ReportingSource`) and
before it writes each file. ``stage`` is one of the fixed phrases below, never a
value from a record, so a window may show it and a log may keep it. ``done``
never goes down and reaches ``total`` on the last call, which comes before the
zip is moved into place: raising from ``on_progress`` cancels the export and the
atomic writer leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from sync.hmis_csv.source import (
    ClientRecord,
    CurrentLivingSituationRecord,
    EnrollmentRecord,
    ExitRecord,
    ExportSource,
    OrganizationRecord,
    ProjectRecord,
    ServiceRecord,
    SourceInfo,
    UserRecord,
)

__all__ = ["FINISHING_STAGE", "READING_STAGES", "WRITING_STAGE", "ProgressCallback", "ReportingSource",
           "stage_count"]

ProgressCallback = Callable[[str, int, int], None]

READING_STAGES = ("Reading enrollments", "Reading exits", "Reading contacts", "Reading services",
                  "Reading clients", "Reading projects", "Reading organizations", "Reading users")
#: Formatted with the spec's file name (``Client.csv``).
WRITING_STAGE = "Writing {file}"
FINISHING_STAGE = "Finishing the zip"
#: While reading, the same stage is reported again every so many records, so a
#: cancel is heard within one long read.
REPORT_EVERY = 2000

_R = TypeVar("_R")


def stage_count(files: int) -> int:
    """``total``: one step per kind of record read, one per file written."""
    return len(READING_STAGES) + files


class ReportingSource:
    """``source`` unchanged, reporting each kind of record as it starts to be read."""

    def __init__(self, source: ExportSource, on_progress: ProgressCallback, total: int) -> None:
        self._source = source
        self._on_progress = on_progress
        self._total = total
        self._done = 0

    def _read(self, step: int, records: Iterable[_R]) -> Iterator[_R]:
        self._done = max(self._done, step)
        self._on_progress(READING_STAGES[step], self._done, self._total)
        for count, record in enumerate(records, 1):
            if count % REPORT_EVERY == 0:
                self._on_progress(READING_STAGES[step], self._done, self._total)
            yield record

    def info(self) -> SourceInfo:
        return self._source.info()

    def enrollments(self, project_ids: frozenset[str] | None) -> Iterator[EnrollmentRecord]:
        return self._read(0, self._source.enrollments(project_ids))

    def exits(self, project_ids: frozenset[str] | None) -> Iterator[ExitRecord]:
        return self._read(1, self._source.exits(project_ids))

    def current_living_situations(
        self, project_ids: frozenset[str] | None
    ) -> Iterator[CurrentLivingSituationRecord]:
        return self._read(2, self._source.current_living_situations(project_ids))

    def services(self, project_ids: frozenset[str] | None) -> Iterator[ServiceRecord]:
        return self._read(3, self._source.services(project_ids))

    def clients(self) -> Iterator[ClientRecord]:
        return self._read(4, self._source.clients())

    def projects(self) -> Iterator[ProjectRecord]:
        return self._read(5, self._source.projects())

    def organizations(self) -> Iterator[OrganizationRecord]:
        return self._read(6, self._source.organizations())

    def users(self) -> Iterator[UserRecord]:
        return self._read(7, self._source.users())
