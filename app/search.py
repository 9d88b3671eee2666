"""Find people by name, partial name, date of birth or SSN last 4.

Everything goes through the FTS5 index (prefix queries), never ``LIKE '%…%'`` over
encrypted pages, so a query costs about the same at 500 or 500,000 people.

Three typed letters can match thousands of people at 100,000. Ranking all of them
(bm25) and sorting them by name before taking the first page cost 30-140 ms on a
two-core laptop, and bm25 says little about a prefix match anyway. So the page is
filled in two steps, each reading the index in rowid order and stopping as soon as
the page is full: people with a whole name word equal to what was typed first, then
those whose name merely starts with it; each step's people sorted by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.domain.person import Person
from app.rules.names import canonical, nickname_forms, words
from app.vault.connection import Connection

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_US_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def name_tokens(person: Person) -> str:
    tokens: list[str] = []
    for part in (person.first_name, person.middle_name, person.last_name, person.name_suffix):
        tokens.extend(words(part))
    # "Bill" finds "William" and the other way round: index every form of the name.
    extra = [form for w in tokens for form in (*nickname_forms(w), canonical(w)) if form != w]
    return " ".join(tokens + extra)


def dob_token(dob: str | None) -> str:
    return dob.replace("-", "") if dob else ""


def index_person(conn: Connection, rowid: int, person: Person, replace: bool = False) -> None:
    if replace:
        conn.execute("DELETE FROM person_search WHERE rowid = ?", (rowid,))
    conn.execute(
        "INSERT INTO person_search (rowid, names, dob, ssn4) VALUES (?, ?, ?, ?)",
        (rowid, name_tokens(person), dob_token(person.dob), person.ssn_last4 or ""),
    )


def _parse_date(text: str) -> str | None:
    for pattern, order in ((_ISO_DATE, (0, 1, 2)), (_US_DATE, (2, 0, 1))):
        match = pattern.match(text)
        if match:
            parts = match.groups()
            try:
                return date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]])).isoformat()
            except ValueError:
                return None
    return None


def build_match(text: str, whole_words: bool = False) -> str | None:
    """Turn what a worker typed into an FTS5 query; None when there is nothing to find.
    ``whole_words`` matches name words exactly instead of by prefix."""
    text = text.strip()
    if not text:
        return None
    as_date = _parse_date(text)
    if as_date:
        return f'dob : "{dob_token(as_date)}"'
    clauses = []
    for token in words(text):
        if token.isdigit():
            if len(token) == 4:
                # Four digits: SSN last 4 or a birth year.
                clauses.append(f'(ssn4 : "{token}" OR dob : "{token}"*)')
            elif len(token) == 8:
                clauses.append(f'dob : "{token}"')
            else:
                clauses.append(f'dob : "{token}"*')
        else:
            clauses.append(f'names : "{token}"' if whole_words else f'names : "{token}"*')
    return " AND ".join(clauses) if clauses else None


@dataclass(frozen=True)
class SearchHit:
    personal_id: str
    first_name: str | None
    last_name: str | None
    dob: str | None
    ssn_last4: str | None
    is_demo: bool


_PAGE_SQL = (
    "SELECT s.rid, p.personal_id, p.first_name, p.last_name, p.dob, p.ssn, p.is_demo, p.deleted_at"
    " FROM (SELECT rowid AS rid FROM person_search WHERE person_search MATCH ? AND rowid > ?"
    " ORDER BY rowid LIMIT ?) s JOIN person p ON p.id = s.rid"
)


def _hit(pid: str, first: str | None, last: str | None, dob: str | None, ssn: str | None, demo: int) -> SearchHit:
    last4 = ssn[-4:] if ssn and len(ssn) == 9 and ssn[-4:].isdigit() else None
    return SearchHit(pid, first, last, dob, last4, bool(demo))


def _collect(conn: Connection, query: str, wanted: int, skip: set[str], hidden: frozenset[str]) -> list[SearchHit]:
    """Up to ``wanted`` live people matching ``query``, reading the index a page at a time."""
    hits: list[SearchHit] = []
    after, page = 0, max(64, wanted * 2)
    while len(hits) < wanted:
        rows = conn.execute(_PAGE_SQL, (query, after, page)).fetchall()
        for rid, pid, first, last, dob, ssn, demo, deleted_at in rows:
            after = rid
            if deleted_at is None and pid not in skip and pid not in hidden:
                hits.append(_hit(pid, first, last, dob, ssn, demo))
                if len(hits) == wanted:
                    break
        if len(rows) < page:
            break
    hits.sort(key=lambda h: ((h.last_name or "").casefold(), (h.first_name or "").casefold(), h.personal_id))
    return hits


def search(conn: Connection, text: str, limit: int = 50,
           exclude_user_conflicts: str | None = None) -> list[SearchHit]:
    prefix_query = build_match(text)
    if prefix_query is None or limit <= 0:
        return []
    hidden: frozenset[str] = frozenset()
    if exclude_user_conflicts:
        hidden = frozenset(r[0] for r in conn.execute(
            "SELECT personal_id FROM conflict_declaration WHERE user_id = ?", (exclude_user_conflicts,)))
    exact_query = build_match(text, whole_words=True)
    hits: list[SearchHit] = []
    if exact_query != prefix_query:
        assert exact_query is not None
        hits = _collect(conn, exact_query, limit, set(), hidden)
    if len(hits) < limit:
        hits += _collect(conn, prefix_query, limit - len(hits), {h.personal_id for h in hits}, hidden)
    return hits
