"""Two-step sign-in in the GUI (issue 12 item 12, CT-GOV-1 / A7): enrolling with the QR
code from the Settings menu, then the code asked after the password at the unlock
screen, on a fake clock so the codes are known."""

from __future__ import annotations

import os
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from PySide6.QtWidgets import QApplication

from app.clock import FakeClock
from app.security import totp
from ui.lock import LockReason
from ui.signin.two_step_dialog import TwoStepDialog

SHOTS = os.environ.get("HMIS_SHOTS_DIR")


def _dialog() -> TwoStepDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, TwoStepDialog) and w.isVisible()),
                None)


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def _enrol(qtbot, gui, clock: FakeClock) -> tuple[str, list[str]]:
    main = gui.controller.main_window
    main.menus.two_step_action.trigger()
    qtbot.waitUntil(lambda: _dialog() is not None)
    dialog = _dialog()
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() > 150
    secret = dialog._enrollment.secret
    assert dialog.secret_view.text().replace(" ", "") == secret
    _shot(dialog, "enrollment-dialog.png")
    qtbot.keyClicks(dialog.code, "123")  # a mistyped code: explained, nothing stored
    dialog.turn_on_button.click()
    assert dialog.error.isVisible() and not totp.is_enrolled(gui.controller.session)
    dialog.code.setText(totp.code_at(secret, clock.now()))
    dialog.turn_on_button.click()
    assert dialog.pages.currentIndex() == 1
    codes = dialog.codes_view.toPlainText().split()
    assert len(codes) == totp.RECOVERY_CODES
    _shot(dialog, "enrollment-recovery-codes.png")
    dialog.done_button.click()
    qtbot.waitUntil(lambda: _dialog() is None)
    return secret, codes


def test_enrol_with_the_qr_code_then_unlock_asks_for_the_code(qtbot, make_gui, tmp_path: Path,
                                                             clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    secret, _codes = _enrol(qtbot, gui, clock)

    gui.lock.lock(LockReason.MANUAL)
    window = gui.controller.sign_in_window
    qtbot.waitUntil(lambda: window.isVisible())
    assert not window.code.isVisible()
    clock.advance(seconds=totp.STEP_SECONDS)
    window.username.setText(ADMIN)  # the ct lock screen keeps no name (CT-403-2)
    window.password.setText(ADMIN_PASSWORD)
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: window.asking_code and window.code.isVisible() and window.code.isEnabled(),
                    timeout=20_000)
    assert gui.controller.session is None and gui.controller.main_window is None
    _shot(window, "code-prompt.png")

    # A wrong code: back to the password, counted toward the lockout.
    wrong = "000000" if totp.code_at(secret, clock.now()) != "000000" else "111111"
    qtbot.keyClicks(window.code, wrong)
    qtbot.keyClick(window.code, "\r")
    qtbot.waitUntil(lambda: window.form_error.isVisible() and window.sign_in_button.isEnabled(), timeout=20_000)
    assert "code is wrong" in window.form_error.text()
    assert not window.code.isVisible() and gui.controller.main_window is None

    window.password.setText(ADMIN_PASSWORD)
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: window.asking_code and window.code.isEnabled(), timeout=20_000)
    qtbot.keyClicks(window.code, totp.code_at(secret, clock.now()))
    qtbot.keyClick(window.code, "\r")
    qtbot.waitUntil(lambda: gui.controller.main_window is not None and gui.controller.main_window.isVisible(),
                    timeout=20_000)
    session = gui.controller.session
    failed = session.conn.execute("SELECT COUNT(*) FROM audit_event WHERE action = 'signin.failed'").fetchone()[0]
    assert failed == 1


def test_back_at_the_code_prompt_closes_the_vault(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    _enrol(qtbot, gui, clock)
    gui.lock.lock(LockReason.MANUAL)
    window = gui.controller.sign_in_window
    qtbot.waitUntil(lambda: window.isVisible())
    window.username.setText(ADMIN)  # the ct lock screen keeps no name (CT-403-2)
    window.password.setText(ADMIN_PASSWORD)
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: window.asking_code and window.code.isEnabled(), timeout=20_000)
    pending = gui.controller.code_step.pending
    assert pending is not None and pending.vault.is_open
    window.recovery_button.click()  # "Back"
    assert not pending.vault.is_open and not window.asking_code
    assert window.password.isEnabled() and window.recovery_button.text() != ""


def test_an_administrator_removes_two_step_sign_in_from_users(qtbot, make_gui, tmp_path: Path,
                                                               clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    _enrol(qtbot, gui, clock)
    main = gui.controller.main_window
    dialog = main.open_admin("users")
    assert dialog is not None and dialog.two_step_button.isVisible()
    assert "Two-step sign-in" in dialog.model.index(0, 3).data()
    dialog.table.selectRow(0)
    dialog.two_step_button.click()
    assert "Two-step sign-in" not in dialog.model.index(0, 3).data()
    assert "password alone" in dialog.message.text()
    assert not totp.is_enrolled(gui.controller.session)
    dialog.accept()
    gui.lock.lock(LockReason.MANUAL)
    window = gui.controller.sign_in_window
    qtbot.waitUntil(lambda: window.isVisible())
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)  # the password alone again
    assert not window.asking_code


def test_an_unanswered_code_prompt_closes_the_vault(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    _enrol(qtbot, gui, clock)
    gui.lock.lock(LockReason.MANUAL)
    window = gui.controller.sign_in_window
    qtbot.waitUntil(lambda: window.isVisible())
    window.username.setText(ADMIN)  # the ct lock screen keeps no name (CT-403-2)
    window.password.setText(ADMIN_PASSWORD)
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: window.asking_code and window.code.isEnabled(), timeout=20_000)
    pending = gui.controller.code_step.pending
    timer = gui.controller.code_step.timer
    assert timer.isActive() and timer.interval() == 120_000
    timer.setInterval(10)  # the same timer, without waiting two minutes
    timer.start()
    qtbot.waitUntil(lambda: not window.asking_code, timeout=5_000)
    assert not pending.vault.is_open and "in time" in window.form_error.text()
