"""Duplicate matching on a set of tricky synthetic pairs, and through the index."""

from __future__ import annotations

import pytest
from support import ON_FILE

from app.domain.person import Person
from app.rules.duplicates import find_duplicates, score_pair


def p(first: str | None, last: str | None, dob: str | None = None, ssn: str | None = None) -> Person:
    return Person(first_name=first, last_name=last, dob=dob, ssn=ssn)


SAME_PERSON = [
    ("nickname", p("William", "Quillby", "1980-03-04"), p("Bill", "Quillby", "1980-03-04")),
    ("hyphenated", p("Aspen", "Moss-Hollow", "1975-06-07"), p("Aspen", "Hollow", "1975-06-07")),
    ("swapped names", p("Fernwick", "Tansy", "1990-01-02"), p("Tansy", "Fernwick", "1990-01-02")),
    ("dob day/month", p("Juniper", "Brookdale", "1985-05-11"), p("Juniper", "Brookdale", "1985-11-05")),
    ("accents", p("Jose", "Ramirez", "1970-01-01"), p("José", "Ramírez", "1970-01-01")),
    ("typo + ssn", p("Cedar", "Larchwood", "1960-02-02", "900112222"),
     p("Cedar", "Larchwod", "1960-02-02", "900112222")),
    ("ssn last 4, no dob", p("Sorrel", "Thistledown", None, "900113333"),
     p("Sorrel", "Thistledown", None, "912343333")),
]
DIFFERENT_PEOPLE = [
    ("same surname only", p("Aspen", "Moss", "1980-01-01"), p("Rowan", "Moss", "1992-07-07")),
    ("same first name only", p("Aspen", "Moss", "1980-01-01"), p("Aspen", "Whistlewood", "1955-09-09")),
    ("siblings", p("Ivy", "Marshbottom", "2012-04-04"), p("Iris", "Marshbottom", "2014-08-08")),
]


@pytest.mark.parametrize(("why", "a", "b"), SAME_PERSON, ids=[c[0] for c in SAME_PERSON])
def test_same_person_pairs_are_suggested_with_reasons(why: str, a: Person, b: Person) -> None:
    candidate = score_pair(a, b)
    assert candidate is not None, why
    assert candidate.reasons


@pytest.mark.parametrize(("why", "a", "b"), DIFFERENT_PEOPLE, ids=[c[0] for c in DIFFERENT_PEOPLE])
def test_different_people_are_not_suggested(why: str, a: Person, b: Person) -> None:
    assert score_pair(a, b) is None, why


def test_swapped_names_are_explained() -> None:
    candidate = score_pair(p("Fernwick", "Tansy", "1990-01-02"), p("Tansy", "Fernwick", "1990-01-02"))
    assert candidate is not None and "first and last names swapped" in candidate.reasons


def test_find_duplicates_uses_the_index_and_ranks(admin_session) -> None:  # type: ignore[no-untyped-def]
    from app.people import save_new_person

    session = admin_session
    save_new_person(session, p("William", "Quillby", "1980-03-04", "900114321"), basis=ON_FILE)
    save_new_person(session, p("Wilma", "Quillby", "1949-12-12"), basis=ON_FILE)
    save_new_person(session, p("Rowan", "Tansyfield", "1980-03-04"), basis=ON_FILE)
    found = find_duplicates(session.conn, p("Bill", "Quilby", "1980-03-04"))
    assert found, "the nickname with a typo in the surname should be found"
    assert found[0].person.first_name == "William"
    assert all(c.person.first_name != "Rowan" for c in found)


def test_names_alone_never_reach_a_suggestion() -> None:
    """Why the index is asked only for dates of birth and SSN last 4: the most the
    names can add stays below the score from which a pair is shown."""
    from app.rules.duplicates import NAME_POINTS_MAX, SUGGEST_AT

    assert NAME_POINTS_MAX < SUGGEST_AT
    assert score_pair(p("Aspen", "Moss"), p("Aspen", "Moss")) is None


def test_every_date_of_birth_the_score_accepts_is_looked_up() -> None:
    from app.rules.duplicates import dob_variants

    variants = set(dob_variants("1985-05-11"))
    for other in ("1985-05-11", "1985-11-05", "1984-05-11", "1995-05-11", "1985-05-17", "1985-06-11"):
        assert other in variants, other
        assert score_pair(p("Juniper", "Brookdale", "1985-05-11"), p("Juniper", "Brookdale", other)) is not None
    assert "1985-13-11" not in variants and "1985-05-41" not in variants


def test_find_duplicates_through_the_index_finds_misread_dates_and_ssn(admin_session) -> None:  # type: ignore[no-untyped-def]
    from app.people import save_new_person

    session = admin_session
    save_new_person(session, p("Juniper", "Brookdale", "1985-11-05"), basis=ON_FILE)
    save_new_person(session, p("Sorrel", "Thistledown", "1971-02-03", "900113333"), basis=ON_FILE)
    save_new_person(session, p("Juniper", "Brookdale", "1962-08-30"), basis=ON_FILE)
    found = find_duplicates(session.conn, p("Juniper", "Brookdale", "1985-05-11"))
    assert [c.person.dob for c in found] == ["1985-11-05"], "day and month swapped; the namesake is not shown"
    found = find_duplicates(session.conn, p("Sorrel", "Thistledown", None, "912343333"))
    assert [c.person.first_name for c in found] == ["Sorrel"]
