"""Printable documents, headless: ``consent pdf``, ``consent blank``, ``consent verify``,
``record-copy``, and the client-rights log (``request``) and ``retention``. No Qt here.

A PDF goes where the user says (a folder gets the suggested name: the kind of
document and its verification code, never a person's name). Saving is audited.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, TypeAlias

from app.errors import UserFacingError

__all__ = ["register"]

OpenSession = Callable[[argparse.Namespace], Any]
# The sub-command table add_subparsers returns, of whichever parser class (generic only
# in the type stubs).
SubParsers: TypeAlias = "argparse._SubParsersAction[Any]"


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False)
    out.write("\n")


def _write(args: argparse.Namespace, out: TextIO, open_session: OpenSession, make: Callable[[Any], Any]) -> int:
    """Build one document for the signed-in user, save it to ``args.out`` (audited by
    ``save_document``) and say where, with its verification code."""
    from app.documents.service import save_document

    session = open_session(args)
    try:
        document = make(session)
        path = save_document(session, document, Path(args.out))
    finally:
        session.close()
    return _saved(args, out, path, document)


def _saved(args: argparse.Namespace, out: TextIO, path: Path, document: Any) -> int:
    if args.json:
        _dump({"file": str(path), "kind": document.kind, "verification_code": document.code,
               "bytes": len(document.pdf)}, out)
    else:
        out.write(f"Saved {path.name} (verification code {document.code}).\n")
    return 0


def cmd_consent_pdf(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.documents.service import consent_document

    return _write(args, out, open_session, lambda session: consent_document(session, args.consent_id, args.lang))


def cmd_consent_blank(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.documents.service import blank_consent_document

    return _write(args, out, open_session, lambda session: blank_consent_document(session, args.lang))


def cmd_consent_verify(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.documents.verify import verify_code

    session = open_session(args)
    try:
        result = verify_code(session, args.code)
    finally:
        session.close()
    if args.json:
        _dump(result.as_json(), out)
    elif not result.found:
        out.write(f"No document on this device has the code {result.code}.\n")
    elif result.consent_id is None:
        out.write(f"{result.code}: a {result.kind} issued {result.issued_at}.\n")
    else:
        state = ("the consent and texts are unchanged" if result.matches
                 else "the consent or its texts changed since this copy was made")
        out.write(f"{result.code}: consent {result.consent_id} ({result.method}, signed {result.signed_on}), "
                  f"now {result.status}; {state}.\n")
    return 0 if result.found and result.matches else 1


def cmd_revocation_notice(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.documents.service import revocation_document

    return _write(args, out, open_session, lambda session: revocation_document(session, args.consent_id, args.lang))


def save_revocation_notice(session: Any, consent_id: str, out: str) -> Path:
    """For ``consent revoke --notice``: the notice of the consent just revoked."""
    from app.documents.service import revocation_document, save_document

    return save_document(session, revocation_document(session, consent_id), Path(out))


def cmd_record_copy(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.documents.service import record_copy_document

    return _write(args, out, open_session, lambda session: record_copy_document(session, args.personal_id, args.lang))


def cmd_form_contacts(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app.documents.service import set_contacts

    session = open_session(args)
    try:
        result = set_contacts(session, args.agency_contact, args.grievance_contact)
    finally:
        session.close()
    if args.json:
        _dump(result, out)
    else:
        for key, value in result.items():
            out.write(f"{key.replace('_', ' ').capitalize()}: {value or '(the agency name)'}\n")
    return 0


def _lang(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", help="language of the form (default: the one the consent was given in)")


def register(sub: SubParsers, consent_actions: SubParsers,
             add_auth: Callable[[argparse.ArgumentParser], None], open_session: OpenSession) -> None:
    def bind(func: Callable[[argparse.Namespace, TextIO, OpenSession], int]) -> Callable[..., int]:
        return lambda args, out: func(args, out, open_session)

    p = consent_actions.add_parser("pdf", help="the signed consent / release form as a PDF (consent.print)")
    p.add_argument("consent_id")
    p.add_argument("out", metavar="OUT.pdf", help="file or folder to write")
    _lang(p)
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_consent_pdf))

    p = consent_actions.add_parser("blank", help="a blank consent form for paper intake")
    p.add_argument("out", metavar="OUT.pdf", help="file or folder to write")
    _lang(p)
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_consent_blank))

    p = consent_actions.add_parser("revocation-notice", help="a notice of a revoked consent as a PDF")
    p.add_argument("consent_id")
    p.add_argument("out", metavar="OUT.pdf", help="file or folder to write")
    _lang(p)
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_revocation_notice))

    p = sub.add_parser("record-copy", help="the client's copy of their record, with who added, changed, viewed,"
                       " printed or exported it (client.print_record)")
    p.add_argument("personal_id")
    p.add_argument("out", metavar="OUT.pdf", help="file or folder to write")
    _lang(p)
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_record_copy))

    register_retention(sub, add_auth, open_session)

    p = consent_actions.add_parser("contacts", help="the agency and grievance contacts printed on every form"
                                   " (administrators; MO-RIGHTS-6)")
    p.add_argument("--agency-contact", help="e.g. a phone number and address; empty text clears it")
    p.add_argument("--grievance-contact", help="a named person and how to reach them; empty text clears it")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_form_contacts))

    p = consent_actions.add_parser("verify", help="check a printed copy's verification code")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_consent_verify))


def cmd_retention(args: argparse.Namespace, out: TextIO, open_session: OpenSession) -> int:
    from app import retention

    session = open_session(args)
    try:
        if args.retention_action == "rule":
            if args.off == (args.days is not None):
                raise UserFacingError("Give either --days N or --off.")
            retention.set_purge_rule(session, None if args.off else args.days)
            result: Any = {"rule_days": None if args.off else args.days}
        elif args.retention_action == "list":
            result = {"retention_years": session.pack.client_rights.retention_years,
                      "retention_action": session.pack.client_rights.retention_action,
                      "retention_due": [c.as_json() for c in retention.retention_due(session)],
                      **(retention.purge_plan(session) if session.can("device.configure")
                         else retention.PurgePlan(None, [], 0)).as_json()}
        else:
            result = retention.purge(session).as_json()
    finally:
        session.close()
    if args.json:
        _dump(result, out)
    elif args.retention_action == "rule":
        out.write("Purging is off.\n" if result["rule_days"] is None
                  else f"Records are purged from this device {result['rule_days']} days after exit, once synced.\n")
    elif args.retention_action == "list":
        years = result["retention_years"]
        out.write(f"Past the {years}-year retention period: {len(result['retention_due'])} person(s).\n" if years
                  else "The policy sets no retention period.\n")
        for c in result["retention_due"]:
            keep = f" (keep the signed ROI until {c['keep_until']})" if c["keep_until"] else ""
            out.write(f"  {c['personal_id']}  last changed {c['last_change'][:10]}{keep}\n")
        if result["rule_days"] is None:
            out.write("No device purge rule is set.\n")
        else:
            out.write(f"Purgeable from this device ({result['rule_days']} days after exit): "
                      f"{len(result['purgeable'])}; held back until synced: {result['held_unsynced']}.\n")
    else:
        out.write(f"Purged {result['people']} person(s) from this device; the data folder went from "
                  f"{result['bytes_before']:,} to {result['bytes_after']:,} bytes.\n")
    return 0


def register_retention(sub: SubParsers, add_auth: Callable[[argparse.ArgumentParser], None],
                       open_session: OpenSession) -> None:
    def bind(func: Callable[[argparse.Namespace, TextIO, OpenSession], int]) -> Callable[..., int]:
        return lambda args, out: func(args, out, open_session)

    retention = sub.add_parser("retention", help="records past their retention period; purge synced, inactive"
                               " records from this device")
    actions = retention.add_subparsers(dest="retention_action", parser_class=type(retention), required=True)
    p = actions.add_parser("list", help="people past the policy's retention period, and what a purge would remove")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_retention))
    p = actions.add_parser("purge", help="remove synced, inactive people from this device (administrators)")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_retention))
    p = actions.add_parser("rule", help="set the purge rule: N days after the last exit (administrators)")
    p.add_argument("--days", type=int)
    p.add_argument("--off", action="store_true")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=bind(cmd_retention))
