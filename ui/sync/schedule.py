"""When background sync runs: light enough for the GUI to import at start-up (the
engine and its HTTP client load with the first run)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sync.engine import RetryPolicy


def _retry(**limits: Any) -> RetryPolicy:
    """A RetryPolicy from its keyword arguments, importing the engine only when called."""
    from sync.engine import RetryPolicy

    return RetryPolicy(**limits)


class RunKind(Enum):
    BACKGROUND = "background"
    ON_DEMAND = "on_demand"


@dataclass(frozen=True)
class SyncSchedule:
    """Seconds. The defaults suit a laptop in the field; tests shorten them."""

    first_run: float = 20.0
    period: float = 300.0
    after_save: float = 30.0
    longest_wait: float = 3600.0
    lock_wait: float = 15.0  # how long a lock waits for a run to stop after cancelling it
    background_retry: RetryPolicy = field(
        default_factory=lambda: _retry(max_consecutive_failures=3, time_budget=120.0))
    # Someone is watching and can press Cancel: the engine's full budget, as the command line.
    on_demand_retry: RetryPolicy = field(default_factory=_retry)
