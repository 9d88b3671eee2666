"""The sync screen is built a part per turn of the event loop while the main window is
idle, so opening it only reads the vault and shows it; a lock in the middle of that
build leaves no window and nothing built behind."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from sync_gui_support import (  # noqa: F401 - _test_keyring_file is an autouse fixture
    _test_keyring_file,
    no_keyring,
    open_sync_window,
    session_of,
    signed_in_mo,
)

from app.clock import FakeClock
from ui.lock import LockReason
from ui.sync.sync_window import SyncWindow


def test_the_sync_screen_is_built_while_idle_and_works_once_opened(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    with no_keyring():
        gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        sync = gui.controller.sync
        assert sync is not None
        qtbot.waitUntil(lambda: sync.prepared is not None and not sync.preparing.active, timeout=10_000)
        prepared = sync.prepared
        assert prepared is not None
        assert sync.window is None, "built, not opened"
        assert not prepared.isVisible() and not prepared.attached
        assert prepared.history_model.rowCount() == 0 and prepared.connection.server.text() == "", \
            "nothing read from the vault until it is opened"

        window = open_sync_window(qtbot, gui)
        assert window is prepared and window.attached and sync.prepared is None
        assert window.connection.server.text() == "Not enrolled"
        assert not window.sync_button.isEnabled() and not window.cancel_button.isEnabled()
        assert window.progress_label.text() == "Nothing has been sent from this device yet."
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Batch &history",
                                                                                "&Refused records"]
        window.tabs.setCurrentIndex(1)
        qtbot.waitUntil(window.refused_table.isVisible)
        assert not window.send_again_button.isEnabled() and not window.send_all_button.isEnabled()
        assert window.connection.enroll_button.isVisible()

        window.close_button.click()
        qtbot.waitUntil(lambda: sync.window is None)
        # The next one is built while idle again, fresh: not the closed one, nothing of it kept.
        qtbot.waitUntil(lambda: sync.prepared is not None and not sync.preparing.active, timeout=10_000)
        assert sync.prepared is not window
        again = open_sync_window(qtbot, gui)
        assert again is not window and again.tabs.currentIndex() == 0
        assert not again.message.isVisible()


def test_a_lock_while_the_sync_screen_is_being_built_leaves_nothing(qtbot, make_gui, tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    with no_keyring():
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        sync = gui.controller.sync
        assert sync is not None
        sync.preparing.stop()
        if sync.prepared is not None:
            sync.prepared.deleteLater()
        # Half built, as the idle turns leave it: the cards and the run row, no tables yet.
        partial = SyncWindow(session_of(gui), sync.runner, sync.jobs, parent=main, build_now=False)
        assert not partial.build_some() and not partial.build_some()
        sync.prepared = partial
        sync.preparing.start()

        gui.lock.lock(LockReason.MANUAL)
        assert sync.prepared is None and not sync.preparing.active and sync.window is None
        assert partial.build_some(), "nothing more is built after the lock"
        assert partial.history_model.rowCount() == 0 and partial.refused_model.rowCount() == 0
        qtbot.waitUntil(lambda: not shiboken6.isValid(partial), timeout=10_000)
