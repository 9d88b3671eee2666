"""The intake wizard window: the step list, one page at a time, Back and Next.

The steps and their checks are ``app.intake.flow.IntakeFlow`` over ``app.intake``;
this window shows them and saves through ``app.intake.save_intake`` (one
transaction: people, enrollments, consents, outbox rows, audit events), off the UI
thread on a second connection (``ui.wizard.intake_save``).

Interrupted work is never lost (S3): every step change writes the intake to an
encrypted draft in the vault (off the UI thread, ``ui.wizard.draft_writer``; a lock
or a close waits for that write), a lock saves it as any draft source does
(``ui.lock.DraftSource``), and closing the window keeps it; the main window offers
it back after the next sign-in. The title never names the client.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.drafts import discard_draft, save_draft
from app.errors import UserFacingError
from app.intake import IntakeRefused, IntakeResult
from app.intake.flow import IntakeFlow
from app.intake.steps import Step
from app.projects import list_projects
from app.search_service import visible_fields
from app.session import Session
from ui.i18n import active_language
from ui.tasks import TaskRunner
from ui.theme import demo_banner, window_title
from ui.widgets.focus import chain_tab_order, layout_order
from ui.widgets.idle_builder import IdleBuilder, Parts, delete_in_parts, settle
from ui.widgets.mnemonics import give_unique_mnemonics
from ui.widgets.status import busy_bar
from ui.wizard.draft_writer import DraftWriter
from ui.wizard.intake_save import IntakeSave
from ui.wizard.page import WizardContext, WizardPage, text_label
from ui.wizard.page_stack import PageStack
from ui.wizard.step_list import StepList

log = logging.getLogger(__name__)

DRAFT_KIND = "intake"


class IntakeWizard(QDialog):
    intake_did_save = Signal(object)  # IntakeResult
    profile_requested = Signal(str)  # personal_id
    wizard_did_close = Signal()
    draft_kind = DRAFT_KIND

    def __init__(self, session: Session, demo: bool = False, draft_id: str | None = None,
                 payload: dict[str, Any] | None = None, parent: QWidget | None = None,
                 person: dict[str, str] | None = None, linked: list[dict[str, Any]] | None = None,
                 build_now: bool = True) -> None:
        """``build_now=False``: a new intake's window built ahead, a part per
        ``build_some`` while the app is idle (``ui/wizard/prepared.py``); ``start``
        begins its intake when it is opened."""
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("New intake"), demo))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        # One intake at a time, and nothing opens over it from the main window (Sync,
        # New person, Export) until it is saved, kept or discarded.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1200, 700)
        self.draft_id = draft_id
        self.closed_for_lock = False
        self._showing = False  # a step is being shown (``_show_step``)
        self.saved: IntakeResult | None = None
        self._session: Session | None = session
        self.flow = IntakeFlow(session.pack, list_projects(session), session.clock.now())
        if payload:
            self.flow.restore(payload)
        elif person:
            self.flow.prefill_person(person)
        elif linked:
            self.flow.prefill_linked(linked)  # a re-engagement from the profile
        self._context = WizardContext(
            agency=session.settings.agency_name or "",
            staff_name=session.user.display_name,
            conn=session.conn,
            show_ssn=visible_fields(session).ssn_last4,
            ui_language=active_language(),
            session=session,
        )
        self._building = Parts(self._build(demo, restored=payload is not None))
        self._step_change = Parts(iter(()))
        self._step_changer = IdleBuilder(lambda: self._step_change.some(), self)
        self._settling = Parts(settle(self))
        if build_now:
            self.finish_building()
            self._page_builder.start()  # the other steps' pages, one per turn once this one is shown

    # -- building ---------------------------------------------------------------------

    def build_some(self) -> bool:
        """One part of a window built ahead (about a frame's work at most): the window
        and its first step, each other step's page, then its style and layout worked
        out; ``True`` once all is built."""
        return self._building.some() and self._build_next_page() and self._settling.some()

    def finish_building(self) -> None:
        self._building.rest()

    def start(self, now: datetime) -> None:
        """Begin a new intake in a window built ahead: a fresh intake collected ``now``
        on its first step, the rest of the window built now if it is not yet."""
        self.finish_building()
        self.flow.start_at(now)
        self._show_step([])

    def _build(self, demo: bool, restored: bool) -> Iterator[None]:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if demo:
            outer.addWidget(demo_banner(self, short=True))
        body = QHBoxLayout()
        body.setContentsMargins(16, 12, 16, 12)
        body.setSpacing(16)
        outer.addLayout(body, 1)

        side = QVBoxLayout()
        steps_label = QLabel(self.tr("Steps"))
        steps_label.setObjectName("sectionHeading")
        self.step_list = StepList()
        self.step_model = self.step_list.steps
        self.step_list.clicked.connect(self._step_clicked)
        side.addWidget(steps_label)
        side.addWidget(self.step_list, 1)
        body.addLayout(side)

        main = QVBoxLayout()
        self.restored_notice = text_label(
            self.tr("This intake was kept when it was interrupted; nothing typed was lost."), "notice")
        if not restored:
            self.restored_notice.hide()
        main.addWidget(self.restored_notice)
        self.stack = PageStack(self.flow, self._context, self._page_changed)
        main.addWidget(self.stack, 1)
        self.scrolls = self.stack.scrolls
        self.pages = self.stack.pages
        self.done_page = self._build_done_page()
        self.stack.addWidget(self.done_page)
        yield

        self.error = text_label("", "formError")
        self.error.hide()
        main.addWidget(self.error)
        buttons = QHBoxLayout()
        self.saving_bar = busy_bar()
        self.saving_bar.setMaximumWidth(160)
        self.discard_button = QPushButton(self.tr("D&iscard intake"))
        self.discard_button.setAccessibleName(self.tr("Discard intake"))
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("primary")
        self.next_button.setAccessibleName(self.tr("Next"))
        # Enter means Next from any field; on a focused button it presses that button.
        self.next_button.setDefault(True)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saving_bar)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        main.addLayout(buttons)
        body.addLayout(main, 1)

        self.discard_button.clicked.connect(self._discard)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        tasks = TaskRunner(self)  # one queue: the draft writes, then the save after them
        self.save_job = IntakeSave(self, tasks)
        self.drafts = DraftWriter(DRAFT_KIND, tasks, self)
        self.save_job.save_did_finish.connect(self._save_finished)
        self.save_job.save_did_fail.connect(self._save_failed)
        yield
        self.pages[self.flow.current.step]
        yield
        self._show_step([])
        # The other steps' pages, one per turn of the event loop once a step is shown.
        self._page_builder = IdleBuilder(self._build_next_page, self)

    @property
    def building(self) -> bool:
        """Pages or the member form are still being built while idle."""
        return self._page_builder.active

    def _build_next_page(self) -> bool:
        return True if self._session is None else self.stack.build_some(self._session)

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        heading = QLabel(self.tr("Intake saved"))
        heading.setObjectName("heading")
        column.addWidget(heading)
        self.done_text = text_label("", "notice")
        column.addWidget(self.done_text)
        row = QHBoxLayout()
        self.profile_button = QPushButton(self.tr("Open &profile"))
        self.profile_button.setAccessibleName(self.tr("Open the client's profile"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close the intake"))
        self.close_button.setObjectName("primary")
        row.addWidget(self.profile_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        self.done_actions = row  # ui.documents.wizard_hook adds the consent form's print actions
        column.addLayout(row)
        column.addStretch(1)
        self.profile_button.clicked.connect(self._open_profile)
        self.close_button.clicked.connect(self.accept)
        return page

    # -- navigation -------------------------------------------------------------------

    @property
    def current_page(self) -> WizardPage:
        return self.pages[self.flow.current.step]

    def _refresh_steps(self) -> None:
        self.step_list.show_flow(self.flow)

    def _show_step(self, problems: list[Any], *, at_once: bool = True) -> None:
        """Show the flow's current step: its page filled, then put on screen, then its
        keys and tab order worked out. Next, Back and a step chosen in the list pass
        ``at_once=False``: each of the three is a turn of the event loop of its own, so
        the page's first paint, which follows putting it on screen, shares its turn
        with nothing else (a click did all three and the paint, 17-21 ms, more than a
        frame). A step change still under way ends first."""
        self.finish_step_change()
        self._step_change = Parts(self._change_step(problems))
        if at_once:
            self._step_change.rest()
        else:
            self._step_change.some()
            self._step_changer.start()

    @property
    def step_changing(self) -> bool:
        """A step change is under way: its page is filled but not all of it shown yet."""
        return self._step_changer.active

    def finish_step_change(self) -> None:
        self._step_changer.stop()
        self._step_change.rest()

    def _change_step(self, problems: list[Any]) -> Iterator[None]:
        ref = self.flow.current
        page = self.pages[ref.step]
        # What the page says as it fills (its answers changed) is taken in once, below.
        self._showing = True
        try:
            page.enter(ref)
            page.show_problems(problems)
        finally:
            self._showing = False
        yield
        if self._session is None:
            return
        self.stack.setCurrentWidget(self.scrolls[ref.step])
        self.back_button.setEnabled(self.flow.position > 0)
        if ref.step is Step.REVIEW:
            self.next_button.setText(self.tr("&Save intake"))
            self.next_button.setAccessibleName(self.tr("Save intake"))
        elif ref.step is Step.DECLINED:
            self.next_button.setText(self.tr("&Finish"))
            self.next_button.setAccessibleName(self.tr("Finish: close the intake, nothing recorded"))
        else:
            self.next_button.setText(self.tr("&Next"))
            self.next_button.setAccessibleName(self.tr("Next"))
        self._enable_next()
        self.error.hide()
        target = page.first_input() or self.next_button
        focused = QApplication.focusWidget()
        if not problems or focused is None or not page.isAncestorOf(focused):
            target.setFocus(Qt.FocusReason.TabFocusReason)
        if problems:
            self._point_at_problems(len(problems))
        yield
        if self._session is None:
            return
        self._page_changed()
        if hasattr(self, "_page_builder"):
            self._page_builder.start()  # a project chosen: its member form, while idle
        scroll = self.scrolls[ref.step]
        chain_tab_order([scroll, *layout_order(page), self.discard_button, self.back_button, self.next_button])

    def _point_at_problems(self, count: int) -> None:
        """Next with answers missing: say how many, and put the first one on screen with
        the focus in it, even when it is below the fold."""
        self.error.setText(self.tr("1 answer needs attention; it is selected.") if count == 1 else
                           self.tr("{n} answers need attention; the first is selected.").format(n=count))
        self.error.show()
        page, scroll = self.current_page, self.scrolls[self.flow.current.step]
        page.layout_.activate()
        target = page.problem_widget()
        if target is None:
            scroll.ensureVisible(0, 0)
            return
        if target.focusPolicy() != Qt.FocusPolicy.NoFocus:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        # After the page's layout has settled, so the position is the one on screen.
        QTimer.singleShot(0, lambda: self._reveal(scroll, target))

    def _reveal(self, scroll: QScrollArea, target: QWidget) -> None:
        body = scroll.widget()
        if self._session is not None and body is not None and body.isAncestorOf(target):
            scroll.ensureWidgetVisible(target, 16, 64)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A mnemonic can move focus below the fold; scroll the page so it shows."""
        scroll = self.stack.currentWidget()
        if not isinstance(scroll, QScrollArea) or new is None:
            return
        body = scroll.widget()
        if body is not None and body.isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 16, 16)

    def _enable_next(self) -> None:
        here = self.flow.current
        self.next_button.setEnabled(here.step is Step.DECLINED or self.flow.is_complete(here))

    def _page_changed(self) -> None:
        if self._showing:
            return
        self._enable_next()
        self._refresh_steps()  # a refusal changes which steps follow
        # Answers show and hide fields; each one on screen keeps an Alt+letter of its own.
        give_unique_mnemonics(self, (self.discard_button, self.back_button, self.next_button))

    def go_next(self) -> None:
        if self.saved is not None or self.save_job.running:
            return
        self.finish_step_change()
        self.current_page.leave()
        if self.flow.current.step is Step.REVIEW:
            self._save()
            return
        if self.flow.current.step is Step.DECLINED:
            self.discard()  # nothing was recorded: no draft stays behind either
            return
        problems = self.flow.advance()
        self._show_step(problems, at_once=False)
        self._keep_draft()

    def _step_clicked(self, index: Any) -> None:
        """A step already done, chosen in the Steps list: go back to it, as Back would."""
        row = index.row()
        if self.saved is not None or self.save_job.running or not 0 <= row < self.flow.position:
            self._refresh_steps()
            return
        self.finish_step_change()
        self.current_page.leave()
        self.flow.go_to(self.flow.steps()[row])
        self._show_step([], at_once=False)
        self._keep_draft()

    def go_back(self) -> None:
        self.finish_step_change()
        self.current_page.leave()
        self.flow.back()
        self._show_step([], at_once=False)
        self._keep_draft()

    # -- saving -----------------------------------------------------------------------

    def _save(self) -> None:
        session = self._session
        if session is None or self.save_job.running:
            return
        try:
            document = self.flow.document()
        except UserFacingError as exc:
            self._save_failed(exc)
            return
        self._set_saving(True)
        self.save_job.start(session, document, self.draft_id)

    def _set_saving(self, saving: bool) -> None:
        for button in (self.next_button, self.back_button, self.discard_button):
            button.setEnabled(not saving)
        self.saving_bar.setVisible(saving)
        if saving:
            self.error.hide()

    def _save_failed(self, error: UserFacingError) -> None:
        self._set_saving(False)
        if self._session is None:
            return
        if isinstance(error, IntakeRefused):
            self._show_step(self.flow.back_to(error.problems))
            return
        from ui.core_text import core_text

        self.error.setText(core_text(str(error)))
        self.error.show()

    def _save_finished(self, result: IntakeResult) -> None:
        self._set_saving(False)
        session = self._session
        if session is None:  # locked while saving: the lock already knows it was stored
            return
        self.saved = result
        self.draft_id = None  # dropped by the save job
        count = len(result.personal_ids)
        text = (self.tr("1 person was saved.") if count == 1
                else self.tr("{n} people were saved.").format(n=count))
        text += " " + self.tr("The records are in the outbox and will sync when the device is online.")
        if result.notices:
            text += "\n\n" + "\n".join(sorted(set(result.notices)))
        self.done_text.setText(text)
        self.profile_button.setVisible(session.can("client.view_basic"))
        from ui.documents.wizard_hook import offer_consent_print

        self.consent_print = offer_consent_print(self, self.done_actions, session, result)
        self.stack.setCurrentWidget(self.done_page)
        for button in (self.next_button, self.back_button, self.discard_button):
            button.hide()
        self.step_list.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        # The worker sees "saved" before whatever the main window refreshes on the signal.
        self.repaint()
        self.intake_did_save.emit(result)

    def _open_profile(self) -> None:
        if self.saved is not None and self.saved.personal_ids:
            self.profile_requested.emit(self.saved.personal_ids[0])
        self.accept()

    # -- drafts (ui.lock.DraftSource) -------------------------------------------------

    def _finish_pending_save(self) -> None:
        """A lock or a close during a save waits for it; an intake it stored keeps no draft."""
        stored = self.save_job.wait()
        if stored is not None:
            self.saved = stored
            self.draft_id = None

    def draft_payload(self) -> dict[str, Any] | None:
        """For the lock (and a close): it writes the draft itself, under the same id, so
        a write still waiting its turn is dropped and the one in flight waited for."""
        self.drafts.cancel()
        self.drafts.flush()
        return self._payload_now()

    def _payload_now(self) -> dict[str, Any] | None:
        self._finish_pending_save()
        if self.saved is not None or self._session is None:
            return None
        self.current_page.leave()
        return self.flow.to_payload() if self.flow.has_typing else None

    def _keep_draft(self) -> bool:
        """A step changed: the draft is written off the UI thread."""
        session = self._session
        payload = self._payload_now()
        if session is None or payload is None:
            return False
        self.draft_id = self.drafts.write(session, payload, self.draft_id)
        return True

    def keep_draft_now(self) -> bool:
        """Keep this intake as a draft at once, and say whether it is in the vault (a
        close, or a form carried over from elsewhere that is dropped once this is kept)."""
        session = self._session
        payload = self.draft_payload()
        if session is None or payload is None:
            return False
        try:
            self.draft_id = save_draft(session, DRAFT_KIND, payload, self.draft_id)
        except UserFacingError as exc:
            log.error("could not keep the intake draft: %s", type(exc).__name__)
            return False
        return True

    def _discard(self) -> None:
        answer = QMessageBox.question(
            self, window_title(self.tr("Discard intake")),
            self.tr("Discard this intake? Nothing of it has been saved, and it will not be kept."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        self.discard()

    def discard(self) -> None:
        self.drafts.cancel()
        self.drafts.flush()
        session = self._session
        if session is not None and self.draft_id:
            try:
                discard_draft(session, self.draft_id)
            except UserFacingError as exc:
                log.warning("could not drop the intake draft: %s", type(exc).__name__)
        self.draft_id = None
        self.saved = self.saved or IntakeResult("", [], [])
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Escape or the window's close button: the intake is kept as a draft, not lost."""
        if not self.closed_for_lock and self.saved is None:
            self.keep_draft_now()
        super().reject()

    def done(self, code: int) -> None:
        self._finish_pending_save()
        self.drafts.flush()
        super().done(code)
        self.wizard_did_close.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.closed_for_lock and self.saved is None:
            self.keep_draft_now()
        super().closeEvent(event)

    def clear_client_data(self) -> None:
        """After the draft is kept: forget every answer held in memory and on screen (S4)."""
        self._session = None
        self.flow.forget()
        self._building.stop()
        self._step_changer.stop()
        self._step_change.stop()
        if not hasattr(self, "_page_builder"):
            return  # built ahead and never opened: it held nobody's data
        self._page_builder.stop()
        for page in self.pages.built.values():
            page.clear_client_data()
        self.step_model.clear()  # the step list names the people too
        self.done_text.setText("")

    def retire(self) -> None:
        """After it closed: forget the intake, then delete the window a page per turn of
        the event loop (``delete_in_parts``); deleting every page at once held the main
        window 10-20 ms just as the worker went back to it."""
        self.clear_client_data()
        pages: list[QWidget] = list(self.scrolls.values())
        self.scrolls.clear()
        self.pages.built.clear()
        delete_in_parts(self, pages)

    def close_for_lock(self) -> None:
        self._finish_pending_save()
        self.closed_for_lock = True
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)
