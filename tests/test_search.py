"""Find people by name, partial name, nickname, DOB or SSN last 4, through the FTS5
index and never a LIKE scan of encrypted pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ON_FILE, granted_by_lead, make_vault, synthetic_person

from app.clock import FakeClock
from app.errors import PermissionDenied
from app.people import open_person, save_new_person, update_person
from app.search import SearchHit, build_match, search
from app.search_service import find_people
from app.security.users import add_user
from app.session import Session
from app.vault.connection import transaction

PEOPLE = [
    # key, first, middle, last, dob, ssn
    ("jose", "José", None, "Álvarez-Núñez", "1984-07-09", "900125566"),
    ("zoe", "Zoë", "Brontë", "Čapek", "1992-12-01", "900207788"),
    ("william", "William", None, "Quarkstone", "1984-03-15", "900309911"),
    ("robert", "Robert", None, "Quarkstone", "2010-07-09", None),
    ("margo", "Marguerite", None, "Thistlebottom", "1955-01-30", "900401984"),
    ("quill", "Quillon", None, "Pemberwick", None, "900505566"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, dict[str, str]]]:
    info = make_vault(tmp_path_factory.mktemp("search") / "data", "ct",
                      FakeClock(datetime.now(UTC).replace(microsecond=0)))
    session = info.sign_in()
    ids: dict[str, str] = {}
    for key, first, middle, last, dob, ssn in PEOPLE:
        person = synthetic_person(first, last, middle_name=middle, dob=dob, ssn=ssn)
        ids[key] = save_new_person(session, person, basis=ON_FILE)
    try:
        yield session, ids
    finally:
        session.close()


def found(session: Session, text: str) -> set[str]:
    return {h.personal_id for h in search(session.conn, text)}


def keys(ids: dict[str, str], *names: str) -> set[str]:
    return {ids[n] for n in names}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Quarkstone", ("william", "robert")),
        ("quark", ("william", "robert")),
        ("QUA", ("william", "robert")),
        ("q", ("william", "robert", "quill")),
        ("Will Quark", ("william",)),
        ("quarkstone william", ("william",)),
        ("Thistle", ("margo",)),
        ("Pemberwick, Quillon", ("quill",)),
        ("Nobody", ()),
    ],
)
def test_names_and_partial_names(world: tuple[Session, dict[str, str]], query: str, expected: tuple[str, ...]) -> None:
    session, ids = world
    assert found(session, query) == keys(ids, *expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jose", ("jose",)),
        ("José", ("jose",)),
        ("JOSE", ("jose",)),
        ("alvarez", ("jose",)),
        ("Álv", ("jose",)),
        ("nunez", ("jose",)),
        ("Núñez", ("jose",)),
        ("zoe", ("zoe",)),
        ("bronte", ("zoe",)),
        ("capek", ("zoe",)),
        ("Čapek Zoë", ("zoe",)),
    ],
)
def test_accents_either_way(world: tuple[Session, dict[str, str]], query: str, expected: tuple[str, ...]) -> None:
    session, ids = world
    assert found(session, query) == keys(ids, *expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bill", ("william",)),
        ("billy quark", ("william",)),
        ("Bob", ("robert",)),
        ("bob quarkstone", ("robert",)),
        ("Liam", ("william",)),
    ],
)
def test_nicknames(world: tuple[Session, dict[str, str]], query: str, expected: tuple[str, ...]) -> None:
    session, ids = world
    assert found(session, query) == keys(ids, *expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("1984-07-09", ("jose",)),
        ("07/09/1984", ("jose",)),
        ("7/9/1984", ("jose",)),
        ("7-9-1984", ("jose",)),
        ("07.09.1984", ("jose",)),
        ("1984-7-9", ("jose",)),
        ("2010-07-09", ("robert",)),
        ("19840709", ("jose",)),
        ("1984", ("jose", "william", "margo")),  # birth year, or SSN last 4 (Marguerite's)
        ("1955-01-30", ("margo",)),
        ("02/30/1984", ()),  # no such date: nothing, and no error
    ],
)
def test_dates_of_birth(world: tuple[Session, dict[str, str]], query: str, expected: tuple[str, ...]) -> None:
    session, ids = world
    assert found(session, query) == keys(ids, *expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("5566", ("jose", "quill")),
        ("9911", ("william",)),
        ("7788 zoe", ("zoe",)),
        ("5566 pember", ("quill",)),
        ("0000", ()),
    ],
)
def test_ssn_last_four(world: tuple[Session, dict[str, str]], query: str, expected: tuple[str, ...]) -> None:
    session, ids = world
    assert found(session, query) == keys(ids, *expected)


def test_hits_carry_the_fields_the_list_shows(world: tuple[Session, dict[str, str]]) -> None:
    session, ids = world
    (hit,) = search(session.conn, "Thistlebottom")
    assert hit == SearchHit(ids["margo"], "Marguerite", "Thistlebottom", "1955-01-30", "1984", False)
    (hit,) = search(session.conn, "Robert")
    assert hit.ssn_last4 is None


def test_the_full_ssn_and_middle_digits_are_not_searchable(world: tuple[Session, dict[str, str]]) -> None:
    session, _ = world
    assert found(session, "900125566") == set()
    assert found(session, "12556") == set()


def test_search_uses_the_fts_index_not_like(world: tuple[Session, dict[str, str]]) -> None:
    session, _ids = world
    statements: list[str] = []
    session.conn.set_trace_callback(statements.append)
    try:
        for text in ("quark", "1984-07-09", "5566", "Bill"):
            search(session.conn, text)
            search(session.conn, text, exclude_user_conflicts=session.user.user_id)
    finally:
        session.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")
               and "conflict_declaration" not in s]
    assert len(selects) >= 8
    for sql in selects:
        assert "person_search MATCH" in sql
        assert " LIKE " not in sql.upper()
        plan = " | ".join(row[3] for row in session.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "VIRTUAL TABLE INDEX" in plan, plan
        assert not re.search(r"SCAN (p|person)( |$)", plan), "never a scan of the person table: " + plan
        assert "SEARCH p USING INTEGER PRIMARY KEY" in plan, plan


def test_service_applies_conflicts_and_roles(tmp_path_factory: pytest.TempPathFactory) -> None:
    info = make_vault(tmp_path_factory.mktemp("svc") / "data", "vt",
                      FakeClock(datetime.now(UTC).replace(microsecond=0)))
    admin = info.sign_in()
    try:
        pid = save_new_person(admin, synthetic_person("Servicefirst", "Servicelast"), basis=ON_FILE)
        add_user(admin, "otto.operator", "Otto", "system_operator", "Opera!Tor77xqz",
                 access_completed_on=admin.clock.now().date(), lead_grant=granted_by_lead)
        assert {h.personal_id for h in find_people(admin, "Servicelast")} == {pid}
    finally:
        admin.close()
    operator = info.sign_in("otto.operator", "Opera!Tor77xqz")
    try:
        with pytest.raises(PermissionDenied):
            find_people(operator, "Servicelast")  # VT-ROLE-7: never sees client records
    finally:
        operator.close()


def test_edits_and_deletions_keep_the_index_current(world: tuple[Session, dict[str, str]]) -> None:
    session, _ = world
    pid = save_new_person(session, synthetic_person("Renamable", "Oldsurname", dob="1999-09-09"), basis=ON_FILE)
    assert found(session, "Oldsurname") == {pid}
    person = open_person(session, pid)
    person.last_name = "Newsurname"
    update_person(session, person, basis=ON_FILE)
    assert found(session, "Oldsurname") == set()
    assert found(session, "Newsurname") == {pid}
    assert found(session, "1999-09-09") == {pid}
    with transaction(session.conn) as conn:
        conn.execute("UPDATE person SET deleted_at = ? WHERE personal_id = ?", ("2026-01-01", pid))
    assert found(session, "Newsurname") == set()


def test_limit(world: tuple[Session, dict[str, str]]) -> None:
    session, _ = world
    assert len(search(session.conn, "q", limit=2)) == 2


def test_whole_name_matches_come_before_names_that_only_start_with_it(tmp_path: Path) -> None:
    """Typing "Mar" shows the people called Mar first, however many Marlowes, Martas
    and Marcuses there are, and each group in name order."""
    info = make_vault(tmp_path / "data", "ct", FakeClock(datetime.now(UTC).replace(microsecond=0)))
    session = info.sign_in()
    try:
        longer = [save_new_person(session, synthetic_person(f"Mar{suffix}", "Zedwick"), basis=ON_FILE)
                  for suffix in ("lowe", "ta", "cus", "isol", "guerite")]
        exact_b = save_new_person(session, synthetic_person("Mar", "Bellweather"), basis=ON_FILE)
        exact_a = save_new_person(session, synthetic_person("Mar", "Abernook"), basis=ON_FILE)
        hits = search(session.conn, "mar", limit=4)
        assert [h.personal_id for h in hits[:2]] == [exact_a, exact_b]
        assert len(hits) == 4 and {h.personal_id for h in hits[2:]} <= set(longer)
        everyone = search(session.conn, "mar", limit=50)
        assert len(everyone) == 7 and [h.first_name for h in everyone[2:]] == sorted(h.first_name for h in everyone[2:])
        with transaction(session.conn) as conn:
            conn.execute("UPDATE person SET deleted_at = ? WHERE personal_id = ?", ("2026-01-01", exact_a))
        assert [h.personal_id for h in search(session.conn, "mar", limit=1)] == [exact_b]
    finally:
        session.close()


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\"", "*", "()", "-", "^:", "_"])
def test_nothing_to_find(world: tuple[Session, dict[str, str]], text: str) -> None:
    session, _ = world
    assert search(session.conn, text) == []
    assert build_match(text) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_arbitrary_query_text_never_raises(world: tuple[Session, dict[str, str]], text: str) -> None:
    session, ids = world
    hits = search(session.conn, text)
    assert isinstance(hits, list) and all(isinstance(h, SearchHit) for h in hits)
    # Whatever is typed, a hit is a person who exists, once, and matches what was typed
    # in a field the search covers (never the middle digits of an SSN).
    assert {h.personal_id for h in hits} <= set(ids.values())
    assert len({h.personal_id for h in hits}) == len(hits)
    if not text.strip():
        assert hits == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['"', "*", "^", ":", "(", ")", "-", "+", "AND", "OR", "NOT", "NEAR",
                                 "names", "ssn4", "dob", "{", "}", "1984", "07/09/1984", "é", "ß", "İ",
                                 "\u0301", "\x00", "ｑｕａｒｋ", "٣٤٥٦", "²"]), max_size=8).map(" ".join))
def test_fts_syntax_in_queries_never_raises(world: tuple[Session, dict[str, str]], text: str) -> None:
    session, ids = world
    hits = search(session.conn, text)
    assert {h.personal_id for h in hits} <= set(ids.values())
