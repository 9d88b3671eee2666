"""``demo-data`` goes through the intake gate: every demo household is one a worker
could have entered, in every pack (never again: heads of household without 3.917 answers, a
child born after the project start, consents outside the rules). Synthetic people."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

import pytest
from support import PACKS

from app.demo import add_demo_people, household_document
from app.intake.validate import ProjectFacts, check_intake
from app.packs import load_pack

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("pack_id", PACKS)
@pytest.mark.parametrize("project_type", [0, 1, 4])
def test_every_demo_household_passes_the_intake_rules(pack_id: str, project_type: int) -> None:
    """CT-207-1, MO-ROI-1, VT-3.4-14, MO-ROI-10/11: the documents demo-data saves pass
    check_intake as a worker's would, in every pack and project type."""
    pack = load_pack(pack_id)
    rng = random.Random(11)
    for _ in range(60):
        doc = household_document(rng, pack, "p", rng.choice((1, 2, 3, 4)), NOW)
        assert pack.demo_place is not None
        for member in doc.members:  # as save_intake does: 3.16 from the project's CoC
            if member.relationship == 1:
                member.enrollment.setdefault("EnrollmentCoC", pack.demo_place.coc_code)
        problems, decisions = check_intake(pack, doc, ProjectFacts("p", project_type, ()), NOW.date())
        assert problems == [], [str(p) for p in problems]
        assert all(d.may_enter_data for d in decisions)


@pytest.mark.parametrize("pack_id", PACKS)
def test_demo_households_as_stored_are_ones_a_worker_could_enter(vault_factory: Any, pack_id: str) -> None:
    """3.917 for every head of household, no one born after the project start, and a
    consent the gate let in on the day of entry (MO-ROI-11)."""
    session = vault_factory(pack_id).sign_in()
    try:
        assert add_demo_people(session, 40, seed=5) == 40
        conn = session.conn
        heads = conn.execute("SELECT living_situation, length_of_stay, date_to_street_essh FROM enrollment"
                             " WHERE relationship_to_hoh = 1").fetchall()
        assert heads and all(None not in row for row in heads)
        born_after = conn.execute("SELECT count(*) FROM enrollment e JOIN person p USING (personal_id)"
                                  " WHERE p.dob > e.entry_date").fetchone()[0]
        assert born_after == 0
        gated = conn.execute("SELECT e.entry_date, g.data_day FROM enrollment e JOIN consent_gate_decision g"
                             " ON g.entity = 'enrollment' AND g.entity_id = e.enrollment_id").fetchall()
        assert len(gated) == 40 and all(entry == day for entry, day in gated)
        uncovered = conn.execute("SELECT count(*) FROM enrollment e WHERE NOT EXISTS (SELECT 1 FROM consent c"
                                 " WHERE c.household_id = e.household_id AND c.signed_on <= e.entry_date"
                                 " AND (c.expires_on IS NULL OR c.expires_on >= e.entry_date))").fetchone()[0]
        assert uncovered == 0 or not session.pack.consent.consent_before_any_data
    finally:
        session.close()


def test_try_with_demo_data_looks_like_a_normal_week(vault_factory: Any) -> None:
    """MO-TIME-1, VT-2.2-4, CT-302-1: the practice vault's households were met over the
    last seven days; what fell due was sent, and only the few households left overdue
    on purpose are past the timeliness deadline. Progress is reported per household."""
    from datetime import date, timedelta

    from app.demo import OVERDUE_ON_PURPOSE

    session = vault_factory("mo").sign_in()
    try:
        seen: list[tuple[int, int]] = []
        assert add_demo_people(session, 60, seed=7, week=True, progress=lambda d, t: seen.append((d, t))) == 60
        today = session.clock.now().date()
        entries = [date.fromisoformat(r[0]) for r in session.conn.execute("SELECT entry_date FROM enrollment")]
        assert min(entries) >= today - timedelta(days=6) and max(entries) <= today
        assert len(set(entries)) >= 5, "spread over the week, not one afternoon"
        overdue = session.conn.execute(
            "SELECT DISTINCT batch_group FROM outbox WHERE state = 'pending' AND deadline_at <= ?",
            (session.clock.now().isoformat(timespec="seconds"),)).fetchall()
        assert 0 < len(overdue) <= OVERDUE_ON_PURPOSE
        assert seen[-1] == (60, 60) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    finally:
        session.close()
