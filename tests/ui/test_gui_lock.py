"""Locking: idle in wall-clock time, sleep, OS signals, Ctrl+L, and what a lock leaves behind."""

from __future__ import annotations

from pathlib import Path

from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    PLANTED_FIRST,
    PLANTED_LAST,
    VT_PASSWORD,
    make_vault,
    planted_person,
    sign_in,
    texts_on_screen,
)
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from app.clock import FakeClock
from ui.lock import LockReason
from ui.wizard.intake_wizard import IntakeWizard

TYPED_FIRST = "Orrinwhistle"
TYPED_LAST = "Vexabramble"


class _PaintSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _signed_in(qtbot, make_gui, tmp_path: Path, clock: FakeClock, idle_minutes: int | None = None,
               pack: str = "ct", password: str = ADMIN_PASSWORD):
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=password, people=[planted_person()],
                       idle_minutes=idle_minutes)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    main.search.setText(PLANTED_LAST)
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    return gui, main


def _assert_locked(gui, session) -> None:
    assert gui.controller.session is None
    assert not session.vault.is_open
    assert gui.controller.main_window is None
    signin = gui.controller.sign_in_window
    assert signin is not None and signin.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [signin]


def _assert_nothing_shows(*names: str) -> None:
    texts = texts_on_screen()
    for name in names:
        assert not [t for t in texts if name.casefold() in t.casefold()], name
    for widget in QApplication.topLevelWidgets():
        for name in names:
            assert name.casefold() not in widget.windowTitle().casefold()


def test_idle_lock_after_the_vaults_minutes(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main = _signed_in(qtbot, make_gui, tmp_path, clock, idle_minutes=1)
    session = gui.controller.session
    clock.advance(seconds=50)
    qtbot.keyClick(main.search, Qt.Key.Key_End)  # input restarts the idle period
    clock.advance(seconds=50)
    assert gui.lock.is_armed and not gui.lock.idle_clock.expired()
    clock.advance(seconds=15)
    qtbot.waitUntil(lambda: gui.controller.session is None, timeout=5_000)
    _assert_locked(gui, session)
    assert "1 minute" in gui.controller.sign_in_window.notice.text()
    _assert_nothing_shows(PLANTED_FIRST, PLANTED_LAST)


def test_sleep_past_the_deadline_locks_before_the_first_repaint(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    gui, main = _signed_in(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    gui.lock.check_timer.stop()  # asleep: no timer fires
    clock.advance(hours=3)
    viewport = main.table.viewport()
    spy = _PaintSpy()
    viewport.installEventFilter(spy)

    QApplication.sendEvent(viewport, QPaintEvent(QRect(0, 0, 50, 50)))

    assert spy.paints == 0
    _assert_locked(gui, session)
    viewport.removeEventFilter(spy)


def test_window_activation_after_resume_locks_synchronously(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    gui, main = _signed_in(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    gui.lock.check_timer.stop()
    clock.advance(minutes=6)
    QApplication.sendEvent(main, QEvent(QEvent.Type.WindowActivate))
    _assert_locked(gui, session)


def test_os_sleep_and_screen_lock_signals_lock(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, _main = _signed_in(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    gui.os_listener.on_prepare_for_sleep(False)
    assert gui.controller.session is session
    gui.os_listener.on_prepare_for_sleep(True)
    _assert_locked(gui, session)

    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    session = gui.controller.session
    gui.os_listener.on_screensaver_active_changed(True)
    _assert_locked(gui, session)


def test_lock_with_a_form_open_keeps_every_keystroke_and_shows_nothing(qtbot, make_gui, tmp_path: Path,
                                                                       clock: FakeClock) -> None:
    # Vermont assumes consent to collect (VT-3.4-1), so the restored form can be saved alone.
    gui, main = _signed_in(qtbot, make_gui, tmp_path, clock, pack="vt", password=VT_PASSWORD)
    session = gui.controller.session
    main.search.setText(f"{TYPED_FIRST} {TYPED_LAST}")
    main.new_button.click()
    wizard = main.intake_wizard
    qtbot.waitUntil(lambda: wizard.isVisible())
    assert TYPED_FIRST not in wizard.windowTitle()

    qtbot.keyClick(wizard.next_button, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    _assert_locked(gui, session)
    assert not wizard.isVisible()
    _assert_nothing_shows(TYPED_FIRST, TYPED_LAST, PLANTED_FIRST, PLANTED_LAST)
    qtbot.waitUntil(lambda: not any(isinstance(w, IntakeWizard) for w in QApplication.allWidgets()))

    sign_in(qtbot, gui, ADMIN, VT_PASSWORD)
    main = gui.controller.main_window
    qtbot.waitUntil(lambda: main.intake_wizard is not None and main.intake_wizard.isVisible())
    restored = main.intake_wizard
    assert restored.restored_notice.isVisible()
    answers = restored.flow.members[0].answers
    assert (answers.get("FirstName"), answers.get("LastName")) == (TYPED_FIRST, TYPED_LAST)
    restored.discard()
    qtbot.waitUntil(lambda: main.intake_wizard is None)
    assert not main.drafts_bar.isVisible()


def test_a_different_user_does_not_get_the_form_back(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    from app.security.users import add_user
    from app.session import sign_in as core_sign_in

    vault = make_vault(tmp_path / "device", clock)
    admin = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    add_user(admin, "second", "Sam Second", "agency_admin", "other admin passphrase 55",
             access_completed_on=admin.clock.now().date())
    admin.conn.execute("UPDATE app_user SET must_change_password = 0")
    admin.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.search.setText(TYPED_FIRST)
    main.new_button.click()
    assert main.intake_wizard is not None
    gui.lock.lock_action.trigger()
    sign_in(qtbot, gui, "second", "other admin passphrase 55")
    assert gui.controller.main_window.intake_wizard is None
    _assert_nothing_shows(TYPED_FIRST)


def test_clipboard_is_cleared_on_lock_only_if_it_still_holds_our_text(qtbot, make_gui, tmp_path: Path,
                                                                      clock: FakeClock) -> None:
    gui, main = _signed_in(qtbot, make_gui, tmp_path, clock)
    main.table.selectRow(0)
    main.copy_action.trigger()
    assert QApplication.clipboard().text() == f"{PLANTED_LAST}, {PLANTED_FIRST}"
    gui.lock.lock(LockReason.MANUAL)
    assert QApplication.clipboard().text() == ""

    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.search.setText(PLANTED_LAST)
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    main.table.selectRow(0)
    main.copy_action.trigger()
    QApplication.clipboard().setText("a note the worker copied from elsewhere")
    gui.lock.lock(LockReason.MANUAL)
    assert QApplication.clipboard().text() == "a note the worker copied from elsewhere"


def test_lock_button_locks(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main = _signed_in(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    main.lock_button.click()
    _assert_locked(gui, session)
