"""Which records go into an export: period, directive, projects, and the closure
that keeps the files consistent (every ID used is defined; each household whole).

The rules are documented in :mod:`sync.hmis_csv.export`; this module only applies
them, over records from any :class:`~sync.hmis_csv.source.ExportSource`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol, TypeVar

from sync.hmis_csv.rows import local_date
from sync.hmis_csv.sharing import SharingTimeline
from sync.hmis_csv.source import (
    ClientRecord,
    CurrentLivingSituationRecord,
    EnrollmentRecord,
    ExitRecord,
    ExportSource,
    ProjectRecord,
    ServiceRecord,
    Sharing,
)

__all__ = ["Period", "Person", "Selection", "projects_in_scope", "select_records"]


class _Dated(Protocol):
    @property
    def created_at(self) -> datetime: ...

    @property
    def updated_at(self) -> datetime: ...

    @property
    def deleted_at(self) -> datetime | None: ...


class _Child(_Dated, Protocol):
    @property
    def enrollment_id(self) -> str: ...


_C = TypeVar("_C", bound=_Child)


@dataclass(frozen=True)
class Period:
    """``start``/``end`` as the user gave them (``None``: open); ``delta`` selects by change date."""

    start: date | None
    end: date | None
    delta: bool
    today: date

    def changed(self, record: _Dated) -> bool:
        """Created, updated or deleted in the period (delta exports, period type 1)."""
        start = self.start or date.min
        end = self.end or self.today
        for moment in (record.created_at, record.updated_at, record.deleted_at):
            if moment is not None and start <= local_date(moment) <= end:
                return True
        return False

    def sharing_changed(self, client: ClientRecord) -> bool:
        """A consent recorded or revoked in the period: a delta re-sends the person so the
        receiving system learns what may now be shared (MO-RIGHTS-4, VT-3.1-4)."""
        if client.timeline is None:
            return False
        start = self.start or date.min
        end = self.end or self.today
        return any(start <= day <= end for day in client.timeline.changes)


def timeline_of(client: ClientRecord) -> SharingTimeline:
    """The copy's own timeline, or its one word read as every day."""
    return client.timeline if client.timeline is not None else SharingTimeline.constant(client.sharing)


@dataclass
class Person:
    """One person's source copies merged: the latest copy's values, the earliest
    creation and latest update, every copy's sharing timeline (a day is shared only
    if all say so) and whether identifiers are withheld (decided by the destination,
    :mod:`sync.hmis_csv.visibility`; until then: whether any copy is not shared now)."""

    record: ClientRecord
    created: datetime
    updated: datetime
    withhold: bool
    timelines: list[SharingTimeline] = field(default_factory=list)

    def add(self, copy: ClientRecord) -> None:
        if copy.updated_at >= self.record.updated_at:
            self.record = copy
        self.created = min(self.created, copy.created_at)
        self.updated = max(self.updated, copy.updated_at)
        self.withhold = self.withhold or copy.sharing is not Sharing.SHARED
        self.timelines.append(timeline_of(copy))


@dataclass
class Selection:
    enrollments: list[EnrollmentRecord]
    exits: list[ExitRecord]
    contacts: list[CurrentLivingSituationRecord]
    services: list[ServiceRecord]
    people: dict[str, Person]
    notes: list[str] = field(default_factory=list)


def _live(records: Iterable[_C], period: Period) -> list[_C]:
    """A full refresh replaces everything, so deleted records are left out; a delta carries them."""
    return [record for record in records if period.delta or record.deleted_at is None]


def _one_exit_per_enrollment(exits: Iterable[ExitRecord]) -> dict[str, ExitRecord]:
    chosen: dict[str, ExitRecord] = {}
    for record in exits:
        current = chosen.get(record.enrollment_id)
        if current is None or record.updated_at >= current.updated_at:
            chosen[record.enrollment_id] = record
    return chosen


def _changed_in_delta(period: Period, enrollments: dict[str, EnrollmentRecord], exits: list[ExitRecord],
                      contacts: list[CurrentLivingSituationRecord], services: list[ServiceRecord]) -> set[str]:
    """A delta's enrollments: those changed in the period and the parents of changed child records."""
    chosen = {key for key, e in enrollments.items() if period.changed(e)}
    parents = [x.enrollment_id for x in exits] + [c.enrollment_id for c in contacts] + [
        s.enrollment_id for s in services]
    chosen.update(key for key in parents if key in enrollments)
    return chosen


def _active_in_period(period: Period, enrollments: dict[str, EnrollmentRecord],
                      exits: dict[str, ExitRecord]) -> set[str]:
    """A full refresh's enrollments: entered by the end and not exited before the start."""
    chosen: set[str] = set()
    for key, e in enrollments.items():
        if period.end is not None and e.entry_date > period.end:
            continue
        exit_record = exits.get(key)
        if period.start is not None and exit_record is not None and exit_record.exit_date < period.start:
            continue
        chosen.add(key)
    return chosen


def _whole_households(enrollments: dict[str, EnrollmentRecord], chosen: set[str]) -> set[str]:
    """A household travels whole, so each HouseholdID keeps its one head of household."""
    members: dict[str, list[str]] = defaultdict(list)
    for key, e in enrollments.items():
        members[e.household_id].append(key)
    whole = set(chosen)
    for household in {enrollments[key].household_id for key in chosen}:
        whole.update(members[household])
    return whole


def _people(source: ExportSource, period: Period, wanted: set[str], in_scope: set[str]) -> dict[str, Person]:
    """Each wanted person's copies merged; in a delta also each person in scope who changed."""
    people: dict[str, Person] = {}
    for client in source.clients():
        pid = client.personal_id
        if pid not in wanted and not (period.delta and pid in in_scope
                                      and (period.changed(client) or period.sharing_changed(client))):
            continue
        if pid in people:
            people[pid].add(client)
        else:
            people[pid] = Person(client, client.created_at, client.updated_at,
                                 client.sharing is not Sharing.SHARED, [timeline_of(client)])
    return people


def select_records(source: ExportSource, period: Period, project_ids: frozenset[str] | None) -> Selection:
    enrollments = {e.enrollment_id: e for e in _live(source.enrollments(project_ids), period)}
    exits = _one_exit_per_enrollment(_live(source.exits(project_ids), period))
    contacts = _live(source.current_living_situations(project_ids), period)
    services = _live(source.services(project_ids), period)

    if period.delta:
        exit_list = [x for x in exits.values() if period.changed(x)]
        contacts = [c for c in contacts if period.changed(c)]
        services = [s for s in services if period.changed(s)]
        chosen = _changed_in_delta(period, enrollments, exit_list, contacts, services)
    else:
        exit_list = list(exits.values())
        chosen = _active_in_period(period, enrollments, exits)
    chosen = _whole_households(enrollments, chosen)

    wanted = {enrollments[key].personal_id for key in chosen}
    people = _people(source, period, wanted, {e.personal_id for e in enrollments.values()})
    notes: list[str] = []
    orphans = wanted - people.keys()
    if orphans:
        notes.append(f"{len(orphans)} person(s) named by an enrollment had no client record; "
                     "their enrollments were left out.")
    kept = [e for key, e in enrollments.items() if key in chosen and e.personal_id in people]
    kept_ids = {e.enrollment_id for e in kept}
    return Selection(
        enrollments=kept,
        exits=[x for x in exit_list if x.enrollment_id in kept_ids],
        contacts=[c for c in contacts if c.enrollment_id in kept_ids],
        services=[s for s in services if s.enrollment_id in kept_ids],
        people=people,
        notes=notes,
    )


def projects_in_scope(projects: Iterable[ProjectRecord], project_ids: frozenset[str] | None) -> list[ProjectRecord]:
    """The chosen projects (``None``: all), plus every residential project one of them
    is affiliated with (2.02.B), so each Affiliation.ResProjectID is defined in Project.csv."""
    every = list(projects)
    if project_ids is None:
        return every
    affiliated = {res for p in every if p.project_id in project_ids for res in p.residential_project_ids}
    return [p for p in every if p.project_id in project_ids or p.project_id in affiliated]
