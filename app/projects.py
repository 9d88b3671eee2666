"""The projects this device serves, as the intake's first step lists them.

A project's populations (e.g. ``dv``, ``youth``) decide whether its records may be
shared at all (VT-3.1-2, MO-PROT-1), so they travel with the project.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.session import Session


@dataclass(frozen=True)
class ProjectInfo:
    project_id: str
    name: str
    project_type: int
    populations: tuple[str, ...]


def list_projects(session: Session) -> list[ProjectInfo]:
    """Every project on the device, by name; available to anyone who may run an intake."""
    session.require("intake.run")
    rows = session.conn.execute(
        "SELECT project_id, name, project_type, populations FROM project ORDER BY name"
    ).fetchall()
    return [ProjectInfo(r[0], r[1], int(r[2]), tuple(json.loads(r[3] or "[]"))) for r in rows]
