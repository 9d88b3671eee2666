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
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.errors import UserFacingError, ValidationError
from app.outbox import enqueue
from app.project_descriptors import (  # noqa: F401 - re-exported for callers of app.projects
    COC_CODE,
    COLUMNS,
    HOUSING_TYPES,
    NO_YES,
    RESIDENTIAL_TYPES,
    RRH,
    RRH_HOUSING,
    RRH_SERVICES_ONLY,
    RRH_SUB_TYPES,
    SERVICES_ONLY,
    TARGET_POPULATIONS,
    ProjectDescriptors,
    affiliation_applies,
    descriptor_problems,
    is_residential,
    missing_descriptors,
)
from app.session import Session
from app.vault.connection import Connection, transaction

#: HUD 2.02.6 project types a device may serve.
PROJECT_TYPES = frozenset({0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14})


@dataclass(frozen=True)
class ProjectInfo:
    project_id: str
    name: str
    project_type: int
    populations: tuple[str, ...]
    descriptors: ProjectDescriptors = field(default_factory=ProjectDescriptors)

    @property
    def missing(self) -> list[str]:
        """What a complete HMIS CSV export still needs of this project."""
        return missing_descriptors(self.project_type, self.descriptors)


_SELECT = ("SELECT project_id, name, project_type, populations, " + ", ".join(COLUMNS) + " FROM project")


def _descriptors(conn: Connection, project_id: str, row: tuple[object, ...]) -> ProjectDescriptors:
    affiliated = tuple(r[0] for r in conn.execute(
        "SELECT res_project_id FROM project_affiliation WHERE project_id = ? ORDER BY res_project_id",
        (project_id,)))
    values = dict(zip(COLUMNS, row, strict=True))
    # Keyword arguments by column name from a database row; the schema gives each its type.
    return ProjectDescriptors(residential_project_ids=affiliated, **values)  # type: ignore[arg-type]


def _info(conn: Connection, r: tuple[object, ...]) -> ProjectInfo:
    # A database row (tuple[object, ...]); the schema makes project_type an integer.
    return ProjectInfo(str(r[0]), str(r[1]), int(r[2]),  # type: ignore[call-overload]
                       tuple(json.loads(str(r[3]) or "[]")), _descriptors(conn, str(r[0]), r[4:]))


def _require_read(session: Session) -> None:
    if not session.can("device.configure"):
        session.require("intake.run")


def list_projects(session: Session) -> list[ProjectInfo]:
    """Every project on the device, by name; available to anyone who may run an intake
    or configure the device."""
    _require_read(session)
    conn = session.conn
    return [_info(conn, r) for r in conn.execute(_SELECT + " ORDER BY name").fetchall()]


def set_project_descriptors(session: Session, project_id: str, descriptors: ProjectDescriptors) -> None:
    """Store a project's HUD descriptors and send the new definition to the central
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
    values = {name: getattr(d, name) for name in COLUMNS}
    with transaction(conn):
        conn.execute(
            "UPDATE project SET " + ", ".join(f"{name} = ?" for name in COLUMNS) + ", updated_at = ?"
            " WHERE project_id = ?", (*values.values(), stamp, project_id))
        conn.execute("DELETE FROM project_affiliation WHERE project_id = ?", (project_id,))
        conn.executemany(
            "INSERT INTO project_affiliation (project_id, res_project_id, created_at) VALUES (?, ?, ?)",
            [(project_id, other, stamp) for other in sorted(set(d.residential_project_ids))],
        )
        queue_project(conn, project_id, session.user.user_id, now, session.pack.timeliness.window_hours)
        # Codes and dates only: the address is the agency's, but the audit trail needs no copy of it.
        session.audit("project.descriptors_set", "project", project_id, {
            **{name: value for name, value in values.items() if name not in ("address1", "city", "zip")},
            "residential_projects": sorted(set(d.residential_project_ids)),
        })


def population_problems(pack_populations: tuple[str, ...], populations: tuple[str, ...]) -> list[str]:
    """Names the pack does not use (VT-3.1-2, MO-PROT-1: the pack's
    ``forced_not_shared_populations`` are the names a project may carry)."""
    return [name for name in populations if name not in pack_populations]


def set_project_populations(session: Session, project_id: str, populations: tuple[str, ...]) -> None:
    """VT-3.1-2, VT-3.4-13, MO-PROT-1: the populations a project serves decide whether
    its records may be shared at all, so they are stored with the project, checked
    against the names the pack uses, and audited."""
    session.require("device.configure")
    names = tuple(sorted({name.strip().lower() for name in populations if name.strip()}))
    allowed = tuple(session.pack.sharing.forced_not_shared_populations)
    unknown = population_problems(allowed, names)
    if unknown:
        known = ", ".join(allowed) if allowed else "none"
        raise ValidationError("populations", f"This policy pack has no population named {unknown[0]!r} "
                                             f"(its populations: {known}).")
    conn = session.conn
    row = conn.execute("SELECT populations FROM project WHERE project_id = ?", (project_id,)).fetchone()
    if row is None:
        raise UserFacingError("That project does not exist on this device.")
    before = tuple(json.loads(row[0] or "[]"))
    now = session.clock.now()
    with transaction(conn):
        conn.execute("UPDATE project SET populations = ?, updated_at = ? WHERE project_id = ?",
                     (json.dumps(list(names)), now.isoformat(timespec="seconds"), project_id))
        session.audit("project.populations_set", "project", project_id,
                      {"before": list(before), "after": list(names)})


def set_project_coc_code(session: Session, project_id: str, coc_code: str) -> None:
    """2.03.1 alone, as the set-up screen asks for it (the rest comes later)."""
    session.require("device.configure")
    code = coc_code.strip().upper()
    if not COC_CODE.match(code):
        raise ValidationError("coc_code", "A CoC code is two capital letters, a hyphen and three digits, "
                                          "such as NY-600.")
    conn = session.conn
    with transaction(conn):
        conn.execute("UPDATE project SET coc_code = ?, updated_at = ? WHERE project_id = ?",
                     (code, session.clock.now_iso(), project_id))
        session.audit("project.descriptors_set", "project", project_id, {"coc_code": code})


def add_project(session: Session, name: str, project_type: int) -> str:
    """A new project of the device's organization; returns its id."""
    session.require("device.configure")
    name = name.strip()
    if not name:
        raise ValidationError("name", "Give the project a name.")
    if len(name) > 200:
        raise ValidationError("name", "A project name has at most 200 characters.")
    if project_type not in PROJECT_TYPES:
        raise ValidationError("project_type", "The project type must be a HUD project type (2.02.6), such as "
                                              "0 emergency shelter or 4 street outreach.")
    conn = session.conn
    if conn.execute("SELECT 1 FROM project WHERE lower(name) = lower(?)", (name,)).fetchone():
        raise ValidationError("name", "There is already a project with that name on this device.")
    organization = conn.execute("SELECT organization_id FROM organization ORDER BY created_at LIMIT 1").fetchone()
    if organization is None:
        raise UserFacingError("This device has no agency to add a project to.")
    project_id = str(uuid.uuid4())
    stamp = session.clock.now_iso()
    with transaction(conn):
        conn.execute(
            "INSERT INTO project (project_id, organization_id, name, project_type, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", (project_id, organization[0], name, project_type, stamp, stamp))
        session.audit("project.added", "project", project_id, {"project_type": project_type})
    return project_id


def get_project(session: Session, project_id: str) -> ProjectInfo:
    _require_read(session)
    row = session.conn.execute(_SELECT + " WHERE project_id = ?", (project_id,)).fetchone()
    if row is None:
        raise UserFacingError("That project does not exist on this device.")
    return _info(session.conn, row)


def project_payload(conn: Connection, project_id: str) -> dict[str, object]:
    """The project as the central server receives it: its definition, its HUD
    descriptors and its organization (what Project.csv and Organization.csv need)."""
    row = conn.execute(
        "SELECT p.project_id, p.name, p.project_type, p.created_at, p.updated_at, o.organization_id,"
        " o.name, o.created_at, o.updated_at, p.populations, " + ", ".join(f"p.{c}" for c in COLUMNS) +
        " FROM project p JOIN organization o USING (organization_id) WHERE p.project_id = ?",
        (project_id,),
    ).fetchone()
    if row is None:
        raise UserFacingError("That project does not exist on this device.")
    descriptors = _descriptors(conn, project_id, row[10:])
    return {
        "project_id": row[0], "name": row[1], "project_type": row[2],
        **{name: getattr(descriptors, name) for name in COLUMNS},
        "residential_project_ids": list(descriptors.residential_project_ids),
        "populations": json.loads(row[9] or "[]"),
        "created_at": row[3], "updated_at": row[4], "organization_id": row[5], "organization_name": row[6],
        "organization_created_at": row[7], "organization_updated_at": row[8],
    }


def queue_project(conn: Connection, project_id: str, user_id: str, now: datetime, window_hours: int) -> None:
    """Put the project's current definition in the outbox, inside the caller's transaction,
    with every residential project it names that the server has not had yet."""
    payload = project_payload(conn, project_id)
    payload["user_id"] = user_id
    enqueue(conn, "project", project_id, "upsert", payload, now, window_hours, now)
    conn.execute("UPDATE project SET queued_at = ? WHERE project_id = ?",
                 (now.isoformat(timespec="seconds"), project_id))
    # project_payload stores the affiliated project IDs as a list.
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


def default_enrollment_coc(conn: Connection, doc: Any, project_id: str | None) -> None:
    """3.16: a head of household's Enrollment CoC defaults to the project's CoC code when
    the document leaves it empty (one CoC per project on this device)."""
    if project_id is None:
        return
    row = conn.execute("SELECT coc_code FROM project WHERE project_id = ?", (project_id,)).fetchone()
    if row is None or not row[0]:
        return
    for member in doc.members:
        if member.relationship == 1 and not member.enrollment.get("EnrollmentCoC"):
            member.enrollment["EnrollmentCoC"] = row[0]
