"""Python's cycle collector, run on the UI thread only.

The sync, the save, the duplicate check and the draft writes run Python on threads of
their own, and the cycle collector runs on whichever thread happens to allocate when a
threshold is crossed. When it frees a Qt object's wrapper there, the object's C++
destructor runs on that thread: it takes Qt's lock on the object's connections and
then waits for the interpreter lock, while the UI thread, holding the interpreter lock,
waits for that same Qt lock to connect a signal. Neither moves again (seen with a sync
running while the next intake was built). So automatic collection is off while the
windows exist, and a timer on the UI thread collects as the interpreter would have:
the youngest generation whose threshold is crossed, older ones as theirs are, and the
whole heap at most once a minute (the interpreter has its own brake on full
collections, which a program cannot read). Reference counting, which frees at once
everything that is not in a cycle, is unchanged.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200
FULL_EVERY_S = 60.0


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int | None:
        """The oldest generation whose count passed its threshold, collected; ``None``
        when the youngest did not (an older one counts only the younger's collections)."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due = [n for n in range(3) if thresholds[n] and counts[n] > thresholds[n]]
        if not due or due[0] != 0:
            return None
        generation = max(due)
        now = time.monotonic()
        if generation == 2:
            if now - self._last_full < FULL_EVERY_S:
                generation = 1
            else:
                self._last_full = now
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Automatic collection back as it was (a test process builds many windows)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
