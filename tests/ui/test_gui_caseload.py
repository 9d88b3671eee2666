"""Caseload from the main window: My clients with what is due this week, search
results with age and last contact, and Enter/Down from the search box into the
results. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui_profile import FIRST, LAST, _vault

from app.caseload import age_on
from app.clock import FakeClock


def _main(qtbot, make_gui, tmp_path: Path, clock: FakeClock):
    vault, password, _pid = _vault(tmp_path, clock, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    return gui, gui.controller.main_window


def test_search_results_show_age_and_last_contact(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, main = _main(qtbot, make_gui, tmp_path, clock)
    main.search.setText(LAST)
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    headers = [main.model.headerData(c, Qt.Orientation.Horizontal) for c in range(main.model.columnCount())]
    assert "Age" in headers and "Last contact" in headers
    age = str(age_on("1979-10-14", clock.now().date()))
    assert main.model.index(0, headers.index("Age")).data() == age
    assert main.model.index(0, headers.index("Last contact")).data() == "2026-03-01"


def test_enter_and_down_move_from_the_search_box_into_the_results(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    _gui, main = _main(qtbot, make_gui, tmp_path, clock)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main.search)
    qtbot.keyClicks(main.search, LAST[:5])
    qtbot.keyClick(main.search, Qt.Key.Key_Down)  # before the answer: into the results once it is in
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main.table and main.table.currentIndex().row() == 0)
    main.search.setFocus()
    main.search.setText(FIRST)
    qtbot.keyClick(main.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is main.table)
    qtbot.keyClick(main.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.profile_window is not None)


def test_my_clients_lists_people_i_enrolled_with_what_is_due(qtbot, make_gui, tmp_path: Path,
                                                             clock: FakeClock) -> None:
    _gui, main = _main(qtbot, make_gui, tmp_path, clock)
    assert main.my_clients_button.isVisible()
    main.my_clients_button.click()
    dialog = main.my_clients_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.model.rowCount() == 1
    row = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert row[0] == f"{LAST}, {FIRST}" and row[2] == "2026-03-01"
    assert row[4] == "Current" and row[5] == "2027-02-28" and row[6] == "2026-03-31"
    assert "Nothing due" in dialog.week.text()
    assert FIRST not in dialog.windowTitle()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.profile_window is not None and main.my_clients_dialog is None)


def test_my_clients_shows_a_follow_up_due_this_week(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock, signed_on="2026-02-05", note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    dialog = gui.controller.main_window.open_my_clients()
    assert "Follow-up due 2026-03-07" in dialog.week.text() and LAST in dialog.week.text()
