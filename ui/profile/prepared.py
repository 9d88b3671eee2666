"""The next profile window, built a part per turn of the event loop while the main
window is idle, so opening a profile only reads the person and fills it.

Building the window (its heading, banner, overview tables and buttons, polished
against the style sheet) held the main window 20-30 ms as a profile opened. The
prepared window belongs to the session that built it and holds nobody's data until
``take`` hands it over; the main window fills it with ``ProfileWindow.show_profile``.
A window built in another language (the language changed meanwhile) is thrown away
and the profile built afresh, as it was before. A lock stops the build and deletes
the prepared window; the next sign-in's main window prepares its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.profile import profile_sections
from app.session import Session
from ui.i18n import active_language
from ui.profile.profile_window import ProfileWindow
from ui.widgets.idle_builder import IdleBuilder


class ProfilePreparer(QObject):
    def __init__(self, session: Session, demo: bool, host: QWidget) -> None:
        super().__init__(host)
        self._session: Session | None = session
        self._demo = demo
        self._host = host
        self.prepared: ProfileWindow | None = None
        self._language = ""
        self.preparing = IdleBuilder(self._prepare_some, self)

    def start(self) -> None:
        if self._session is not None:
            self.preparing.start()

    def _prepare_some(self) -> bool | None:
        """One part of the next profile window; ``None`` (later) while a modal dialog is open,
        as for the sync screen: the profile opens from the main window, which the dialog blocks."""
        session = self._session
        if session is None or not session.can("client.view_basic"):
            return True
        if QApplication.activeModalWidget() is not None:
            return None
        if self.prepared is None:
            self._language = active_language()
            self.prepared = ProfileWindow(session, None, self._demo, self._host, build_now=False)
            return False
        return self.prepared.build_some()

    def take(self, session: Session) -> ProfileWindow | None:
        """The prepared window (the rest of it built now), or None when there is none that fits."""
        self.preparing.stop()
        window, self.prepared = self.prepared, None
        if window is None:
            return None
        if session is not self._session or self._language != active_language() \
                or window.sections != profile_sections(session):
            window.deleteLater()
            return None
        window.finish_building()
        return window

    def end(self) -> None:
        """The session is over (a lock): nothing more is built and the prepared window goes."""
        self._session = None
        self.preparing.stop()
        window, self.prepared = self.prepared, None
        if window is not None:
            window.clear_client_data()
            window.deleteLater()
