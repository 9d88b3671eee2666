"""The window after sign-in: find a person as you type, add one, lock.

Search runs through ``app.search_service.find_people`` (FTS5, role limits and
conflict-of-interest exclusions, VT-2.1-8) 150 ms after the last keystroke, off the
UI thread on a second connection (``ui.search.search_runner``): typing never waits
for the vault, and an answer overtaken by newer typing is dropped.
The status bar shows who is signed in and the outbox against the pack's timeliness
window (``ui.search.outbox_status``, counted off the UI thread). A notice about the
whole session (``add_notice``) goes under the timeliness banner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.drafts import discard_draft, list_drafts
from app.errors import UserFacingError
from app.outbox import OutboxStatus
from app.profile import load_profile
from app.session import Session
from app.vault.connection import transaction
from ui.clipboard import ClipboardGuard
from ui.export.export_dialog import EXPORT_PERMISSION, ExportDialog
from ui.i18n import active_language, remember_language, set_language
from ui.people.new_person import LEGACY_DRAFT_KIND, names_from_search, person_from_legacy_draft
from ui.profile.prepared import ProfilePreparer
from ui.profile.profile_window import ProfileWindow
from ui.projects.projects_dialog import open_projects
from ui.search.drafts_bar import DraftsBar
from ui.search.main_menus import MainMenus
from ui.search.my_clients import MyClientsDialog
from ui.search.outbox_status import OutboxStatusView
from ui.search.people_model import PeopleModel, columns_for, results_table, shows_last_contact
from ui.search.search_keys import SearchKeys
from ui.search.search_runner import SearchAnswer, SearchRunner
from ui.sync.timeliness_banner import TimelinessBanner
from ui.theme import demo_banner, resource_icon, window_title
from ui.widgets.mnemonics import give_unique_mnemonics
from ui.widgets.prepared_window import AFTER_CLOSE_MS
from ui.wizard.intake_wizard import DRAFT_KIND as INTAKE_DRAFT_KIND
from ui.wizard.intake_wizard import IntakeWizard
from ui.wizard.prepared import IntakePreparer

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 200


class MainWindow(QMainWindow):
    window_will_close = Signal()
    search_did_finish = Signal()  # the latest search's answer (or its message) is shown

    def __init__(self, session: Session, clipboard: ClipboardGuard, lock_action: QAction,
                 demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = session
        self._clipboard = clipboard
        self._demo = demo
        self._quitting = False
        # Asked before the window closes the app; ``False`` keeps it open (records waiting to sync).
        self.close_guard: Callable[[], bool] | None = None
        self._shown_count: int | None = None
        self.intake_wizard: IntakeWizard | None = None
        self.profile_window: ProfileWindow | None = None
        self.profile_preparer = ProfilePreparer(session, demo, self)  # the next profile, built while idle
        self.intake_preparer = IntakePreparer(session, demo, self)  # the next new intake, built while idle
        language = session.settings.language or active_language()
        if language != active_language():
            set_language(_qt_app(), language)
        self.setWindowTitle(window_title(None, demo))
        self.resize(1180, 720)

        central = QWidget()
        central.setObjectName("screen")
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if demo:
            outer.addWidget(demo_banner(central))
        page = QVBoxLayout()
        page.setContentsMargins(24, 18, 24, 12)
        page.setSpacing(10)
        outer.addLayout(page, 1)

        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("heading")
        header.addWidget(self.title)
        header.addStretch(1)
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        if not session.can("client.create"):
            self.new_button.hide()
        self.lock_button = QPushButton(resource_icon("lock.svg", 48), "")
        self.lock_button.setObjectName("lockButton")
        self.intake_button = QPushButton()
        if not session.can("intake.run"):
            self.intake_button.hide()
        self.my_clients_button = QPushButton()
        if not session.can("client.view_basic"):
            self.my_clients_button.hide()
        self.my_clients_dialog: MyClientsDialog | None = None
        header.addWidget(self.my_clients_button)
        header.addWidget(self.intake_button)
        header.addWidget(self.new_button)
        header.addWidget(self.lock_button)
        page.addLayout(header)
        self.timeliness_banner = TimelinessBanner(session.can("sync.run"))
        page.addWidget(self.timeliness_banner)
        self._notices = QVBoxLayout()  # add_notice: under the banner, above the search
        self._notices.setSpacing(6)
        page.addLayout(self._notices)

        self.search_label = QLabel()
        self.search_label.setObjectName("subheading")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumHeight(34)
        self.search_label.setBuddy(self.search)
        page.addWidget(self.search_label)
        page.addWidget(self.search)

        self.drafts_bar = DraftsBar()
        self.drafts_label = self.drafts_bar.label
        self.resume_button = self.drafts_bar.resume_button
        page.addWidget(self.drafts_bar)

        self.result_info = QLabel()
        self.result_info.setObjectName("hint")
        self.result_info.setTextFormat(Qt.TextFormat.PlainText)
        page.addWidget(self.result_info)

        self.model = PeopleModel(columns_for(session), self)
        self.table = results_table(self.model)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results = QStackedWidget()
        self.results.addWidget(self.empty)
        self.results.addWidget(self.table)
        page.addWidget(self.results, 1)

        self._signed_in_as = (session.user.display_name, session.user.role.name)
        self.user_label = QLabel()
        self.outbox_label = QLabel()
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.outbox_label)

        self.menus = MainMenus(self, session, lock_action, self.table)
        # The menu entries by name, for the screens and tests that reach them.
        self.file_menu = self.menus.file_menu
        self.new_action = self.menus.new_action
        self.intake_action = self.menus.intake_action
        self.quit_action = self.menus.quit_action
        self.tools_menu = self.menus.tools_menu
        self.export_action = self.menus.export_action
        self.sync_action = self.menus.sync_action
        self.settings_menu = self.menus.settings_menu
        self.language_menu = self.menus.language_menu
        self.language_actions = self.menus.language_actions
        self.copy_action = self.menus.copy_action
        self.quit_action.triggered.connect(self.close)
        self.menus.users_action.triggered.connect(lambda: self.open_admin("users"))
        self.menus.device_settings_action.triggered.connect(lambda: self.open_admin("settings"))
        self.admin_dialog: QDialog | None = None
        self.export_action.triggered.connect(lambda: self.open_export())
        self.menus.projects_action.triggered.connect(lambda: open_projects(self, self._session, self._demo))
        self.menus.language_chosen.connect(self.choose_language)

        self._searches = SearchRunner(self)
        self._searches.answer_did_arrive.connect(self._show_answer)
        self._searches.search_did_fail.connect(self._show_search_failure)
        self._search_keys = SearchKeys(self.search, self._searches, self.run_search, self._enter_results,
                                       SEARCH_DEBOUNCE_MS, self)
        self.search_did_finish.connect(self._search_keys.answered)  # first: Enter's focus before the rest
        self.outbox = OutboxStatusView(session, self.outbox_label, self.timeliness_banner, self)
        # The label shows the latest count; every count goes on, for the sync runner
        # to compare each with the one before and notice saves.
        self.status_did_refresh = self.outbox.status_did_refresh
        self.outbox_did_count = self.outbox.outbox_did_count

        self.new_button.clicked.connect(lambda: self.open_new_person())
        self.new_action.triggered.connect(lambda: self.open_new_person())
        self.lock_button.clicked.connect(lock_action.trigger)
        self.intake_button.clicked.connect(lambda: self.open_intake())
        self.my_clients_button.clicked.connect(lambda: self.open_my_clients())
        self.intake_action.triggered.connect(lambda: self.open_intake())
        self.table.activated.connect(lambda index: self.open_profile_at(index.row()))
        self.resume_button.clicked.connect(self._resume_latest_draft)
        self.copy_action.triggered.connect(self._copy_selected_name)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.intake_button)
        self.setTabOrder(self.intake_button, self.new_button)
        self.setTabOrder(self.new_button, self.lock_button)
        self.retranslate_ui()
        self.search.setFocus()
        self.profile_preparer.start()
        self.intake_preparer.start()

    # -- language ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every text of this window in the language now installed (Settings → Language
        changes it at once; an open intake or profile keeps its language)."""
        self.setWindowTitle(window_title(None, self._demo))
        self.title.setText(self.tr("Find a person"))
        self.new_button.setText(self.tr("&New person\u2026"))
        self.new_button.setAccessibleName(self.tr("New person"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock now"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.my_clients_button.setText(self.tr("&My clients"))
        self.my_clients_button.setAccessibleName(self.tr("My clients and what is due this week"))
        self.intake_button.setText(self.tr("New &intake\u2026"))
        self.intake_button.setAccessibleName(self.tr("New intake"))
        self.intake_button.setToolTip(self.tr("New intake (Ctrl+I)"))
        self.search_label.setText(self.tr("&Search by name, date of birth or last 4 of SSN"))
        self.search.setPlaceholderText(self.tr("e.g. Juniper, 1985-03-14, 03/14/1985 or 4321"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.table.setAccessibleName(self.tr("Search results"))
        self.empty.setText(self.tr("Type in the search box to find people on this device."))
        from ui.core_text import role_name

        name, role = self._signed_in_as
        self.user_label.setText(self.tr("Signed in as {name} \u00b7 {role}").format(name=name, role=role_name(role)))
        self.menus.retranslate()
        self.drafts_bar.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))
        if self._shown_count is not None:
            self._describe_results(self._shown_count)
        self.outbox.retranslate()
        self.refresh_status()
        self.refresh_drafts_bar()
        give_unique_mnemonics(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- search -----------------------------------------------------------------------

    def run_search(self) -> None:
        """Start the search for what the box says now; the answer comes back later
        (``search_did_finish``), and one to an earlier text is dropped."""
        self._search_keys.debounce.stop()
        session = self._session
        if session is None:
            return
        text = self.search.text()
        self._shown_count = None
        if not text.strip():
            self._search_keys.stop()
            self.model.clear()
            self.results.setCurrentWidget(self.empty)
            self.result_info.setText("")
            self.search_did_finish.emit()
            return
        self._searches.start(session, text, SEARCH_LIMIT, shows_last_contact(session))

    @property
    def searching(self) -> bool:
        """A search was asked for and its answer is not shown yet."""
        return self._search_keys.waiting

    def _show_answer(self, answer: SearchAnswer) -> None:
        if self._session is None:
            return
        self.model.set_hits(answer.hits, answer.today, answer.contacts)
        self.results.setCurrentWidget(self.table)
        self._describe_results(len(answer.hits))
        self.search_did_finish.emit()

    def _show_search_failure(self, error: UserFacingError) -> None:
        if self._session is None:
            return
        self.model.clear()
        self.result_info.setText(str(error))
        self.search_did_finish.emit()

    def _enter_results(self) -> bool:
        if self.model.rowCount() == 0 or self.results.currentWidget() is not self.table:
            return False
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self.table.currentIndex()
        self.table.selectRow(current.row() if current.isValid() else 0)
        return True

    def _describe_results(self, count: int) -> None:
        self._shown_count = count
        if not count:
            self.result_info.setText(self.tr("No one on this device matches."))
        elif count >= SEARCH_LIMIT:
            self.result_info.setText(self.tr("Showing the first {n}; type more to narrow it down.")
                                     .format(n=SEARCH_LIMIT))
        else:
            self.result_info.setText(self.tr("{n} found").format(n=count) if count != 1
                                     else self.tr("1 found"))

    def _copy_selected_name(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row(rows[0].row()) if rows else None
        if row is not None:
            self._clipboard.copy(row.name)

    # -- status and notices -----------------------------------------------------------

    @property
    def outbox_status(self) -> OutboxStatus | None:
        """The count the label shows; ``None`` until the first is in."""
        return self.outbox.status

    def refresh_status(self) -> None:
        self.outbox.refresh()

    def add_notice(self, notice: QWidget) -> None:
        """A line about the whole session (another device signed in as this user, say),
        under the timeliness banner."""
        self._notices.addWidget(notice)

    # -- new person -------------------------------------------------------------------

    def open_new_person(self) -> IntakeWizard | None:
        """MO-ROI-1, CT-207-1: a new person is an intake of a one-person household, so
        the oral explanation, the consent and the duplicate check come first; the names
        typed in the search box are carried into it. An intake already open is raised
        instead (one intake at a time)."""
        session = self._session
        if session is None or not session.can("client.create"):
            return None
        return self.open_intake(person=names_from_search(self.search.text()))

    # -- drafts -----------------------------------------------------------------------

    def resume_drafts(self, draft_ids: tuple[str, ...]) -> None:
        """Reopen the forms a lock just kept, exactly as they were."""
        session = self._session
        if session is None:
            return
        for draft in list_drafts(session):
            if draft.draft_id not in draft_ids:
                continue
            if draft.kind == INTAKE_DRAFT_KIND and self.intake_wizard is None:
                self.open_intake(draft.draft_id, draft.payload)
        self.refresh_drafts_bar()

    def refresh_drafts_bar(self) -> None:
        session = self._session
        if session is None:
            return
        open_ids = {self.intake_wizard.draft_id if self.intake_wizard else None}
        waiting = [d for d in list_drafts(session, LEGACY_DRAFT_KIND) if d.draft_id not in open_ids]
        intakes = [d for d in list_drafts(session, INTAKE_DRAFT_KIND) if d.draft_id not in open_ids]
        self.drafts_bar.show_counts(len(intakes), len(waiting))

    def _resume_latest_draft(self) -> None:
        session = self._session
        if session is None:
            return
        intakes = list_drafts(session, INTAKE_DRAFT_KIND)
        drafts = list_drafts(session, LEGACY_DRAFT_KIND)
        if intakes and self.intake_wizard is None:
            self.open_intake(intakes[0].draft_id, intakes[0].payload)
        elif drafts and self.intake_wizard is None:
            # A new-person form kept by an earlier version goes on as an intake, so it
            # too passes the explanation, consent and duplicate check before a save.
            wizard = self.open_intake(person=person_from_legacy_draft(drafts[0].payload))
            if wizard is not None and wizard.keep_draft_now():
                _quietly(lambda: discard_draft(session, drafts[0].draft_id))
        self.refresh_drafts_bar()

    # -- intake and profile -----------------------------------------------------------

    def open_intake(self, draft_id: str | None = None, payload: dict[str, object] | None = None,
                    person: dict[str, str] | None = None,
                    linked: list[dict[str, object]] | None = None) -> IntakeWizard | None:
        session = self._session
        if session is None or not session.can("intake.run"):
            return None
        if self.intake_wizard is not None:
            self.intake_wizard.raise_()
            self.intake_wizard.activateWindow()
            return self.intake_wizard
        fresh = draft_id is None and not payload and not person and not linked
        wizard = self.intake_preparer.take_for(session) if fresh else None
        if wizard is None:
            wizard = IntakeWizard(session, self._demo, draft_id, payload, self, person=person, linked=linked)
        wizard.intake_did_save.connect(lambda _result: self.refresh_status())
        wizard.profile_requested.connect(self.open_profile)
        wizard.wizard_did_close.connect(lambda: self._intake_closed(wizard))
        self.intake_wizard = wizard
        wizard.show()
        wizard.raise_()
        self.refresh_drafts_bar()
        return wizard

    def _intake_closed(self, wizard: IntakeWizard) -> None:
        if self.intake_wizard is wizard:
            self.intake_wizard = None
        wizard.retire()
        self.intake_preparer.start(AFTER_CLOSE_MS)  # the next one, while idle
        if not wizard.closed_for_lock:
            self.refresh_drafts_bar()

    def open_profile_at(self, row: int) -> None:
        hit = self.model.row(row)
        if hit is not None:
            self.open_profile(hit.personal_id)

    def open_profile(self, personal_id: str) -> ProfileWindow | None:
        session = self._session
        if session is None or not session.can("client.view_basic"):
            return None
        if self.profile_window is not None:
            self.profile_window.close_for_lock()
        try:
            profile = load_profile(session, personal_id)
        except UserFacingError as exc:
            self.result_info.setText(str(exc))
            return None
        window = self.profile_preparer.take_for(session)
        if window is None:
            window = ProfileWindow(session, profile, self._demo, self)
        else:
            window.show_profile(profile)
        window.profile_did_close.connect(lambda: self._profile_closed(window))
        window.reengage_requested.connect(self.reengage)
        self.profile_window = window
        # Filled in this turn of the event loop, put on screen in the next: the window's
        # first paint follows its show, and then shares its turn with nothing else (the
        # read, the fill, the show and the paint in one turn held the window 15 ms).
        QTimer.singleShot(0, window, lambda: self._show_profile_window(window))
        return window

    def _show_profile_window(self, window: ProfileWindow) -> None:
        if self.profile_window is window and self._session is not None:
            window.show()
            window.raise_()

    def reengage(self, personal_id: str) -> IntakeWizard | None:
        """A new enrollment for a client on file and their last household (``app.reengage``)."""
        from app.reengage import reengagement_members

        session = self._session
        if session is None or not session.can("intake.run"):
            return None
        if self.intake_wizard is not None:
            return self.open_intake()
        try:
            members = reengagement_members(session, personal_id)
        except UserFacingError as exc:
            self.result_info.setText(str(exc))
            return None
        if self.profile_window is not None:
            self.profile_window.accept()
        return self.open_intake(linked=members)

    def _profile_closed(self, window: ProfileWindow) -> None:
        if self.profile_window is window:
            self.profile_window = None
        window.deleteLater()
        self.profile_preparer.start(AFTER_CLOSE_MS)  # the next one, while idle

    def open_my_clients(self) -> MyClientsDialog | None:
        session = self._session
        if session is None or not session.can("client.view_basic"):
            return None
        dialog = MyClientsDialog(session, self._demo, self)
        dialog.profile_requested.connect(self.open_profile)
        dialog.finished.connect(lambda _code: self._my_clients_closed(dialog))
        self.my_clients_dialog = dialog
        dialog.open()
        return dialog

    def _my_clients_closed(self, dialog: MyClientsDialog) -> None:
        if self.my_clients_dialog is dialog:
            self.my_clients_dialog = None
        dialog.deleteLater()

    def open_admin(self, which: str) -> QDialog | None:
        """Users or Device settings, for the roles the pack lets manage them."""
        from ui.admin.settings_dialog import SettingsDialog
        from ui.admin.users_dialog import UsersDialog

        session = self._session
        needed = "users.manage" if which == "users" else "device.configure"
        if session is None or not session.can(needed):
            return None
        dialog: QDialog = (UsersDialog if which == "users" else SettingsDialog)(session, self._demo, self)
        dialog.finished.connect(lambda _code: self._admin_closed(dialog))
        self.admin_dialog = dialog
        dialog.open()
        return dialog

    def _admin_closed(self, dialog: QDialog) -> None:
        if self.admin_dialog is dialog:
            self.admin_dialog = None
        dialog.deleteLater()

    def open_export(self) -> ExportDialog | None:
        session = self._session
        if session is None or not session.can(EXPORT_PERMISSION):
            return None
        dialog = ExportDialog(session, self._demo, self)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()
        return dialog

    def choose_language(self, language: str) -> None:
        """Kept in the vault's settings and the app's preferences (so the next sign-in
        screen uses it too); this window retranslates at once through ``changeEvent``."""
        session = self._session
        if session is None:
            return
        with transaction(session.conn):
            session.settings.language = language
        remember_language(language, session.vault.data_dir)
        set_language(_qt_app(), language)
        if self.intake_wizard is not None or self.profile_window is not None:
            message = self.tr("Language changed. The intake or profile already open stays in its language "
                              "until you close it and open it again.")
        else:
            message = self.tr("Language changed.")
        self.statusBar().showMessage(message, 15000)

    # -- lock -------------------------------------------------------------------------

    def clear_client_data(self) -> None:
        """Called by the lock controller after the session is locked (S4)."""
        self._session = None
        if self.profile_window is not None and not self.profile_window.isVisible():
            self.profile_window.close_for_lock()  # opened, not on screen yet: the lock found no dialog
        self.profile_preparer.end()
        self.intake_preparer.end()
        self._search_keys.stop()
        self.outbox.end()
        if self.my_clients_dialog is not None:
            self.my_clients_dialog.clear_client_data()
            self.my_clients_dialog.reject()
        if self.admin_dialog is not None:
            self.admin_dialog.reject()
        self.search.setText("")
        self.model.clear()
        self.results.setCurrentWidget(self.empty)
        self.result_info.setText("")
        self.outbox_label.setText("")
        self.drafts_bar.clear()
        self.statusBar().clearMessage()

    def quit_without_asking(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        if not self._quitting:
            self.window_will_close.emit()
        super().closeEvent(event)


def _quietly(action: Callable[[], None]) -> None:
    try:
        action()
    except UserFacingError as exc:
        log.warning("draft cleanup failed: %s", type(exc).__name__)


def _qt_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
