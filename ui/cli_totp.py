"""The second factor from the command line: ``user totp-enroll NAME`` and ``user
totp-reset NAME`` (administrators), and the code read after the password.

A user with a second factor gives the 6-digit code (or an unused recovery code) as
the second line of standard input after ``--password-stdin``'s password, or at a
``Code:`` prompt on a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from app.security import totp

ACTIONS = ("totp-enroll", "totp-reset")


def code_reader(args: argparse.Namespace) -> Callable[[], str]:
    """A function the sign-in calls only when the user has a second factor."""

    def read() -> str:
        from ui.cli import CliError

        if sys.stdin is None:
            raise CliError("Standard input is closed; give the code as its second line.")
        if sys.stdin.isatty() and not getattr(args, "password_stdin", False):
            return getpass.getpass("Code from the authenticator app: ")
        line = sys.stdin.readline()
        if not line.strip():
            raise CliError("This account also needs the 6-digit code from its authenticator app"
                           " on line 2 of standard input.")
        return line.rstrip("\r\n")

    return read


def run(session: Any, args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "totp-reset":
        had = totp.reset(session, args.name)
        out.write(f"Removed the second factor of {args.name}; they sign in with the password alone"
                  " until they set it up again.\n" if had else f"{args.name} had no second factor.\n")
        return 0
    enrollment = totp.start_enrollment(session, args.name)
    codes = totp.confirm_enrollment(session, enrollment, None)
    if args.json:
        json.dump({"user": enrollment.username, "otpauth_uri": enrollment.uri, "secret": enrollment.secret,
                   "recovery_codes": codes}, out)
        out.write("\n")
        return 0
    out.write(
        f"Second factor set up for {enrollment.username}. Add it to an authenticator app with this link\n"
        f"(or type the key by hand), then sign in with the password and the app's 6-digit code:\n\n"
        f"    {enrollment.uri}\n    key: {enrollment.secret}\n\n"
        "Recovery codes (each works once instead of a code; keep them apart from this device):\n\n"
        + "".join(f"    {c}\n" for c in codes)
    )
    return 0
