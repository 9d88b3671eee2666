"""Complete HUD descriptors for the projects of a demo vault.

Demo data must be data a CoC's HMIS would accept (an export of a fresh demo vault
has no high-priority problem and no error), so before demo people are added
every descriptor a project still lacks is filled in: the pack's demo place (a CoC of
its jurisdiction and a real six-digit geocode), an invented street address, HMIS
participation, a funder matching the project type and, for a project that houses
people, a housing type and a bed and unit inventory. A value already set is never
changed; each filled project is saved through :func:`set_project_descriptors`
(validated, audited, queued for the central server).
"""

from __future__ import annotations

import dataclasses

from app.project_descriptors import (
    EMERGENCY_SHELTER_TYPES,
    HOUSING_TYPE_TYPES,
    RRH,
    RRH_HOUSING,
    SERVICES_ONLY,
    is_residential,
    missing_descriptors,
)
from app.projects import list_projects, set_project_descriptors
from app.session import Session

#: A plausible HUD funder (2.06.1) per project type; 46 "local or other" otherwise.
_FUNDER_BY_TYPE = {0: 8, 1: 8, 2: 5, 3: 2, 4: 11, 6: 4, 8: 6, 9: 2, 10: 2, 12: 9, 13: 3}
_START = "2020-01-01"


def complete_demo_projects(session: Session) -> int:
    """Fill what each project lacks; returns how many projects were changed."""
    place = session.pack.demo_place
    if place is None:
        return 0
    changed = 0
    for number, project in enumerate(list_projects(session), start=1):
        if not project.missing:
            continue
        d = project.descriptors
        kind = project.project_type
        rrh_sub_type = d.rrh_sub_type if d.rrh_sub_type is not None else (RRH_HOUSING if kind == RRH else None)
        funder = d.funder if d.funder is not None else _FUNDER_BY_TYPE.get(kind, 46)
        wanted: dict[str, object] = {
            "rrh_sub_type": rrh_sub_type,
            "operating_start": _START, "coc_code": place.coc_code, "geocode": place.geocode,
            "geography_type": 3, "address1": f"{100 + number} Demo Street", "city": place.city,
            "state": place.state, "zip": place.zip, "hmis_participation": 1, "funder": funder,
            "grant_id": f"DEMO-{kind}-{number}", "funder_start": _START,
        }
        if funder == 46:
            wanted["other_funder"] = "Demo community foundation"
        if kind == SERVICES_ONLY and d.residential_affiliation is None:
            wanted["residential_affiliation"] = 0
        if kind in HOUSING_TYPE_TYPES:
            wanted["housing_type"] = 1
        if is_residential(kind, rrh_sub_type):
            wanted.update(household_type=1, unit_inventory=20, bed_inventory=40, inventory_start=_START)
            if kind in EMERGENCY_SHELTER_TYPES:
                wanted.update(availability=1, es_bed_type=1)
        fills = {name: value for name, value in wanted.items() if getattr(d, name) is None}
        # Keyword arguments by descriptor name, each value of that descriptor's type.
        updated = dataclasses.replace(d, **fills)  # type: ignore[arg-type]
        if missing_descriptors(kind, updated) != project.missing or fills:
            set_project_descriptors(session, project.project_id, updated)
            changed += 1
    return changed
