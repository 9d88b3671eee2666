"""What of a selection other agencies may see, and where that is applied.

The rule per day is :mod:`sync.hmis_csv.sharing`'s; this module applies it to the
rows of one export, each by its own date (Enrollment EntryDate, Exit ExitDate,
Services DateProvided, CurrentLivingSituation InformationDate), and the person's
identifiers by their enrollments (docs/hmis-csv-export.md, "Sharing, destinations
and time"):

* a person is **identified** when at least one of their exported enrollments is
  dated on a shared day (a person with no exported enrollment: the export's last
  day). A person never identified is exported with identifiers withheld and every
  row kept, nameless, so HUD's counts stay whole;
* for an identified person, a row dated on a day that is not shared would tell
  other agencies what happened to a named person without their consent: a ``coc``
  file leaves it out, with what hangs on it (an enrollment's exit, contacts and
  services) and, when it is a head of household's enrollment, the rest of that
  household's enrollments (each HouseholdID keeps its head);
* an ``agency`` file leaves nothing out and withholds nothing: its own clients in
  full. What a ``coc`` file would withhold or leave out *by consent* is listed
  beside the zip (:func:`write_visibility_list`) for the HMIS administrator to
  import as Not Shared or locked: one row per person whose identifiers are not
  shared (File ``Client``) and one per row of an identified person that is not.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.selection import Person, Selection
from sync.hmis_csv.sharing import DayVisibility, Destination, destination_for
from sync.hmis_csv.source import EnrollmentRecord

__all__ = ["VISIBILITY_COLUMNS", "Disclosure", "VisibilityEntry", "apply_destination", "visibility_list_path",
           "write_visibility_list"]

VISIBILITY_COLUMNS = ("PersonalID", "File", "RecordID", "RecordDate", "Visibility", "Reason")


@dataclass(frozen=True, slots=True)
class VisibilityEntry:
    """One line of the visibility list: IDs as the zip writes them, no names."""

    personal_id: str
    file: str
    record_id: str
    record_date: date | None
    visibility: str  # not_shared or locked
    reason: str

    def row(self) -> list[str]:
        return [self.personal_id, self.file, self.record_id,
                self.record_date.isoformat() if self.record_date else "", self.visibility, self.reason]


@dataclass
class Disclosure:
    """What the destination did to the selection, for the summary and the audit."""

    destination: Destination
    entries: list[VisibilityEntry] = field(default_factory=list)
    left_out: Counter[str] = field(default_factory=Counter)

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


def _merged(person: Person, day: date, project_id: str | None = None) -> DayVisibility:
    """A day (of one project's rows, MO-ROI-6) is shared only if every source copy of
    the person says so."""
    for timeline in person.timelines:
        visibility = timeline.on(day, project_id)
        if not visibility.shared:
            return visibility
    return DayVisibility(True)


_CHILDREN = (  # Selection attribute, HUD file, ID attribute, the row's own date
    ("exits", "Exit", "exit_id", "exit_date"),
    ("contacts", "CurrentLivingSituation", "cls_id", "information_date"),
    ("services", "Services", "service_id", "date_provided"),
)


@dataclass
class _Rule:
    """One export's destination as applied to each person of its selection."""

    destination: Destination
    viewer_agency: str | None
    people: dict[str, Person]

    def in_full(self, personal_id: str) -> bool:
        if self.destination is Destination.AGENCY:
            return True
        agency = self.people[personal_id].record.agency
        return self.viewer_agency is not None and destination_for(agency, self.viewer_agency) is Destination.AGENCY

    def label(self, personal_id: str) -> str:
        return "locked" if any(t.locked for t in self.people[personal_id].timelines) else "not_shared"


def _identified(people: dict[str, Person], by_person: dict[str, list[EnrollmentRecord]], end: date) -> dict[str, bool]:
    """Who is identified: at least one exported enrollment dated on a shared day."""
    return {pid: any(_merged(person, e.entry_date, e.project_id).shared for e in by_person[pid]) if by_person.get(pid)
            else _merged(person, end).shared for pid, person in people.items()}


def _withhold(rule: _Rule, identified: dict[str, bool], by_person: dict[str, list[EnrollmentRecord]], end: date,
              entries: list[VisibilityEntry]) -> None:
    """Withhold the identifiers of people never identified, or list them when exported in full."""
    for pid, person in rule.people.items():
        full = rule.in_full(pid)
        person.withhold = not identified[pid] and not full
        if not identified[pid] and full:
            first = min((e.entry_date for e in by_person.get(pid, ())), default=end)
            entries.append(VisibilityEntry(csv_id(pid), "Client", csv_id(pid), None, rule.label(pid),
                                           _merged(person, first).reason or "not_shared"))


def _hidden_enrollments(rule: _Rule, selection: Selection, identified: dict[str, bool],
                        entries: list[VisibilityEntry]) -> dict[str, str]:
    """An identified person's enrollments dated on a day that is not shared, each with why."""
    hidden: dict[str, str] = {}
    for e in selection.enrollments:
        if not identified[e.personal_id]:
            continue
        day = _merged(rule.people[e.personal_id], e.entry_date, e.project_id)
        if day.shared:
            continue
        hidden[e.enrollment_id] = day.reason or "not_shared"
        if rule.in_full(e.personal_id):
            entries.append(VisibilityEntry(csv_id(e.personal_id), "Enrollment", csv_id(e.enrollment_id),
                                           e.entry_date, rule.label(e.personal_id), hidden[e.enrollment_id]))
    return hidden


def _hidden_children(rule: _Rule, selection: Selection, identified: dict[str, bool], hidden: dict[str, str],
                     entries: list[VisibilityEntry]) -> set[int]:
    """An identified person's other rows dated on a day not shared, or under a hidden
    enrollment: listed when exported in full, else returned (by ``id``) to be left out."""
    left_out: set[int] = set()
    project_of = {e.enrollment_id: e.project_id for e in selection.enrollments}
    for attr, file, key, date_attr in _CHILDREN:
        for record in getattr(selection, attr):
            pid = record.personal_id
            if not identified.get(pid, False):
                continue
            own = _merged(rule.people[pid], getattr(record, date_attr), project_of.get(record.enrollment_id))
            reason = (own.reason or "not_shared") if not own.shared else hidden.get(record.enrollment_id)
            if reason is None:
                continue
            if rule.in_full(pid):
                entries.append(VisibilityEntry(csv_id(pid), file, csv_id(getattr(record, key)),
                                               getattr(record, date_attr), rule.label(pid), reason))
            else:
                left_out.add(id(record))
    return left_out


def _what_leaves(rule: _Rule, selection: Selection, by_person: dict[str, list[EnrollmentRecord]],
                 hidden: dict[str, str], hidden_children: set[int], disclosure: Disclosure) -> Selection:
    """People exported in full keep everything; the others lose hidden rows, and a
    household whose head's enrollment is left out goes whole."""
    dropped = {e.enrollment_id for e in selection.enrollments
               if e.enrollment_id in hidden and not rule.in_full(e.personal_id)}
    headless = {e.household_id for e in selection.enrollments
                if e.enrollment_id in dropped and e.relationship_to_hoh == 1}
    dropped.update(e.enrollment_id for e in selection.enrollments if e.household_id in headless)
    enrollments = [e for e in selection.enrollments if e.enrollment_id not in dropped]
    kept: dict[str, list[Any]] = {}
    for attr, file, _key, _date in _CHILDREN:
        rows = getattr(selection, attr)
        kept[attr] = [r for r in rows if id(r) not in hidden_children and r.enrollment_id not in dropped]
        disclosure.left_out[file] = len(rows) - len(kept[attr])
    disclosure.left_out["Enrollment"] = len(selection.enrollments) - len(enrollments)
    remaining = {e.personal_id for e in enrollments}
    people = rule.people
    kept_people = {pid: person for pid, person in people.items() if pid in remaining or pid not in by_person}
    disclosure.left_out["Client"] = len(people) - len(kept_people)
    disclosure.left_out = Counter({file: count for file, count in disclosure.left_out.items() if count})
    return Selection(enrollments=enrollments, exits=kept["exits"], contacts=kept["contacts"],
                     services=kept["services"], people=kept_people, notes=list(selection.notes))


def apply_destination(selection: Selection, destination: Destination, *, end: date,
                      viewer_agency: str | None = None) -> tuple[Selection, Disclosure]:
    """The selection as ``destination`` may receive it, and what was withheld, left
    out or listed. With ``viewer_agency``, that agency's own people are exported
    as to ``agency`` whatever ``destination`` says (a central export for one agency)."""
    disclosure = Disclosure(destination)
    rule = _Rule(destination, viewer_agency, selection.people)
    by_person: dict[str, list[EnrollmentRecord]] = defaultdict(list)
    for enrollment in selection.enrollments:
        by_person[enrollment.personal_id].append(enrollment)
    identified = _identified(selection.people, by_person, end)
    _withhold(rule, identified, by_person, end, disclosure.entries)
    hidden = _hidden_enrollments(rule, selection, identified, disclosure.entries)
    hidden_children = _hidden_children(rule, selection, identified, hidden, disclosure.entries)
    return _what_leaves(rule, selection, by_person, hidden, hidden_children, disclosure), disclosure


def visibility_list_path(zip_path: str | os.PathLike[str]) -> Path:
    """``<zip name without .zip>.visibility.csv`` beside the zip."""
    path = Path(zip_path)
    stem = path.name[:-4] if path.name.lower().endswith(".zip") else path.name
    return path.with_name(f"{stem}.visibility.csv")


def write_visibility_list(zip_path: str | os.PathLike[str], entries: list[VisibilityEntry]) -> Path:
    """Write the list atomically beside the zip (a header alone when nothing is hidden)."""
    target = visibility_list_path(zip_path)
    handle, temp = tempfile.mkstemp(prefix=".visibility-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(VISIBILITY_COLUMNS)
            for entry in sorted(entries, key=lambda e: (e.personal_id, e.file != "Client", e.file, e.record_id)):
                writer.writerow(entry.row())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
