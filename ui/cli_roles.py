"""``user add NAME --role ROLE --lead-grant-stdin``: a role only the HMIS Lead gives
(VT-2.1-4, a pack role's ``assigned_by = "hmis_lead"``) is given with the Lead's
one-time grant code, redeemed with the Lead's server the device is enrolled with.

The code is a sign-in detail (CT-403-2, MO-PWD-5): it comes from the line of standard
input after the password (and after a second factor's code) or a prompt that does not
echo, never from the command line (``--lead-grant CODE`` is refused, ui/cli_secrets.py)."""

from __future__ import annotations

import argparse

from app.security.role_grants import Redeem
from app.session import Session


def lead_grant(session: Session, args: argparse.Namespace) -> Redeem | None:
    """What ``add_user`` redeems the grant with, or ``None`` without ``--lead-grant-stdin``
    (the core then refuses a role only the Lead gives, in one sentence)."""
    if not getattr(args, "lead_grant_stdin", False):
        return None
    code = read_grant_code()
    from sync.lead_grant import redeemer

    return redeemer(session, code)


def read_grant_code() -> str:
    """The Lead's grant code: the next line of standard input, or a no-echo prompt at a terminal."""
    from ui.cli_secrets import read_secret_line

    return read_secret_line("HMIS Lead's grant code: ", "Give the HMIS Lead's grant code on the line of standard "
                            "input after the password (and after the code, for a user with two-step sign-in).")
