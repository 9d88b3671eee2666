"""The ``hmis-intake-server`` command: run the reference central server and manage it.

A mistake (bad database URL, unreachable database, bad argument) ends with one
sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from app.command import run_command
from sync.hmis_csv.command import add_export_options

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sync.hmis_csv.export import ExportOptions

EXIT_USAGE = 2
EXIT_FAILED = 1
DEFAULT_DB = "sqlite:///hmis-intake-server.db"
DB_ENV = "HMIS_INTAKE_SERVER_DB"


class ServerCliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ServerCliError(f"{message[:1].upper()}{message[1:]} (see 'hmis-intake-server --help').",
                             EXIT_USAGE)


def _engine(url: str) -> Engine:
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

    from sync.server import storage

    try:
        engine = storage.open_engine(url)
        storage.create_schema(engine)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ServerCliError("The --db value is not a database URL this server understands "
                             "(use sqlite:///FILE or postgresql://...).") from exc
    except OperationalError as exc:
        raise ServerCliError("Could not open the database given with --db; check the URL and "
                             "that the database server is running.") from exc
    return engine


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    import uvicorn

    from sync.server.app import DB_ENV as APP_DB_ENV
    from sync.server.app import DOCS_ENV, create_app

    engine = _engine(args.db)
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise ServerCliError("Give both --ssl-certfile and --ssl-keyfile, or neither.", EXIT_USAGE)
    if not args.ssl_certfile and not _is_loopback(args.host):
        print("Serving plain HTTP on a non-loopback address: devices only connect over https, so "
              "put a TLS-terminating proxy in front or give --ssl-certfile/--ssl-keyfile.",
              file=sys.stderr)
    tls = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile} if args.ssl_certfile else {}
    if args.workers > 1:
        engine.dispose()
        os.environ[APP_DB_ENV] = args.db
        os.environ[DOCS_ENV] = "1" if args.api_docs else "0"
        uvicorn.run("sync.server.app:app_from_environment", factory=True, host=args.host,
                    port=args.port, workers=args.workers, log_level=args.log_level, **tls)
    else:
        uvicorn.run(create_app(engine, api_docs=args.api_docs), host=args.host, port=args.port,
                    log_level=args.log_level, **tls)
    return 0


def cmd_enrollment_code(args: argparse.Namespace, out: TextIO) -> int:
    from sync.server import storage

    if not args.agency.strip():
        raise ServerCliError("Give the agency's name with --agency.", EXIT_USAGE)
    if not 0 < args.ttl_hours <= 24 * 30:
        raise ServerCliError("--ttl-hours must be between 0 and 720.", EXIT_USAGE)
    engine = _engine(args.db)
    code = storage.new_enrollment_code(engine, args.agency.strip(), timedelta(hours=args.ttl_hours))
    out.write(f"One-time enrollment code for {args.agency.strip()}, valid for {args.ttl_hours:g} hours:\n")
    out.write(f"{code}\n")
    return 0


def cmd_grant_role(args: argparse.Namespace, out: TextIO) -> int:
    """VT-2.1-4: the HMIS Lead gives a role above what the agency gives, as a one-time
    code the agency's device redeems when its administrator adds the user."""
    from sync.server import role_grants

    agency, user, role = args.agency.strip(), args.user.strip(), args.role.strip()
    if not agency or not user or not role:
        raise ServerCliError("Give the agency, the user name and the role with --agency, --user and --role.",
                             EXIT_USAGE)
    if len(user) > 100 or len(role) > 64 or len(agency) > 200:
        raise ServerCliError("The agency, user name or role is too long.", EXIT_USAGE)
    if not 0 < args.ttl_minutes <= role_grants.MAX_GRANT_TTL.total_seconds() / 60:
        raise ServerCliError("--ttl-minutes must be between 0 and 1440.", EXIT_USAGE)
    code = role_grants.new_role_grant(_engine(args.db), agency, user, role, timedelta(minutes=args.ttl_minutes))
    out.write(f"One-time grant code for the role {role} for {user} at {agency}, valid for "
              f"{args.ttl_minutes:g} minutes:\n{code}\n")
    return 0


def cmd_revoke_device(args: argparse.Namespace, out: TextIO) -> int:
    from sync.server import storage

    if not storage.revoke_device(_engine(args.db), args.device_id):
        raise ServerCliError("No active device has that id.")
    out.write("Device revoked; its requests are refused from now on.\n")
    return 0


def cmd_list_devices(args: argparse.Namespace, out: TextIO) -> int:
    from sync.server import storage

    for d in storage.list_devices(_engine(args.db)):
        state = f"revoked {d['revoked_at']}" if d["revoked_at"] else "active"
        out.write(f"{d['device_id']}  {d['agency']}  {d['name']}  enrolled {d['enrolled_at']}  {state}\n")
    return 0


def cmd_sessions(args: argparse.Namespace, out: TextIO) -> int:
    """MO-PWD-6 (A25): the users' open sessions as the devices reported them, or with
    --overlaps every time one user was live on two devices of an agency at once."""
    import json

    from sync.server import sessions

    if not 1 <= args.live_minutes <= 24 * 60:
        raise ServerCliError("--live-minutes must be between 1 and 1440.", EXIT_USAGE)
    engine = _engine(args.db)
    if args.overlaps:
        rows = sessions.list_overlaps(engine, args.agency)
        if args.json:
            json.dump(rows, out)
            out.write("\n")
            return 0
        for r in rows:
            out.write(f"{r['agency']}  {r['user_key']}  device {r['device_id']} while on {r['other_device_id']}"
                      f"  first {r['first_seen']}  last {r['last_seen']}\n")
        out.write(f"{len(rows)} overlap(s).\n")
        return 0
    rows = sessions.list_sessions(engine, args.live_minutes, args.agency)
    if args.json:
        json.dump(rows, out)
        out.write("\n")
        return 0
    for r in rows:
        state = "live" if r["live"] else "quiet"
        also = f"  ALSO LIVE ON {r['live_elsewhere']} OTHER DEVICE(S)" if r["live_elsewhere"] and r["live"] else ""
        out.write(f"{r['agency']}  {r['user_key']}  {r['device_name'] or r['device_id']}  since {r['since']}"
                  f"  last seen {r['last_seen']}  {state}{also}\n")
    out.write(f"{len(rows)} open session(s).\n")
    return 0


def _export_engine(url: str) -> Engine:
    """The database to export from, as it is: a missing SQLite file is not created, and
    a database without the server's tables is not set up as one."""
    from sqlalchemy import inspect
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

    from sync.server import storage

    wrong_url = ServerCliError("The --db value is not a database URL this server understands "
                               "(use sqlite:///FILE or postgresql://...).", EXIT_USAGE)
    try:
        parsed = make_url(storage.normalize_url(url))
    except ArgumentError:
        raise wrong_url from None
    if parsed.get_backend_name() == "sqlite" and not (parsed.database and Path(parsed.database).is_file()):
        raise ServerCliError("There is no database file at the --db path; check the URL. Nothing was written.")
    try:
        engine = storage.open_engine(url)
        if not inspect(engine).has_table("received_record"):
            engine.dispose()
            raise ServerCliError("The database given with --db is not an HMIS Intake server database; "
                                 "check the URL. Nothing was written.")
        storage.create_schema(engine)  # the export's own tables, on a database made by an older version
    except (ArgumentError, NoSuchModuleError):
        raise wrong_url from None
    except OperationalError:
        raise ServerCliError("Could not open the database given with --db; check the URL and "
                             "that the database server is running.") from None
    except DatabaseError:
        raise ServerCliError("The file given with --db is not a database this server can read; "
                             "check the URL. Nothing was written.") from None
    return engine


def _with_destination(options: ExportOptions, args: argparse.Namespace) -> ExportOptions:
    """``--destination outside``: a data request from an outside entity, de-identified
    unless ``--identifying``. The server serves every agency of the CoC whatever its
    pack, so it reads MO-DREQ-1 the strictest way: identifying client-level data leaves
    for an outside entity only with the CoC's approval reference."""
    from dataclasses import replace

    from app.releases import ReleaseRefused, check_approval_reference
    from sync.hmis_csv.sharing import Destination

    if args.destination != "outside":
        if args.identifying or args.coc_approval:
            raise ReleaseRefused("--identifying and --coc-approval are for an outside entity's request only "
                                 "(--destination outside).")
        return options
    approval = check_approval_reference(args.coc_approval)
    if args.identifying and approval is None:
        raise ReleaseRefused("Identifying client-level data may not go to an outside entity without the CoC's "
                             "approval; give its reference with --coc-approval or export de-identified data.")
    return replace(options, destination=Destination.OUTSIDE, deidentified=not args.identifying,
                   coc_approval=approval)


def cmd_export_hmis_csv(args: argparse.Namespace, out: TextIO) -> int:
    from dataclasses import replace

    from app.errors import UserFacingError
    from sync.hmis_csv.checker import check_export
    from sync.hmis_csv.command import options_from_args, write_result_summary
    from sync.hmis_csv.export import resolve_projects
    from sync.hmis_csv.server_source import ServerExportSource, export_from_server

    try:
        options = _with_destination(options_from_args(args), args)
        path = Path(args.out).expanduser()
        engine = _export_engine(args.db)
        try:
            source = ServerExportSource(engine, args.agency)
            if args.project:
                options = replace(options, project_ids=resolve_projects(source, args.project))
            result = export_from_server(engine, source, path, options)
        finally:
            engine.dispose()
        write_result_summary(result, check_export(path), out, args.json)
    except UserFacingError as error:
        raise ServerCliError(str(error), error.exit_code) from None
    return 0


def cmd_openapi(args: argparse.Namespace, out: TextIO) -> int:
    from sync.server.app import openapi_text

    out.write(openapi_text())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hmis-intake-server", description="The HMIS Intake reference central server.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    default_db = os.environ.get(DB_ENV, DEFAULT_DB)

    def add_db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=default_db,
                       help=f"database URL: sqlite:///FILE or postgresql://... (default {default_db})")

    p = sub.add_parser("serve", help="run the server")
    add_db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--workers", type=int, default=1, help="processes (PostgreSQL for more than one)")
    p.add_argument("--ssl-certfile")
    p.add_argument("--ssl-keyfile")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.add_argument("--api-docs", action="store_true",
                   help="serve the API's description at /openapi.json and /docs (off by default)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("enrollment-code", help="print a one-time device enrollment code")
    add_db(p)
    p.add_argument("--agency", required=True)
    p.add_argument("--ttl-hours", type=float, default=24.0)
    p.set_defaults(func=cmd_enrollment_code)

    p = sub.add_parser("grant-role", help="print a one-time code that lets an agency's device give a user "
                       "a role only the HMIS Lead gives")
    add_db(p)
    p.add_argument("--agency", required=True, help="the agency, as its devices are enrolled")
    p.add_argument("--user", required=True, help="the user name the agency gives the role to")
    p.add_argument("--role", required=True, help="the role id of the agency's policy pack, e.g. agency_admin")
    p.add_argument("--ttl-minutes", type=float, default=60.0)
    p.set_defaults(func=cmd_grant_role)

    p = sub.add_parser("revoke-device", help="refuse a device from now on")
    add_db(p)
    p.add_argument("device_id")
    p.set_defaults(func=cmd_revoke_device)

    p = sub.add_parser("list-devices", help="list enrolled devices")
    add_db(p)
    p.set_defaults(func=cmd_list_devices)

    p = sub.add_parser("sessions", help="users' open sessions per device, or their overlaps (MO-PWD-6)")
    add_db(p)
    p.add_argument("--agency", metavar="NAME", help="only this agency's")
    p.add_argument("--live-minutes", type=int, default=15,
                   help="a session is live while its device reported within this many minutes (default 15)")
    p.add_argument("--overlaps", action="store_true",
                   help="every time one user was live on two devices of an agency at once")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sessions)

    p = sub.add_parser("export-hmis-csv", help="HUD HMIS CSV (FY2026) zip of everything the server received")
    add_db(p)
    add_export_options(p)
    p.add_argument("--agency", metavar="NAME",
                   help="only the records sent by this agency's devices (as enrolled; default: every agency)")
    p.add_argument("--destination", choices=("coc", "outside"), default="coc",
                   help="coc: identifiers and rows only for the days a consent in force allowed sharing "
                        "(the default); outside: a data request from an outside entity, as coc and "
                        "de-identified, with a manifest beside the zip (OUT.manifest.json)")
    p.add_argument("--identifying", action="store_true",
                   help="outside only: keep names, SSN and DOB; needs --coc-approval (MO-DREQ-1)")
    p.add_argument("--coc-approval", metavar="REF", default=None,
                   help="outside only: the CoC's approval reference, kept in the export record and the manifest")
    p.set_defaults(func=cmd_export_hmis_csv)

    p = sub.add_parser("openapi", help="print the API's OpenAPI document (docs/sync-openapi.json)")
    p.set_defaults(func=cmd_openapi)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    stdout = out or sys.stdout

    def run() -> int:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise ServerCliError("Give a command: serve, enrollment-code, grant-role, revoke-device, list-devices, "
                                 "sessions, export-hmis-csv or openapi (see 'hmis-intake-server --help').", EXIT_USAGE)
        func: Callable[[argparse.Namespace, TextIO], int] = args.func
        return func(args, stdout)

    return run_command(run, (ServerCliError,))


if __name__ == "__main__":
    sys.exit(main())
