"""Timeliness: each record's deadline runs from when its information was collected.

MO-TIME-1: 72 hours. VT-2.2-4: 5 days as best practice with 30 days' grace. CT-302-1:
by project type, from a schedule the agency sets (the pack's default until then).
A record collected offline keeps its collection time; syncing late never resets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from app.packs import Pack, TimelinessPolicy
from app.settings import Settings


class Standing(Enum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"  # within the pack's warning period of the deadline
    OVERDUE = "overdue"  # past the deadline, still inside any grace period
    MISSED = "missed"  # past the deadline and any grace


@dataclass(frozen=True)
class Deadline:
    collected_at: datetime
    due_at: datetime
    grace_until: datetime
    warn_from: datetime

    def standing(self, now: datetime) -> Standing:
        if now >= self.grace_until and now >= self.due_at:
            return Standing.MISSED
        if now >= self.due_at:
            return Standing.OVERDUE
        if now >= self.warn_from:
            return Standing.DUE_SOON
        return Standing.ON_TIME

    def hours_left(self, now: datetime) -> float:
        return round((self.due_at - now).total_seconds() / 3600, 2)


def window_hours(policy: TimelinessPolicy, project_type: int | None, overrides: dict[str, int] | None = None) -> int:
    """The agency's own schedule wins over the pack's (CT-302-1, A4)."""
    if overrides and project_type is not None and str(project_type) in overrides:
        return int(overrides[str(project_type)])
    return policy.window_for(project_type)


def deadline(pack: Pack, collected_at: datetime, project_type: int | None = None,
             overrides: dict[str, int] | None = None) -> Deadline:
    policy = pack.timeliness
    hours = window_hours(policy, project_type, overrides)
    due = collected_at + timedelta(hours=hours)
    return Deadline(
        collected_at=collected_at,
        due_at=due,
        grace_until=due + timedelta(hours=policy.grace_hours),
        warn_from=due - timedelta(hours=policy.warn_before_hours),
    )


def agency_overrides(settings: Settings) -> dict[str, int]:
    return settings.timeliness_hours


def set_agency_overrides(settings: Settings, hours_by_project_type: dict[int, int]) -> None:
    for project_type, hours in hours_by_project_type.items():
        if hours < 1 or hours > 24 * 90:
            raise ValueError(f"a window of {hours} hours for project type {project_type} is not plausible")
    settings.timeliness_hours = {str(k): int(v) for k, v in hours_by_project_type.items()}
