"""The project descriptor files beyond Project.csv: where a project works
(ProjectCoC.csv, 2.03), who funds it (Funder.csv, 2.06), its beds and units
(Inventory.csv, 2.07) and whether it takes part in HMIS (HMISParticipation.csv, 2.08).

Each row's ID is derived from the project (and the CoC), so it stays the same across
exports. A project whose source keeps none of a file's values gets no row there; the
checker then says what HUD requires (``check-hmis-csv``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypedDict, cast

from sync.hmis_csv.rows import Row, csv_id, finish_row, local_date, meta
from sync.hmis_csv.source import ProjectRecord

_DATE_FIELDS = frozenset({"funder_start", "inventory_start"})
_FIELDS = ("geocode", "geography_type", "address1", "city", "state", "zip", "hmis_participation", "funder",
           "other_funder", "grant_id", "funder_start", "household_type", "availability", "es_bed_type",
           "unit_inventory", "bed_inventory", "inventory_start")
_EMERGENCY_SHELTER = frozenset({0, 1})


class ProjectFileValues(TypedDict):
    """ProjectRecord's keyword arguments named in ``_FIELDS``; ``None`` is unknown."""

    geocode: str | None
    geography_type: int | None
    address1: str | None
    city: str | None
    state: str | None
    zip: str | None
    hmis_participation: int | None
    funder: int | None
    other_funder: str | None
    grant_id: str | None
    funder_start: date | None
    household_type: int | None
    availability: int | None
    es_bed_type: int | None
    unit_inventory: int | None
    bed_inventory: int | None
    inventory_start: date | None


def project_file_columns() -> tuple[str, ...]:
    """The project table's columns (and ProjectRecord's fields) these files are made from."""
    return _FIELDS


def optional_date(text: object) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None


def project_file_values(values: Mapping[str, object]) -> ProjectFileValues:
    """Stored values as ProjectRecord takes them (dates parsed); ``values`` holds the
    project table's ``_FIELDS`` columns, whose SQL types are those of ProjectFileValues."""
    return cast(ProjectFileValues,
                {name: optional_date(value) if name in _DATE_FIELDS else value for name, value in values.items()})


_INT_FIELDS = frozenset({"geography_type", "hmis_participation", "funder", "household_type", "availability",
                         "es_bed_type", "unit_inventory", "bed_inventory"})


def payload_values(payload: Mapping[str, object]) -> ProjectFileValues:
    """The schema-9 descriptors from a device's ``project`` outbox payload, as
    ProjectRecord takes them; a value of the wrong type is dropped (left unknown)."""
    values: dict[str, object] = {}
    for name in _FIELDS:
        value = payload.get(name)
        if name in _INT_FIELDS:
            values[name] = value if isinstance(value, int) and not isinstance(value, bool) else None
        elif name in _DATE_FIELDS:
            values[name] = optional_date(value) if isinstance(value, str) else None
        else:
            values[name] = value if isinstance(value, str) and value.strip() else None
    return cast(ProjectFileValues, values)  # each of _FIELDS, of its type or None


def _key(kind: str, *parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"hmis-intake:{kind}:{':'.join(parts)}").hex


def coc_place(project: ProjectRecord, code: str, own: str | None) -> Row:
    """ProjectCoC's place columns (2.03.2-2.03.4) for the project's own CoC; another CoC
    named only by enrollments gets no address (the device does not know one)."""
    if code != own:
        return {}
    return {"Geocode": project.geocode, "Address1": project.address1, "City": project.city,
            "State": project.state, "ZIP": project.zip, "GeographyType": project.geography_type}


def descriptor_files(projects: Sequence[ProjectRecord], own_coc: Mapping[str, str | None], export_id: str,
                     author: str) -> dict[str, list[Row]]:
    """Funder, Inventory and HMISParticipation rows for ``projects``."""
    funders: list[Row] = []
    inventory: list[Row] = []
    participation: list[Row] = []
    for p in projects:
        stamp = meta(p.created_at, p.updated_at, p.user_id or author, export_id)
        project_id = csv_id(p.project_id)
        start = p.operating_start or local_date(p.created_at)
        if p.funder is not None and p.funder_start is not None:
            funders.append(finish_row("Funder", {
                "FunderID": _key("funder", p.project_id), "ProjectID": project_id, "Funder": p.funder,
                "OtherFunder": p.other_funder if p.funder == 46 else None,
                "GrantID": p.grant_id or "Unknown", "StartDate": p.funder_start, **stamp}))
        if p.hmis_participation is not None:
            participation.append(finish_row("HMISParticipation", {
                "HMISParticipationID": _key("hmis-participation", p.project_id), "ProjectID": project_id,
                "HMISParticipationType": p.hmis_participation, "HMISParticipationStatusStartDate": start, **stamp}))
        coc = own_coc.get(p.project_id)
        if p.bed_inventory is not None and p.household_type is not None and coc is not None:
            shelter = p.project_type in _EMERGENCY_SHELTER
            inventory.append(finish_row("Inventory", {
                "InventoryID": _key("inventory", p.project_id, coc), "ProjectID": project_id, "CoCCode": coc,
                "HouseholdType": p.household_type, "Availability": p.availability if shelter else None,
                "UnitInventory": p.unit_inventory if p.unit_inventory is not None else p.bed_inventory,
                "BedInventory": p.bed_inventory, "CHVetBedInventory": 0, "YouthVetBedInventory": 0,
                "VetBedInventory": 0, "CHYouthBedInventory": 0, "YouthBedInventory": 0, "CHBedInventory": 0,
                "OtherBedInventory": p.bed_inventory, "ESBedType": p.es_bed_type if shelter else None,
                "InventoryStartDate": p.inventory_start or start, **stamp}))
    return {"Funder": funders, "Inventory": inventory, "HMISParticipation": participation}


def incomplete_project_notes(projects: Sequence[ProjectRecord]) -> list[str]:
    """One note per project whose HUD descriptors (2.02-2.08) are incomplete, naming
    what is missing, for the export's summary (no personal data: project names only)."""
    from app.project_descriptors import ProjectDescriptors, missing_descriptors

    notes = []
    for p in projects:
        if p.project_type is None:
            continue
        d = ProjectDescriptors(
            housing_type=p.housing_type, rrh_sub_type=p.rrh_sub_type, residential_affiliation=p.residential_affiliation,
            target_population=p.target_population,
            operating_start=p.operating_start.isoformat() if p.operating_start else None,
            coc_code=p.coc_code, geocode=p.geocode, geography_type=p.geography_type, address1=p.address1,
            city=p.city, state=p.state, zip=p.zip, hmis_participation=p.hmis_participation, funder=p.funder,
            other_funder=p.other_funder, grant_id=p.grant_id,
            funder_start=p.funder_start.isoformat() if p.funder_start else None, household_type=p.household_type,
            availability=p.availability, es_bed_type=p.es_bed_type, unit_inventory=p.unit_inventory,
            bed_inventory=p.bed_inventory, inventory_start=p.inventory_start.isoformat() if p.inventory_start else None)
        missing = missing_descriptors(p.project_type, d)
        if missing:
            notes.append(f"Project {p.name!r} lacks {', '.join(name.replace('_', ' ') for name in missing)}: "
                         "set them with `project set` or on the Projects screen.")
    return notes
