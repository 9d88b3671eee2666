"""My clients and what is due this week, over a real vault. Synthetic people only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from test_intake import adult, document, session_for  # noqa: F401  (fixture)

from app.caseload import age_on, due_this_week, last_contacts, my_clients
from app.intake import parse_document, save_intake
from app.session import Session


def test_my_clients_have_age_last_contact_project_and_consent(session_for: Callable[[str], Session]) -> None:
    session = session_for("mo")
    pid = save_intake(session, parse_document(document(session, [adult("Brisa", "Larkspurrow")]))).personal_ids[0]
    rows = my_clients(session)
    assert [r.personal_id for r in rows] == [pid]
    row = rows[0]
    assert row.age == age_on("1984-07-09", session.clock.now().date())
    assert row.last_contact == "2026-03-02" and row.project
    assert row.consent_status == "current" and row.consent_ends == "2027-03-01"
    assert row.follow_up_due == "2026-04-01"
    assert last_contacts(session, [pid]) == {pid: "2026-03-02"}


def test_due_this_week_lists_consent_ends_and_follow_ups(session_for: Callable[[str], Session]) -> None:
    """MO-ROI-10: a release ends a year after signing; a worker sees it coming the week before."""
    session = session_for("mo")
    save_intake(session, parse_document(document(session, [adult("Brisa", "Larkspurrow")])))
    rows = my_clients(session)
    assert due_this_week(rows, date(2026, 3, 2)) == []
    assert [i.kind for i in due_this_week(rows, date(2026, 3, 27))] == ["follow_up"]
    assert [i.kind for i in due_this_week(rows, date(2027, 2, 25))] == ["follow_up", "consent"]


def test_age_on_birthdays_and_bad_dates() -> None:
    assert age_on("2000-03-02", date(2026, 3, 1)) == 25
    assert age_on("2000-03-02", date(2026, 3, 2)) == 26
    assert age_on("not a date", date(2026, 3, 2)) is None
    assert age_on(None, date(2026, 3, 2)) is None
