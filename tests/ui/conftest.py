"""GUI tests: offscreen Qt, real vault files in tmp_path, a fake wall clock.

The environment is set before Qt creates its application, so no screen is needed
and Argon2id runs at its floor parameters instead of being tuned to 0.5-1 s.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HMIS_INTAKE_KDF_TARGET_MS"] = "0"

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox

from app.clock import FakeClock
from ui.main import Gui, build_controller

_MODAL_CALLS = {
    QMessageBox: ("question", "warning", "critical", "information", "about", "exec"),
    QFileDialog: ("getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory", "exec"),
    QInputDialog: ("getText", "getInt", "getDouble", "getItem", "getMultiLineText", "exec"),
    QDialog: ("exec",),
    QMenu: ("exec",),
}


@pytest.fixture(autouse=True)
def no_modal_event_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog runs its own event loop until a person answers; offscreen nobody
    does, and neither pytest-timeout's alarm nor qtbot's waits can end that loop, so
    the run would hang. Here opening one fails the test at once, naming the call (the
    screens open their dialogs with ``open()``; a test that means to reach one of these
    replaces it itself)."""

    def refusing(name: str) -> Callable[..., object]:
        def opened(*_args: object, **_kwargs: object) -> object:
            raise AssertionError(f"{name} would wait for a person in its own event loop; the test reached it")

        return opened

    for cls, names in _MODAL_CALLS.items():
        for name in names:
            call = refusing(f"{cls.__name__}.{name}")
            monkeypatch.setattr(cls, name, call if name == "exec" else staticmethod(call))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_gui(qtbot: object, tmp_path: Path) -> Iterator[Callable[..., Gui]]:
    made: list[Gui] = []

    def make(data_dir: Path, clock: FakeClock) -> Gui:
        gui = build_controller(data_dir, clock, listen_to_os=False, demo_parent_dir=tmp_path)
        made.append(gui)
        gui.controller.start()
        return gui

    yield make
    for gui in made:
        gui.dispose()
    QApplication.clipboard().clear()
