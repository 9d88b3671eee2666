"""Whether a user may open client records: the agreements and trainings a pack asks of
every user (pack ``[user_access]``), as recorded on the device by an administrator.

The steps themselves happen outside the device (a signed user agreement, a training
session); the device keeps the date each was completed and refuses client records
once one is missing or lapsed. An administrator with a gap still signs in, to record
it, but sees no client record until it is current; anyone else is refused at sign-in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.errors import UserFacingError
from app.packs import AccessRequirement, UserAccessPolicy, clause_ids
from app.vault.connection import Connection, transaction

if TYPE_CHECKING:
    from app.session import Session

# What an administrator with a gap may still do: record the gap, manage the device.
PERMISSIONS_WITHOUT_ACCESS = frozenset({"users.manage", "device.configure", "audit.view"})


class AccessInactive(UserFacingError):
    """Client records are closed to this user until a requirement is recorded."""


@dataclasses.dataclass(frozen=True)
class AccessGap:
    requirement: AccessRequirement
    completed_on: date | None  # the latest completion, or None if never recorded
    due: date | None  # when it lapsed or lapses; None if never recorded

    def sentence(self) -> str:
        cited = clause_ids(self.requirement.clauses)
        if self.completed_on is None:
            return f"{self.requirement.label} is not recorded ({cited})"
        return f"{self.requirement.label} lapsed on {self.due.isoformat() if self.due else '?'} ({cited})"


@dataclasses.dataclass(frozen=True)
class AccessStatus:
    gaps: tuple[AccessGap, ...]
    due_soon: tuple[AccessGap, ...]  # current, but lapsing within the pack's warning window

    @property
    def inactive(self) -> bool:
        return bool(self.gaps)

    def refusal(self) -> str:
        return ("Client records are closed to this account until an administrator records: "
                + "; ".join(g.sentence() for g in self.gaps) + ".")

    def reminders(self) -> list[str]:
        return [f"{g.requirement.label} must be renewed by {g.due.isoformat()} "
                f"({clause_ids(g.requirement.clauses)})." for g in self.due_soon if g.due]


def _next_october_first(day: date) -> date:
    return date(day.year if day.month < 10 else day.year + 1, 10, 1)


def lapses_on(requirement: AccessRequirement, completed_on: date, first_sign_in: date | None) -> date | None:
    """The first day the completion no longer counts; None if it never lapses."""
    if requirement.renew == "yearly":
        # VT-2.2-8: the annual training is due on the anniversary of the last one.
        try:
            return completed_on.replace(year=completed_on.year + 1)
        except ValueError:  # 29 February
            return completed_on.replace(year=completed_on.year + 1, day=28)
    if requirement.renew == "fiscal_year":
        # MO-TRAIN-3: each HUD fiscal year begins 1 October; a renewal in the weeks
        # before counts for the coming year (the pack's reading of A29).
        counted_from = completed_on + timedelta(days=requirement.early_renewal_days)
        return _next_october_first(counted_from)
    if requirement.renew == "used_within":
        # CT-211-1/2: not signed in within N days of training means retraining, and
        # access ends grace_days after that notice.
        days = requirement.used_within_days or 0
        if first_sign_in is not None and first_sign_in <= completed_on + timedelta(days=days):
            return None
        return completed_on + timedelta(days=days + requirement.grace_days)
    return None


def evaluate(policy: UserAccessPolicy, completions: Mapping[str, date],
             first_sign_in_after: Mapping[str, date | None], today: date) -> AccessStatus:
    """Pure: which requirements are missing or lapsed on ``today``, and which lapse soon.

    ``completions`` maps a requirement to its latest completion date;
    ``first_sign_in_after`` maps it to the user's first sign-in on or after that date."""
    gaps: list[AccessGap] = []
    soon: list[AccessGap] = []
    for requirement in policy.requirements:
        done = completions.get(requirement.id)
        if done is None:
            gaps.append(AccessGap(requirement, None, None))
            continue
        # Recording refuses a future day, so a later one means the clock was set back
        # since: the requirement was done and counts from today.
        done = min(done, today)
        due = lapses_on(requirement, done, first_sign_in_after.get(requirement.id))
        if due is not None and today >= due:
            gaps.append(AccessGap(requirement, done, due))
        elif due is not None and (due - today).days <= policy.warn_days_before:
            soon.append(AccessGap(requirement, done, due))
    return AccessStatus(tuple(gaps), tuple(soon))


def latest_completions(conn: Connection, user_id: str) -> dict[str, date]:
    rows = conn.execute(
        "SELECT requirement, MAX(completed_on) FROM user_access_record WHERE user_id = ? GROUP BY requirement",
        (user_id,),
    ).fetchall()
    return {requirement: date.fromisoformat(day) for requirement, day in rows}


def _first_sign_in_on_or_after(conn: Connection, user_id: str, day: date) -> date | None:
    row = conn.execute(
        # Setting up the device is the first administrator's first use of it.
        "SELECT MIN(at) FROM audit_event WHERE user_id = ? AND action IN ('signin.succeeded', 'vault.created')"
        " AND at >= ?",
        (user_id, day.isoformat()),
    ).fetchone()
    return date.fromisoformat(row[0][:10]) if row and row[0] else None


def status(conn: Connection, policy: UserAccessPolicy, user_id: str, today: date,
           signing_in: bool = False) -> AccessStatus:
    """The user's access as the vault records it. ``signing_in``: the sign-in under way
    (not yet audited) counts as a use of the training."""
    completions = latest_completions(conn, user_id)
    first: dict[str, date | None] = {}
    for r in policy.requirements:
        if r.renew == "used_within" and r.id in completions:
            first[r.id] = _first_sign_in_on_or_after(conn, user_id, completions[r.id])
            if first[r.id] is None and signing_in:
                first[r.id] = today
    return evaluate(policy, completions, first, today)


def insert_records(conn: Connection, user_id: str, requirement_ids: Iterable[str], completed_on: date,
                   recorded_by: str, recorded_at: str) -> None:
    conn.executemany(
        "INSERT INTO user_access_record (user_id, requirement, completed_on, recorded_by, recorded_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(user_id, rid, completed_on.isoformat(), recorded_by, recorded_at) for rid in requirement_ids],
    )


def check_requirement_ids(policy: UserAccessPolicy, requirement_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(requirement_ids))
    unknown = [rid for rid in ids if policy.requirement(rid) is None]
    if unknown:
        known = ", ".join(r.id for r in policy.requirements) or "none"
        raise UserFacingError(f"The policy pack has no access requirement {unknown[0]!r}; it has: {known}.")
    return ids


def check_completion_date(completed_on: date, today: date) -> None:
    if completed_on > today:
        raise UserFacingError("A requirement cannot be recorded as completed on a future date.")


def record(session: Session, username: str, requirement_ids: Iterable[str], completed_on: date) -> list[str]:
    """An administrator records that ``username`` completed these requirements on that
    day; audited, append-only. Returns the requirement ids recorded."""
    session.require("users.manage")
    policy = session.pack.user_access
    ids = check_requirement_ids(policy, requirement_ids)
    if not ids:
        raise UserFacingError("Name at least one requirement to record.")
    check_completion_date(completed_on, session.clock.now().date())
    row = session.conn.execute("SELECT user_id FROM app_user WHERE username = ?", (username.strip(),)).fetchone()
    if row is None:
        raise UserFacingError(f"There is no user named {username.strip()}.")
    with transaction(session.conn) as conn:
        insert_records(conn, row[0], ids, completed_on, session.user.user_id, session.clock.now_iso())
        session.audit("user.access_recorded", "user", row[0],
                      {"requirements": ids, "completed_on": completed_on.isoformat()})
    if row[0] == session.user.user_id:
        session.refresh_access()
    return ids


def user_status(session: Session, username: str) -> AccessStatus:
    session.require("users.manage")
    row = session.conn.execute("SELECT user_id FROM app_user WHERE username = ?", (username.strip(),)).fetchone()
    if row is None:
        raise UserFacingError(f"There is no user named {username.strip()}.")
    return status(session.conn, session.pack.user_access, row[0], session.clock.now().date())
