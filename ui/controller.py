"""Which screen is showing, and the hand-over between them.

No vault: set-up (or a demo vault). A vault: sign-in. After sign-in (and a forced
password change if the pack requires one): the main window, guarded by the lock
controller. After a lock: the sign-in screen again, as the unlock screen; when the
same user signs back in, the forms the lock kept reopen as they were.

Every collaborator comes in through the constructor (``ui.main`` builds them), so a
test builds the same controller on a temporary folder with a fake clock.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from app.clock import Clock
from app.errors import UserFacingError
from app.vault.connection import transaction
from app.vault.unlock import load_keyfile
from app.vault.vault import vault_exists
from ui.clipboard import ClipboardGuard
from ui.core_text import core_text
from ui.i18n import active_language, remember_language, set_language, stored_language
from ui.lock import LockController, LockReason, LockReport
from ui.setup.recovery_key_dialog import RecoveryKeyDialog
from ui.signin.code_step import CodeStep
from ui.signin.signin_window import SignInWindow
from ui.sync.schedule import SyncSchedule
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    # The main window, sync and demo vault load after sign-in, not at start-up: the
    # sign-in screen shows sooner on an old laptop.
    # So do the vault core and its pack models (pydantic): they are imported where
    # first used, mostly on the sign-in job's thread.
    from app.packs import Pack
    from app.session import Session
    from app.two_step import PendingSignIn
    from ui.demo_vault import DemoVault
    from ui.search.main_window import MainWindow
    from ui.setup.setup_window import SetupRequest, SetupWindow
    from ui.sync.session_sync import SessionSync

log = logging.getLogger(__name__)

SCREEN_SIZE = (1040, 720)
MAIN_SIZE = (1280, 760)


class AppController(QObject):
    session_did_start = Signal()
    session_did_end = Signal()

    def __init__(self, app: QApplication, data_dir: Path, clock: Clock, clipboard: ClipboardGuard,
                 lock: LockController, tasks: TaskRunner, demo_parent_dir: Path | None = None) -> None:
        super().__init__()
        self.app = app
        self.data_dir = data_dir
        self.clock = clock
        self.clipboard = clipboard
        self.lock = lock
        self.tasks = tasks
        self.demo: DemoVault | None = None
        self._demo_parent_dir = demo_parent_dir
        self.session: Session | None = None
        self._pack: Pack | None = None
        # A right password waiting for its code (ui.signin.code_step).
        self.code_step = CodeStep(tasks, lambda: self.sign_in_window, self._signed_in, self)
        self.setup_window: SetupWindow | None = None
        self.sign_in_window: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        self.sync: SessionSync | None = None
        self.sync_schedule = SyncSchedule()
        self.last_lock: LockReport | None = None
        self._chosen_language: str | None = None
        self._shut_down = False
        lock.session_did_lock.connect(self._session_locked)
        app.aboutToQuit.connect(self.shutdown)
        from ui.widgets.quit_key import QuitKey

        self.quit_key = QuitKey(app, self.quit_from_key, self)
        self._asking_to_quit = False

    def quit_from_key(self) -> None:
        """Ctrl+Q in any window: as the main window's File > Quit while signed in."""
        if self._asking_to_quit:  # Ctrl+Q again on the "records wait to sync" question
            return
        window = self.main_window
        if window is not None and self.session is not None:
            self._asking_to_quit = True
            try:
                window.quit_action.trigger()
            finally:
                self._asking_to_quit = False
        else:
            self.app.quit()

    # -- screens ----------------------------------------------------------------------

    def start(self) -> None:
        # The language chosen last time on this computer, before any English is shown.
        language = stored_language(self.data_dir)
        if language is not None and language != active_language():
            set_language(self.app, language)
        if vault_exists(self.data_dir):
            self.show_sign_in()
        else:
            self.show_setup()

    def _show_screen(self, widget: QWidget) -> None:
        if not widget.isVisible():
            _centre(widget, SCREEN_SIZE)
        widget.show()
        widget.raise_()
        widget.activateWindow()

    def show_setup(self) -> None:
        from ui.setup.setup_window import SetupWindow

        window = SetupWindow()
        window.language.language_did_change.connect(self._remember_language)
        window.setup_requested.connect(self._create_vault)
        window.demo_requested.connect(self._create_demo)
        window.installEventFilter(_CloseToQuit(self.app, window))
        self.setup_window = window
        self._show_screen(window)

    def show_sign_in(self, report: LockReport | None = None) -> None:
        if self.sign_in_window is None:
            login = (self.demo.username, self.demo.password) if self.demo is not None else None
            window = SignInWindow(demo=self.demo is not None, demo_login=login)
            window.language.language_did_change.connect(self._remember_language)
            window.sign_in_requested.connect(self._sign_in)
            window.code_entered.connect(self.code_step.submit)
            window.code_cancelled.connect(self.code_step.drop)
            window.recovery_requested.connect(self._open_recovery)
            window.installEventFilter(_CloseToQuit(self.app, window))
            self.sign_in_window = window
        window = self.sign_in_window
        if report is not None:
            from app.sign_in_details import name_on_lock_screen

            name = "" if self._pack is None else name_on_lock_screen(self._pack, report.username)
            window.show_locked(lambda: self._lock_message(report), name)
        self._show_screen(window)
        window.focus_first_empty()

    def _lock_message(self, report: LockReport) -> str:
        if report.reason is LockReason.IDLE:
            text = (self.tr("Locked after 1 minute without activity.") if report.idle_minutes == 1
                    else self.tr("Locked after {m:g} minutes without activity.").format(m=report.idle_minutes))
        elif report.reason in (LockReason.SCREEN_LOCK, LockReason.SLEEP):
            text = self.tr("Locked because the computer was locked or went to sleep.")
        else:
            text = self.tr("Locked at your request.")
        if report.draft_ids:
            text += " " + self.tr("Your unsaved form was kept and reopens after you sign in.")
        return text

    # -- set-up -----------------------------------------------------------------------

    def _create_vault(self, request: SetupRequest) -> None:
        window = self.setup_window
        if window is None:
            return
        window.set_busy(self.tr("Creating the encrypted vault\u2026 this takes a few seconds."))
        from ui.setup.setup_window import create_with_projects

        self.tasks.submit(
            lambda: create_with_projects(self.data_dir, request, self.clock),
            self._vault_created,
            lambda error: self._setup_failed(str(error)),
        )

    def _vault_created(self, result: tuple[Session, str]) -> None:
        session, recovery_key = result
        if self.setup_window is not None:
            self.setup_window.forget_passwords()
        self._begin_session(session)
        if self.main_window is not None:
            dialog = RecoveryKeyDialog(recovery_key, self.clipboard, self.main_window)
            dialog.finished.connect(lambda _code: dialog.deleteLater())
            dialog.open()

    def _setup_failed(self, message: str) -> None:
        if self.setup_window is not None:
            self.setup_window.set_busy("")
            self.setup_window.show_error(message)

    def _create_demo(self, pack_id: str) -> None:
        window = self.setup_window
        if window is None:
            return
        window.set_busy(self.tr("Preparing a practice vault with made-up people\u2026"))
        from ui.demo_vault import DemoVault
        from ui.widgets.progress import ProgressRelay

        relay = ProgressRelay(self)  # the job's progress, carried to this thread
        relay.advanced.connect(self._demo_progress)
        self.tasks.submit(lambda: DemoVault.create(pack_id, self.clock, parent_dir=self._demo_parent_dir,
                                                   progress=relay.advanced.emit),
                          self._demo_created, lambda error: self._setup_failed(str(error)))

    def _demo_progress(self, done: int, total: int) -> None:
        window = self.setup_window
        if window is not None and total:
            window.show_busy(self.tr("Preparing a practice vault: {done} of {total} made-up people\u2026").format(
                done=done, total=total))
            window.show_progress(done, total)

    def _demo_created(self, result: tuple[DemoVault, Session]) -> None:
        self.demo, session = result
        self.data_dir = self.demo.data_dir
        self._begin_session(session)

    # -- sign-in ----------------------------------------------------------------------

    def _sign_in(self, username: str, password: str) -> None:
        window = self.sign_in_window
        if window is None:
            return
        window.set_busy(self.tr("Checking your password\u2026"))
        data_dir, clock = self.data_dir, self.clock
        self.code_step.drop()

        def password_step() -> Session | PendingSignIn:
            from app.session import begin_sign_in  # the vault core loads here, off the UI thread

            pending = begin_sign_in(data_dir, username, password, clock)
            return pending if pending.needs_code else pending.finish()

        self.tasks.submit(password_step, self._signed_in,
                          lambda error: window.show_failure(core_text(str(error))))

    def _signed_in(self, result: Session | PendingSignIn) -> None:
        from app.two_step import PendingSignIn

        if isinstance(result, PendingSignIn):
            self.code_step.hold(result)
            return
        session = result
        if self.sign_in_window is not None:
            self.sign_in_window.set_busy("")
        if session.needs_new_password:
            self._force_password_change(session)
        else:
            self._begin_session(session)

    def _force_password_change(self, session: Session) -> None:
        from app.security.users import change_own_password
        from ui.signin.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(session, self.sign_in_window)

        def change(current: str, new: str) -> None:
            dialog.set_busy(True)
            self.tasks.submit(lambda: change_own_password(session, current, new),
                              lambda _none: changed(), lambda error: dialog.show_failure(str(error)))

        def changed() -> None:
            dialog.accept()
            dialog.deleteLater()
            self._begin_session(session)

        def sign_out() -> None:
            dialog.close_for_lock()
            dialog.deleteLater()
            session.lock()
            self.show_sign_in()

        dialog.change_requested.connect(change)
        dialog.sign_out_requested.connect(sign_out)
        dialog.open()

    def _open_recovery(self) -> None:
        from app.packs import load_pack
        from app.session import sign_in_with_recovery
        from ui.signin.recovery_dialog import RecoveryDialog

        try:
            pack = load_pack(load_keyfile(self.data_dir).pack)
        except UserFacingError as exc:
            if self.sign_in_window is not None:
                self.sign_in_window.show_failure(str(exc))
            return
        username = self.sign_in_window.username.text().strip() if self.sign_in_window else ""
        dialog = RecoveryDialog(pack, username, self.demo is not None, self.sign_in_window)
        data_dir, clock = self.data_dir, self.clock

        def recover(user: str, key: str, new_password: str) -> None:
            dialog.set_busy(True)
            self.tasks.submit(lambda: sign_in_with_recovery(data_dir, key, user, new_password, clock),
                              recovered, lambda error: dialog.show_failure(str(error)))

        def recovered(result: tuple[Session, str]) -> None:
            session, new_key = result
            dialog.accept()
            dialog.deleteLater()
            self._begin_session(session)
            if self.main_window is not None:
                key_dialog = RecoveryKeyDialog(new_key, self.clipboard, self.main_window)
                key_dialog.finished.connect(lambda _code: key_dialog.deleteLater())
                key_dialog.open()

        dialog.recovery_requested.connect(recover)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    # -- session ----------------------------------------------------------------------

    def _remember_language(self, language: str) -> None:
        self._chosen_language = language
        remember_language(language, self.data_dir)

    def _begin_session(self, session: Session) -> None:
        self.session = session
        self._pack = session.pack  # what the lock screen may show once the session is gone
        # A language chosen on the set-up or sign-in screen is newer than the vault's setting.
        chosen = self._chosen_language or stored_language(self.data_dir)
        self._chosen_language = None
        if chosen is not None and chosen != session.settings.language:
            with transaction(session.conn):
                session.settings.language = chosen
        from ui.search.main_window import MainWindow
        from ui.sync.quit_guard import QuitGuard
        from ui.sync.session_sync import SessionSync

        window = MainWindow(session, self.clipboard, self.lock.lock_action, self.demo is not None)
        window.window_will_close.connect(self.app.quit)
        self.main_window = window
        self.lock.arm(session)
        # Background sync for this session; the lock stops it (ui.lock step 5).
        self.sync = SessionSync(session, window, self.sync_schedule, self.demo is not None)
        self.lock.add_job(self.sync)
        self.sync.start()
        window.close_guard = QuitGuard(session, self.sync.runner, window, lambda: _close_unguarded(window)).may_close
        _centre(window, MAIN_SIZE)
        window.showMaximized()
        window.raise_()
        window.activateWindow()
        for screen in (self.setup_window, self.sign_in_window):
            if screen is not None:
                screen.hide()
        if self.setup_window is not None:
            self.setup_window.deleteLater()
            self.setup_window = None
        for warning in session.warnings:
            window.statusBar().showMessage(warning, 15000)
        if session.second_factor_due:  # the pack requires it and this user has none yet
            from ui.signin.two_step_dialog import open_two_step

            open_two_step(window, session)
        report = self.last_lock
        self.last_lock = None
        if report is not None and report.user_id == session.user.user_id and report.draft_ids:
            window.resume_drafts(report.draft_ids)
        else:
            window.refresh_drafts_bar()
        self.session_did_start.emit()

    def _session_locked(self, report: LockReport) -> None:
        self.session = None
        self.sync = None
        self.last_lock = report
        if report.reason is not LockReason.QUIT:
            self.show_sign_in(report)
        window = self.main_window
        self.main_window = None
        if window is not None:
            window.hide()
            window.deleteLater()
        self.session_did_end.emit()

    def shutdown(self) -> None:
        """On quit: keep open forms as drafts and lock, then delete a demo vault."""
        if self._shut_down:
            return
        self._shut_down = True
        self.code_step.drop()
        self.lock.lock(LockReason.QUIT)
        self.clipboard.clear_if_ours()
        self.tasks.wait(30_000)
        if self.demo is not None:
            self.demo.discard()


def _centre(widget: QWidget, size: tuple[int, int]) -> None:
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        widget.resize(*size)
        return
    area = screen.availableGeometry()
    width, height = min(size[0], area.width()), min(size[1], area.height())
    widget.setGeometry(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2,
                       width, height)


def _close_unguarded(window: MainWindow) -> None:
    window.close_guard = None
    window.close()


class _CloseToQuit(QObject):
    """Closing the set-up or sign-in window ends the app, as closing the main one does."""

    def __init__(self, app: QApplication, parent: QWidget) -> None:
        super().__init__(parent)
        self._app = app
        QShortcut(QKeySequence.StandardKey.Quit, parent, app.quit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._app.quit()
        return False
