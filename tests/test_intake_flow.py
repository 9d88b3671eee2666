"""Whole intakes walked through the flow (app/intake/flow.py) with no screen: from the
first step to an intake saved in a real SQLCipher vault, per pack, the way the
wizard's pages drive it (each step's answers written into the flow's state, then
Next). Each test names the clauses whose branches it walks. Synthetic people only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import pytest
from support import PACKS, VaultInfo

from app.clock import FakeClock
from app.intake import IntakeRefused, Problem, save_intake
from app.intake.flow import IntakeFlow, find_candidates
from app.intake.steps import Step, StepRef
from app.projects import list_projects
from app.session import Session

ADULT = {"FirstName": "Brisa", "LastName": "Larkspurrow", "NameDataQuality": 1, "DOB": "1984-07-09",
         "DOBDataQuality": 1, "SSNDataQuality": 99, "White": 1, "Sex": 9, "VeteranStatus": 0,
         "EnrollmentCoC": "XX-501", "DisablingCondition": 8, "LivingSituation": 116}
CHILD = {"FirstName": "Tiko", "LastName": "Larkspurrow", "NameDataQuality": 1, "DOB": "2016-05-05",
         "DOBDataQuality": 1, "SSNDataQuality": 99, "Sex": 9, "DisablingCondition": 8}


class Walk:
    """A worker going through the intake with no screen: what each page would write
    into the flow, then Next, checking where the flow leads."""

    def __init__(self, session: Session, project: str = "Street Outreach") -> None:
        self.session = session
        self.flow = IntakeFlow(session.pack, list_projects(session), session.clock.now())
        assert self.here is Step.PROJECT
        self.flow.project_id = next(p.project_id for p in self.flow.projects if p.name == project)
        self.next(Step.SCRIPT)
        assert not self.flow.is_complete(self.flow.current), "CT-207-2/3: Next waits for every point"
        self.flow.ticked = set(self.flow.script_point_ids)
        self.next(Step.SHARING)

    @property
    def here(self) -> Step:
        return self.flow.current.step

    def next(self, expect: Step) -> list[Problem]:
        problems = self.flow.advance()
        assert self.here is expect, (self.here, problems)
        return problems

    def member(self, index: int, answers: dict[str, Any]) -> None:
        """Answer the member's questions: those given, and every other shown choice with
        "doesn't know" or the like, as the GUI tests' ``fill_member`` does."""
        state = self.flow.members[index]
        state.answers.update(answers)
        for _ in range(3):  # an answer may show a dependent question
            for question in self.flow.questions(index):
                if question.kind.value != "choice" or state.answers.get(question.field) not in (None, ""):
                    continue
                codes = [c.code for c in self.flow.catalog.code_list(question.code_list or "").codes]
                state.answers[question.field] = next((c for c in (8, 99) if c in codes), codes[0])

    def through_members(self) -> None:
        while self.here is Step.MEMBER:
            self.next(Step.MEMBER if self.flow.current.member + 1 < len(self.flow.members) else Step.DUPLICATES)
        self.next(Step.REVIEW)

    def save(self) -> list[str]:
        assert self.here is Step.REVIEW
        return save_intake(self.session, self.flow.document()).personal_ids

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.session.conn.execute(sql, args).fetchall()]


@pytest.fixture
def fake_clock() -> FakeClock:
    """A fixed day, so the pack's terms give known dates (no command-line child here)."""
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def signed_in(vault_factory: Callable[[str], VaultInfo]) -> Iterator[Callable[..., Session]]:
    sessions: list[Session] = []

    def open_(pack: str, populations: str | None = None) -> Session:
        session = vault_factory(pack).sign_in()
        if populations is not None:
            session.conn.execute("UPDATE project SET populations = ? WHERE name = 'Emergency Shelter'",
                                 (populations,))
        sessions.append(session)
        return session

    yield open_
    for session in sessions:
        session.close()


def clauses(problems: list[Problem]) -> set[str]:
    return {p.clause for p in problems if p.clause}


# -- one flow per pack situation, first step to a saved intake --------------------------------


def test_ct_adult_alone_with_written_consent(signed_in: Callable[..., Session]) -> None:
    """CT-207-2/3 (script before data), CT-207-8/9 (a release names with whom and until
    when), CT-207-7 (written consent is signed), CT-207-5 (the member's answers)."""
    walk = Walk(signed_in("ct"))
    walk.flow.consent.sharing = "shared"
    problems = walk.next(Step.SHARING)
    assert {"CT-207-8", "CT-207-9"} <= clauses(problems), "sharing needs a release, with whom and an expiry"
    consent = walk.flow.consent
    consent.shared_with, consent.shared_information = "CoC partner agencies", "name, date of birth"
    consent.expires_on, consent.release_to_share_signed = "2027-03-01", True
    walk.next(Step.CONSENT)
    assert "CT-207-7" in clauses(walk.next(Step.CONSENT)), "a written consent is signed"
    consent.paper_attested = True
    walk.next(Step.HOUSEHOLD)
    walk.next(Step.MEMBER)
    assert walk.next(Step.MEMBER), "the member's required answers hold Next"
    walk.member(0, ADULT)
    walk.through_members()
    assert len(walk.save()) == 1
    assert walk.rows("SELECT first_name, last_name FROM person") == [("Brisa", "Larkspurrow")]
    assert walk.rows("SELECT method, sharing, expires_on FROM consent") == [("written", "shared", "2027-03-01")]
    assert {"person", "enrollment", "consent"} <= {r[0] for r in walk.rows("SELECT entity FROM outbox")}


def test_mo_family_with_a_child_under_one_roi(signed_in: Callable[..., Session]) -> None:
    """MO-ROI-10: the ROI's term is the pack's (one year, to the day before); MO-ROI-3:
    one ROI covers the household, a consent row per member."""
    walk = Walk(signed_in("mo"), "Emergency Shelter")
    assert walk.flow.fixed_term and walk.flow.expiry() == "2027-03-01"
    consent = walk.flow.consent
    consent.sharing, consent.shared_with, consent.shared_information = "shared", "Missouri partners", "name"
    walk.next(Step.CONSENT)
    consent.paper_attested = True
    walk.next(Step.HOUSEHOLD)
    child = walk.flow.add_member()
    walk.flow.members[child].answers["RelationshipToHoH"] = 2
    assert [r.step for r in walk.flow.steps()].count(Step.MEMBER) == 2, "one member step per person"
    walk.next(Step.MEMBER)
    walk.member(0, ADULT)
    walk.next(Step.MEMBER)
    assert walk.flow.current == StepRef(Step.MEMBER, 1)
    assert walk.flow.carry_over(1) == ["EnrollmentCoC"], "the household enters in the head's CoC"
    assert walk.flow.members[1].answers["EnrollmentCoC"] == ADULT["EnrollmentCoC"]
    walk.member(1, CHILD)
    assert "VeteranStatus" not in {q.field for q in walk.flow.questions(1)}, "3.07 is asked of adults only"
    walk.through_members()
    assert len(walk.save()) == 2
    assert walk.rows("SELECT count(*), count(DISTINCT expires_on) FROM consent") == [(2, 1)]
    assert sorted(r[0] for r in walk.rows("SELECT relationship_to_hoh FROM enrollment")) == [1, 2]
    assert len(walk.rows("SELECT DISTINCT household_id FROM enrollment")) == 1


def test_ct_207_1_declined_consent_ends_with_nothing_recorded(signed_in: Callable[..., Session]) -> None:
    """CT-207-1: no data without consent; the refusal's last step is "nothing was
    recorded", which has no Next, and the core refuses the document too."""
    walk = Walk(signed_in("ct"))
    walk.flow.consent.method = "declined"
    assert [r.step for r in walk.flow.steps()] == [Step.PROJECT, Step.SCRIPT, Step.SHARING, Step.DECLINED]
    walk.next(Step.DECLINED)
    assert not walk.flow.is_complete(walk.flow.current), "Finish, not Next"
    assert "CT-207-1" in clauses(walk.flow.problems())
    with pytest.raises(IntakeRefused) as refused:
        save_intake(walk.session, walk.flow.document())
    assert "CT-207-1" in clauses(refused.value.problems)
    for table in ("person", "enrollment", "consent", "outbox"):
        assert walk.rows(f"SELECT count(*) FROM {table}") == [(0,)], table


def test_mo_roi_8_declined_consent_locks_the_household(signed_in: Callable[..., Session]) -> None:
    """MO-ROI-8: a refusal has nothing to sign and asks no expiry; the household is
    recorded locked."""
    walk = Walk(signed_in("mo"))
    walk.flow.consent.method = "declined"
    assert not walk.flow.expiry_asked()
    walk.next(Step.HOUSEHOLD)
    walk.next(Step.MEMBER)
    walk.member(0, ADULT)
    walk.through_members()
    assert "expires_on" not in walk.flow.build_document()["consent"]
    walk.save()
    assert walk.rows("SELECT method, sharing, expires_on FROM consent") == [("declined", "not_shared", None)]
    assert walk.rows("SELECT locked FROM enrollment") == [(1,)]


def test_vt_3_4_1_declined_consent_goes_on_not_shared(signed_in: Callable[..., Session]) -> None:
    """VT-3.4-1: Vermont collects without consent to share; a refusal goes on Not Shared,
    the household not locked."""
    walk = Walk(signed_in("vt"))
    walk.flow.consent.method = "declined"
    walk.flow.consent.sharing = "shared"  # chosen before the refusal: a refusal shares nothing
    walk.next(Step.HOUSEHOLD)
    walk.next(Step.MEMBER)
    walk.member(0, ADULT)
    walk.through_members()
    walk.save()
    assert walk.rows("SELECT method, sharing FROM consent") == [("declined", "not_shared")]
    assert walk.rows("SELECT locked FROM enrollment") == [(0,)]


def test_mo_roi_10_an_expired_roi_is_refused(signed_in: Callable[..., Session]) -> None:
    """MO-ROI-10: an ROI signed more than a year before the data does not cover it. The
    flow holds the consent step; a save of an intake whose ROI is that old (a draft
    resumed late) is refused with the clause as a field of the refusal, nothing is
    stored, and the refusal leads back to the data it holds; a current ROI then saves."""
    walk = Walk(signed_in("mo"))
    walk.flow.consent.sharing = "not_shared"
    walk.next(Step.CONSENT)
    walk.flow.consent.paper_attested = True
    walk.flow.consent.consent_date = "2025-02-01"
    assert "MO-ROI-10" in clauses(walk.next(Step.CONSENT))
    walk.flow.consent.consent_date = walk.flow.today.isoformat()
    walk.next(Step.HOUSEHOLD)
    walk.next(Step.MEMBER)
    walk.member(0, ADULT)
    walk.through_members()
    walk.flow.consent.consent_date = "2025-02-01"
    with pytest.raises(IntakeRefused) as refused:
        walk.save()
    assert walk.rows("SELECT count(*) FROM person") == [(0,)]
    shown = walk.flow.back_to(refused.value.problems)
    # The core holds the member's data, dated their project start: the refusal shows there.
    assert walk.flow.current == StepRef(Step.MEMBER, 0) and "MO-ROI-10" in clauses(shown)
    walk.flow.consent.consent_date = walk.flow.today.isoformat()
    while walk.here is not Step.REVIEW:
        walk.next(Step.REVIEW if walk.here is Step.DUPLICATES else
                  Step.DUPLICATES if walk.here is Step.MEMBER else
                  Step.MEMBER if walk.here is Step.HOUSEHOLD else Step.HOUSEHOLD)
    walk.save()
    assert walk.rows("SELECT signed_on FROM consent") == [(walk.flow.today.isoformat(),)]


def test_vt_3_1_2_a_dv_project_is_forced_not_shared(signed_in: Callable[..., Session]) -> None:
    """VT-3.1-2: a domestic-violence project's records are Not Shared whatever was asked;
    VT-3.4-14: a minor head of household sends the worker back to who consents. Asking
    what would become of a request to share leaves the worker's answers as they were."""
    walk = Walk(signed_in("vt", '["dv"]'), "Emergency Shelter")
    before = asdict(walk.flow.consent)
    locks = walk.flow.sharing_locks()
    assert [(lock.kind, lock.clause) for lock in locks] == [("populations", "VT-3.1-2")]
    assert asdict(walk.flow.consent) == before, "the question was asked of a copy"
    walk.next(Step.CONSENT)
    walk.flow.consent.paper_attested = True
    walk.next(Step.HOUSEHOLD)
    walk.next(Step.MEMBER)
    walk.member(0, {**ADULT, "DOB": "2010-02-02"})
    assert "VT-3.4-14" in clauses(walk.next(Step.SHARING)), "a minor's release is a guardian's"
    walk.flow.consent.signer_is_guardian = True
    walk.next(Step.CONSENT)
    while walk.here is not Step.MEMBER:
        walk.next(Step.MEMBER if walk.here is Step.HOUSEHOLD else Step.HOUSEHOLD)
    walk.through_members()
    walk.save()
    assert walk.rows("SELECT sharing FROM consent") == [("not_shared",)]


# -- the table, the state and the typed problems ----------------------------------------------


@pytest.mark.parametrize("pack", PACKS)
def test_a_refusal_branches_as_the_pack_says(signed_in: Callable[..., Session], pack: str) -> None:
    """CT-207-1 ends a refused intake; MO-ROI-8 and VT-3.4-1 go on without the signature
    step. Resolved from the step table, the state and the pack alone."""
    flow = Walk(signed_in(pack)).flow
    agreed = [r.step for r in flow.steps()]
    assert agreed == [Step.PROJECT, Step.SCRIPT, Step.SHARING, Step.CONSENT, Step.HOUSEHOLD, Step.MEMBER,
                      Step.DUPLICATES, Step.REVIEW]
    flow.consent.method = "declined"
    refused = [r.step for r in flow.steps()]
    if flow.declined_refuses_data():
        assert refused == [Step.PROJECT, Step.SCRIPT, Step.SHARING, Step.DECLINED]
    else:
        assert refused == [s for s in agreed if s is not Step.CONSENT]


@pytest.mark.parametrize("pack", PACKS)
def test_a_draft_is_the_state_and_comes_back_whole(signed_in: Callable[..., Session], pack: str) -> None:
    walk = Walk(signed_in(pack))
    walk.flow.consent.witness = "Odo Fennimore"
    walk.flow.members[0].answers.update(FirstName="Brisa")
    payload = walk.flow.to_payload()
    again = IntakeFlow(walk.flow.pack, walk.flow.projects, walk.flow.now)
    assert not again.has_typing
    again.restore(payload)
    assert again.state == walk.flow.state and again.current == walk.flow.current
    walk.flow.forget()
    assert not walk.flow.has_typing and again.members[0].answers["FirstName"] == "Brisa"


def test_an_unreadable_answer_is_a_problem_with_its_path(signed_in: Callable[..., Session]) -> None:
    """A date that is not a date is reported from the document's own (path, message)
    pairs, beside the field, never by reading an exception's text."""
    walk = Walk(signed_in("ct"))
    walk.flow.consent.consent_date = "yesterday"
    problems, _decisions = walk.flow.check()
    assert problems and all(p.path.startswith("consent.signed_on") for p in problems)
    assert not problems[0].message.startswith("consent.signed_on")
    assert walk.flow.step_of(problems[0].path) == StepRef(Step.CONSENT)


def test_candidates_are_found_for_values_on_a_worker_connection(signed_in: Callable[..., Session]) -> None:
    """The duplicate step's search is a plain function of values and a connection, so a
    page can run it on a second connection off the UI thread."""
    walk = Walk(signed_in("vt"))
    walk.next(Step.CONSENT)
    walk.flow.consent.paper_attested = True
    walk.next(Step.HOUSEHOLD)
    walk.next(Step.MEMBER)
    walk.member(0, ADULT)
    walk.through_members()
    walk.save()
    again = Walk(walk.session)
    again.flow.members[0].answers.update(FirstName="Brisa", LastName="Larkspurrow", DOB="1984-07-09")
    values = again.flow.duplicate_values(0)
    assert values == {"first_name": "Brisa", "last_name": "Larkspurrow", "dob": "1984-07-09"}
    with walk.session.worker() as worker:
        found = find_candidates(worker.conn, values)
    assert [c.person.last_name for c in found] == ["Larkspurrow"]
    assert find_candidates(walk.session.conn, {}) == [], "no name: nothing to compare"
