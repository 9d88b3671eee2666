"""Nothing but a window is ever shown as a window of its own. A widget made visible
before it has a parent is, for a moment, a top-level window: on a desktop it flashes
and takes the keyboard focus from the window the worker is typing in. Screens built
while idle (the next profile, the sync screen) would do that in the middle of a search,
so every widget shown with no parent during a session must be one of the app's windows.
Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, sign_in
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from sync_gui_support import _test_keyring_file, no_keyring, open_sync_window  # noqa: F401 - autouse fixture
from test_gui_caseload import LAST
from test_gui_profile import _vault

from app.clock import FakeClock


class _Shown(QObject):
    """Every widget the application shows with no parent, by class name."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.parentWidget() is None:
            self.names.append(type(watched).__name__)
        return False


def _is_a_window(name: str) -> bool:
    return name.endswith(("Window", "Dialog")) or name in {QMainWindow.__name__, QDialog.__name__}


def test_a_session_shows_no_stray_window_and_keeps_the_search_focused(qtbot, make_gui, tmp_path: Path,
                                                                      clock: FakeClock) -> None:
    shown = _Shown()
    QApplication.instance().installEventFilter(shown)
    try:
        with no_keyring():
            vault, password, pid = _vault(tmp_path, clock)
            gui = make_gui(vault.data_dir, clock)
            sign_in(qtbot, gui, ADMIN, password)
            main = gui.controller.main_window
            sync = gui.controller.sync
            main.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is main.search)
            # The next profile and the sync screen are built while idle, meanwhile the worker types.
            qtbot.waitUntil(lambda: main.profile_preparer.prepared is not None
                            and not main.profile_preparer.preparing.active
                            and sync.prepared is not None and not sync.preparing.active, timeout=10_000)
            assert QApplication.focusWidget() is main.search, "building while idle left the focus where it was"
            qtbot.keyClicks(main.search, LAST[:5])
            qtbot.keyClick(main.search, Qt.Key.Key_Down)
            qtbot.waitUntil(lambda: QApplication.focusWidget() is main.table)
            profile = main.open_profile(pid)
            assert profile is not None
            qtbot.waitUntil(lambda: not profile.building)
            profile.accept()
            open_sync_window(qtbot, gui)
    finally:
        QApplication.instance().removeEventFilter(shown)
    stray = sorted({name for name in shown.names if not _is_a_window(name)})
    assert stray == [], f"shown as windows of their own: {stray}"
