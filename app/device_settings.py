"""Device settings an administrator changes from the Settings screen.

The idle lock's minutes stay within what the pack allows (``[idle_lock]`` min and
max); a change is audited and takes effect at the next sign-in.
"""

from __future__ import annotations

from app.errors import ValidationError
from app.session import Session
from app.vault.connection import transaction

PERMISSION = "device.configure"


def idle_lock_bounds(session: Session) -> tuple[int, int]:
    policy = session.pack.idle_lock
    return policy.min_minutes, policy.max_minutes


def set_idle_lock_minutes(session: Session, minutes: int) -> None:
    session.require(PERMISSION)
    low, high = idle_lock_bounds(session)
    if not low <= minutes <= high:
        raise ValidationError("idle_lock_minutes",
                              f"Choose from {low} to {high} minutes; the agency's policy allows no other.")
    with transaction(session.conn):
        session.settings.idle_lock_minutes = minutes
        session.audit("settings.changed", "device", "idle_lock_minutes", {"minutes": minutes})
