"""Roles only the HMIS Lead gives (a pack role's ``assigned_by = "hmis_lead"``).

The pack's rule (its ``[role_assignment]`` clauses): the agency's administrator gives
the roles up to a certain level; a role above it is given on the device only with the
HMIS Lead's one-time grant. The device redeems the grant with the Lead's server it is
enrolled with (``sync/lead_grant.py``); this module, which knows no network, asks for
it through a ``Redeem`` callable only once every local check has passed (so a refused
name or password costs no code), checks that it is for this user and role, and keeps
it with the user (``lead_role_grant``) under an audit event.

The first administrator, made when the vault is set up, is recorded as given by the
HMIS Lead at set-up (``SETUP_GRANT_ID``): set-up works offline, and the pack's
``role_assignment.reading`` states why that reading holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app import audit
from app.clock import Clock
from app.errors import PermissionDenied
from app.packs import Pack, Role
from app.vault.connection import Connection

SETUP_GRANT_ID = "device-setup"


@dataclass(frozen=True)
class LeadGrant:
    """A grant as the HMIS Lead's server confirmed it when the device redeemed it."""

    grant_id: str
    username: str
    role: str
    agency: str
    issued_at: str
    server: str  # the host of the Lead's server


#: Redeem the Lead's grant for (user name, role id); raises a UserFacingError when the
#: server refuses it or cannot be reached.
Redeem = Callable[[str, str], LeadGrant]


def needs_lead(role: Role) -> bool:
    return role.assigned_by == "hmis_lead"


def refusal(pack: Pack, role: Role) -> str:
    """The one sentence that refuses ``role`` without the Lead's grant."""
    return (f"Only the HMIS Lead gives the {role.name} role ({pack.role_assignment.cited()}): ask the HMIS Lead for a "
            "one-time grant code for this user and give it with the role.")


def obtain(pack: Pack, role: Role, username: str, redeem: Redeem | None) -> LeadGrant | None:
    """The Lead's grant for giving ``role`` to ``username``, or ``None`` when the agency
    gives that role itself; refused without a grant, or with one for someone else."""
    if not needs_lead(role):
        return None
    if redeem is None:
        raise PermissionDenied(refusal(pack, role))
    grant = redeem(username, role.id)
    if grant.role != role.id or grant.username.casefold() != username.casefold():
        raise PermissionDenied(f"The HMIS Lead's grant is for another user or role ({pack.role_assignment.cited()}); "
                               "ask the HMIS Lead for a grant code for this user and role.")
    return grant


def store(conn: Connection, user_id: str, grant: LeadGrant, redeemed_by: str | None, now: str,
          clock: Clock) -> None:
    """Keep the grant with the user and audit it (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO lead_role_grant (user_id, role, grant_id, agency, server, issued_at, redeemed_at,"
        " redeemed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (user_id, grant.role, grant.grant_id, grant.agency, grant.server, grant.issued_at, now, redeemed_by),
    )
    audit.record(conn, "user.role_granted_by_lead", redeemed_by or user_id, "user", user_id,
                 {"role": grant.role, "grant_id": grant.grant_id, "server": grant.server}, clock)


def record_setup(conn: Connection, pack: Pack, admin_id: str, username: str, agency: str, now: str,
                 clock: Clock) -> None:
    """The first administrator, made at set-up: where the pack reserves that role to the
    HMIS Lead, it is recorded as given by the Lead at set-up (``SETUP_GRANT_ID``)."""
    role = pack.role(pack.admin_role)
    if needs_lead(role):
        store(conn, admin_id, LeadGrant(SETUP_GRANT_ID, username, role.id, agency, now, ""), None, now, clock)


def grants_of(conn: Connection, user_id: str) -> list[LeadGrant]:
    """Every grant kept with the user, oldest first."""
    rows = conn.execute(
        "SELECT grant_id, a.username, g.role, agency, issued_at, server FROM lead_role_grant g"
        " JOIN app_user a USING (user_id) WHERE user_id = ? ORDER BY g.id", (user_id,),
    ).fetchall()
    return [LeadGrant(*row) for row in rows]
