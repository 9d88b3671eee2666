"""The de-identified aggregate report: counts, never a client (VT-3.2-1). No Qt.

What it counts is what a CoC file of the same period and projects would carry
(:func:`sync.hmis_csv.export` selection and its sharing rule), so an aggregate never
counts a row that consent kept from leaving the device; a client whose identifiers a
CoC file withholds (Not Shared, declined, expired, revoked) is counted, never named.

Per project (a column each, and one for all of them): people, households and
enrollments active in the period; people by age at their first entry in the period,
sex (4.21), race and ethnicity (3.04; a person is counted once per answer given),
veteran status (3.07); enrollments by prior living situation (3.917) in HUD's groups;
exits in the period by destination (3.12) in the same groups. Every count from 1 to
the pack's ``[release] min_cell_count`` less one is shown as ``<N`` (small-cell
suppression, :func:`app.releases.suppressed`).

The header (:class:`AggregateReport` ``header``) states where the data comes from
and what it includes: device, agency, vault, pack, period, projects, when and by
which role it was made, records read and counted, what was left out and the
suppression rule. Files: :mod:`sync.reports.aggregate_files`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.age import age_on
from app.releases import COMPLEMENT, suppress_table
from app.session import Session
from sync.hmis_csv.selection import Period, Person, select_records
from sync.hmis_csv.sharing import Destination
from sync.hmis_csv.source import EnrollmentRecord, ExitRecord
from sync.hmis_csv.vault_source import VaultExportSource
from sync.hmis_csv.visibility import apply_destination

__all__ = ["ALL_PROJECTS", "REPORT_PERMISSION", "AggregateOptions", "AggregateReport", "build_aggregate"]

REPORT_PERMISSION = "reports.view"
ALL_PROJECTS = "All projects"

_AGE_BANDS = ((0, 17, "Under 18"), (18, 24, "18-24"), (25, 34, "25-34"), (35, 44, "35-44"), (45, 54, "45-54"),
              (55, 64, "55-64"), (65, 200, "65 and over"))
_UNKNOWN = "Doesn't know, prefers not to answer or not collected"
_SEX = {0: "Female", 1: "Male"}
_RACES = (("am_ind_ak_native", "American Indian, Alaska Native or Indigenous"), ("asian", "Asian or Asian American"),
          ("black_af_american", "Black, African American or African"), ("hispanic_latinao", "Hispanic/Latina/e/o"),
          ("mid_east_n_african", "Middle Eastern or North African"),
          ("native_hi_pacific", "Native Hawaiian or Pacific Islander"), ("white", "White"))
_VETERAN = {1: "Yes", 0: "No"}
_SITUATION_GROUPS = {1: "Homeless situations", 2: "Institutional situations", 3: "Temporary housing situations",
                     4: "Permanent housing situations"}
_SITUATION_CODES = {17: "Other", 24: "Deceased", 30: "No exit interview completed", 37: "Worker unable to determine"}


@dataclass(frozen=True)
class AggregateOptions:
    """The period (enrollments active in it: entry on or before ``end``, no exit before
    ``start``) and the projects (source keys; empty: every project)."""

    start: date
    end: date
    project_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AggregateReport:
    """The report as every format writes it: header facts, column titles and rows of
    (section, category, one shown count per column). Holds no value from a record."""

    header: tuple[tuple[str, str], ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[str, ...]], ...]
    min_cell_count: int
    clauses: tuple[str, ...]
    generated_at: datetime
    counted: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)

    def audit_detail(self, fmt: str, options: AggregateOptions) -> dict[str, object]:
        """Options, counts and the rule, never a value from a record."""
        return {"format": fmt, "start": options.start.isoformat(), "end": options.end.isoformat(),
                "projects": sorted(options.project_ids) or "all", "counted": dict(self.counted),
                "left_out": dict(self.left_out), "min_cell_count": self.min_cell_count}


def _age_band(dob: date | None, day: date) -> str:
    if dob is None or dob > day:
        return _UNKNOWN
    age = age_on(dob, day)
    return next(label for low, high, label in _AGE_BANDS if low <= age <= high)


def _situation(code: int | None) -> str:
    if code is None or code in (8, 9, 99):
        return _UNKNOWN
    if code in _SITUATION_CODES:
        return _SITUATION_CODES[code]
    return _SITUATION_GROUPS.get(code // 100, "Other")


def _races(person: Person) -> list[str]:
    given = [label for name, label in _RACES if getattr(person.record, name) == 1]
    return given or [_UNKNOWN]


@dataclass
class _Column:
    """One column's counts before suppression."""

    people: set[str] = field(default_factory=set)
    households: set[str] = field(default_factory=set)
    enrollments: int = 0
    first_entry: dict[str, date] = field(default_factory=dict)
    prior: Counter[str] = field(default_factory=Counter)
    destination: Counter[str] = field(default_factory=Counter)

    def add(self, enrollment: EnrollmentRecord, exit_record: ExitRecord | None, end: date) -> None:
        pid = enrollment.personal_id
        self.people.add(pid)
        self.households.add(enrollment.household_id)
        self.enrollments += 1
        if pid not in self.first_entry or enrollment.entry_date < self.first_entry[pid]:
            self.first_entry[pid] = enrollment.entry_date
        self.prior[_situation(enrollment.living_situation)] += 1
        if exit_record is not None and exit_record.exit_date <= end:
            self.destination[_situation(exit_record.destination)] += 1
        else:
            self.destination["Still enrolled at the end of the period"] += 1


_Key = Callable[[Person, date], Iterable[str]]


def _by_person(column: _Column, people: dict[str, Person], key: _Key) -> Counter[str]:
    counts: Counter[str] = Counter()
    for pid in column.people:
        counts.update(key(people[pid], column.first_entry[pid]))
    return counts


_SECTIONS: tuple[tuple[str, tuple[str, ...], _Key], ...] = (
    ("People by age at entry", (*(label for _l, _h, label in _AGE_BANDS), _UNKNOWN),
     lambda person, day: [_age_band(person.record.dob, day)]),
    ("People by sex (4.21)", ("Female", "Male", _UNKNOWN),
     lambda person, _day: [_SEX.get(person.record.sex if person.record.sex is not None else 99, _UNKNOWN)]),
    ("People by race and ethnicity (3.04), each answer counted", (*(label for _n, label in _RACES), _UNKNOWN),
     lambda person, _day: _races(person)),
    ("People by veteran status (3.07)", ("Yes", "No", _UNKNOWN),
     lambda person, _day: [_VETERAN.get(person.record.veteran_status if person.record.veteran_status is not None
                                        else 99, _UNKNOWN)]),
)
_PRIOR = "Enrollments by prior living situation (3.917)"
_DESTINATION = "Enrollments by exit destination (3.12)"
#: Sections whose categories add up to a total row (each person or enrollment in exactly one).
_ADDS_UP_TO = {_SECTIONS[0][0]: "People", _SECTIONS[1][0]: "People", _SECTIONS[3][0]: "People",
               _PRIOR: "Enrollments", _DESTINATION: "Enrollments"}
_SITUATIONS = (*_SITUATION_GROUPS.values(), "Other", _UNKNOWN)
_DESTINATIONS = (*_SITUATION_GROUPS.values(), "Other", "Deceased", "No exit interview completed", _UNKNOWN,
                 "Still enrolled at the end of the period")


def _groups(raw: list[tuple[str, str, list[int]]], width: int) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Cells that add up to a shown total: a row's projects to its All projects cell, and
    a section's categories to its column's total row (for suppress_table)."""
    groups: list[tuple[list[tuple[int, int]], tuple[int, int]]] = []
    if width > 2:  # with one project, its column and All projects are the same counts
        groups.extend(([(r, c) for c in range(width - 1)], (r, width - 1)) for r in range(len(raw)))
    totals = {category: r for r, (section, category, _v) in enumerate(raw) if section == "Totals"}
    for section, total in _ADDS_UP_TO.items():
        members = [r for r, (name, _c, _v) in enumerate(raw) if name == section]
        groups.extend(([(r, c) for r in members], (totals[total], c)) for c in range(width))
    return groups


def build_aggregate(session: Session, options: AggregateOptions) -> AggregateReport:
    """Count the vault's records for ``options``; roles with ``reports.view`` only."""
    session.require(REPORT_PERMISSION)
    if options.end < options.start:
        from app.releases import ReleaseRefused

        raise ReleaseRefused("The report's end date is before its start date.")
    source = VaultExportSource(session)
    info = source.info()
    scope = options.project_ids or None
    selection = select_records(source, Period(options.start, options.end, False, options.end), scope)
    read = {"people": len(selection.people), "enrollments": len(selection.enrollments),
            "exits": len(selection.exits)}
    selection, disclosure = apply_destination(selection, Destination.COC, end=options.end)
    projects = [p for p in source.projects() if scope is None or p.project_id in scope]
    exits = {x.enrollment_id: x for x in selection.exits}
    columns = {p.project_id: _Column() for p in projects}
    total = _Column()
    for enrollment in selection.enrollments:
        exit_record = exits.get(enrollment.enrollment_id)
        total.add(enrollment, exit_record, options.end)
        if enrollment.project_id in columns:
            columns[enrollment.project_id].add(enrollment, exit_record, options.end)
    ordered = [*columns.values(), total]
    minimum = session.pack.release.min_cell_count

    raw: list[tuple[str, str, list[int]]] = [
        ("Totals", "People", [len(c.people) for c in ordered]),
        ("Totals", "Households", [len(c.households) for c in ordered]),
        ("Totals", "Enrollments", [c.enrollments for c in ordered])]
    for section, categories, key in _SECTIONS:
        counted = [_by_person(c, selection.people, key) for c in ordered]
        raw.extend((section, category, [c[category] for c in counted]) for category in categories)
    raw.extend((_PRIOR, category, [c.prior[category] for c in ordered]) for category in _SITUATIONS)
    raw.extend((_DESTINATION, category, [c.destination[category] for c in ordered]) for category in _DESTINATIONS)
    shown = suppress_table([values for _s, _c, values in raw], minimum, _groups(raw, len(ordered)))
    rows = [(section, category, tuple(cells)) for (section, category, _v), cells in zip(raw, shown, strict=True)]

    counted_records = {"people": len(total.people), "households": len(total.households),
                       "enrollments": total.enrollments}
    left_out = {"sharing": disclosure.left_out_total, "enrollments": read["enrollments"] - total.enrollments}
    clauses = tuple(c.id for c in session.pack.release.clauses)
    project_names = ", ".join(p.name for p in projects) or "none set up"
    header = (
        ("Report", "De-identified aggregate report: counts only, no client-level data"),
        ("Data source", f"HMIS Intake on this device: the encrypted vault {info.implementation_id} of "
                        f"{info.source_name or 'this agency'} ({session.pack.name} policy pack)"),
        ("Period", f"{options.start.isoformat()} to {options.end.isoformat()}: enrollments active in it (entry "
                   "on or before the end, no exit before the start)"),
        ("Projects", project_names + ("" if options.project_ids else " (every project on this device)")),
        ("Generated", f"{info.now.isoformat(timespec='seconds')} by a user with the role {session.user.role.name}"),
        ("Records read", f"{read['people']} people, {read['enrollments']} enrollments, {read['exits']} exits"),
        ("Records counted", f"{counted_records['people']} people, {counted_records['households']} households, "
                            f"{counted_records['enrollments']} enrollments"),
        ("Left out", f"deleted records; {disclosure.left_out_total} row(s) dated on days no consent in force allowed "
                     "sharing. Clients whose identifiers are not shared (Not Shared, declined, expired, revoked) "
                     "are counted, never named"),
        ("Small cells", f"a count from 1 to {minimum - 1} is shown as <{minimum}; 0 is shown as 0; where a hidden "
                        f"count could be worked out from a total, another count of that total is shown as "
                        f"{COMPLEMENT}"),
        ("Includes", "no names, SSN, dates of birth, addresses, client IDs or free text: only counts of people, "
                     "households and enrollments by HUD category; a person is counted once per column and section, "
                     "but once per answer for race and ethnicity"),
        *((("Policy", ", ".join(clauses)),) if clauses else ()),
    )
    return AggregateReport(header=header, columns=(*(p.name for p in projects), ALL_PROJECTS), rows=tuple(rows),
                           min_cell_count=minimum, clauses=clauses, generated_at=info.now,
                           counted=counted_records, left_out=left_out)
