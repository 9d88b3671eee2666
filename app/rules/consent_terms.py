"""The pack's consent vocabulary the capture and the entry rules share: the methods and
sharing levels, the rule keys each pack cites a clause for (``[consent.cite]``), the
ROI term (MO-ROI-10) and the populations never shared (VT-3.1-2, MO-PROT-1). Read
from the pack; no pack names here.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

from app.packs import Pack

Method = Literal["written", "verbal", "declined"]
Sharing = Literal["shared", "not_shared"]

# The rules whose messages cite a clause; each pack maps every key to one of its own
# clause IDs in ``[consent.cite]`` ("" where the pack states no such rule).
RULE_KEYS = (
    "script", "signed_on", "minor_signer", "signature", "verbal_method", "verbal_reason",
    "forced_not_shared", "release", "shared_with", "dv_permission", "expires_on", "answer_refused",
    "consent_before_data", "expired", "gap", "revoked", "declined", "locked", "roi_project",
)


def cite(pack: Pack, rule: str) -> str | None:
    """The pack's clause ID for a rule, or ``None`` where the pack states no such rule."""
    if rule not in RULE_KEYS:
        raise KeyError(rule)
    return pack.consent.cite.get(rule) or None


def with_clause(message: str, clause: str | None) -> str:
    return f"{message} ({clause})" if clause else message


def anniversary(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks (29 February, 31 April)
    rolls to the first of the next month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if day.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day.day)
    return date(year + (month == 12), month % 12 + 1, 1)


def roi_expiry(pack: Pack, signed_on: date) -> date | None:
    """The last day an ROI is valid. MO-ROI-10 / A22: it expires one year after
    signing, read as valid through the day before the anniversary (an ROI signed on
    29 February is valid through 28 February of the next year)."""
    months = pack.consent.expiry_months
    if not months:
        return None
    return date.fromordinal(anniversary(signed_on, months).toordinal() - 1)


def forced_not_shared(pack: Pack, populations: tuple[str, ...]) -> list[str]:
    """VT-3.1-2, VT-3.4-13, MO-PROT-1: programs serving these populations never share."""
    return sorted(set(populations) & set(pack.sharing.forced_not_shared_populations))
