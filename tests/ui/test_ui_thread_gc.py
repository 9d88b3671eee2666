"""While the windows exist, Python's cycle collector runs on the UI thread only: a
cycle left by a worker thread (the sync, the save) is freed by the UI thread's timer,
never on the worker, where freeing a Qt object's wrapper could deadlock with the UI
thread. Automatic collection comes back when the windows go."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import ClassVar

from gui_support import make_vault

from app.clock import FakeClock
from ui.widgets.ui_thread_gc import UiThreadCollector


class _Cycle:
    freed_on: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


def test_a_workers_cycle_is_freed_on_the_ui_thread(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    was_enabled = gc.isenabled()
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    assert not gc.isenabled()
    _Cycle.freed_on.clear()

    kept: list[object] = []

    def worker() -> None:
        _Cycle()  # garbage at once, but only a cycle collection can free it
        kept.append([[i] for i in range(50_000)])  # far past every threshold, on this thread

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert _Cycle.freed_on == [], "nothing was collected on the worker"
    qtbot.waitUntil(lambda: bool(_Cycle.freed_on), timeout=5_000)
    assert _Cycle.freed_on == [threading.get_ident()]
    kept.clear()

    gui.dispose()
    assert gc.isenabled() is was_enabled


def test_collections_follow_the_thresholds_and_the_whole_heap_waits_a_minute(qtbot) -> None:
    thresholds = gc.get_threshold()
    collector = UiThreadCollector()
    try:
        gc.set_threshold(100_000, 10, 10)
        gc.collect()
        assert collector.collect_due() is None, "below the youngest threshold nothing is collected"
        gc.set_threshold(1, 1, 1)

        def thirty_turns() -> list[int | None]:
            seen = []
            for _turn in range(30):
                _ = [[i] for i in range(10)]  # allocations past the youngest threshold
                seen.append(collector.collect_due())
            return seen

        seen = thirty_turns()
        assert 0 in seen and 1 in seen
        assert 2 not in seen, "the whole heap waits a minute from the collector's start"
        collector._last_full -= 61
        seen = thirty_turns()
        assert seen.count(2) == 1, "then once, and a minute again"
    finally:
        gc.set_threshold(*thresholds)
        collector.stop()
        collector.deleteLater()
