"""The ``hmis-intake`` command. No Qt import here: subcommands run headless.

Passwords come from standard input only (``--password-stdin``), never argv or the
environment: one given there is refused before anything else (ui/cli_secrets.py,
CT-403-2, MO-PWD-5). A user mistake ends with one sentence on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from app import __version__
from app.command import run_command
from app.errors import UserFacingError

if TYPE_CHECKING:
    from app.session import Session

EXIT_USAGE = 2


class CliError(UserFacingError):
    exit_code = EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No abbreviations: "--password X" must not be taken for --password-stdin.
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        message = re.sub(r"ignored explicit argument .*", "takes no value", message)
        if message.startswith("unrecognized arguments:"):
            # Name stray options but never echo stray values: one may be a password
            # typed on the command line, and stderr often ends up in a log.
            options = [w.split("=", 1)[0] for w in message.split(":", 1)[1].split() if w.startswith("-")]
            message = "unrecognized arguments" + (f": {' '.join(options)}" if options else "")
        raise CliError(f"{message[:1].upper()}{message[1:]} (see 'hmis-intake --help').")


def _stdin_lines(count: int, prompts: Sequence[str]) -> list[str]:
    if sys.stdin is None:
        raise CliError("Standard input is closed; pipe the password in with --password-stdin.")
    if sys.stdin.isatty():
        return [getpass.getpass(prompts[i]) for i in range(count)]
    lines = []
    for i in range(count):
        line = sys.stdin.readline()
        if not line:
            what = prompts[i].rstrip(": ").lower()
            raise CliError(f"Expected the {what} on line {i + 1} of standard input.")
        lines.append(line.rstrip("\r\n"))
    return lines


def _read_password(args: argparse.Namespace, extra: Sequence[str] = ()) -> list[str]:
    if not getattr(args, "password_stdin", False):
        raise CliError("Give --password-stdin and pass the password as the first line of standard input.")
    return _stdin_lines(1 + len(extra), ["Password: ", *extra])


def _open_session(args: argparse.Namespace, allow_password_change: bool = False) -> Session:
    from app.session import sign_in

    if not args.user:
        raise CliError("Give --user NAME.")
    (password,) = _read_password(args)
    from ui.cli_totp import code_reader

    session = sign_in(args.data_dir, args.user, password, code=code_reader(args))
    for warning in session.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if session.needs_new_password and not allow_password_change:
        # Read before closing: the expiry check needs the open vault's settings.
        reason = "has expired" if session.password_expired else "must be changed before first use"
        session.close()
        raise CliError(f"Your password {reason}; run 'hmis-intake change-password'.")
    return session


# -- subcommands ---------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from app.session import DEFAULT_PROJECTS, initialize

    (password,) = _read_password(args)
    parsed = [_parse_project(p) for p in args.project or ()]
    projects = tuple((name, kind) for name, kind, _ in parsed) or DEFAULT_PROJECTS
    from ui.cli_projects import check_init_populations, set_init_projects

    check_init_populations(args.pack, [populations for _, _, populations in parsed])
    from app.clock import system_clock
    from ui.cli_access import parse_completed_on

    completed_on = parse_completed_on(args.access_completed, system_clock.now().date())
    session, recovery_key = initialize(
        args.data_dir, args.pack, args.user, password, args.display_name, args.agency, projects,
        access_completed_on=completed_on,
    )
    for warning in session.warnings:
        print(warning, file=sys.stderr)
    try:
        set_init_projects(session, [(name, populations) for name, _, populations in parsed])
    finally:
        session.close()
    if args.json:
        json.dump({"data_dir": str(args.data_dir), "pack": args.pack, "recovery_key": recovery_key}, out)
        out.write("\n")
    else:
        out.write(
            f"Created an encrypted vault in {args.data_dir} with the {args.pack} policy pack.\n"
            f"Administrator: {args.user}\n\n"
            f"Recovery key (shown once; print it and lock it away):\n\n    {recovery_key}\n\n"
            "It can reset an administrator's password if every admin is locked out.\n"
        )
    return 0


def _parse_project(text: str) -> tuple[str, int, tuple[str, ...]]:
    """NAME:TYPE or NAME:TYPE:POPULATIONS (comma-separated, as the pack names them)."""
    name, _, kind = text.rpartition(":")
    populations = ""
    if not kind.isdigit() and ":" in name:
        populations = kind
        name, _, kind = name.rpartition(":")
    if not name or not kind.isdigit():
        raise CliError(f"A project is NAME:TYPE or NAME:TYPE:POPULATIONS with a HUD project type number, "
                       f"not {text!r}.")
    return name.strip(), int(kind), tuple(p.strip().lower() for p in populations.split(",") if p.strip())


def cmd_demo_data(args: argparse.Namespace, out: TextIO) -> int:
    from app.demo import add_demo_people

    if args.clients < 0:
        raise CliError("--clients must be zero or more.")
    session = _open_session(args)
    try:
        added = add_demo_people(session, args.clients, args.seed)
    finally:
        session.close()
    out.write(f"Added {added} synthetic people.\n")
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from app.search_service import find_people

    session = _open_session(args)
    try:
        hits = find_people(session, args.text, limit=args.limit)
    finally:
        session.close()
    if args.json:
        json.dump(
            [
                {"personal_id": h.personal_id, "first_name": h.first_name, "last_name": h.last_name,
                 "dob": h.dob, "ssn_last4": h.ssn_last4}
                for h in hits
            ],
            out,
            ensure_ascii=False,
        )
        out.write("\n")
        return 0
    if not hits:
        out.write("No one found.\n")
    for h in hits:
        name = f"{h.last_name or '?'}, {h.first_name or '?'}"
        ssn = f"xxx-xx-{h.ssn_last4}" if h.ssn_last4 else "SSN not collected"
        out.write(f"{name:<32} {h.dob or 'DOB not collected':<12} {ssn:<14} {h.personal_id}\n")
    return 0


def cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    from app import outbox

    session = _open_session(args)
    try:
        policy = session.pack.timeliness
        state = outbox.status(session.conn, session.clock.now(), policy.window_hours,
                              policy.warn_before_hours)
    finally:
        session.close()
    if args.json:
        json.dump(state.as_json(), out)
        out.write("\n")
        return 0
    out.write(f"Waiting to sync: {state.pending} record(s); refused by the server: {state.refused}.\n")
    if state.oldest_pending_hours is not None:
        out.write(
            f"Oldest waiting: collected {state.oldest_pending_hours:.1f} h ago; "
            f"{state.hours_left_for_oldest:.1f} h left of the {state.window_hours} h window.\n"
        )
    if state.overdue:
        out.write(f"{state.overdue} record(s) have missed the timeliness window.\n")
    if state.due_soon:
        out.write(f"{state.due_soon} record(s) are due within a day.\n")
    return 0


def cmd_change_password(args: argparse.Namespace, out: TextIO) -> int:
    from app.security.users import change_own_password
    from app.session import sign_in

    if not args.user:
        raise CliError("Give --user NAME.")
    from ui.cli_totp import code_reader

    (current,) = _read_password(args)  # then the code, for a user with a second factor
    session = sign_in(args.data_dir, args.user, current, code=code_reader(args))
    try:
        (new,) = _stdin_lines(1, ["New password: "])
    except CliError:
        session.close()
        raise CliError("Expected the new password on the line after the current password"
                       " (and after the code, for a user with a second factor).") from None
    except BaseException:
        session.close()
        raise
    try:
        change_own_password(session, current, new)
    finally:
        session.close()
    out.write("Password changed.\n")
    return 0


def cmd_user(args: argparse.Namespace, out: TextIO) -> int:
    from app.security import users

    session = _open_session(args)
    try:
        if args.action == "list":
            rows = users.list_users(session)
            if args.json:
                json.dump([r.__dict__ for r in rows], out)
                out.write("\n")
            for r in rows if not args.json else []:
                flags = ", ".join(f for f, on in (("disabled", r.disabled), ("locked", r.locked),
                                                 ("must change password", r.must_change_password)) if on)
                out.write(f"{r.username:<20} {r.role:<20} {flags}\n")
            return 0
        if not args.name:
            raise CliError(f"'user {args.action}' needs the user's name.")
        if args.action.startswith("totp-"):
            from ui.cli_totp import run as run_totp

            return run_totp(session, args, out)
        if args.action in ("access", "record-access"):
            from ui.cli_access import run as run_access

            return run_access(session, args, out)
        if args.action == "add":
            if not args.role:
                raise CliError("Give --role; roles: " + ", ".join(r.id for r in session.pack.roles) + ".")
            from ui.cli_access import parse_completed_on

            completed_on = parse_completed_on(args.access_completed, session.clock.now().date())
            temporary = users.generate_temporary_password()
            from ui.cli_roles import lead_grant

            users.add_user(session, args.name, args.display_name or args.name, args.role, temporary,
                           completed_on, lead_grant(session, args))
            out.write(f"Added {args.name}. Temporary password (must be changed at first sign-in):\n{temporary}\n")
        elif args.action == "disable":
            new_recovery = users.disable_user(session, args.name)
            out.write(f"Disabled {args.name}; the vault has a new data key.\n")
            if new_recovery:
                out.write(f"The old recovery key no longer works; the new one is:\n\n    {new_recovery}\n\n"
                          "Write it down and keep it locked away, apart from this device.\n")
        elif args.action == "enable":
            temporary = users.generate_temporary_password()
            users.enable_user(session, args.name, temporary)
            out.write(f"Enabled {args.name}. Temporary password (must be changed at first sign-in):\n{temporary}\n")
        elif args.action == "reset":
            temporary = users.generate_temporary_password()
            users.reset_password(session, args.name, temporary)
            out.write(f"Reset {args.name}. Temporary password (must be changed at first sign-in):\n{temporary}\n")
    finally:
        session.close()
    return 0


def cmd_recover(args: argparse.Namespace, out: TextIO) -> int:
    from app.session import sign_in_with_recovery

    if not args.user:
        raise CliError("Give --user NAME (the administrator whose password to reset).")
    recovery_key, new_password = _stdin_lines(2, ["Recovery key: ", "New password: "])
    session, new_key = sign_in_with_recovery(args.data_dir, recovery_key, args.user, new_password)
    session.close()
    out.write(
        "Password reset. The old recovery key no longer works; the new one is:\n\n"
        f"    {new_key}\n"
    )
    return 0


def cmd_new_recovery_key(args: argparse.Namespace, out: TextIO) -> int:
    from app.security.users import issue_new_recovery_key

    session = _open_session(args)
    try:
        new_key = issue_new_recovery_key(session)
    finally:
        session.close()
    out.write("The old recovery key no longer works; the new one is:\n\n"
              f"    {new_key}\n\nWrite it down and keep it locked away, apart from this device.\n")
    return 0


def cmd_import_intake(args: argparse.Namespace, out: TextIO) -> int:
    from app.intake.importer import ALREADY_IMPORTED, REFUSED, SAVED, ImportOutcome, import_documents, read_documents

    def report(o: ImportOutcome) -> None:
        # Each outcome is written as soon as it is known, so a saved document is
        # reported even if a later one stops the run.
        if o.status == SAVED:
            out.write(f"Document {o.index}: saved ({o.people} people, household {o.household_id}).\n")
        elif o.status == ALREADY_IMPORTED:
            out.write(f"Document {o.index}: already imported (household {o.household_id}), nothing stored again.\n")
            out.writelines(f"    {problem}\n" for problem in o.problems)
        else:
            out.write(f"Document {o.index}: refused, nothing stored:\n")
            out.writelines(f"    {problem}\n" for problem in o.problems)
        out.flush()

    documents = read_documents(args.file)
    session = _open_session(args)
    try:
        outcomes = import_documents(session, documents, None if args.json else report)
    finally:
        session.close()
    refused = [o for o in outcomes if o.status == REFUSED]
    if args.json:
        json.dump([o.__dict__ for o in outcomes], out, ensure_ascii=False)
        out.write("\n")
    else:
        again = sum(1 for o in outcomes if o.status == ALREADY_IMPORTED)
        out.write(f"{len(outcomes) - len(refused) - again} saved, {again} already imported, "
                  f"{len(refused)} refused.\n")
    return 1 if refused else 0


def cmd_audit_verify(args: argparse.Namespace, out: TextIO) -> int:
    from app.audit import verify_chain

    session = _open_session(args)
    try:
        session.require("audit.view")
        result = verify_chain(session.conn, session.vault.keyfile.audit_breaks)
    finally:
        session.close()
    if result.intact:
        out.write(result.describe() + "\n")
        return 0
    raise UserFacingError(result.describe())


def _add_auth(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="your user name")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input"
                        " (and a second factor's code from the second)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hmis-intake", description="Offline, encrypted HMIS intake.")
    parser.add_argument("--version", action="version", version=f"hmis-intake {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder of the vault (default: the user data folder)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="create the vault and its first administrator")
    p.add_argument("--pack", required=True, choices=("ct", "vt", "mo"))
    p.add_argument("--agency", default="Agency")
    p.add_argument("--display-name")
    p.add_argument("--project", action="append",
                   help="NAME:HUD_PROJECT_TYPE[:POPULATIONS] (repeatable), e.g. 'Safe Haven:0:dv'")
    p.add_argument("--access-completed", metavar="DATE",
                   help="the day you completed the pack's user agreement and trainings (YYYY-MM-DD or 'today');"
                        " without it client records stay closed until it is recorded")
    p.add_argument("--json", action="store_true")
    _add_auth(p)
    p.set_defaults(func=cmd_init, needs_user=True)

    p = sub.add_parser("demo-data", help="add synthetic people for demos and benchmarks")
    p.add_argument("--clients", type=int, required=True)
    p.add_argument("--seed", type=int)
    _add_auth(p)
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("search", help="find people by name, DOB or SSN last 4")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    _add_auth(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("status", help="outbox and timeliness")
    p.add_argument("--json", action="store_true")
    _add_auth(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("change-password",
                       help="stdin: current password, the code if the user has a second factor, then the new one")
    _add_auth(p)
    p.set_defaults(func=cmd_change_password)

    p = sub.add_parser("user", help="manage local users (administrators)")
    p.add_argument("action", choices=("list", "add", "disable", "enable", "reset", "totp-enroll", "totp-reset",
                                       "access", "record-access"))
    p.add_argument("name", nargs="?")
    p.add_argument("--role")
    p.add_argument("--access-completed", metavar="DATE",
                   help="with add: the day the user completed the pack's agreements and trainings")
    p.add_argument("--requirement", action="append",
                   help="with record-access: a requirement id of the pack (repeatable), or 'all'")
    p.add_argument("--on", metavar="DATE", help="with record-access: the day it was completed (or 'today')")
    p.add_argument("--display-name")
    p.add_argument("--lead-grant-stdin", action="store_true",
                   help="with add: read the HMIS Lead's one-time grant code, for a role only the Lead gives,"
                        " from the line of standard input after the password")
    p.add_argument("--json", action="store_true")
    _add_auth(p)
    p.set_defaults(func=cmd_user)

    p = sub.add_parser("recover", help="reset an administrator's password with the recovery key"
                       " (stdin: recovery key, then the new password)")
    p.add_argument("--user")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("new-recovery-key", help="replace the vault's recovery key (administrators)")
    _add_auth(p)
    p.set_defaults(func=cmd_new_recovery_key)

    p = sub.add_parser("import-intake", help="save intake documents transcribed from paper (JSON)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    _add_auth(p)
    p.set_defaults(func=cmd_import_intake)

    p = sub.add_parser("audit-verify", help="check the audit trail's hash chain")
    _add_auth(p)
    p.set_defaults(func=cmd_audit_verify)

    from ui.cli_sync import register as register_sync

    register_sync(sub, _add_auth)
    from ui.cli_export import register as register_export
    from ui.cli_projects import register as register_projects

    register_projects(sub, _add_auth)

    register_export(sub, _add_auth, _open_session)
    from ui.cli_agency import register as register_agency

    register_agency(sub, _add_auth, _open_session)
    from ui.cli_consent_scope import register as register_roi_scope

    register_roi_scope(sub, _add_auth, _open_session)
    from ui.cli_security import register as register_security

    register_security(sub, _add_auth, _open_session)
    from ui.cli_records import register as register_records

    register_records(sub, _add_auth, _open_session)
    from ui.cli_report import register as register_report

    register_report(sub, _add_auth, _open_session)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    stdout = out or sys.stdout

    def run() -> int:
        import os

        from ui.cli_secrets import check_no_secret_given

        # CT-403-2, MO-PWD-5: a secret in argv or the environment is refused before parsing.
        check_no_secret_given(sys.argv[1:] if argv is None else argv, os.environ)
        args = build_parser().parse_args(argv)
        if args.data_dir is None:
            from app.paths import default_data_dir

            args.data_dir = default_data_dir()
        args.data_dir = args.data_dir.expanduser()
        if args.command is None:
            from ui.main import run_gui

            return run_gui(args.data_dir)
        if getattr(args, "needs_user", False) and not args.user:
            raise CliError("Give --user NAME for the first administrator.")
        from app.vault.connection import check_sqlcipher

        check_sqlcipher()
        func: Callable[[argparse.Namespace, TextIO], int] = args.func
        return func(args, stdout)

    return run_command(run, (UserFacingError,), interrupted="Interrupted.",
                       unexpected_note="nothing further was changed. ")


if __name__ == "__main__":
    sys.exit(main())
