"""The pure release rules over a pack's ``[release]`` (app/releases.py)."""

from __future__ import annotations

import pytest

from app.packs import ReleasePolicy, load_pack
from app.releases import (
    ReleaseRefused,
    check_approval_reference,
    require_destination_choice,
    require_outside_approval,
    suppress_table,
    suppressed,
)


def test_vt_3_2_1_small_cells_are_shown_as_less_than_n() -> None:
    """VT-3.2-1: a count from 1 to N-1 is hidden as <N; 0 and N or more are shown."""
    n = load_pack("vt").release.min_cell_count
    assert [suppressed(c, n) for c in (0, 1, n - 1, n, n + 40)] == ["0", f"<{n}", f"<{n}", str(n), str(n + 40)]


def test_vt_3_2_1_a_hidden_count_cannot_be_worked_out_from_a_total() -> None:
    """VT-3.2-1: with one small cell in a row that adds up to a shown total, the next
    smallest count of that row is hidden too (as *), and that again down its column."""
    counts = [[30, 25, 55],   # total row: A + B = All
              [4, 20, 24],    # small A: B must go too
              [26, 5, 31]]    # small B: A must go too
    groups = [([(r, 0), (r, 1)], (r, 2)) for r in range(3)] + [([(1, c), (2, c)], (0, c)) for c in range(3)]
    shown = suppress_table(counts, 11, groups)
    assert shown[1][:2] == ["<11", "*"] and shown[2][:2] == ["*", "<11"]
    assert shown[0] == ["30", "25", "55"] and shown[1][2] == "24"
    assert suppress_table([[12, 40, 52]], 11, [([(0, 0), (0, 1)], (0, 2))]) == [["12", "40", "52"]]


def test_vt_3_2_1_no_default_destination_where_the_pack_asks() -> None:
    """VT-3.2-1 in the Vermont pack; the others keep the CoC file as the default."""
    with pytest.raises(ReleaseRefused, match=r"\(VT-3\.2-1\)\.$"):
        require_destination_choice(load_pack("vt").release, None, default="coc")
    assert require_destination_choice(load_pack("vt").release, "agency", default="coc") == "agency"
    assert require_destination_choice(load_pack("ct").release, None, default="coc") == "coc"


def test_mo_dreq_1_identifying_outside_data_needs_the_approval_where_the_pack_asks() -> None:
    """MO-DREQ-1 in the Missouri pack; de-identified data needs no approval anywhere."""
    mo = load_pack("mo").release
    with pytest.raises(ReleaseRefused, match=r"\(MO-DREQ-1\)\.$"):
        require_outside_approval(mo, identifying=True, approval=None)
    require_outside_approval(mo, identifying=True, approval="CoC-2026-14")
    require_outside_approval(mo, identifying=False, approval=None)
    require_outside_approval(ReleasePolicy(), identifying=True, approval=None)


def test_mo_dreq_1_an_approval_reference_is_a_reference_not_free_text() -> None:
    assert check_approval_reference("  CoC-2026/14 #3 ") == "CoC-2026/14 #3"
    assert check_approval_reference("   ") is None
    for bad in ("x" * 81, "Approved by <Jane>", "-leading dash"):
        with pytest.raises(ReleaseRefused):
            check_approval_reference(bad)
