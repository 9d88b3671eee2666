"""Quitting with the next intake, profile and sync screen built ahead and never shown
ends the process cleanly: the quit's lock deletes them while the application still
exists (a window left for a later turn of the event loop outlived the application and
the interpreter crashed on exit). The program runs as its own process, as the app does."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault

from app.clock import FakeClock

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from app.clock import FakeClock
    from ui.main import build_controller

    app = QApplication(sys.argv[:1])
    gui = build_controller(Path(sys.argv[1]), FakeClock(), listen_to_os=False)
    gui.controller.start()
    window = gui.controller.sign_in_window
    window.username.setText(sys.argv[2])
    window.password.setText(sys.stdin.readline().rstrip("\\n"))
    window.sign_in_button.click()

    def wait(done):
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: done() and loop.quit())
        poll.start(10)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        return done()

    main = lambda: gui.controller.main_window
    assert wait(lambda: main() is not None and main().isVisible())
    ready = lambda: all(p.prepared is not None and not p.preparing.active
                        for p in (main().intake_preparer, main().profile_preparer))
    assert wait(ready), "the windows built ahead"
    gui.controller.shutdown()  # what quitting runs after the event loop's last turn
    print("quit", flush=True)
""")


def test_quitting_with_windows_built_ahead_exits_cleanly(tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    script = tmp_path / "quit.py"
    script.write_text(PROGRAM)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PYTHONFAULTHANDLER": "1",
           "HMIS_INTAKE_KDF_TARGET_MS": "0"}
    done = subprocess.run([sys.executable, str(script), str(vault.data_dir), ADMIN], input=ADMIN_PASSWORD + "\n",
                          capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "quit"
