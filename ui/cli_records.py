"""What a worker does on a client's profile, headless: ``consent list|revoke|stop-sharing``,
``note add|request-deletion`` and ``history``. No Qt here.

Each command calls the same core function as the profile (``app.rights``,
``app.followup.revoke_consent``, ``app.notes``, ``app.history``), so the same roles,
conflict-of-interest checks, consent holds and audit events apply.

Standard input: the password is its first line. ``note add`` reads the note's text
from the rest of standard input (never from an option: a command line is visible to
other users of the machine and kept in shell history). Output never holds a client's
name or other personal data; the note text is not echoed back.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO, TypeAlias

from app.errors import UserFacingError

__all__ = ["parse_day", "register"]

OpenSession = Callable[[argparse.Namespace], Any]
# The sub-command table add_subparsers returns, of whichever parser class (generic only
# in the type stubs).
SubParsers: TypeAlias = "argparse._SubParsersAction[Any]"
MAX_NOTE_CHARS = 20_000


class RecordsUsageError(UserFacingError):
    exit_code = 2


def parse_day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RecordsUsageError(f"{option} must be a date written YYYY-MM-DD.") from None


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False)
    out.write("\n")


# -- consent ------------------------------------------------------------------------


def cmd_consent_list(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.rights import list_consents

    session = open_session(args)
    try:
        listing = list_consents(session, args.personal_id)
        rows = [c.as_json() for c in listing]
        if rows:
            from app.documents.verify import consent_code_for

            for row in rows:
                row["verification_code"] = consent_code_for(session, row["consent_id"])
    finally:
        session.close()
    if args.json:
        _dump(rows, out)
        return 0
    if not rows:
        out.write("No consent on file.\n")
    for c in rows:
        ends = c["ends_on"] or "no end date"
        line = (f"{c['consent_id']}  {c['status']:<8} {c['method']:<8} {c['sharing']:<10} "
                f"signed {c['signed_on']}, ends {ends}")
        if c.get("verification_code"):
            line += f"  code {c['verification_code']}"
        out.write(line + "\n")
    return 0


def cmd_consent_change(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.rights import revoke, stop_sharing

    effective = parse_day("--effective", args.effective)
    notice_to = getattr(args, "notice", None)
    if notice_to and not (Path(notice_to).expanduser().is_dir() or notice_to.lower().endswith(".pdf")):
        raise RecordsUsageError("Give --notice a folder or a file name ending in .pdf.")
    session = open_session(args)
    try:
        if notice_to:
            session.require("consent.print")  # before anything changes
        project = None
        if args.project:  # MO-ROI-6: the release of one project, not every one in force
            from sync.hmis_csv.export import resolve_projects
            from sync.hmis_csv.vault_source import VaultExportSource

            (project,) = resolve_projects(VaultExportSource(session), [args.project])
        change = revoke if args.consent_action == "revoke" else stop_sharing
        ids = change(session, args.personal_id, effective, args.reason, project)
        day = (effective or session.clock.now().date()).isoformat()
        notice = None
        if getattr(args, "notice", None):
            from ui.cli_documents import save_revocation_notice

            notice = save_revocation_notice(session, ids[0], args.notice)
    finally:
        session.close()
    if args.json:
        _dump({"action": args.consent_action, "effective": day, "consent_ids": ids,
               "notice": str(notice) if notice else None}, out)
    elif args.consent_action == "revoke":
        out.write(f"Revoked {len(ids)} consent(s) from {day}; the revocation goes to the central HMIS "
                  "with the next sync.\n")
        if notice:
            out.write(f"Saved the revocation notice as {notice.name}.\n")
    else:
        out.write(f"Not Shared from {day} for {len(ids)} person(s); data entry goes on.\n")
    return 0


# -- notes --------------------------------------------------------------------------


def _note_text() -> str:
    text = sys.stdin.read() if sys.stdin is not None else ""
    if len(text) > MAX_NOTE_CHARS:
        raise RecordsUsageError(f"The note is longer than {MAX_NOTE_CHARS} characters; shorten it.")
    return text.strip()


def cmd_note_add(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.notes import add_note

    session = open_session(args)
    try:
        text = _note_text()
        if not text:
            raise RecordsUsageError("Write the note on standard input after the password line.")
        note_id = add_note(session, args.personal_id, text, args.amends)
    finally:
        session.close()
    if args.json:
        _dump({"note_id": note_id, "amends": args.amends}, out)
    else:
        out.write(f"Note saved: {note_id}\n")
    return 0


def cmd_note_request_deletion(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.notes import request_note_deletion

    if not (args.reason or "").strip():
        raise RecordsUsageError("Give the reason with --reason.")
    session = open_session(args)
    try:
        request_id = request_note_deletion(session, args.note_id, args.reason)
    finally:
        session.close()
    if args.json:
        _dump({"request_id": request_id, "note_id": args.note_id}, out)
    else:
        out.write(f"Deletion requested ({request_id}); it goes to the central help desk with the next sync.\n")
    return 0


# -- history ------------------------------------------------------------------------


def cmd_history(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.history import person_history

    session = open_session(args)
    try:
        entries = person_history(session, args.personal_id)
    finally:
        session.close()
    if args.json:
        _dump([e.as_json() for e in entries], out)
        return 0
    for e in entries:
        out.write(f"{e.at}  {e.user:<24} {e.kind:<9} {e.what}\n")
    return 0


# -- requests and corrections ---------------------------------------------------------


def cmd_request(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.corrections import list_requests, log_request, resolve_request

    received = parse_day("--received", getattr(args, "received", None))
    session = open_session(args)
    try:
        if args.request_action == "add":
            request_id = log_request(session, args.personal_id, args.kind, received)
            (view,) = [r for r in list_requests(session) if r.request_id == request_id]
            result: Any = view.as_json()
        elif args.request_action == "close":
            if args.denied and not (args.reason or "").strip():
                raise RecordsUsageError("A denied request needs --reason.")
            resolve_request(session, args.request_id, "denied" if args.denied else "fulfilled", args.reason,
                            args.ground)
            result = {"request_id": args.request_id, "status": "denied" if args.denied else "fulfilled"}
        else:
            result = [r.as_json() for r in list_requests(session, open_only=args.open)]
    finally:
        session.close()
    if args.json:
        _dump(result, out)
    elif args.request_action == "add":
        due = f"due {result['due_on']}" if result["due_on"] else "the policy sets no deadline"
        out.write(f"Request logged ({result['request_id']}); {due}.\n")
    elif args.request_action == "close":
        out.write(f"Request {result['request_id']} closed as {result['status']}.\n")
    else:
        if not result:
            out.write("No requests.\n")
        for r in result:
            flag = " OVERDUE" if r["overdue"] else (" due soon" if r["due_soon"] else "")
            out.write(f"{r['request_id']}  {r['kind']:<12} received {r['received_on']}  due {r['due_on'] or '-'}"
                      f"  {r['status']}{flag}\n")
    return 0


def cmd_correction(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.corrections import deny_correction, record_correction

    session = open_session(args)
    try:
        if args.correction_action == "add":
            supplement = _note_text()
            if not supplement:
                raise RecordsUsageError("Write the correct or missing information on standard input after the "
                                        "password line.")
            correction_id = record_correction(session, args.personal_id, args.field, args.marked, supplement,
                                              args.request)
        else:
            correction_id = deny_correction(session, args.personal_id, args.field, args.reason, args.request)
    finally:
        session.close()
    if args.json:
        _dump({"correction_id": correction_id, "status": "accepted" if args.correction_action == "add" else "denied"},
              out)
    else:
        out.write(f"Correction recorded ({correction_id}); the original information is kept.\n"
                  if args.correction_action == "add" else f"Denial recorded ({correction_id}) with its reason.\n")
    return 0


def register(sub: SubParsers, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: OpenSession) -> SubParsers:
    """Add ``consent``, ``note`` and ``history``; returns the ``consent`` sub-parsers so
    the document commands can add ``consent pdf`` and ``consent verify`` beside them."""

    def bind(func: Callable[[argparse.Namespace, TextIO, OpenSession], int]) -> Callable[..., int]:
        return lambda args, out: func(args, out, open_session)

    consent = sub.add_parser("consent", help="a client's consents: list, revoke, stop sharing")
    actions: SubParsers = consent.add_subparsers(dest="consent_action", parser_class=type(consent), required=True)
    p = actions.add_parser("list", help="every consent on file for a person")
    p.add_argument("personal_id")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_consent_list))
    for name, text in (("revoke", "revoke the consents in force (MO-RIGHTS-4, VT-3.1-4)"),
                       ("stop-sharing", "keep the consents, share nothing from now on (VT-3.1-4)")):
        p = actions.add_parser(name, help=text)
        p.add_argument("personal_id")
        p.add_argument("--project", metavar="ID_OR_NAME",
                       help="only the release covering this project (MO-ROI-6; default: every one in force)")
        p.add_argument("--effective", metavar="YYYY-MM-DD", help="the day it takes effect (default today)")
        p.add_argument("--reason", help="why, in the client's words (optional)")
        p.add_argument("--json", action="store_true")
        if name == "revoke":
            p.add_argument("--notice", metavar="OUT.pdf", help="also save a revocation notice (consent.print)")
        add_auth(p)
        p.set_defaults(func=bind(cmd_consent_change))

    note = sub.add_parser("note", help="case notes: add, request deletion")
    note_actions = note.add_subparsers(dest="note_action", parser_class=type(note), required=True)
    p = note_actions.add_parser("add", help="add a case note; stdin: password line, then the note")
    p.add_argument("personal_id")
    p.add_argument("--amends", metavar="NOTE_ID", help="the note this one corrects (CT-404-1)")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_note_add))
    p = note_actions.add_parser("request-deletion", help="ask the central help desk to delete a note "
                                "(Data Coordinator; CT-404-2)")
    p.add_argument("note_id")
    p.add_argument("--reason", required=True)
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_note_request_deletion))

    p = sub.add_parser("history", help="who added, edited, viewed, exported or printed a record (CT-207-6)")
    p.add_argument("personal_id")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_history))

    request = sub.add_parser("request", help="the client's requests: a copy of the record, a correction")
    request_actions = request.add_subparsers(dest="request_action", parser_class=type(request), required=True)
    p = request_actions.add_parser("add", help="log a request; prints the day it is due (MO-RIGHTS-1)")
    p.add_argument("personal_id")
    p.add_argument("--kind", required=True, choices=("record_copy", "correction"))
    p.add_argument("--received", metavar="YYYY-MM-DD", help="the day the client asked (default today)")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_request))
    p = request_actions.add_parser("list", help="requests with their due dates; flags those due soon or overdue")
    p.add_argument("--open", action="store_true", help="only the open ones")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_request))
    p = request_actions.add_parser("close", help="close a request as fulfilled, or denied with a reason")
    p.add_argument("request_id")
    p.add_argument("--denied", action="store_true")
    p.add_argument("--reason")
    p.add_argument("--ground", help="the pack's ground for denying a record copy (VT-3.4-9)")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_request))

    correction = sub.add_parser("correction", help="mark information inaccurate or incomplete (VT-3.4-8, MO-RIGHTS-2)")
    correction_actions = correction.add_subparsers(dest="correction_action", parser_class=type(correction),
                                                   required=True)
    p = correction_actions.add_parser("add", help="stdin: password line, then the correct or missing information")
    p.add_argument("personal_id")
    p.add_argument("--field", required=True, help="which information, e.g. dob, last_name, enrollment")
    p.add_argument("--marked", required=True, choices=("inaccurate", "incomplete"))
    p.add_argument("--request", metavar="REQUEST_ID")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_correction))
    p = correction_actions.add_parser("deny", help="record a correction the agency does not make, with the reason")
    p.add_argument("personal_id")
    p.add_argument("--field", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--request", metavar="REQUEST_ID")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_correction))

    from ui.cli_documents import register as register_documents

    register_documents(sub, actions, add_auth, open_session)
    return actions
