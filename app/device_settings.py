"""Device settings an administrator changes from the Settings screen.

The idle lock's minutes stay within what the pack allows (``[idle_lock]`` min and
max); a change is audited and takes effect at the next sign-in. The agency's choice
of one ROI per project or per agency (MO-ROI-6, A19) is offered only where the pack
lets the agency choose (``[consent] roi_scope_agency_choice``).
"""

from __future__ import annotations

from app.errors import UserFacingError, ValidationError
from app.rules.consent import Scope, roi_scope
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


def roi_scope_of(session: Session) -> Scope:
    """MO-ROI-6, A19: what one ROI covers on this device: "project" or "agency"."""
    return roi_scope(session.pack, session.settings.roi_scope)


def roi_scope_choosable(session: Session) -> bool:
    return session.pack.consent.roi_scope_agency_choice


def set_roi_scope(session: Session, scope: str) -> None:
    """A19: the agency keeps one ROI per agency ("agency") or one per project the client
    is enrolled in ("project"), where the pack lets it choose; audited. ROIs already
    recorded keep what they cover: one recorded for a project still covers only it."""
    session.require(PERMISSION)
    if scope not in ("agency", "project"):
        raise ValidationError("roi_scope", "Choose agency or project.")
    if not roi_scope_choosable(session):
        raise UserFacingError(f"This policy pack records one ROI per {session.pack.consent.roi_scope}; "
                              "the agency cannot choose another.")
    with transaction(session.conn):
        session.settings.roi_scope = scope
        session.audit("settings.changed", "device", "roi_scope", {"roi_scope": scope})
