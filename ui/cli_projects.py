"""The ``project`` subcommand of ``hmis-intake``: list the device's projects, add one,
and set what the rules and an HMIS CSV export need of it: the populations it serves
(VT-3.1-2, MO-PROT-1: they force Not Shared) and its HUD descriptors (2.02-2.08).
``project set`` changes only the values given; ``--clear NAME`` empties one. No Qt here."""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from app.errors import UserFacingError

#: Flag -> ProjectDescriptors field, for the values ``project set`` takes as given.
_FLAGS: tuple[tuple[str, str, type, str], ...] = (
    ("--rrh-subtype", "rrh_sub_type", int,
     "2.02.A for rapid re-housing: 1 services only, 2 housing with or without services"),
    ("--residential-affiliation", "residential_affiliation", int, "2.02.B for services-only projects: 0 no, 1 yes"),
    ("--housing-type", "housing_type", int,
     "2.02.D: 1 site-based single site, 2 site-based clustered, 3 tenant-based"),
    ("--target-population", "target_population", int, "2.02.7: 1 DV, 3 HIV/AIDS, 4 not applicable"),
    ("--operating-start", "operating_start", str, "2.02.3: YYYY-MM-DD the project began operating"),
    ("--coc-code", "coc_code", str, "2.03.1: the CoC code, such as VT-500"),
    ("--geocode", "geocode", str, "2.03.2: the six-digit HUD geocode of the project's location"),
    ("--geography-type", "geography_type", int, "2.03.4: 1 urban, 2 suburban, 3 rural, 99 unknown"),
    ("--address", "address1", str, "2.03.3: street address"),
    ("--city", "city", str, "2.03.3: city"),
    ("--state", "state", str, "2.03.3: two-letter state"),
    ("--zip", "zip", str, "2.03.3: five-digit ZIP code"),
    ("--hmis-participation", "hmis_participation", int,
     "2.08.1: 0 not participating, 1 HMIS participating, 2 comparable database"),
    ("--funder", "funder", int, "2.06.1: the funding source code (46 local or other)"),
    ("--other-funder", "other_funder", str, "2.06.A: the funder's name when --funder is 46"),
    ("--grant-id", "grant_id", str, "2.06.2: the grant identifier"),
    ("--funder-start", "funder_start", str, "2.06.3: YYYY-MM-DD the grant began"),
    ("--household-type", "household_type", int,
     "2.07.4: 1 without children, 3 adults with children, 4 only children"),
    ("--availability", "availability", int, "2.07.6 (emergency shelter): 1 year-round, 2 seasonal, 3 overflow"),
    ("--bed-type", "es_bed_type", int, "2.07.5 (emergency shelter): 1 facility-based, 2 voucher, 3 other"),
    ("--units", "unit_inventory", int, "2.07.2: number of units"),
    ("--beds", "bed_inventory", int, "2.07.3: number of beds"),
    ("--inventory-start", "inventory_start", str, "2.07.7: YYYY-MM-DD the inventory became available"),
)
_FIELDS = {field: flag for flag, field, _kind, _help in _FLAGS}


def _find(projects: list[Any], wanted: str) -> Any:
    wanted = wanted.strip()
    exact = [p for p in projects if p.project_id == wanted or p.name.casefold() == wanted.casefold()]
    if len(exact) == 1:
        return exact[0]
    raise UserFacingError(f"There is no project named {wanted!r} on this device; `project list` shows them.")


def parse_populations(text: str) -> tuple[str, ...]:
    return tuple(name.strip().lower() for name in text.split(",") if name.strip())


def _as_json(p: Any) -> dict[str, object]:
    d = p.descriptors
    return {"project_id": p.project_id, "name": p.name, "project_type": p.project_type,
            "populations": list(p.populations),
            **{name: getattr(d, name) for name in _FIELDS},
            "residential_project_ids": list(d.residential_project_ids), "missing": p.missing}


def _write_list(projects: list[Any], out: TextIO) -> None:
    for p in projects:
        d = p.descriptors
        facts = [f"type {p.project_type}"]
        if p.populations:
            facts.append("populations " + "/".join(p.populations))
        facts += [f"{_FIELDS[name].lstrip('-')} {getattr(d, name)}" for name in (
            "coc_code", "rrh_sub_type", "residential_affiliation", "housing_type", "target_population")
            if getattr(d, name) is not None]
        if p.missing:
            facts.append("missing: " + ", ".join(_FIELDS[name].lstrip("-") for name in p.missing))
        out.write(f"{p.name:<32} {', '.join(facts)}\n")


def apply_settings(session: Any, project: Any, projects: list[Any], args: argparse.Namespace) -> list[str]:
    """Apply the ``project set`` flags in ``args`` to ``project``; returns what changed."""
    from app.projects import set_project_descriptors, set_project_populations

    changed: list[str] = []
    if args.populations is not None:
        set_project_populations(session, project.project_id, parse_populations(args.populations))
        changed.append("populations")
    updates = {field: getattr(args, field) for field in _FIELDS if getattr(args, field) is not None}
    for name in args.clear or ():
        field = next((f for f, flag in _FIELDS.items() if flag.lstrip("-") == name), None)
        if field is None:
            raise UserFacingError(f"--clear takes a flag name such as housing-type, not {name!r}.")
        updates[field] = None
    if args.affiliated_project is not None:
        updates["residential_project_ids"] = tuple(_find(projects, name).project_id
                                                   for name in args.affiliated_project)
    if updates:
        set_project_descriptors(session, project.project_id, dataclasses.replace(project.descriptors, **updates))
        changed.append("descriptors")
    return changed


def cmd_project(args: argparse.Namespace, out: TextIO) -> int:
    from app.projects import add_project, list_projects
    from ui import cli

    session = cli._open_session(args)
    try:
        projects = list_projects(session)
        if args.action == "list":
            if args.json:
                json.dump([_as_json(p) for p in projects], out)
                out.write("\n")
            else:
                _write_list(projects, out)
            return 0
        if not args.name:
            raise UserFacingError(f"'project {args.action}' needs the project's name.")
        if args.action == "add":
            if args.type is None:
                raise UserFacingError("'project add' needs --type, the HUD project type number.")
            add_project(session, args.name, args.type)
            projects = list_projects(session)
        project = _find(projects, args.name)
        changed = apply_settings(session, project, projects, args)
        if args.action == "add":
            out.write(f"Added the project {project.name}.\n")
        elif changed:
            out.write(f"Saved {' and '.join(changed)} of {project.name}; the central server gets them "
                      "with the next sync.\n")
        else:
            out.write("Nothing to change: give a flag such as --populations or --coc-code.\n")
        return 0
    finally:
        session.close()


def check_init_populations(pack_id: str, populations: Sequence[tuple[str, ...]]) -> None:
    """Refuse a population the pack does not name before any vault is created."""
    from app.packs import load_pack
    from app.projects import population_problems

    allowed = tuple(load_pack(pack_id).sharing.forced_not_shared_populations)
    for names in populations:
        unknown = population_problems(allowed, names)
        if unknown:
            known = ", ".join(allowed) if allowed else "none"
            raise UserFacingError(f"This policy pack has no population named {unknown[0]!r} (its populations: "
                                  f"{known}).")


def set_init_projects(session: Any, populations: Sequence[tuple[str, tuple[str, ...]]]) -> None:
    """After ``init --project NAME:TYPE:POPULATIONS``: store each project's populations."""
    from app.projects import list_projects, set_project_populations

    projects = list_projects(session)
    for name, names in populations:
        if names:
            set_project_populations(session, _find(projects, name).project_id, names)


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None]) -> None:
    p = subparsers.add_parser("project", help="list, add, or set a project's populations and HUD descriptors")
    p.add_argument("action", choices=("list", "add", "set"))
    p.add_argument("name", nargs="?", help="the project's name (for add and set)")
    p.add_argument("--type", type=int, help="for add: the HUD project type (2.02.6), such as 0 or 4")
    p.add_argument("--populations", metavar="NAME,NAME",
                   help="the populations the project serves, as the policy pack names them (empty: none)")
    for flag, field, kind, text in _FLAGS:
        p.add_argument(flag, dest=field, type=kind, help=text)
    p.add_argument("--affiliated-project", action="append", metavar="NAME",
                   help="a residential project this one is affiliated with (repeatable)")
    p.add_argument("--clear", action="append", metavar="FLAG", help="empty one value, e.g. --clear housing-type")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=cmd_project)
