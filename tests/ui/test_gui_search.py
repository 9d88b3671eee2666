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


def test_an_answer_overtaken_by_newer_typing_is_never_shown(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    """The search runs off the UI thread; the answer to an earlier text, arriving after
    a newer search was asked for, is dropped rather than shown for a moment."""
    vault = make_vault(tmp_path / "device", clock, people=[planted_person()])
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    shown: list[int] = []
    main.model.modelReset.connect(lambda: shown.append(main.model.rowCount()))
    main.search.setText(PLANTED_LAST)
    main.run_search()  # its answer cannot reach the window before the next line runs
    main.search.setText("Nobodyhere")
    with qtbot.waitSignal(main.search_did_finish):
        main.run_search()
    qtbot.waitUntil(lambda: not main.searching)
    assert main.model.rowCount() == 0 and "No one" in main.result_info.text()
    assert 1 not in shown, "the overtaken answer was shown"


def test_an_answer_arriving_after_a_lock_is_dropped(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """S4: a search still running when the device locks shows nothing, before or after
    the next sign-in (and its late answer reaches no window the lock took down)."""
    from gui_support import texts_on_screen

    from ui.lock import LockReason

    vault = make_vault(tmp_path / "device", clock, people=[planted_person()])
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.search.setText(PLANTED_LAST)
    main.run_search()
    gui.lock.lock(LockReason.MANUAL)
    assert not [t for t in texts_on_screen() if PLANTED_LAST.casefold() in t.casefold()]
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    qtbot.waitUntil(lambda: not main.searching)
    assert main.model.rowCount() == 0 and main.search.text() == ""
    assert not [t for t in texts_on_screen() if PLANTED_LAST.casefold() in t.casefold()]
