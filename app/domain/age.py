"""A person's age in whole years: the one place it is computed."""

from __future__ import annotations

from datetime import date


def age_on(dob: date, day: date) -> int:
    """Completed years on ``day``; the birthday itself counts (29 February turns a year
    older on 1 March in a common year)."""
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
