"""How far a person's identifiers may travel, from their consents and household locks.

One rule for every source, so the device's vault and the central server export a
person the same way (docs/hmis-csv-export.md, "Not Shared, declined and locked
records"):

* any enrollment of the person locked after a declined ROI → ``LOCKED`` (MO-ROI-8);
* otherwise the person's most recent consent (by signing date, then when it was
  recorded) decides: revoked → ``NOT_SHARED`` (MO-RIGHTS-4, VT-3.1-4: nothing is
  shared from that date on), declined → ``DECLINED`` (CT-207-1, MO-RIGHTS-3),
  Not Shared → ``NOT_SHARED`` (VT-3.1-1, VT-3.1-2, MO-PROT-1), Shared → ``SHARED``;
* no consent at all → ``NO_CONSENT``.

The pack's own rules (programs that force Not Shared, a declined ROI locking the
household) were applied when the consent was saved, so the stored consent already
carries them; nothing here depends on the pack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sync.hmis_csv.source import Sharing

__all__ = ["ConsentFacts", "decide_sharing"]


@dataclass(frozen=True, slots=True)
class ConsentFacts:
    """What the sharing rule needs from one consent. ``signed_on`` and ``recorded_at``
    are ISO 8601 text, which sorts in time order."""

    personal_id: str
    method: str  # written, verbal or declined
    sharing: str  # shared or not_shared
    revoked: bool
    signed_on: str
    recorded_at: str


def decide_sharing(consents: Iterable[ConsentFacts], locked_people: Iterable[str]) -> dict[str, Sharing]:
    """The :class:`Sharing` of every person named; a person absent from the result has
    no consent on record (``Sharing.NO_CONSENT``)."""
    decided: dict[str, Sharing] = {}
    for consent in sorted(consents, key=lambda c: (c.signed_on, c.recorded_at)):
        if consent.revoked:
            decided[consent.personal_id] = Sharing.NOT_SHARED
        elif consent.method == "declined":
            decided[consent.personal_id] = Sharing.DECLINED
        elif consent.sharing == "shared":
            decided[consent.personal_id] = Sharing.SHARED
        else:
            decided[consent.personal_id] = Sharing.NOT_SHARED
    for personal_id in locked_people:
        decided[personal_id] = Sharing.LOCKED
    return decided
