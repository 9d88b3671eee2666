"""The next window of a kind, built a part per turn of the event loop while the app is
idle, so opening one only fills it (the sync screen, the profile).

The window is built with ``build_now=False`` and then ``build_some`` once per idle
turn (``ui.widgets.idle_builder``). Nothing is built while a modal dialog is open: the
window opens from the main window, which that dialog blocks, so the dialog's turns are
better spent on the dialog. ``take`` hands the prepared window over, unless it was built
in another language than the one now in use (the language changed meanwhile): that one
is deleted and the caller builds afresh, as before. ``end`` (a lock) stops the build and
deletes the prepared window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from app.session import Session
from ui.i18n import active_language
from ui.widgets.idle_builder import IdleBuilder

# After a window of the kind closes, the next is begun this much later: the closed one
# is being deleted a part per turn and the main window repaints and refreshes, and a
# slice of building (5-10 ms) in the same turns made them one stall of 12-16 ms.
AFTER_CLOSE_MS = 300


class BuiltWhileIdle(Protocol):
    def build_some(self) -> bool: ...

    def clear_client_data(self) -> None: ...

    def deleteLater(self) -> None: ...


W = TypeVar("W", bound=BuiltWhileIdle)


class WindowPreparer(Generic[W]):
    def __init__(self, wanted: Callable[[], bool], make: Callable[[], W], parent: QObject) -> None:
        """``wanted()``: whether a window is to be built at all now (a session that may
        open it); ``make()``: the window, its parts not built yet."""
        self._wanted = wanted
        self._make = make
        self.prepared: W | None = None
        self._language = ""  # the language the prepared window was built in
        self.preparing = IdleBuilder(self._prepare_some, parent)

    def start(self, after_ms: int = 0) -> None:
        self.preparing.start(after_ms)

    def _prepare_some(self) -> bool | None:
        if not self._wanted():
            return True
        if QApplication.activeModalWidget() is not None:
            return None
        if self.prepared is None:
            self._language = active_language()
            self.prepared = self._make()
            return False
        return self.prepared.build_some()

    def take(self) -> W | None:
        """The prepared window, built in the language now in use; ``None`` when there is none."""
        self.preparing.stop()
        window, self.prepared = self.prepared, None
        if window is not None and self._language != active_language():
            window.deleteLater()
            return None
        return window

    def end(self) -> None:
        """Nothing more is built and the prepared window goes (never shown), at once:
        a lock on quitting comes after the event loop's last turn, and a window left
        for a later turn outlived the application and crashed the interpreter's exit
        (a label's shortcut released on an application already gone)."""
        self.preparing.stop()
        window, self.prepared = self.prepared, None
        if window is not None and shiboken6.isValid(window):
            shiboken6.delete(cast(QObject, window))


class SessionWindowPreparer(WindowPreparer[W]):
    """The next window of a kind for one signed-in session (the profile, a new intake):
    built while the session may use it (``permission``), handed over only to that
    session and only if it still ``fits``; the session's end clears and deletes it."""

    def __init__(self, session: Session, permission: str, make: Callable[[], W], parent: QObject) -> None:
        self._session: Session | None = session
        super().__init__(lambda: self._session is not None and self._session.can(permission), make, parent)

    def start(self, after_ms: int = 0) -> None:
        if self._session is not None:
            super().start(after_ms)

    def take_for(self, session: Session) -> W | None:
        """The prepared window, begun for ``session``, or None when there is none that fits."""
        window = super().take()
        if window is None:
            return None
        if session is not self._session or not self.fits(window, session):
            window.deleteLater()
            return None
        self.begin(window, session)
        return window

    def fits(self, window: W, session: Session) -> bool:
        """Whether the window built earlier still suits the session (what it was built from is unchanged)."""
        return True

    def begin(self, window: W, session: Session) -> None:
        """Make the window ready to show, as it is handed over."""

    def end(self) -> None:
        """The session is over (a lock): nothing more is built and the prepared window goes."""
        self._session = None
        if self.prepared is not None:
            self.prepared.clear_client_data()
        super().end()
