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

from PySide6.QtWidgets import QWidget

from app.profile import profile_sections
from app.session import Session
from ui.profile.profile_window import ProfileWindow
from ui.widgets.prepared_window import SessionWindowPreparer


class ProfilePreparer(SessionWindowPreparer[ProfileWindow]):
    def __init__(self, session: Session, demo: bool, host: QWidget) -> None:
        super().__init__(session, "client.view_basic",
                         lambda: ProfileWindow(session, None, demo, host, build_now=False), host)

    def fits(self, window: ProfileWindow, session: Session) -> bool:
        return window.sections == profile_sections(session)

    def begin(self, window: ProfileWindow, session: Session) -> None:
        window.finish_building()
