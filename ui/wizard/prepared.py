"""The next intake's window, built a part per turn of the event loop while the main
window is idle, so "New intake" only shows it.

Building the wizard (its step list, buttons and first step) and then each step's page
held the main window 15-25 ms as an intake opened, and its pages went on being built
while the worker read the first step. The prepared window belongs to the session that
built it and holds nobody's data: ``IntakeWizard.start`` gives it a fresh intake
collected at the moment it opens. Only a new intake uses it; a draft resumed, a person
carried over or a re-engagement builds its own window as before. A window made for
other projects (an administrator changed them meanwhile) or in another language is
thrown away. A lock stops the build and deletes the prepared window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.projects import list_projects
from app.session import Session
from ui.widgets.background_import import import_in_background
from ui.widgets.prepared_window import SessionWindowPreparer
from ui.wizard.intake_wizard import IntakeWizard


class IntakePreparer(SessionWindowPreparer[IntakeWizard]):
    def __init__(self, session: Session, demo: bool, host: QWidget) -> None:
        super().__init__(session, "intake.run",
                         lambda: IntakeWizard(session, demo, parent=host, build_now=False), host)

    def start(self, after_ms: int = 0) -> None:
        if self._session is not None:
            # What the first Next of an intake parses its answers with.
            import_in_background("app.intake.document_model")
        super().start(after_ms)

    def fits(self, window: IntakeWizard, session: Session) -> bool:
        return window.flow.projects == list_projects(session)

    def begin(self, window: IntakeWizard, session: Session) -> None:
        window.start(session.clock.now())
