"""``hmis-intake victim-service-provider {show,on,off}``: whether this device belongs to
a victim service provider, whose records stay in a comparable database and never
reach the central HMIS (VT-3.5-1, MO-VSP-1; ``app.victim_service``)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO


def cmd_victim_service_provider(args: argparse.Namespace, out: TextIO,
                                open_session: Callable[[argparse.Namespace], Any]) -> int:
    from app.victim_service import is_victim_service_provider, set_victim_service_provider

    session = open_session(args)
    try:
        if args.action != "show":
            set_victim_service_provider(session, args.action == "on")
        value = is_victim_service_provider(session.conn)
    finally:
        session.close()
    if args.json:
        json.dump({"victim_service_provider": value}, out)
        out.write("\n")
    elif value:
        out.write("This device belongs to a victim service provider: it keeps a comparable database; "
                  "enrolling, syncing and CoC-wide exports are refused.\n")
    else:
        out.write("This device is not set up as a victim service provider's.\n")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: Callable[[argparse.Namespace], Any]) -> None:
    p = subparsers.add_parser("victim-service-provider",
                              help="show or set whether this device belongs to a victim service provider "
                                   "(administrators): a comparable database, never synced to HMIS")
    p.add_argument("action", choices=("show", "on", "off"))
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=lambda args, out: cmd_victim_service_provider(args, out, open_session))
