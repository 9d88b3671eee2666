"""``user add NAME --role ROLE --lead-grant CODE``: a role only the HMIS Lead gives
(VT-2.1-4, a pack role's ``assigned_by = "hmis_lead"``) is given with the Lead's
one-time grant code, redeemed with the Lead's server the device is enrolled with."""

from __future__ import annotations

import argparse

from app.security.role_grants import Redeem
from app.session import Session


def lead_grant(session: Session, args: argparse.Namespace) -> Redeem | None:
    """What ``add_user`` redeems the grant with, or ``None`` without ``--lead-grant``
    (the core then refuses a role only the Lead gives, in one sentence)."""
    code = (getattr(args, "lead_grant", None) or "").strip()
    if not code:
        return None
    from sync.lead_grant import redeemer

    return redeemer(session, code)
