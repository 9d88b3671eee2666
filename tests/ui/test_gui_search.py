"""Finding and adding people from the main window."""

from __future__ import annotations

from pathlib import Path

from gui_support import (
    ADMIN,
    ADMIN_PASSWORD,
    PLANTED_FIRST,
    PLANTED_LAST,
    make_vault,
    planted_person,
    sign_in,
)

from app.clock import FakeClock


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
