"""``hmis-intake roi-scope {show,agency,project}``: whether this agency records one ROI
per project the client is enrolled in or one per agency (MO-ROI-6, A19), where the
policy pack lets the agency choose (``app.device_settings.set_roi_scope``)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO


def cmd_roi_scope(args: argparse.Namespace, out: TextIO, open_session: Callable[[argparse.Namespace], Any]) -> int:
    from app.device_settings import roi_scope_choosable, roi_scope_of, set_roi_scope

    session = open_session(args)
    try:
        if args.action != "show":
            set_roi_scope(session, args.action)
        scope, choosable = roi_scope_of(session), roi_scope_choosable(session)
    finally:
        session.close()
    if args.json:
        json.dump({"roi_scope": scope, "agency_may_choose": choosable}, out)
        out.write("\n")
    elif scope == "project":
        out.write("An ROI is recorded for each project the client is enrolled in.\n")
    else:
        out.write("One ROI covers every project of the agency.\n")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: Callable[[argparse.Namespace], Any]) -> None:
    p = subparsers.add_parser("roi-scope", help="show or set whether an ROI is recorded per project or once per "
                                                "agency (administrators, where the policy pack allows it)")
    p.add_argument("action", choices=("show", "agency", "project"))
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=lambda args, out: cmd_roi_scope(args, out, open_session))
