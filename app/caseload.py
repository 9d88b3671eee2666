"""A worker's caseload: the people they enrolled or met, and what is due this week.

"My clients" are the live people with an enrollment, a contact (4.12) or a service
the signed-in user recorded. Each row has the client's age, the last contact (the
latest of an enrollment start, a contact or a service), the latest project, and the
consent's status and end (``app.rules.consent.consent_end``: the pack's ROI length
when the consent names no date). What to act on this week is a consent that ends
within seven days and a follow-up due: an enrollment still open whose last contact
is ``FOLLOW_UP_DAYS`` old or more. Conflict-of-interest exclusions apply as in search.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.age import age_on as _years_old
from app.rules.consent import StoredConsent, consent_end
from app.session import Session

# Agency practice, not a HUD rule: an open enrollment not seen for 30 days is followed up.
FOLLOW_UP_DAYS = 30
WEEK = timedelta(days=7)

_LAST_CONTACT_SQL = """
SELECT personal_id, max(day) FROM (
    SELECT personal_id, entry_date AS day FROM enrollment
    UNION ALL SELECT personal_id, information_date FROM current_living_situation
    UNION ALL SELECT personal_id, date_provided FROM service
) WHERE personal_id IN ({marks}) GROUP BY personal_id
"""

_MINE_SQL = """
SELECT personal_id FROM enrollment WHERE created_by = :me
UNION SELECT personal_id FROM current_living_situation WHERE created_by = :me
UNION SELECT personal_id FROM service WHERE created_by = :me
"""


@dataclass(frozen=True)
class CaseloadRow:
    personal_id: str
    first_name: str | None
    last_name: str | None
    age: int | None
    last_contact: str | None  # YYYY-MM-DD
    project: str | None  # the latest enrollment's project
    consent_status: str  # current, expired, revoked, declined or none
    consent_ends: str | None  # YYYY-MM-DD
    follow_up_due: str | None  # YYYY-MM-DD, for an open enrollment


@dataclass(frozen=True)
class DueItem:
    personal_id: str
    kind: str  # "consent" (ends) or "follow_up"
    due: str  # YYYY-MM-DD


def age_on(dob: str | None, today: date) -> int | None:
    try:
        born = date.fromisoformat(dob) if dob else None
    except ValueError:
        return None
    if born is None or born > today:
        return None
    return _years_old(born, today)


def last_contacts(session: Session, personal_ids: Iterable[str]) -> dict[str, str]:
    """The latest enrollment start, contact or service day of each person."""
    wanted = sorted(set(personal_ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        sql = _LAST_CONTACT_SQL.format(marks=",".join("?" * len(chunk)))
        found.update({row[0]: row[1] for row in session.conn.execute(sql, chunk) if row[1]})
    return found


def _consent(session: Session, personal_id: str, project_id: str | None, today: date) -> tuple[str, str | None]:
    """The consent of the row's project: MO-ROI-6 keeps an ROI per project, so the
    newest that covers it (its own, or one for every project); any, without a project."""
    row = session.conn.execute(
        "SELECT method, signed_on, expires_on, revoked_at, created_at FROM consent WHERE personal_id = ?"
        " AND (? IS NULL OR covers_project_id IS NULL OR covers_project_id = ?)"
        " ORDER BY signed_on DESC, created_at DESC LIMIT 1", (personal_id, project_id, project_id)).fetchone()
    if row is None:
        return "none", None
    stored = StoredConsent(row[0], date.fromisoformat(row[1]), date.fromisoformat(row[2]) if row[2] else None,
                           date.fromisoformat(row[3][:10]) if row[3] else None, row[4] or "")
    end = consent_end(session.pack, stored)
    if stored.revoked_on is not None and stored.revoked_on <= today:
        status = "revoked"
    elif end is not None and today > end:
        status = "expired"
    else:
        status = "declined" if stored.method == "declined" else "current"
    return status, end.isoformat() if end else None


def my_clients(session: Session) -> list[CaseloadRow]:
    session.require("client.view_basic")
    today = session.clock.now().date()
    conn = session.conn
    mine = {row[0] for row in conn.execute(_MINE_SQL, {"me": session.user.user_id})}
    if session.pack.conflict_of_interest_blocks_viewing:
        mine -= {row[0] for row in conn.execute(
            "SELECT personal_id FROM conflict_declaration WHERE user_id = ?", (session.user.user_id,))}
    contacts = last_contacts(session, mine)
    rows: list[CaseloadRow] = []
    for personal_id in sorted(mine):
        person = conn.execute("SELECT first_name, last_name, dob FROM person WHERE personal_id = ?"
                              " AND deleted_at IS NULL", (personal_id,)).fetchone()
        if person is None:
            continue
        latest = conn.execute(
            "SELECT p.name, x.exit_date, e.project_id FROM enrollment e JOIN project p ON p.project_id = e.project_id"
            " LEFT JOIN project_exit x ON x.enrollment_id = e.enrollment_id WHERE e.personal_id = ?"
            " ORDER BY e.entry_date DESC, e.created_at DESC LIMIT 1", (personal_id,)).fetchone()
        status, ends = _consent(session, personal_id, latest[2] if latest else None, today)
        last = contacts.get(personal_id)
        open_enrollment = latest is not None and latest[1] is None
        due = ((date.fromisoformat(last) + timedelta(days=FOLLOW_UP_DAYS)).isoformat()
               if open_enrollment and last else None)
        rows.append(CaseloadRow(personal_id, person[0], person[1], age_on(person[2], today), last,
                                latest[0] if latest else None, status, ends, due))
    rows.sort(key=lambda r: ((r.last_name or "").casefold(), (r.first_name or "").casefold(), r.personal_id))
    return rows


def due_this_week(rows: Iterable[CaseloadRow], today: date) -> list[DueItem]:
    """Consents that end and follow-ups due from before today to seven days on, soonest first."""
    until = (today + WEEK).isoformat()
    items: list[DueItem] = []
    for row in rows:
        if row.consent_status == "current" and row.consent_ends and today.isoformat() <= row.consent_ends <= until:
            items.append(DueItem(row.personal_id, "consent", row.consent_ends))
        if row.follow_up_due and row.follow_up_due <= until:
            items.append(DueItem(row.personal_id, "follow_up", row.follow_up_due))
    return sorted(items, key=lambda i: (i.due, i.kind, i.personal_id))
