"""The "Try with demo data" button: a populated, clearly marked, throwaway vault."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

from app.clock import FakeClock
from ui.lock import LockReason

SHOTS = Path(os.environ["HMIS_SHOTS_DIR"]) if os.environ.get("HMIS_SHOTS_DIR") else None


def _visible_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _has_banner(window) -> bool:
    return any(label.objectName() == "demoBanner" and label.isVisible()
               for label in window.findChildren(QLabel))


def test_demo_is_marked_everywhere_filled_and_deleted_at_exit(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    data_dir = tmp_path / "device"
    gui = make_gui(data_dir, clock)
    gui.controller.setup_window.demo_button.click()
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=120_000)
    demo = gui.controller.demo
    assert demo is not None and demo.data_dir.exists()
    assert not data_dir.exists() or not any(data_dir.iterdir())

    main = gui.controller.main_window
    main.search.setText("moss")
    qtbot.waitUntil(lambda: main.model.rowCount() > 0)

    main.new_button.click()
    qtbot.waitUntil(lambda: main.intake_wizard is not None and main.intake_wizard.isVisible())
    for window in _visible_windows():
        assert "DEMO" in window.windowTitle()
        assert _has_banner(window)

    gui.lock.lock(LockReason.MANUAL)
    qtbot.waitUntil(lambda: gui.controller.sign_in_window is not None
                    and gui.controller.sign_in_window.isVisible())
    for window in _visible_windows():
        assert "DEMO" in window.windowTitle()
        assert _has_banner(window)
    assert demo.password in " ".join(label.text() for label in
                                     gui.controller.sign_in_window.findChildren(QLabel))

    gui.controller.shutdown()
    assert not demo.root.exists()


def test_try_with_demo_data_shows_how_far_it_has_come(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui = make_gui(tmp_path / "device", clock)
    window = gui.controller.setup_window
    values: list[int] = []
    texts: list[str] = []
    window.busy_bar.valueChanged.connect(values.append)
    window.demo_button.click()

    maximum: list[int] = []

    def progressing() -> bool:
        texts.append(window.busy_label.text())
        maximum.append(window.busy_bar.maximum())
        return bool(values) and "of 300" in texts[-1]

    qtbot.waitUntil(progressing, timeout=120_000)
    if SHOTS is not None:
        window.grab().save(str(SHOTS / "demo-progress.png"))
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=120_000)
    assert values and max(values) == max(maximum) == 300, "the bar fills to every person"
    assert values == sorted(values) and min(values) < 300
    assert any("of 300" in t for t in texts)
    gui.controller.shutdown()
