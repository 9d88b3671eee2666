"""Duplicate matching: precision and recall on generated tricky pairs, and the cost of
a check through the search index.

    python -m bench.duplicates_bench [--pairs 2000] [--people 10000] [--vault DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")

from app.demo import FIRST, LAST_A, LAST_B
from app.domain.person import Person
from app.rules.duplicates import find_duplicates, score_pair
from app.rules.names import NICKNAMES

FORMAL = tuple(NICKNAMES)


def base_person(rng: random.Random) -> Person:
    first = rng.choice(FIRST + FORMAL[:10]).capitalize()
    last = rng.choice(LAST_A) + rng.choice(LAST_B)
    dob = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
    ssn = "9" + "".join(str(rng.randint(0, 9)) for _ in range(8)) if rng.random() < 0.6 else None
    return Person(first_name=first, last_name=last, dob=dob.isoformat(), ssn=ssn)


def typo(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    i = rng.randint(1, len(text) - 2)
    kind = rng.choice(("drop", "swap", "double"))
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "swap":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + text[i] + text[i:]


def perturbations() -> dict[str, Callable[[Person, random.Random], Person]]:
    def nickname(p: Person, rng: random.Random) -> Person:
        formal = (p.first_name or "").lower()
        forms = NICKNAMES.get(formal)
        if forms:
            return replace(p, first_name=rng.choice(forms).capitalize())
        return replace(p, first_name=typo(p.first_name or "", rng))

    def swapped(p: Person, rng: random.Random) -> Person:
        return replace(p, first_name=p.last_name, last_name=p.first_name)

    def hyphen(p: Person, rng: random.Random) -> Person:
        return replace(p, last_name=f"{p.last_name}-{rng.choice(LAST_A)}")

    def dob_swap(p: Person, rng: random.Random) -> Person:
        d = date.fromisoformat(p.dob or "1980-01-01")
        if d.day <= 12 and d.day != d.month:
            return replace(p, dob=date(d.year, d.day, d.month).isoformat())
        return replace(p, dob=date(d.year + 1, d.month, min(d.day, 28)).isoformat())

    def surname_typo(p: Person, rng: random.Random) -> Person:
        return replace(p, last_name=typo(p.last_name or "", rng))

    def accents_and_case(p: Person, rng: random.Random) -> Person:
        return replace(p, first_name=(p.first_name or "").upper(), last_name=(p.last_name or "").replace("o", "ó"))

    def no_dob_same_ssn4(p: Person, rng: random.Random) -> Person:
        if p.ssn:
            return replace(p, dob=None, ssn="xxxxx" + p.ssn[-4:])
        return replace(p, dob=None)

    return {
        "nickname": nickname, "swapped names": swapped, "hyphenated": hyphen, "DOB day/month": dob_swap,
        "surname typo": surname_typo, "accents/case": accents_and_case, "no DOB": no_dob_same_ssn4,
    }


def negative(p: Person, rng: random.Random) -> Person:
    """Someone else who shares one thing: a relative, a namesake, a birthday."""
    other = base_person(rng)
    kind = rng.choice(("sibling", "namesake", "birthday"))
    if kind == "sibling":
        return replace(other, last_name=p.last_name)
    if kind == "namesake":
        return replace(other, first_name=p.first_name)
    return replace(other, dob=p.dob)


def measure_pairs(count: int, seed: int) -> None:
    rng = random.Random(seed)
    moves = perturbations()
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_positives = 0
    for _ in range(count):
        person = base_person(rng)
        name = rng.choice(list(moves))
        total[name] += 1
        if score_pair(moves[name](person, rng), person) is not None:
            found[name] += 1
        if score_pair(negative(person, rng), person) is not None:
            false_positives += 1
    true_positives = sum(found.values())
    precision = true_positives / max(1, true_positives + false_positives)
    recall = true_positives / max(1, sum(total.values()))
    print(f"pairs: {count} same-person, {count} different-person")
    for name in moves:
        print(f"  recall {name:<14} {found[name] / max(1, total[name]):6.1%}  ({found[name]}/{total[name]})")
    print(f"precision {precision:.1%}  recall {recall:.1%}  false positives {false_positives}")


def measure_index(people: int, seed: int, vault: Path | None = None) -> None:
    from app.demo import add_demo_people
    from app.session import Session, initialize, sign_in

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        session: Session
        if vault is not None:  # a vault built by bench.ui_bench (its user), reused as it is
            from bench.ui_bench import PASSWORD, USER

            session = sign_in(vault, USER, PASSWORD)
            people = session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
        else:
            session, _ = initialize(Path(folder) / "vault", "mo", "bench.admin", "Bench!Harbor7Lantern9",
                                        access_completed_on=date.today())
        try:
            if vault is None:
                add_demo_people(session, people, seed)
            rows = session.conn.execute(
                "SELECT first_name, last_name, dob, ssn FROM person ORDER BY random() LIMIT 200").fetchall()
            timings, hits = [], 0
            moves = list(perturbations().values())
            for first, last, dob, ssn in rows:
                probe = rng.choice(moves)(Person(first_name=first, last_name=last, dob=dob, ssn=ssn), rng)
                started = time.perf_counter()
                candidates = find_duplicates(session.conn, probe)
                timings.append((time.perf_counter() - started) * 1000)
                hits += any(c.person.first_name == first and c.person.last_name == last and c.person.dob == dob
                            for c in candidates)
            timings.sort()
            print(f"index check over {people} people: p50 {statistics.median(timings):.1f} ms, "
                  f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, original among candidates {hits}/{len(rows)}")
        finally:
            session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vault", type=Path, help="time the check on this vault (built by bench.ui_bench) "
                                                   "instead of building one")
    args = parser.parse_args()
    measure_pairs(args.pairs, args.seed)
    measure_index(args.people, args.seed, args.vault)


if __name__ == "__main__":
    main()
