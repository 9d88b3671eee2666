"""Signing in: errors on the form, lockout from the pack, forced password change."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault, planted_person
from PySide6.QtWidgets import QApplication

from app.clock import FakeClock
from app.security.users import add_user
from app.session import sign_in as core_sign_in
from ui.signin.change_password_dialog import ChangePasswordDialog


def _attempt(qtbot, gui, password: str) -> str:
    window = gui.controller.sign_in_window
    window.username.setText(ADMIN)
    window.password.setText(password)
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: window.form_error.isVisible() and window.sign_in_button.isEnabled(),
                    timeout=20_000)
    return window.form_error.text()


def test_wrong_password_is_explained_on_the_form(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    window = gui.controller.sign_in_window
    assert window is not None and window.isVisible()
    assert gui.controller.setup_window is None
    message = _attempt(qtbot, gui, "not the password at all")
    assert "wrong" in message
    assert window.password.text() == ""
    assert gui.controller.main_window is None


def test_vt_account_locks_after_three_failures(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, pack="vt", password=VT_PASSWORD)
    gui = make_gui(vault.data_dir, clock)
    first = _attempt(qtbot, gui, "Wrong#Guess1")
    assert "2 attempts left" in first
    _attempt(qtbot, gui, "Wrong#Guess2")
    third = _attempt(qtbot, gui, "Wrong#Guess3")
    assert "locked" in third
    fourth = _attempt(qtbot, gui, VT_PASSWORD)
    assert "locked" in fourth and "administrator" in fourth
    assert gui.controller.main_window is None


def test_enter_in_the_password_field_signs_in(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    window = gui.controller.sign_in_window
    qtbot.keyClicks(window.username, ADMIN)
    qtbot.keyClicks(window.password, ADMIN_PASSWORD)
    qtbot.keyClick(window.password, "\r")
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=20_000)
    main = gui.controller.main_window
    assert "Ada Admin" in main.user_label.text() and "Administrator" in main.user_label.text()


def test_first_password_must_be_changed_and_volunteer_sees_no_ssn(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, people=[planted_person()])
    admin = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    add_user(admin, "volunteer1", "Val Volunteer", "volunteer", "temporary passphrase for val 7",
             access_completed_on=admin.clock.now().date())
    admin.close()

    gui = make_gui(vault.data_dir, clock)
    window = gui.controller.sign_in_window
    window.username.setText("volunteer1")
    window.password.setText("temporary passphrase for val 7")
    window.sign_in_button.click()

    def dialog() -> ChangePasswordDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, ChangePasswordDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=20_000)
    assert gui.controller.main_window is None
    change = dialog()
    change.current.setText("temporary passphrase for val 7")
    change.fields.password.setText("short")
    assert "at least 15" in change.fields.password_field.message.text()
    change.fields.password.setText("quiet meadow kettle orchard 19")
    change.fields.confirm.setText("quiet meadow kettle orchard 19")
    change.change_button.click()
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=20_000)

    main = gui.controller.main_window
    assert main.model.columnCount() == 3  # name, date of birth and the age it gives; no SSN
    main.search.setText("Zandermoss")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    shown = [main.model.data(main.model.index(0, c)) for c in range(main.model.columnCount())]
    assert not any("7890" in str(value) for value in shown)
