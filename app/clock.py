"""Wall-clock time, injectable so tests can move it (sleep, expiry, deadlines)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def now_iso(self) -> str:
        return self.now().isoformat(timespec="seconds")

    def monotonic_free_seconds(self) -> float:
        """Wall-clock seconds: unlike a monotonic timer, they keep counting through sleep."""
        return self.now().timestamp()


class FakeClock(Clock):
    """A clock tests move by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, **kwargs: float) -> None:
        self._now += timedelta(**kwargs)

    def set(self, moment: datetime) -> None:
        self._now = moment


system_clock = Clock()
