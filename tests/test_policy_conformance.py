"""docs/policy-conformance.md: every clause of the inventory with the pack setting that
encodes it and the tests that name it (tools/conformance.py). No ``enforce`` clause is
silently missing: it is covered, or its pack marks it open with a reason."""

from __future__ import annotations

from collections import Counter

import pytest
from support import PACKS, REPO_ROOT

from app.errors import PackError
from app.packs import load_pack, parse_pack
from tools.conformance import ambiguity_readings, conformance, main, open_clauses, read_clauses


def test_the_inventory_is_read_whole() -> None:
    """The copy in docs/ lists 185 clauses, 101 of them enforce (its own counts table)."""
    clauses = read_clauses()
    assert len(clauses) == 185 and len({c.id for c in clauses}) == 185
    assert Counter(c.level for c in clauses) == {"enforce": 101, "support": 66, "show": 18}


def test_no_enforce_clause_is_silently_missing() -> None:
    missing = [s.clause.id for s in conformance(read_clauses())
               if s.clause.level == "enforce" and s.state == "missing"]
    assert missing == []


def test_an_open_mark_is_dropped_once_the_clause_is_covered() -> None:
    """A reason that no longer holds would make the table lie."""
    stale = [s.clause.id for s in conformance(read_clauses()) if s.covered and s.open_reason]
    assert stale == []


def test_each_pack_marks_open_only_its_own_known_clauses() -> None:
    known = {c.id: c.pack for c in read_clauses()}
    for pack_id in PACKS:
        for entry in load_pack(pack_id).conformance.open:
            assert known.get(entry.id) == pack_id, entry.id
    assert set(open_clauses()) <= set(known)


def test_the_generated_table_is_up_to_date() -> None:
    """Run ``python -m tools.conformance`` after changing a pack or a test's clause."""
    assert main(["--check"]) == 0


def test_every_ambiguity_a_pack_touches_has_its_stated_reading() -> None:
    """An ambiguity (A1..) flagging a clause of a pack is read by a key of that pack."""
    readings = ambiguity_readings(read_clauses())
    assert len(readings) >= 30
    assert [(r.pack, r.ambiguity) for r in readings if not r.keys] == []
    # A comment or an open clause's reason is not a reading: MO-PWD-6's reason names A25,
    # the reading is the [readings] table's.
    (a25,) = [r for r in readings if r.ambiguity == "A25"]
    assert a25.keys == ["forms/packs/mo/pack.toml: readings.A25"]


def test_a_reading_keyed_by_something_other_than_an_ambiguity_is_refused() -> None:
    source = (REPO_ROOT / "forms" / "packs" / "mo" / "pack.toml").read_text("utf-8")
    with pytest.raises(PackError, match="readings"):
        parse_pack(source + 'MO-ROI-1 = "A clause is not an ambiguity."\n', "stray.toml")
