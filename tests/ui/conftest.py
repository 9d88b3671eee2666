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
from PySide6.QtWidgets import QApplication

from app.clock import FakeClock
from ui.main import Gui, build_controller


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
