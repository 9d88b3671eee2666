"""The profile shows its first tab at once and builds the others when chosen or one
per idle turn (``ui/profile/lazy_tabs.py``); a lock before that leaves no client data
in them. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, sign_in
from PySide6.QtWidgets import QLabel, QTableView
from test_gui_profile import FIRST, LAST, _vault

from app.clock import FakeClock
from ui.lock import LockReason


def _texts(window) -> list[str]:
    """Every label's text and every table cell the window holds."""
    texts = [label.text() for label in window.findChildren(QLabel)]
    for table in window.findChildren(QTableView):
        model = table.model()
        texts += [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]
    return texts


def test_a_tab_not_yet_built_is_built_and_filled_when_shown(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = gui.controller.main_window.open_profile(pid)
    assert profile is not None
    # Opened within this turn of the event loop: only the overview is built.
    assert profile.lazy_tabs.built == {} and profile.building
    assert "household" not in profile.models and profile.models["enrollments"].rowCount() == 1
    titles = [profile.tabs.tabText(i).replace("&", "") for i in range(profile.tabs.count())]
    assert titles == ["Overview", "Household", "Contacts and services", "Case notes"], "the tab bar is whole"
    profile.tabs.setCurrentIndex(1)
    household = profile.lazy_tabs.built.get("household")
    assert household is not None and profile.tabs.currentWidget() is household
    assert profile.tabs.tabText(1) == "&Household", "its title and mnemonic stay"
    assert household.table.model().rowCount() == 1
    assert list(profile.lazy_tabs.built) == ["household"], "the others wait"
    qtbot.waitUntil(lambda: not profile.building)  # the rest, while idle
    assert set(profile.lazy_tabs.built) == {"household", "history", "notes"}
    assert profile.tabs.currentIndex() == 1, "building while idle does not change the tab"
    assert profile.models["notes"].rowCount() == 1
    notes = profile.notes_tab
    assert notes is not None and profile.tabs.indexOf(notes) == 3


def test_a_lock_before_the_idle_build_leaves_no_client_data(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    profile = main.open_profile(pid)
    assert profile is not None and profile.lazy_tabs.built == {}
    assert any(LAST in t for t in _texts(profile)), "the opened profile shows the client"
    profile.clear_client_data()  # what a lock does to every window, before any idle turn
    assert not profile.building, "the idle build stops at a lock"
    for index in range(profile.tabs.count()):
        profile.tabs.setCurrentIndex(index)  # a tab shown after the lock is built empty
    assert set(profile.lazy_tabs.built) == {"household", "history", "notes"}
    assert not any(FIRST in t or LAST in t or "river camp" in t for t in _texts(profile))
    assert all(model.rowCount() == 0 for model in profile.models.values())


def test_the_real_lock_closes_a_profile_whose_tabs_are_not_built(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    profile = main.open_profile(pid)
    assert profile is not None and profile.building
    models = profile.models
    gui.lock.lock(LockReason.MANUAL)
    assert main.profile_window is None
    assert not profile.building and profile.lazy_tabs.built == {}
    assert all(model.rowCount() == 0 for model in models.values())
