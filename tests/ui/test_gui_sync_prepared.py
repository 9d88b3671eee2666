"""The sync screen is built a part per turn of the event loop while the main window is
idle, so opening it only reads the vault and shows it; a lock in the middle of that
build leaves no window and nothing built behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtWidgets import QApplication
from sync_gui_support import (  # noqa: F401 - _test_keyring_file is an autouse fixture
    _test_keyring_file,
    no_keyring,
    open_sync_window,
    session_of,
    signed_in_mo,
    wait_filled,
)

from app.clock import FakeClock
from ui.lock import LockReason
from ui.sync.session_sync import SessionSync
from ui.sync.sync_window import SyncWindow


def _wait_until_built(qtbot, sync: SessionSync) -> None:
    qtbot.waitUntil(lambda: sync.prepared is not None and not sync.preparing.active, timeout=10_000)


def _signed_in_with_the_screen_built(qtbot, make_gui, tmp_path: Path,
                                     clock: FakeClock) -> tuple[Any, Any, SessionSync]:
    gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
    sync = gui.controller.sync
    assert sync is not None
    _wait_until_built(qtbot, sync)
    return gui, main, sync


def test_the_sync_screen_is_built_while_idle_and_works_once_opened(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    with no_keyring():
        gui, _main, sync = _signed_in_with_the_screen_built(qtbot, make_gui, tmp_path, clock)
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
        _wait_until_built(qtbot, sync)
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
        sync.next_screen.prepared = partial
        sync.preparing.start()

        gui.lock.lock(LockReason.MANUAL)
        assert sync.prepared is None and not sync.preparing.active and sync.window is None
        assert not shiboken6.isValid(partial), "deleted with the lock: nothing more can be built in it"


def test_the_sync_screen_shows_at_once_and_is_filled_by_a_read_off_the_ui_thread(qtbot, make_gui, tmp_path: Path,
                                                                                 clock: FakeClock) -> None:
    with no_keyring():
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        sync = gui.controller.sync
        assert sync is not None
        main.sync_action.trigger()
        window = sync.window
        assert window is not None and window.isVisible(), "shown in the same turn"
        # Nothing read yet: the read runs on a worker connection and answers in a later turn.
        assert window.reading and window.progress_label.text() == "Reading\u2026"
        assert window.connection.server.text() == "" and not window.sync_button.isEnabled()
        wait_filled(qtbot, window)
        assert window.connection.server.text() == "Not enrolled"
        assert window.progress_label.text() == "Nothing has been sent from this device yet."
        assert window.outbox_card.pending.text() == "0 records"

        # Asked for again while open: read again, off the UI thread too.
        assert sync.open_window() is window and window.reading
        wait_filled(qtbot, window)
        assert window.connection.server.text() == "Not enrolled"

        # Closed before its answer: the answer is dropped (it touches no deleted window) and
        # the next screen reads afresh.
        window.close_button.click()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window) and not sync.reads.busy, timeout=10_000)
        _wait_until_built(qtbot, sync)
        again = open_sync_window(qtbot, gui)
        assert again.connection.server.text() == "Not enrolled" and not again.reading


def test_s4_a_lock_while_the_sync_screen_reads_leaves_no_window_and_nothing_read(qtbot, make_gui, tmp_path: Path,
                                                                                 clock: FakeClock) -> None:
    """S4: the lock clears client data; the read in flight ends with its connection and its
    answer fills nothing."""
    with no_keyring():
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        sync = gui.controller.sync
        assert sync is not None
        main.sync_action.trigger()
        window = sync.window
        assert window is not None and window.reading
        gui.lock.lock(LockReason.MANUAL)
        assert sync.reads.wait(0), "the lock waited for the read and its connection"
        qtbot.waitUntil(lambda: not sync.reads.busy, timeout=10_000)
        assert sync.window is None
        if shiboken6.isValid(window):
            assert not window.isVisible()
            assert window.connection.server.text() == "" and window.outbox_card.pending.text() == ""
            assert window.history_model.rowCount() == 0 and window.refused_model.rowCount() == 0
            assert window.message.text() == "" and not window.reading
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SyncWindow) and w.isVisible()]


def test_a_sync_screen_built_before_a_language_switch_opens_in_the_new_language(qtbot, make_gui, tmp_path: Path,
                                                                                clock: FakeClock) -> None:
    with no_keyring():
        gui, main, sync = _signed_in_with_the_screen_built(qtbot, make_gui, tmp_path, clock)
        english = sync.prepared
        try:
            main.choose_language("es")
            qtbot.waitUntil(lambda: main.title.text() == "Buscar una persona")
            window = open_sync_window(qtbot, gui)
            assert window is not english, "the one built in English is not used"
            assert window.close_button.text().replace("&", "") != "Close"
            assert window.connection.server.text() not in ("", "Not enrolled")
        finally:
            main.choose_language("en")
            qtbot.waitUntil(lambda: main.title.text() == "Find a person")
