"""The idle lock's clock, measured in wall-clock time.

A Qt timer does not count time the laptop spent asleep (KeePassXC #2014), so the
deadline is a wall-clock instant: after a resume past it, ``expired()`` is already
true and the UI locks before it paints anything (Bitwarden's check does the same).
"""

from __future__ import annotations

from datetime import timedelta

from app.clock import Clock, system_clock

# Bitwarden checks every 10 s; S1 allows the lock to fire at most 10 s late. We check
# every second because the check is a subtraction.
CHECK_INTERVAL_MS = 1000


class IdleClock:
    def __init__(self, timeout_minutes: float, clock: Clock = system_clock) -> None:
        if timeout_minutes <= 0:
            raise ValueError("the idle timeout must be positive")
        self.clock = clock
        self.timeout = timedelta(minutes=timeout_minutes)
        self.last_activity = clock.now()

    def set_timeout(self, minutes: float) -> None:
        if minutes <= 0:
            raise ValueError("the idle timeout must be positive")
        self.timeout = timedelta(minutes=minutes)

    def touch(self) -> None:
        self.last_activity = self.clock.now()

    def seconds_left(self) -> float:
        return (self.last_activity + self.timeout - self.clock.now()).total_seconds()

    def expired(self) -> bool:
        return self.seconds_left() <= 0
