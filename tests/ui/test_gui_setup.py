"""Setting up a device from the first screen."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN_PASSWORD
from PySide6.QtWidgets import QApplication

from app.clock import FakeClock
from app.vault.vault import vault_exists
from ui.setup.recovery_key_dialog import RecoveryKeyDialog


def _recovery_dialog() -> RecoveryKeyDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RecoveryKeyDialog) and widget.isVisible():
            return widget
    return None


def test_setup_creates_the_vault_and_shows_the_recovery_key_once(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    data_dir = tmp_path / "device"
    gui = make_gui(data_dir, clock)
    window = gui.controller.setup_window
    assert window is not None and window.isVisible()
    assert window.windowTitle().startswith("HMIS Intake")

    window.pack.setCurrentIndex(window.pack.findData("ct"))
    window.agency.setText("Harbour Street Outreach")
    window.username.setText("admin")
    window.display_name.setText("Ada Admin")
    window.password.setText(ADMIN_PASSWORD)
    window.confirm.setText(ADMIN_PASSWORD)
    window.create_button.click()

    qtbot.waitUntil(lambda: _recovery_dialog() is not None, timeout=30_000)
    assert vault_exists(data_dir)
    dialog = _recovery_dialog()
    assert dialog is not None
    key = dialog.key_view.toPlainText()
    assert len(key.replace("-", "").replace(" ", "")) >= 20
    assert dialog.key_view.isReadOnly()
    assert not dialog.continue_button.isEnabled()

    dialog.copy_button.click()
    assert QApplication.clipboard().text() == key
    dialog.stored.setChecked(True)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: _recovery_dialog() is None)
    assert key not in " ".join(w.toPlainText() for w in QApplication.allWidgets()
                               if hasattr(w, "toPlainText"))
    main = gui.controller.main_window
    assert main is not None and main.isVisible()
    assert main.windowTitle() == "HMIS Intake"


def test_password_feedback_is_live_and_names_the_broken_rules(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    gui = make_gui(tmp_path / "device", clock)
    window = gui.controller.setup_window
    window.pack.setCurrentIndex(window.pack.findData("vt"))
    window.username.setText("admin")
    window.password.setText("short")
    message = window.password_field.message.text()
    assert "at least 8" in message
    assert "upper-case" in message and "digit" in message
    window.password.setText("Harbour#Lantern42")
    assert window.password_field.message.text() == ""
    window.confirm.setText("Harbour#Lantern4")
    assert "not the same" in window.confirm_field.message.text()


def test_setup_refuses_missing_fields_next_to_each_field(qtbot, make_gui, tmp_path: Path,
                                                         clock: FakeClock) -> None:
    data_dir = tmp_path / "device"
    gui = make_gui(data_dir, clock)
    window = gui.controller.setup_window
    window.create_button.click()
    assert "agency" in window.agency_field.message.text()
    assert "user name" in window.username_field.message.text()
    assert not vault_exists(data_dir)
