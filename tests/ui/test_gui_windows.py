"""Ctrl+Q from every window, the Steps list back to steps already done, and one intake
window at a time that nothing opens over. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_vault, signed_in_missouri
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_gui_wizard_problems import _to_member_page
from wizard_support import open_wizard, pick_project, step, tick_script

from app.clock import FakeClock
from app.intake.steps import Step


def _closes(gui, main) -> list[bool]:
    """Record a close of the app instead of ending the test's event loop."""
    closed: list[bool] = []
    main.window_will_close.disconnect(gui.app.quit)
    main.window_will_close.connect(lambda: closed.append(True))
    return closed


def test_ctrl_q_quits_from_the_intake_wizard(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    closed = _closes(gui, main)
    wizard = open_wizard(qtbot, main)
    field = wizard.pages[Step.PROJECT].project
    QTest.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: closed == [True])


def test_ctrl_q_quits_from_a_modal_dialog(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    closed = _closes(gui, main)
    dialog = main.open_export()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    QTest.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: closed == [True])


def test_ctrl_q_quits_from_the_sign_in_window(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    window = gui.controller.sign_in_window
    qtbot.waitUntil(window.isVisible)
    quits: list[bool] = []
    gui.controller.app.aboutToQuit.connect(lambda: quits.append(True))
    gui.controller.quit_key._on_quit = lambda: quits.append(True)  # keep the test's event loop
    QTest.keyClick(window.username, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(quits))


def test_steps_list_goes_back_to_a_step_already_done(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, wizard = _to_member_page(qtbot, make_gui, tmp_path, clock)
    rows = [ref.step for ref in wizard.flow.steps()]
    later = rows.index(Step.REVIEW)
    rect = wizard.step_list.visualRect(wizard.step_model.index(later, 0))
    qtbot.mouseClick(wizard.step_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert step(wizard) is Step.MEMBER, "a step not reached yet is only reached through Next"
    rect = wizard.step_list.visualRect(wizard.step_model.index(rows.index(Step.SCRIPT), 0))
    qtbot.mouseClick(wizard.step_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert step(wizard) is Step.SCRIPT
    assert all(box.isChecked() for box in wizard.pages[Step.SCRIPT].boxes.values()), "nothing done is lost"


def test_one_intake_at_a_time_and_nothing_over_it(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    wizard = open_wizard(qtbot, main)
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    assert QApplication.activeModalWidget() is wizard, "the main window's Sync, Export and New person wait"
    main.intake_button.click()
    assert main.intake_wizard is wizard and step(wizard) is Step.SHARING
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w) is type(wizard)] == [wizard]
