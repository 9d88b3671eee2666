"""Find people by name, partial name, date of birth or SSN last 4.

Everything goes through the FTS5 index (prefix queries), never ``LIKE '%…%'`` over
encrypted pages, so a query costs about the same at 500 or 500,000 people.
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


def build_match(text: str) -> str | None:
    """Turn what a worker typed into an FTS5 query; None when there is nothing to find."""
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
            clauses.append(f'names : "{token}"*')
    return " AND ".join(clauses) if clauses else None


@dataclass(frozen=True)
class SearchHit:
    personal_id: str
    first_name: str | None
    last_name: str | None
    dob: str | None
    ssn_last4: str | None
    is_demo: bool


def search(conn: Connection, text: str, limit: int = 50,
           exclude_user_conflicts: str | None = None) -> list[SearchHit]:
    query = build_match(text)
    if query is None:
        return []
    sql = (
        "SELECT p.personal_id, p.first_name, p.last_name, p.dob, p.ssn, p.is_demo"
        " FROM person_search s JOIN person p ON p.id = s.rowid"
        " WHERE person_search MATCH ? AND p.deleted_at IS NULL"
    )
    params: list[object] = [query]
    if exclude_user_conflicts:
        sql += (" AND p.personal_id NOT IN (SELECT personal_id FROM conflict_declaration"
                " WHERE user_id = ?)")
        params.append(exclude_user_conflicts)
    sql += " ORDER BY s.rank, p.last_name, p.first_name LIMIT ?"
    params.append(limit)
    hits = []
    for pid, first, last, dob, ssn, demo in conn.execute(sql, params):
        last4 = ssn[-4:] if ssn and len(ssn) == 9 and ssn[-4:].isdigit() else None
        hits.append(SearchHit(pid, first, last, dob, last4, bool(demo)))
    return hits
