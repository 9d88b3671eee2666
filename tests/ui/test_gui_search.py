"""Finding and adding people from the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.clock import FakeClock

from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    PLANTED_FIRST,
    PLANTED_LAST,
    VT_PASSWORD,
    make_vault,
    planted_person,
    sign_in,
)


def test_search_finds_a_planted_name_as_you_type(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, people=[planted_person()])
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    assert main.search.hasFocus() or main.focusWidget() is main.search
    qtbot.keyClicks(main.search, "quillf")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    assert main.model.data(main.model.index(0, 0)) == f"{PLANTED_LAST}, {PLANTED_FIRST}"
    assert main.model.data(main.model.index(0, 1)) == "1985-03-14"
    assert main.model.data(main.model.index(0, 2)) == "xxx-xx-7890"
    assert PLANTED_FIRST not in main.windowTitle()

    main.search.setText("7890")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1 and "7890" in main.model.data(main.model.index(0, 2)))
    main.search.setText("Nobodyhere")
    qtbot.waitUntil(lambda: main.model.rowCount() == 0 and "No one" in main.result_info.text())


def test_new_person_dialog_checks_fields_then_saves(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """VT-3.4-1: in Vermont consent to collect is assumed, so a person may be saved alone."""
    vault = make_vault(tmp_path / "device", clock, pack="vt", password=VT_PASSWORD)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, VT_PASSWORD)
    main = gui.controller.main_window
    assert "nothing waiting" in main.outbox_label.text()
    main.new_button.click()
    dialog = main.new_person_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "HMIS Intake \u2014 New person"

    qtbot.keyClicks(dialog.edits["first_name"], PLANTED_FIRST)
    qtbot.keyClicks(dialog.edits["last_name"], PLANTED_LAST)
    qtbot.keyClicks(dialog.edits["dob"], "2031-01-01")
    qtbot.keyClicks(dialog.edits["ssn"], "666-12-3456")
    dialog.save_button.click()
    assert "future" in dialog.fields["dob"].message.text()
    assert "666" in dialog.fields["ssn"].message.text()
    assert dialog.isVisible()

    dialog.edits["dob"].setText("03/14/1985")
    dialog.edits["ssn"].setText("4321")
    qtbot.keyClick(dialog.edits["ssn"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.new_person_dialog is None)
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    assert main.model.data(main.model.index(0, 2)) == "xxx-xx-4321"
    assert "1 waiting" in main.outbox_label.text()


def test_ct_207_1_new_person_without_consent_is_refused_and_nothing_saved(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    """CT-207-1 (as MO-ROI-1): no client data goes in before the client's consent, so the
    core refuses a person saved on their own; the dialog says so and stays open."""
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.new_button.click()
    dialog = main.new_person_dialog
    assert dialog is not None
    dialog.edits["first_name"].setText(PLANTED_FIRST)
    dialog.edits["last_name"].setText(PLANTED_LAST)
    dialog.edits["dob"].setText("1985-03-14")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "CT-207-1" in dialog.error.text())
    assert dialog.isVisible() and "consent" in dialog.error.text()
    assert "nothing waiting" in main.outbox_label.text()
