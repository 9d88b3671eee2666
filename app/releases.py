"""What may leave the device, and on what terms: pure rules over the pack's ``[release]``.

Three kinds of release (docs/releases.md):

* the **aggregate report**: de-identified counts with small-cell suppression, the
  release made by default where the pack asks (VT-3.2-1 in the Vermont pack);
* a **client-level HMIS CSV export** to the agency's own upload or the CoC, which
  where the pack asks must name its destination (no default);
* a client-level export for a **data request from an outside entity**, de-identified
  unless identifying data is asked for, which where the pack asks needs the CoC's
  approval reference (MO-DREQ-1 in the Missouri pack).

Each refusal cites the clause the pack names for it; nothing here names a jurisdiction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.errors import UserFacingError
from app.packs import ReleasePolicy

__all__ = [
    "APPROVAL_MAX_LENGTH",
    "COMPLEMENT",
    "ReleaseRefused",
    "check_approval_reference",
    "require_destination_choice",
    "require_outside_approval",
    "suppress_table",
    "suppressed",
]

APPROVAL_MAX_LENGTH = 80
_APPROVAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/#:-]*")


class ReleaseRefused(UserFacingError):
    """A release the pack's rules do not allow as asked."""

    exit_code = 2


def _cite(clause: str) -> str:
    return f" ({clause})" if clause else ""


def require_destination_choice(policy: ReleasePolicy, destination: str | None, *, default: str) -> str:
    """The destination to use: the one chosen, or ``default`` when the pack lets a
    client-level export have one. VT-3.2-1: only de-identified aggregate data is
    released by default, so where the pack says so, no destination means no export."""
    if destination:
        return destination
    if policy.client_level_needs_destination:
        raise ReleaseRefused(
            "Only de-identified aggregate data is released by default here, so a client-level export must name "
            f"its destination (agency, coc or outside){_cite(policy.destination_clause)}.")
    return default


def check_approval_reference(reference: str | None) -> str | None:
    """The CoC approval reference as given, stripped; ``None`` when blank. It is a
    document reference (letters, digits, spaces and . _ / # : -), never free text."""
    if reference is None or not reference.strip():
        return None
    text = reference.strip()
    if len(text) > APPROVAL_MAX_LENGTH or not _APPROVAL.fullmatch(text):
        raise ReleaseRefused(f"The CoC approval reference must be up to {APPROVAL_MAX_LENGTH} letters, digits, "
                             "spaces and . _ / # : - characters.")
    return text


def require_outside_approval(policy: ReleasePolicy, *, identifying: bool, approval: str | None) -> None:
    """MO-DREQ-1: identifying client-level data goes to an outside entity only with the
    CoC's approval reference, where the pack asks for one. De-identified data needs none."""
    if identifying and policy.outside_identifying_needs_approval and not approval:
        raise ReleaseRefused("Identifying client-level data may not go to an outside entity without the CoC's "
                             f"approval; give its reference or export de-identified data"
                             f"{_cite(policy.approval_clause)}.")


def suppressed(count: int, minimum: int) -> str:
    """A count as an aggregate report shows it: ``0`` and counts of ``minimum`` or more
    as they are, a count from 1 to ``minimum - 1`` as ``<minimum`` (small-cell suppression)."""
    if 0 < count < minimum:
        return f"<{minimum}"
    return str(count)


#: How a count hidden only so that a small one cannot be worked out from a total is shown.
COMPLEMENT = "*"
Cell = tuple[int, int]  # (row, column)


def suppress_table(counts: Sequence[Sequence[int]], minimum: int,
                   groups: Sequence[tuple[Sequence[Cell], Cell]]) -> list[list[str]]:
    """A table of counts as a report shows it. Every count from 1 to ``minimum - 1`` is
    ``<minimum`` (:func:`suppressed`); then, for each group of cells that adds up to a
    total shown in the table, if exactly one of its cells is hidden, the smallest other
    count of the group is hidden too, as ``*``, so the hidden one cannot be worked out
    by subtraction (repeated until no group gives one away)."""
    primary = {(r, c) for r, row in enumerate(counts) for c, value in enumerate(row) if 0 < value < minimum}
    complement: set[Cell] = set()
    changed = True
    while changed:
        changed = False
        for cells, total in groups:
            hidden = primary | complement
            if total in hidden or sum(1 for cell in cells if cell in hidden) != 1:
                continue
            shown = [cell for cell in cells if cell not in hidden]
            if shown:
                complement.add(min(shown, key=lambda cell: (counts[cell[0]][cell[1]] == 0, counts[cell[0]][cell[1]])))
                changed = True
    return [[suppressed(value, minimum) if (r, c) in primary else COMPLEMENT if (r, c) in complement else str(value)
             for c, value in enumerate(row)] for r, row in enumerate(counts)]
