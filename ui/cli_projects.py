"""The ``project`` subcommand of ``hmis-intake``: list the device's projects and set
their HUD 2.02 descriptors (RRH subtype, residential affiliation, housing type,
target population), which Project.csv and Affiliation.csv need. No Qt import here."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO

from app.errors import UserFacingError


def _find(projects: list[Any], wanted: str) -> Any:
    wanted = wanted.strip()
    exact = [p for p in projects if p.project_id == wanted or p.name.casefold() == wanted.casefold()]
    if len(exact) == 1:
        return exact[0]
    raise UserFacingError(f"There is no project named {wanted!r} on this device; `project list` shows them.")


def cmd_project(args: argparse.Namespace, out: TextIO) -> int:
    from app.projects import ProjectDescriptors, list_projects, set_project_descriptors
    from ui import cli

    session = cli._open_session(args)
    try:
        projects = list_projects(session)
        if args.action == "list":
            if args.json:
                json.dump([{"project_id": p.project_id, "name": p.name, "project_type": p.project_type,
                            "populations": list(p.populations),
                            "housing_type": p.descriptors.housing_type,
                            "rrh_sub_type": p.descriptors.rrh_sub_type,
                            "residential_affiliation": p.descriptors.residential_affiliation,
                            "target_population": p.descriptors.target_population,
                            "residential_project_ids": list(p.descriptors.residential_project_ids)}
                           for p in projects], out)
                out.write("\n")
            else:
                for p in projects:
                    d = p.descriptors
                    facts = [f"type {p.project_type}"] + [
                        f"{label} {value}" for label, value in (
                            ("RRH subtype", d.rrh_sub_type), ("residential affiliation", d.residential_affiliation),
                            ("housing type", d.housing_type), ("target population", d.target_population))
                        if value is not None]
                    out.write(f"{p.name:<32} {', '.join(facts)}\n")
            return 0
        if not args.name:
            raise UserFacingError("'project set' needs the project's name.")
        project = _find(projects, args.name)
        affiliated = tuple(_find(projects, name).project_id for name in args.affiliated_project or ())
        set_project_descriptors(session, project.project_id, ProjectDescriptors(
            housing_type=args.housing_type, rrh_sub_type=args.rrh_subtype,
            residential_affiliation=args.residential_affiliation,
            target_population=args.target_population, residential_project_ids=affiliated))
        out.write(f"Saved the descriptors of {project.name}; the central server gets them with the next sync.\n")
        return 0
    finally:
        session.close()


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None]) -> None:
    p = subparsers.add_parser("project", help="list projects, or set a project's HUD 2.02 descriptors")
    p.add_argument("action", choices=("list", "set"))
    p.add_argument("name", nargs="?", help="the project's name (for set)")
    p.add_argument("--rrh-subtype", type=int, choices=(1, 2),
                   help="2.02.A for rapid re-housing: 1 services only, 2 housing with or without services")
    p.add_argument("--residential-affiliation", type=int, choices=(0, 1),
                   help="2.02.B for services-only projects: 0 no, 1 yes")
    p.add_argument("--affiliated-project", action="append", metavar="NAME",
                   help="a residential project this one is affiliated with (repeatable)")
    p.add_argument("--housing-type", type=int, choices=(1, 2, 3),
                   help="2.02.D: 1 site-based single site, 2 site-based clustered, 3 tenant-based")
    p.add_argument("--target-population", type=int, choices=(1, 3, 4),
                   help="2.02.7: 1 DV, 3 HIV/AIDS, 4 not applicable")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=cmd_project)
