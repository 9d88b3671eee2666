"""The window's thread gets the interpreter back within a millisecond of asking while
the save, the duplicate check or the sync runs Python on a thread of its own (Python's
default makes it wait up to 5 ms, a third of a frame, for each event)."""

from __future__ import annotations

import sys
from pathlib import Path

from gui_support import make_vault

from app.clock import FakeClock


def test_the_app_hands_the_interpreter_over_every_millisecond(make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        make_gui(make_vault(tmp_path / "device", clock).data_dir, clock)
        assert sys.getswitchinterval() == 0.001
    finally:
        sys.setswitchinterval(before)
