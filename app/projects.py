"""The projects this device serves, as the intake's first step lists them, and their
HUD 2.02 descriptors.

A project's populations (e.g. ``dv``, ``youth``) decide whether its records may be
shared at all (VT-3.1-2, MO-PROT-1), so they travel with the project. The
descriptors are what Project.csv and Affiliation.csv of an HMIS CSV export need:
HUD requires the RRH subtype (2.02.A) of every rapid re-housing project (type 13),
and the residential affiliation (2.02.B), with the residential projects it names,
of every services-only project (type 6) and of RRH services-only projects.

The central server learns a project from a ``project`` outbox record, queued when
its descriptors change and, for a project set up earlier, with the first intake
that names it (:func:`queue_project_once`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.errors import UserFacingError, ValidationError
from app.outbox import enqueue
from app.session import Session
from app.vault.connection import Connection, transaction

RRH = 13
SERVICES_ONLY = 6
RRH_SERVICES_ONLY = 1  # 2.02.A: 1 services only, 2 housing with or without services
RRH_HOUSING = 2
#: Project types that house people (ES, TH, PH, SH); RRH only with subtype 2.
RESIDENTIAL_TYPES = frozenset({0, 1, 2, 3, 8, 9, 10})
HOUSING_TYPES = frozenset({1, 2, 3})  # 2.02.D
RRH_SUB_TYPES = frozenset({RRH_SERVICES_ONLY, RRH_HOUSING})  # 2.02.A
NO_YES = frozenset({0, 1})  # list 1.10, for 2.02.B
TARGET_POPULATIONS = frozenset({1, 3, 4})  # 2.02.7: DV, HIV/AIDS, not applicable


@dataclass(frozen=True)
class ProjectDescriptors:
    """HUD 2.02 descriptors beyond the project type; ``None`` means not set."""

    housing_type: int | None = None
    rrh_sub_type: int | None = None
    residential_affiliation: int | None = None
    target_population: int | None = None
    residential_project_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectInfo:
    project_id: str
    name: str
    project_type: int
    populations: tuple[str, ...]
    descriptors: ProjectDescriptors = field(default_factory=ProjectDescriptors)


def is_residential(project_type: int, rrh_sub_type: int | None) -> bool:
    return project_type in RESIDENTIAL_TYPES or (project_type == RRH and rrh_sub_type == RRH_HOUSING)


def affiliation_applies(project_type: int, rrh_sub_type: int | None) -> bool:
    """2.02.B is asked of services-only projects and of RRH services-only projects."""
    return project_type == SERVICES_ONLY or (project_type == RRH and rrh_sub_type == RRH_SERVICES_ONLY)


def descriptor_problems(project_type: int, descriptors: ProjectDescriptors,
                        other_projects: Mapping[str, tuple[int, int | None]]) -> list[ValidationError]:
    """What is wrong with ``descriptors`` for a project of ``project_type``, each with the
    field it belongs to. ``other_projects`` maps the device's other projects to their
    type and RRH subtype, for the affiliated residential projects."""
    d = descriptors
    problems: list[ValidationError] = []

    def problem(name: str, message: str) -> None:
        problems.append(ValidationError(name, message))

    if d.rrh_sub_type is not None and d.rrh_sub_type not in RRH_SUB_TYPES:
        problem("rrh_sub_type", "The RRH subtype must be 1 (services only) or 2 (housing with or without services).")
    elif project_type == RRH and d.rrh_sub_type is None:
        problem("rrh_sub_type", "A rapid re-housing project (type 13) needs its RRH subtype (2.02.A).")
    elif project_type != RRH and d.rrh_sub_type is not None:
        problem("rrh_sub_type", "Only a rapid re-housing project (type 13) has an RRH subtype.")
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
    if d.housing_type is not None and d.housing_type not in HOUSING_TYPES:
        problem("housing_type", "The housing type must be 1, 2 or 3 (2.02.D).")
    elif d.housing_type is not None and not is_residential(project_type, d.rrh_sub_type):
        problem("housing_type", "Only a project that houses people has a housing type.")
    if d.target_population is not None and d.target_population not in TARGET_POPULATIONS:
        problem("target_population", "The target population must be 1 (DV), 3 (HIV/AIDS) or 4 (not applicable).")
    return problems


def _descriptors(conn: Connection, project_id: str, row: tuple[object, ...]) -> ProjectDescriptors:
    affiliated = tuple(r[0] for r in conn.execute(
        "SELECT res_project_id FROM project_affiliation WHERE project_id = ? ORDER BY res_project_id",
        (project_id,)))
    return ProjectDescriptors(row[0], row[1], row[2], row[3], affiliated)  # type: ignore[arg-type]


def list_projects(session: Session) -> list[ProjectInfo]:
    """Every project on the device, by name; available to anyone who may run an intake."""
    session.require("intake.run")
    conn = session.conn
    rows = conn.execute(
        "SELECT project_id, name, project_type, populations, housing_type, rrh_sub_type,"
        " residential_affiliation, target_population FROM project ORDER BY name"
    ).fetchall()
    return [ProjectInfo(r[0], r[1], int(r[2]), tuple(json.loads(r[3] or "[]")), _descriptors(conn, r[0], r[4:]))
            for r in rows]


def set_project_descriptors(session: Session, project_id: str, descriptors: ProjectDescriptors) -> None:
    """Store a project's 2.02 descriptors and send the new definition to the central
    server; one transaction with its outbox row and audit event."""
    session.require("device.configure")
    conn = session.conn
    types = {r[0]: (int(r[1]), r[2])
             for r in conn.execute("SELECT project_id, project_type, rrh_sub_type FROM project")}
    if project_id not in types:
        raise UserFacingError("That project does not exist on this device.")
    others = {key: facts for key, facts in types.items() if key != project_id}
    problems = descriptor_problems(types[project_id][0], descriptors, others)
    if problems:
        raise problems[0]
    now = session.clock.now()
    stamp = now.isoformat(timespec="seconds")
    d = descriptors
    with transaction(conn):
        conn.execute(
            "UPDATE project SET housing_type = ?, rrh_sub_type = ?, residential_affiliation = ?,"
            " target_population = ?, updated_at = ? WHERE project_id = ?",
            (d.housing_type, d.rrh_sub_type, d.residential_affiliation, d.target_population, stamp, project_id),
        )
        conn.execute("DELETE FROM project_affiliation WHERE project_id = ?", (project_id,))
        conn.executemany(
            "INSERT INTO project_affiliation (project_id, res_project_id, created_at) VALUES (?, ?, ?)",
            [(project_id, other, stamp) for other in sorted(set(d.residential_project_ids))],
        )
        queue_project(conn, project_id, session.user.user_id, now, session.pack.timeliness.window_hours)
        session.audit("project.descriptors_set", "project", project_id, {
            "housing_type": d.housing_type, "rrh_sub_type": d.rrh_sub_type,
            "residential_affiliation": d.residential_affiliation, "target_population": d.target_population,
            "residential_projects": sorted(set(d.residential_project_ids)),
        })


def project_payload(conn: Connection, project_id: str) -> dict[str, object]:
    """The project as the central server receives it: its definition, its 2.02
    descriptors and its organization (what Project.csv and Organization.csv need)."""
    row = conn.execute(
        "SELECT p.project_id, p.name, p.project_type, p.coc_code, p.housing_type, p.rrh_sub_type,"
        " p.residential_affiliation, p.target_population, p.created_at, p.updated_at, o.organization_id,"
        " o.name, o.created_at, o.updated_at FROM project p JOIN organization o USING (organization_id)"
        " WHERE p.project_id = ?",
        (project_id,),
    ).fetchone()
    if row is None:
        raise UserFacingError("That project does not exist on this device.")
    descriptors = _descriptors(conn, project_id, row[4:8])
    return {
        "project_id": row[0], "name": row[1], "project_type": row[2], "coc_code": row[3],
        "housing_type": descriptors.housing_type, "rrh_sub_type": descriptors.rrh_sub_type,
        "residential_affiliation": descriptors.residential_affiliation,
        "target_population": descriptors.target_population,
        "residential_project_ids": list(descriptors.residential_project_ids),
        "created_at": row[8], "updated_at": row[9], "organization_id": row[10], "organization_name": row[11],
        "organization_created_at": row[12], "organization_updated_at": row[13],
    }


def queue_project(conn: Connection, project_id: str, user_id: str, now: datetime, window_hours: int) -> None:
    """Put the project's current definition in the outbox, inside the caller's transaction,
    with every residential project it names that the server has not had yet."""
    payload = project_payload(conn, project_id)
    payload["user_id"] = user_id
    enqueue(conn, "project", project_id, "upsert", payload, now, window_hours, now)
    conn.execute("UPDATE project SET queued_at = ? WHERE project_id = ?",
                 (now.isoformat(timespec="seconds"), project_id))
    for other in payload["residential_project_ids"]:  # type: ignore[attr-defined]
        queue_project_once(conn, str(other), user_id, now, window_hours)


def queue_project_once(conn: Connection, project_id: str, user_id: str, now: datetime, window_hours: int) -> bool:
    """Queue the project's definition if it never was (a project set up with the device);
    returns whether it was queued now."""
    row = conn.execute("SELECT queued_at FROM project WHERE project_id = ?", (project_id,)).fetchone()
    if row is None or row[0] is not None:
        return False
    queue_project(conn, project_id, user_id, now, window_hours)
    return True
