"""A child process for ``bench.table``: the app's cold start, or a bare PySide6 window.

    python -m bench.gui_child app DATA_DIR USER   # password on stdin
    python -m bench.gui_child bare
    python -m bench.gui_child session DATA_DIR USER QUERY   # password on stdin

Prints one JSON line. Times are wall-clock seconds since the epoch (``time.time()``)
so the parent can subtract the moment it started this process; ``rss_kib`` is the
peak resident set size of this program (``VmHWM``; ``ru_maxrss`` would include the
parent's, inherited across the fork). In ``app`` mode: the sign-in window shown,
then signed in through its widgets, the main window shown with its first results,
one search run; in ``bare`` mode: a ``QWidget`` shown; in ``session`` mode: signed in,
the longest UI-thread stall of a scripted session beside the idle window's
(``bench.ui_bench.scripted_session``).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _spin(app: object, predicate: object, timeout_s: float = 300.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():  # type: ignore[operator]
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(lambda: predicate() and loop.quit())  # type: ignore[operator]
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not predicate():  # type: ignore[operator]
        raise SystemExit("the window did not get there in time")


def peak_rss_kib() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(480, 360)
    window.show()
    app.processEvents()
    shown = time.time()
    return {"shown": shown, "rss_kib": peak_rss_kib()}


def run_app(data_dir: str, user: str, password: str) -> dict[str, float]:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from ui.main import build_controller

    gui = build_controller(Path(data_dir), listen_to_os=False)
    gui.controller.start()
    app = QApplication.instance()
    window = gui.controller.sign_in_window
    _spin(app, lambda: window is not None and window.isVisible())
    app.processEvents()
    shown = time.time()
    window.username.setText(user)
    window.password.setText(password)
    clicked = time.time()
    window.sign_in_button.click()

    def usable() -> bool:
        main = gui.controller.main_window
        return main is not None and main.isVisible()

    _spin(app, usable)
    app.processEvents()
    main_shown = time.time()
    main = gui.controller.main_window
    resets: list[float] = []
    main.model.modelReset.connect(lambda: resets.append(time.time()))
    main.search.setText("a")
    main.search.returnPressed.emit()
    _spin(app, lambda: bool(resets))
    rss = peak_rss_kib()
    gui.dispose()
    return {"shown": shown, "clicked": clicked, "main_shown": main_shown, "rss_kib": rss}


def run_session(data_dir: str, user: str, password: str, query: str) -> dict[str, float]:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from bench.ui_bench import open_main_window, scripted_session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    gui, main = open_main_window(Path(data_dir), user, password)
    try:
        return scripted_session(gui, main, query)
    finally:
        gui.dispose()
        app.processEvents()


def main() -> int:
    if sys.argv[1] == "bare":
        result = bare()
    elif sys.argv[1] == "session":
        result = run_session(sys.argv[2], sys.argv[3], sys.stdin.readline().rstrip("\n"), sys.argv[4])
    else:
        result = run_app(sys.argv[2], sys.argv[3], sys.stdin.readline().rstrip("\n"))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
