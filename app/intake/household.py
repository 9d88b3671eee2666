"""What a household member's answers start from: the head of household's.

HUD counts a household as entering a project together, so each member's project start
date (3.10) and the Continuum of Care (3.16) start as the head's. Other answers are
copied only where the worker marked them as the same for the whole household (a shared
last name, the night the family spent together). A copy is a starting point: the
member's own page shows it and the worker can change it; an answer already typed for
the member is never overwritten. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# Always start as the head's: the household enters together.
ALWAYS_CARRIED = ("EntryDate", "EnrollmentCoC")
# What the worker may mark as the same for everyone, in the order offered; the prior
# living situation block goes together (3.917, asked of the head and adults).
MAY_SHARE: dict[str, tuple[str, ...]] = {
    "LastName": ("LastName",),
    "LivingSituation": ("LivingSituation", "RentalSubsidyType", "LengthOfStay", "LOSUnderThreshold",
                        "PreviousStreetESSH", "DateToStreetESSH", "TimesHomelessPastThreeYears",
                        "MonthsHomelessPastThreeYears"),
}


def carry_over(members: Sequence[Any], index: int, shared: Iterable[str], default_entry: str) -> list[str]:
    """Copy the head's answers into member ``index`` where the member has none (for the
    start date: still the default); return the fields copied."""
    if index <= 0 or index >= len(members):
        return []
    head, member = members[0].answers, members[index].answers
    wanted = list(ALWAYS_CARRIED)
    for key in shared:
        wanted.extend(MAY_SHARE.get(key, ()))
    copied: list[str] = []
    for name in wanted:
        value = head.get(name)
        if value in (None, ""):
            continue
        mine = member.get(name)
        if mine in (None, "") or (name == "EntryDate" and mine == default_entry and value != mine):
            member[name] = value
            copied.append(name)
    return copied
