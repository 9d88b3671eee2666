"""A project's HUD descriptors (2.02-2.08) and what is wrong or missing in them.

Pure functions over plain values: :func:`descriptor_problems` refuses values no
HMIS would accept (a code outside its HUD list, a geocode that is not six digits,
a housing type on a street outreach project); :func:`missing_descriptors` names
what a complete HMIS CSV export still needs (HUD HMIS CSV FY2026 Project,
ProjectCoC, Funder, Inventory and HMISParticipation files; Data Standards 2.02-2.08).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date

from app.errors import ValidationError

RRH = 13
SERVICES_ONLY = 6
EMERGENCY_SHELTER_TYPES = frozenset({0, 1})
RRH_SERVICES_ONLY = 1  # 2.02.A: 1 services only, 2 housing with or without services
RRH_HOUSING = 2
#: Project types that house people (ES, TH, PH, SH); RRH only with subtype 2.
RESIDENTIAL_TYPES = frozenset({0, 1, 2, 3, 8, 9, 10})
#: 2.02.D applies to these types (HUD Data Standards: ES, TH, PH, SH and RRH).
HOUSING_TYPE_TYPES = frozenset({0, 1, 2, 3, 8, 9, 10, 13})
#: 2.03.1: projects that are part of a continuum need a ProjectCoC row.
HOUSING_TYPES = frozenset({1, 2, 3})  # 2.02.D
RRH_SUB_TYPES = frozenset({RRH_SERVICES_ONLY, RRH_HOUSING})  # 2.02.A
NO_YES = frozenset({0, 1})  # list 1.10, for 2.02.B
TARGET_POPULATIONS = frozenset({1, 3, 4})  # 2.02.7: DV, HIV/AIDS, not applicable
GEOGRAPHY_TYPES = frozenset({1, 2, 3, 99})  # 2.03.4
PARTICIPATION_TYPES = frozenset({0, 1, 2})  # 2.08.1
HOUSEHOLD_TYPES = frozenset({1, 3, 4})  # 2.07.4
BED_TYPES = frozenset({1, 2, 3})  # 2.07.5
AVAILABILITIES = frozenset({1, 2, 3})  # 2.07.6
FUNDERS = frozenset({*range(1, 12), *range(13, 28), 30, 32, 33, 34, 35, 36, *range(37, 47), *range(50, 57)})
OTHER_FUNDER = 46  # 2.06.A is asked when the funder is "Local or Other Funding Source"

#: State FIPS codes, the first two digits of a HUD geocode, by postal abbreviation.
STATE_FIPS = {
    "AL": "01", "AK": "02", "AZ": "04", "AR": "05", "CA": "06", "CO": "08", "CT": "09", "DE": "10", "DC": "11",
    "FL": "12", "GA": "13", "HI": "15", "ID": "16", "IL": "17", "IN": "18", "IA": "19", "KS": "20", "KY": "21",
    "LA": "22", "ME": "23", "MD": "24", "MA": "25", "MI": "26", "MN": "27", "MS": "28", "MO": "29", "MT": "30",
    "NE": "31", "NV": "32", "NH": "33", "NJ": "34", "NM": "35", "NY": "36", "NC": "37", "ND": "38", "OH": "39",
    "OK": "40", "OR": "41", "PA": "42", "RI": "44", "SC": "45", "SD": "46", "TN": "47", "TX": "48", "UT": "49",
    "VT": "50", "VA": "51", "WA": "53", "WV": "54", "WI": "55", "WY": "56", "AS": "60", "GU": "66", "MP": "69",
    "PR": "72", "VI": "78",
}
COC_CODE = re.compile(r"^[A-Z]{2}-\d{3}$")
GEOCODE = re.compile(r"^\d{6}$")
ZIP = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class ProjectDescriptors:
    """HUD descriptors beyond the name and project type; ``None`` means not set."""

    housing_type: int | None = None  # 2.02.D
    rrh_sub_type: int | None = None  # 2.02.A
    residential_affiliation: int | None = None  # 2.02.B
    target_population: int | None = None  # 2.02.7
    residential_project_ids: tuple[str, ...] = ()
    operating_start: str | None = None  # 2.02.3, YYYY-MM-DD
    coc_code: str | None = None  # 2.03.1
    geocode: str | None = None  # 2.03.2
    geography_type: int | None = None  # 2.03.4
    address1: str | None = None  # 2.03.3
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    hmis_participation: int | None = None  # 2.08.1
    funder: int | None = None  # 2.06.1
    other_funder: str | None = None  # 2.06.A
    grant_id: str | None = None  # 2.06.2
    funder_start: str | None = None  # 2.06.3
    household_type: int | None = None  # 2.07.4
    availability: int | None = None  # 2.07.6
    es_bed_type: int | None = None  # 2.07.5
    unit_inventory: int | None = None  # 2.07.2
    bed_inventory: int | None = None  # 2.07.3
    inventory_start: str | None = None  # 2.07.7


#: The descriptor columns of the project table, in :class:`ProjectDescriptors` order
#: (without the affiliated projects, which have their own table).
COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ProjectDescriptors) if f.name != "residential_project_ids")


def is_residential(project_type: int, rrh_sub_type: int | None) -> bool:
    return project_type in RESIDENTIAL_TYPES or (project_type == RRH and rrh_sub_type == RRH_HOUSING)


def affiliation_applies(project_type: int, rrh_sub_type: int | None) -> bool:
    """2.02.B is asked of services-only projects and of RRH services-only projects."""
    return project_type == SERVICES_ONLY or (project_type == RRH and rrh_sub_type == RRH_SERVICES_ONLY)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


_Report = Callable[[str, str], None]


def _subtype_problems(project_type: int, d: ProjectDescriptors, problem: _Report) -> None:
    """2.02.A: the RRH subtype, asked of rapid re-housing only."""
    if d.rrh_sub_type is not None and d.rrh_sub_type not in RRH_SUB_TYPES:
        problem("rrh_sub_type", "The RRH subtype must be 1 (services only) or 2 (housing with or without services).")
    elif project_type == RRH and d.rrh_sub_type is None:
        problem("rrh_sub_type", "A rapid re-housing project (type 13) needs its RRH subtype (2.02.A).")
    elif project_type != RRH and d.rrh_sub_type is not None:
        problem("rrh_sub_type", "Only a rapid re-housing project (type 13) has an RRH subtype.")


def _affiliation_problems(project_type: int, d: ProjectDescriptors,
                          other_projects: Mapping[str, tuple[int, int | None]], problem: _Report) -> None:
    """2.02.B/C: residential affiliation and the residential projects it names."""
    applies = affiliation_applies(project_type, d.rrh_sub_type)
    if d.residential_affiliation is not None and d.residential_affiliation not in NO_YES:
        problem("residential_affiliation", "The residential affiliation must be 0 (no) or 1 (yes).")
    elif applies and d.residential_affiliation is None:
        problem("residential_affiliation",
                "A services-only project needs its residential affiliation (2.02.B): yes or no.")
    elif not applies and d.residential_affiliation is not None:
        problem("residential_affiliation",
                "Only a services-only project (type 6, or RRH services only) has a residential affiliation.")
    if d.residential_affiliation == 1 and not d.residential_project_ids:
        problem("residential_project_ids", "Name the residential project(s) this project is affiliated with.")
    if d.residential_project_ids and d.residential_affiliation != 1:
        problem("residential_project_ids", "Affiliated projects are named only when the affiliation is yes.")
    for other in d.residential_project_ids:
        facts = other_projects.get(other)
        if facts is None:
            problem("residential_project_ids", "An affiliated project must be another project on this device.")
        elif not is_residential(*facts):
            problem("residential_project_ids", "An affiliated project must be a residential project "
                                               "(shelter, transitional, safe haven or permanent housing).")


def _housing_problems(project_type: int, d: ProjectDescriptors, problem: _Report) -> None:
    """Housing type (2.02.D) and target population."""
    if d.housing_type is not None and d.housing_type not in HOUSING_TYPES:
        problem("housing_type", "The housing type must be 1, 2 or 3 (2.02.D).")
    elif d.housing_type is not None and project_type not in HOUSING_TYPE_TYPES:
        problem("housing_type", "Only a project that houses people has a housing type.")
    if d.target_population is not None and d.target_population not in TARGET_POPULATIONS:
        problem("target_population", "The target population must be 1 (DV), 3 (HIV/AIDS) or 4 (not applicable).")


def descriptor_problems(project_type: int, descriptors: ProjectDescriptors,
                        other_projects: Mapping[str, tuple[int, int | None]]) -> list[ValidationError]:
    """What is wrong with ``descriptors`` for a project of ``project_type``, each with the
    field it belongs to. ``other_projects`` maps the device's other projects to their
    type and RRH subtype, for the affiliated residential projects."""
    d = descriptors
    problems: list[ValidationError] = []

    def problem(name: str, message: str) -> None:
        problems.append(ValidationError(name, message))

    _subtype_problems(project_type, d, problem)
    _affiliation_problems(project_type, d, other_projects, problem)
    _housing_problems(project_type, d, problem)
    _place_problems(d, problem)
    _code_problems(project_type, d, problem)
    return problems


def _place_problems(d: ProjectDescriptors, problem: Callable[[str, str], None]) -> None:
    """2.03: CoC code, geocode, address."""
    if d.coc_code is not None and not COC_CODE.match(d.coc_code):
        problem("coc_code", "A CoC code is two capital letters, a hyphen and three digits, such as NY-600.")
    if d.geocode is not None:
        if not GEOCODE.match(d.geocode) or d.geocode == "000000":
            problem("geocode", "The geocode is the six-digit HUD geocode of the project's location, not 000000.")
        elif d.geocode[:2] not in STATE_FIPS.values():
            problem("geocode", "A geocode starts with the two-digit code of a state; this one does not.")
        elif d.coc_code and COC_CODE.match(d.coc_code) and STATE_FIPS.get(d.coc_code[:2]) not in (None, d.geocode[:2]):
            problem("geocode", "The geocode is in a different state from the CoC code.")
    if d.state is not None and d.state not in STATE_FIPS:
        problem("state", "The state is its two-letter postal abbreviation, such as VT.")
    if d.zip is not None and not ZIP.match(d.zip):
        problem("zip", "The ZIP code has five digits.")
    for name in ("address1", "city"):
        value = getattr(d, name)
        if value is not None and not value.strip():
            problem(name, "Leave the address out rather than blank.")


def _code_problems(project_type: int, d: ProjectDescriptors, problem: Callable[[str, str], None]) -> None:
    """2.02.3, 2.06, 2.07, 2.08: codes in their HUD lists, dates, counts."""
    checks = (("geography_type", GEOGRAPHY_TYPES, "The geography type must be 1 urban, 2 suburban, 3 rural or 99."),
              ("hmis_participation", PARTICIPATION_TYPES,
               "The HMIS participation must be 0 (not participating), 1 (HMIS) or 2 (comparable database)."),
              ("funder", FUNDERS, "The funder must be a code of HUD list 2.06.1."),
              ("household_type", HOUSEHOLD_TYPES, "The household type must be 1, 3 or 4 (2.07.4)."),
              ("es_bed_type", BED_TYPES, "The bed type must be 1 facility-based, 2 voucher or 3 other."),
              ("availability", AVAILABILITIES, "The availability must be 1 year-round, 2 seasonal or 3 overflow."))
    for name, allowed, message in checks:
        value = getattr(d, name)
        if value is not None and value not in allowed:
            problem(name, message)
    for name in ("operating_start", "funder_start", "inventory_start"):
        value = getattr(d, name)
        if value is not None and not _is_date(value):
            problem(name, "Give the date as YYYY-MM-DD.")
    for name in ("unit_inventory", "bed_inventory"):
        value = getattr(d, name)
        if value is not None and not 0 <= value <= 100_000:
            problem(name, "Give the number of beds or units as a whole number, zero or more.")
    if d.unit_inventory is not None and d.bed_inventory is not None and d.bed_inventory < d.unit_inventory:
        problem("bed_inventory", "A project has at least as many beds as units.")
    if d.other_funder is not None and d.funder != OTHER_FUNDER:
        problem("other_funder", "Name another funder only when the funder is 46 (local or other).")
    residential = is_residential(project_type, d.rrh_sub_type)
    inventory = ("household_type", "unit_inventory", "bed_inventory", "inventory_start", "availability", "es_bed_type")
    if not residential and any(getattr(d, name) is not None for name in inventory):
        problem("bed_inventory", "Only a project that houses people has a bed and unit inventory (2.07).")
    elif project_type not in EMERGENCY_SHELTER_TYPES and (d.availability is not None or d.es_bed_type is not None):
        problem("es_bed_type", "Availability and bed type are asked of emergency shelters only (2.07.5, 2.07.6).")


def missing_descriptors(project_type: int, d: ProjectDescriptors) -> list[str]:
    """The descriptors a complete HMIS CSV export still needs, as field names (empty when
    none): 2.02.3, 2.03 (CoC, geocode, geography, address), 2.06, 2.08, and for a
    residential project 2.02.D and 2.07."""
    wanted = ["operating_start", "coc_code", "geocode", "geography_type", "address1", "city", "state", "zip",
              "hmis_participation", "funder", "grant_id", "funder_start"]
    if d.funder == OTHER_FUNDER:
        wanted.append("other_funder")
    if project_type in HOUSING_TYPE_TYPES:
        wanted.append("housing_type")
    if is_residential(project_type, d.rrh_sub_type):
        wanted += ["household_type", "unit_inventory", "bed_inventory", "inventory_start"]
        if project_type in EMERGENCY_SHELTER_TYPES:
            wanted += ["availability", "es_bed_type"]
    return [name for name in wanted if getattr(d, name) in (None, "")]
