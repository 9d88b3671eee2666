"""Duplicate detection: is this person already on the device?

Field workers meet people who give a nickname one day and the full name the next,
swap first and last names, drop half of a hyphenated surname, or have a DOB typed
day-first. The checker finds candidates through the search index (exact tokens of
the date of birth and its usual misreadings, and of the SSN's last 4) and scores each
pair with reasons, so the worker sees why a candidate is suggested and decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import jellyfish
from rapidfuzz.distance import JaroWinkler

from app.domain.person import PERSON_COLUMNS, Person, person_from_row
from app.rules.names import same_given_name, words
from app.vault.connection import Connection

SUGGEST_AT = 0.55  # score from which a pair is shown as a possible duplicate
LIKELY_AT = 0.8
# What each kind of agreement adds to a pair's score (times how close it is).
_SWAPPED = 0.45
_SURNAME = 0.25
_GIVEN = 0.2
_DOB = 0.3


@dataclass(frozen=True)
class Candidate:
    person: Person
    score: float
    reasons: tuple[str, ...]

    @property
    def likely(self) -> bool:
        return self.score >= LIKELY_AT


@dataclass
class _Score:
    points: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        self.points += points
        self.reasons.append(reason)


def _name_similarity(a: str, b: str) -> float:
    return float(JaroWinkler.similarity(a, b)) if a and b else 0.0


def _surname_match(a: list[str], b: list[str]) -> tuple[float, str] | None:
    """Whole surname, one half of a hyphenated/compound surname, or a typo."""
    if not a or not b:
        return None
    joined_a, joined_b = "".join(a), "".join(b)
    if joined_a == joined_b:
        return 1.0, "same last name"
    if set(a) & set(b):
        return 0.85, "shares part of a compound last name"
    best = _name_similarity(joined_a, joined_b)
    if best >= 0.9:
        return best * 0.9, "last name spelled alike"
    if jellyfish.metaphone(joined_a) == jellyfish.metaphone(joined_b):
        return 0.7, "last name sounds alike"
    return None


def _given_match(a: str, b: str) -> tuple[float, str] | None:
    if not a or not b:
        return None
    if a == b:
        return 1.0, "same first name"
    if same_given_name(a, b):
        return 0.9, "first name is a nickname of the other"
    similarity = _name_similarity(a, b)
    if similarity >= 0.88:
        return similarity * 0.9, "first name spelled alike"
    if jellyfish.metaphone(a) == jellyfish.metaphone(b):
        return 0.65, "first name sounds alike"
    return None


def _dob_match(a: str | None, b: str | None) -> tuple[float, str] | None:
    if not a or not b:
        return None
    if a == b:
        return 1.0, "same date of birth"
    try:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:
        return None
    if da.year == db.year and da.month == db.day and da.day == db.month:
        return 0.8, "date of birth with day and month swapped"
    if (da.month, da.day) == (db.month, db.day) and abs(da.year - db.year) in (1, 10):
        return 0.6, "date of birth differs only in the year"
    if da.year == db.year and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return 0.6, "date of birth differs by one digit"
    return None


def score_pair(new: Person, existing: Person) -> Candidate | None:
    first_a, first_b = " ".join(words(new.first_name)), " ".join(words(existing.first_name))
    last_a, last_b = words(new.last_name), words(existing.last_name)
    score = _Score()

    given = _given_match(first_a, first_b)
    surname = _surname_match(last_a, last_b)
    # First and last swapped on one of the forms.
    swapped = bool(
        (given is None or surname is None) and first_a and last_b
        and _given_match(first_a, " ".join(last_b)) and _given_match(" ".join(last_a), first_b)
    )
    if swapped:
        score.add(_SWAPPED, "first and last names swapped")
    else:
        if surname:
            score.add(_SURNAME * surname[0], surname[1])
        if given:
            score.add(_GIVEN * given[0], given[1])

    dob = _dob_match(new.dob, existing.dob)
    if dob:
        score.add(_DOB * dob[0], dob[1])
    if new.ssn_last4 and existing.ssn_last4:
        if new.ssn_last4 == existing.ssn_last4:
            if new.ssn and existing.ssn and new.ssn == existing.ssn:
                score.add(0.35, "same SSN")
            else:
                score.add(0.25, "same SSN last 4")
        elif new.ssn and existing.ssn and new.ssn != existing.ssn and len(new.ssn) == len(existing.ssn) == 9:
            score.add(-0.2, "different SSN")
    total = round(min(1.0, max(0.0, score.points)), 3)
    if total < SUGGEST_AT:
        return None
    return Candidate(existing, total, tuple(score.reasons))


# The most the names alone can add: a swap (0.45) or last name (0.25) plus first
# name (0.2). It is below SUGGEST_AT, so a pair is only ever suggested when the
# dates of birth or the SSN's last 4 also agree; the candidates are exactly the
# people whose date of birth is one of ``dob_variants`` or whose SSN ends alike.
NAME_POINTS_MAX = max(_SWAPPED, _SURNAME + _GIVEN)


def dob_variants(dob: str) -> list[str]:
    """Every date of birth ``_dob_match`` accepts for ``dob``: the same, day and month
    swapped, a year off by 1 or 10, or one digit of the month or day different."""
    try:
        d = date.fromisoformat(dob)
    except ValueError:
        return [dob]
    iso = d.isoformat()
    found = {iso}
    candidates = [(d.year, d.day, d.month)] + [(d.year + k, d.month, d.day) for k in (-10, -1, 1, 10)]
    for position in (5, 6, 8, 9):
        for digit in "0123456789":
            text = iso[:position] + digit + iso[position + 1:]
            candidates.append((int(text[:4]), int(text[5:7]), int(text[8:10])))
    for year, month, day in candidates:
        try:
            found.add(date(year, month, day).isoformat())
        except ValueError:
            continue
    return sorted(found)


def _blocking_query(person: Person) -> str | None:
    """An FTS5 query (exact tokens, no prefixes) for everyone who could score
    ``SUGGEST_AT``: a date of birth ``_dob_match`` accepts, or the same SSN last 4."""
    terms: list[str] = []
    if person.dob:
        terms.extend(f'dob : "{variant.replace("-", "")}"' for variant in dob_variants(person.dob)
                     if variant.replace("-", "").isdigit())
    if person.ssn_last4:
        terms.append(f'ssn4 : "{person.ssn_last4}"')
    return " OR ".join(terms) if terms else None


def find_duplicates(conn: Connection, person: Person, limit: int = 10, scan_cap: int = 5000) -> list[Candidate]:
    """Ranked possible duplicates of ``person`` among the people stored on the device.

    The index gives the few people who share a date of birth (or one of its usual
    misreadings) or the SSN's last 4 (about 200 at 100,000 people); each is scored.
    A name alone never reaches ``SUGGEST_AT`` (``NAME_POINTS_MAX``), so no one who
    could be suggested is left out.
    """
    query = _blocking_query(person)
    if query is None:
        return []
    rows = conn.execute(
        f"SELECT {', '.join('p.' + c for c in PERSON_COLUMNS)} FROM person p"
        " WHERE p.id IN (SELECT rowid FROM person_search WHERE person_search MATCH ? LIMIT ?)"
        " AND p.deleted_at IS NULL AND p.personal_id != ?",
        (query, scan_cap, person.personal_id),
    ).fetchall()
    candidates = [c for row in rows if (c := score_pair(person, person_from_row(row))) is not None]
    candidates.sort(key=lambda c: -c.score)
    return candidates[:limit]
