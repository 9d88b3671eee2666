"""``user access NAME`` and ``user record-access NAME``: the pack's user agreements and
trainings ([user_access]) on the command line, through the same core as Tools › Users."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TextIO

from app import user_access
from app.errors import UserFacingError
from app.session import Session


class AccessDateError(UserFacingError):
    pass


def parse_completed_on(text: str | None, today: date) -> date | None:
    """``today`` or an ISO date; None when not given."""
    if text is None:
        return None
    if text.strip().lower() == "today":
        return today
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AccessDateError(f"--access-completed/--on takes YYYY-MM-DD or 'today', not {text!r}.") from None


def run(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    today = session.clock.now().date()
    if args.action == "record-access":
        requirements = list(args.requirement or [])
        if requirements == ["all"]:
            requirements = [r.id for r in session.pack.user_access.requirements]
        on = parse_completed_on(args.on, today)
        if on is None:
            raise AccessDateError("Give --on YYYY-MM-DD (or 'today'): the day the user completed it.")
        recorded = user_access.record(session, args.name, requirements, on)
        out.write(f"Recorded for {args.name}: {', '.join(recorded)} completed on {on.isoformat()}.\n")
        return 0
    status = user_access.user_status(session, args.name)
    latest = {g.requirement.id: g for g in (*status.gaps, *status.due_soon)}
    rows = []
    for requirement in session.pack.user_access.requirements:
        gap = latest.get(requirement.id)
        state = "missing" if gap and gap.completed_on is None else (
            "lapsed" if gap in status.gaps else ("due soon" if gap else "current"))
        rows.append({"requirement": requirement.id, "label": requirement.label, "state": state,
                     "due": gap.due.isoformat() if gap and gap.due else None,
                     "clauses": [c.id for c in requirement.clauses]})
    if args.json:
        json.dump({"user": args.name, "client_records_open": not status.inactive, "requirements": rows}, out)
        out.write("\n")
        return 0
    for row in rows:
        due = f" (due {row['due']})" if row["due"] else ""
        out.write(f"{row['requirement']:<24} {row['state']:<9}{due}  {row['label']}\n")
    out.write("Client records: " + ("closed until the missing ones are recorded.\n" if status.inactive else "open.\n"))
    return 0
