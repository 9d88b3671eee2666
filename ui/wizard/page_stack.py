"""The intake wizard's pages, each in a scroll area of one stacked widget.

A page is made the first time its step is needed, or a slice per idle turn before
(``build_some``): the next page, the oral explanation's text, the modules the saved
page loads, the chosen project's member form, then each built page laid out beneath
the step on screen. The scroll area goes into the window before its page is made in
it: a finished page moved into the window had every widget restyled for its new
place, which doubled the time a page took to build.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

from app.intake.flow import IntakeFlow
from app.intake.steps import Step
from app.session import Session
from ui.wizard.consent_page import ConsentPage
from ui.wizard.declined_page import DeclinedPage
from ui.wizard.duplicates_page import DuplicatesPage
from ui.wizard.household_page import HouseholdPage
from ui.wizard.lazy_pages import LazyPages
from ui.wizard.member_page import MemberPage
from ui.wizard.page import WizardContext, WizardPage
from ui.wizard.project_page import ProjectPage
from ui.wizard.review_page import ReviewPage
from ui.wizard.script_page import ScriptPage
from ui.wizard.sharing_page import SharingPage

PAGE_CLASSES: dict[Step, type[WizardPage]] = {
    Step.PROJECT: ProjectPage, Step.SCRIPT: ScriptPage, Step.SHARING: SharingPage, Step.CONSENT: ConsentPage,
    Step.DECLINED: DeclinedPage, Step.HOUSEHOLD: HouseholdPage, Step.MEMBER: MemberPage,
    Step.DUPLICATES: DuplicatesPage, Step.REVIEW: ReviewPage,
}


class PageStack(QStackedWidget):
    def __init__(self, flow: IntakeFlow, context: WizardContext, page_changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flow = flow
        self._context = context
        self._page_changed = page_changed
        self.scrolls: dict[Step, QScrollArea] = {}
        self.pages = LazyPages(tuple(PAGE_CLASSES), self._build_page)
        self._laid_out: set[QScrollArea] = set()

    def _build_page(self, step: Step) -> WizardPage:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The scroll bar's room is kept on every step, so a page never wraps its text
        # twice as it shows: with the bar as needed, a long page was laid out at the
        # full width, then its bar appeared and it was laid out again, narrower.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # A tab stop before the page's fields, so arrow and Page keys scroll long
        # consent texts at 200% without a mouse. (The wizard's translation context.)
        scroll.setAccessibleName(QCoreApplication.translate("IntakeWizard", "Step content"))
        scroll.setAccessibleDescription(QCoreApplication.translate("IntakeWizard",
                                                                   "Scroll with the arrow and Page keys."))
        self.addWidget(scroll)
        page = PAGE_CLASSES[step](self._flow, self._context, scroll.viewport())
        scroll.setWidget(page)
        self.scrolls[step] = scroll
        page.page_did_change.connect(self._page_changed)
        return page

    def build_some(self, session: Session) -> bool:
        """One slice of building per turn; ``True`` when nothing is left (a step change
        starts it again)."""
        step = self.pages.next_unbuilt()
        if step is not None:
            self.pages[step]
            return False
        script = self.pages[Step.SCRIPT]
        if isinstance(script, ScriptPage) and script.prepare():
            return False  # the oral explanation's text, before the step is entered
        # What the saved page and its consent print offer load, so saving does not wait for them.
        wanted = ("ui.documents.wizard_hook", "ui.documents.printing" if session.can("consent.print") else "")
        missing = next((name for name in wanted if name and name not in sys.modules), None)
        if missing is not None:
            importlib.import_module(missing)
            return False
        member = self.pages[Step.MEMBER]
        if isinstance(member, MemberPage) and not member.prepare_some():
            return False
        return self._lay_out_next_page()

    def _lay_out_next_page(self) -> bool:
        """One built page shown for a moment beneath the step on screen, and hidden again
        in the same call (no paint or key comes between): its geometry, style and layout
        are worked out while the worker reads, not in the turn Next shows it. A page's
        first showing cost 4-6 ms more than showing it again."""
        current = self.currentWidget()
        if current is None or not self.isVisible():
            return True
        scroll = next((s for s in self.scrolls.values() if s is not current and s not in self._laid_out), None)
        if scroll is None:
            return True
        self._laid_out.add(scroll)
        scroll.setGeometry(current.geometry())
        scroll.stackUnder(current)
        scroll.show()
        scroll.hide()
        return False
