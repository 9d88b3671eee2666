"""Building a window's parts a slice per turn of the event loop, while the user reads.

Qt builds and polishes widgets on the UI thread; a window that makes every table and
button in one go holds the event loop for tens of milliseconds, more than a frame.
The wizard's pages, the profile's tabs and the sync screen are built instead one
slice per turn of the event loop: ``build_some`` is called on each turn until it
answers ``True`` (nothing is left), so keys and paints are served between slices.
``build_some`` may also answer ``None``, "not now": it is asked again after
``WAIT_MS`` rather than on every turn. ``stop`` (a lock, a close) ends it at once;
``start`` begins again where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

WAIT_MS = 250


_DONE = object()


class Parts:
    """A window's parts, from a generator that yields between one part and the next:
    ``some`` builds the next part (``True`` once none is left), ``rest`` builds all that
    is left, ``stop`` (a lock) builds nothing more."""

    def __init__(self, parts: Iterator[None]) -> None:
        self._parts = parts

    def some(self) -> bool:
        return next(self._parts, _DONE) is _DONE

    def rest(self) -> None:
        for _part in self._parts:
            pass

    def stop(self) -> None:
        close = getattr(self._parts, "close", None)
        if callable(close):
            close()
        self._parts = iter(())


def settle(window: QWidget) -> Iterator[None]:
    """The last two slices of a window built while idle: its style sheet applied to
    every widget, then its layout worked out, each in a turn of its own, so showing it
    later has neither to do."""
    yield
    window.ensurePolished()
    yield
    layout = window.layout()
    if layout is not None:
        layout.activate()


def delete_in_parts(window: QWidget, parts: list[QWidget]) -> None:
    """Delete a closed window a part per turn of the event loop, then the window
    itself, so no one turn frees all of its widgets."""

    def delete_some() -> bool:
        if parts:
            parts.pop().deleteLater()
            return False
        window.deleteLater()
        return True

    IdleBuilder(delete_some, window).start()


class IdleBuilder(QObject):
    def __init__(self, build_some: Callable[[], bool | None], parent: QObject | None = None) -> None:
        """``build_some()`` builds one slice and answers ``True`` once nothing is left
        (``None``: nothing could be built now, ask again later)."""
        super().__init__(parent)
        self._build_some = build_some
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)

    @property
    def active(self) -> bool:
        """Slices are still being built while idle."""
        return self._timer.isActive()

    def start(self, after_ms: int = 0) -> None:
        """Build a slice each turn, the first ``after_ms`` from now."""
        self._timer.start(after_ms)

    def stop(self) -> None:
        self._timer.stop()

    def _turn(self) -> None:
        done = self._build_some()
        if done is None:
            self._timer.setInterval(WAIT_MS)
        elif done:
            self._timer.stop()
        else:
            self._timer.setInterval(0)
