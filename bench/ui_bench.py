"""How the real windows feel with thousands of people: search as you type and saving
an intake, timed through the widgets. Prints figures; asserts nothing.

    .venv/bin/python -m bench.ui_bench                     # 10,000 and 100,000 people
    .venv/bin/python -m bench.ui_bench --sizes 10000 --queries 10

Qt runs offscreen. Each size gets a real vault of synthetic people (``app.demo``);
the app is built as ``ui.main`` builds it and signed in through the sign-in window.

- Search: a query is typed key by key into the main window's search box. "with
  debounce" is the time from the last keystroke to the results being in the model
  (it includes the 150 ms the box waits for more typing); "without" is the time
  from pressing Enter, which searches at once, to the results being in the model.
- Save: an intake is driven to its review page and Save is pressed; the figure runs
  to the saved screen being shown.
- UI-thread stall: a 5 ms ``QTimer`` heartbeat runs on the UI thread; the stall is
  the longest gap between beats minus the interval, while searching and while saving.
- Scripted session (``scripted_session``): with a 1 ms heartbeat, search, open a
  profile, an intake through the duplicate check to the saved screen, the outbox
  status and the sync screen, beside the same window idle for as long.

    .venv/bin/python -m bench.ui_bench --vault DIR   # a vault built before (this USER)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is measured in bench.run

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QWidget

from app.demo import add_demo_people
from app.intake.steps import Step
from app.session import initialize, sign_in
from ui.main import Gui, build_controller
from ui.search.main_window import MainWindow
from ui.wizard.intake_wizard import IntakeWizard
from ui.wizard.question_form import QuestionForm

USER = "bench.admin"
PASSWORD = "Quiet!Harbor7Lantern9"
HEARTBEAT_MS = 5
# A person reads each step of the intake before the next click (the oral explanation
# and the consent alone take minutes); the bench gives each a quarter of a second.
READ_STEP_S = 0.25
SIZES = (10_000, 100_000)


def line(label: str, value: str) -> None:
    print(f"  {label:<52} {value}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


def spin(predicate: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Run the event loop until ``predicate`` holds (checked every millisecond), at least
    one turn of it even when it holds already: a person's next click or key arrives in a
    later turn than the last one, so the scripted steps must not run back to back in
    one turn (the heartbeat would count them as one stall)."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(lambda: predicate() and loop.quit())
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not predicate():
        raise TimeoutError("the window did not get there in time")


def type_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` a key at a time, each in its own turn of the event loop, as keys
    from a keyboard arrive (``QTest.keyClicks`` sends them all in one turn)."""
    for char in text:
        QTest.keyClicks(widget, char)
        spin(lambda: True)


def settle(seconds: float) -> None:
    end = time.perf_counter() + seconds
    spin(lambda: time.perf_counter() >= end)


class Heartbeat(QObject):
    """Beats every few milliseconds on the UI thread; a long gap is a stall."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        super().__init__()
        self.interval_s = interval_ms / 1000
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.longest = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return max(0.0, self.longest - self.interval_s)


def build_vault(data_dir: Path, size: int) -> float:
    session, _key = initialize(data_dir, "ct", USER, PASSWORD, agency_name="Bench Agency",
                               access_completed_on=date.today())
    try:
        started = time.perf_counter()
        add_demo_people(session, size, seed=size)
        return time.perf_counter() - started
    finally:
        session.close()


def sample_queries(data_dir: Path, count: int, rng: random.Random) -> dict[str, list[str]]:
    session = sign_in(data_dir, USER, PASSWORD)
    try:
        rows = session.conn.execute(
            "SELECT first_name, last_name, dob, ssn FROM person WHERE ssn IS NOT NULL ORDER BY random() LIMIT ?",
            (count,)).fetchall()
    finally:
        session.close()
    kinds = {
        "name": [f"{r[0]} {r[1]}" for r in rows],
        "partial name": [r[1][:4] for r in rows],
        "DOB": [r[2] for r in rows],
        "SSN last 4": [r[3][-4:] for r in rows],
    }
    for texts in kinds.values():
        rng.shuffle(texts)
    return kinds


def open_main_window(data_dir: Path, user: str = USER, password: str = PASSWORD) -> tuple[Gui, MainWindow]:
    gui = build_controller(data_dir, listen_to_os=False)
    gui.controller.start()
    window = gui.controller.sign_in_window
    assert window is not None
    window.username.setText(user)
    window.password.setText(password)
    window.sign_in_button.click()
    spin(lambda: gui.controller.main_window is not None and gui.controller.main_window.isVisible())
    return gui, gui.controller.main_window


def bench_search(main: MainWindow, queries: dict[str, list[str]],
                 heartbeat: Heartbeat) -> dict[str, dict[str, float]]:
    """Type each query; time to results with and without the debounce."""
    reset_at: list[float] = []
    main.model.modelReset.connect(lambda: reset_at.append(time.perf_counter()))
    figures: dict[str, dict[str, float]] = {}
    stall = 0.0
    for kind, texts in queries.items():
        typed, pressed, hits = [], [], []
        for text in texts:
            main.search.clear()
            settle(0.01)
            heartbeat.start()
            reset_at.clear()
            type_keys(main.search, text)
            last_key = time.perf_counter()
            spin(lambda: bool(reset_at))
            typed.append(reset_at[-1] - last_key)
            stall = max(stall, heartbeat.stop())
            hits.append(main.model.rowCount())
            heartbeat.start()
            reset_at.clear()
            started = time.perf_counter()
            QTest.keyClick(main.search, Qt.Key.Key_Return)
            spin(lambda: bool(reset_at))
            pressed.append(reset_at[-1] - started)
            stall = max(stall, heartbeat.stop())
        figures[kind] = {
            "debounce_included_ms": statistics.median(typed) * 1000,
            "debounce_excluded_ms": statistics.median(pressed) * 1000,
            "debounce_excluded_max_ms": max(pressed) * 1000,
            "hits": statistics.mean(hits),
        }
        line(f"search {kind}: with / without debounce (median)",
             f"{statistics.median(typed) * 1000:7.1f} / {statistics.median(pressed) * 1000:6.1f} ms"
             f"  (max {max(pressed) * 1000:.1f} ms, {statistics.mean(hits):.1f} hits)")
    line("longest UI-thread stall while searching", ms(stall))
    figures["stall"] = {"ms": stall * 1000}
    return figures


_ADULT = {"FirstName": "Brisa", "LastName": "Larkspurrow", "NameDataQuality": 1, "DOB": "1984-07-09",
          "DOBDataQuality": 1, "SSNDataQuality": 99, "White": 1, "Sex": 9, "VeteranStatus": 0,
          "EnrollmentCoC": "XX-501", "DisablingCondition": 8, "LivingSituation": 116}


def _next(wizard: IntakeWizard, expected: Step) -> float:
    """Next, until ``expected`` is the step shown; then the time a person takes to read
    it (``READ_STEP_S``), during which the wizard builds what comes later."""
    started = time.perf_counter()
    wizard.next_button.click()
    spin(lambda: wizard.flow.current.step is expected)
    took = time.perf_counter() - started
    settle(READ_STEP_S)
    return took


def _fill_member(form: QuestionForm) -> None:
    for name, value in _ADULT.items():
        widget = form.inputs[name]
        if isinstance(widget, QLineEdit):
            widget.setFocus()
            type_keys(widget, str(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        spin(lambda: True)
    for widget in form.inputs.values():
        if isinstance(widget, QComboBox) and not widget.isHidden() and widget.currentData() is None:
            for code in (8, 99):
                if widget.findData(code) >= 0:
                    widget.setCurrentIndex(widget.findData(code))
                    break
            else:
                widget.setCurrentIndex(1)
            spin(lambda: True)


def run_intake(main: MainWindow) -> tuple[float, float]:
    """One intake through the wizard's widgets to the saved screen; (Next into the
    duplicate check until its candidates are shown, Save until the saved screen)."""
    wizard = main.open_intake()
    assert wizard is not None
    spin(wizard.isVisible)
    settle(READ_STEP_S)  # the first step is read too before its answer
    wizard.pages[Step.PROJECT].project.setCurrentIndex(1)
    spin(lambda: True)
    _next(wizard, Step.SCRIPT)
    for box in wizard.pages[Step.SCRIPT].boxes.values():
        box.setChecked(True)
        spin(lambda: True)
    _next(wizard, Step.SHARING)
    wizard.pages[Step.SHARING].levels["not_shared"].click()
    spin(lambda: True)
    _next(wizard, Step.CONSENT)
    wizard.pages[Step.CONSENT].paper_box.click()
    spin(lambda: True)
    _next(wizard, Step.HOUSEHOLD)
    _next(wizard, Step.MEMBER)
    _fill_member(wizard.pages[Step.MEMBER].form)
    started = time.perf_counter()
    _next(wizard, Step.DUPLICATES)
    spin(lambda: not getattr(wizard.current_page, "checking", False))
    duplicate_step = time.perf_counter() - started
    _next(wizard, Step.REVIEW)
    settle(0.02)
    shown_at: list[float] = []
    wizard.stack.currentChanged.connect(lambda _i: shown_at.append(time.perf_counter()))
    started = time.perf_counter()
    wizard.next_button.click()
    spin(lambda: wizard.stack.currentWidget() is wizard.done_page)
    save = shown_at[-1] - started
    settle(0.05)
    wizard.close_button.click()
    spin(lambda: main.intake_wizard is None)
    return duplicate_step, save


def refresh_status_and_wait(main: MainWindow) -> float:
    """The outbox count (off the UI thread) until the window shows it."""
    done: list[float] = []
    main.status_did_refresh.connect(lambda: done.append(time.perf_counter()))
    started = time.perf_counter()
    main.refresh_status()
    spin(lambda: bool(done))
    main.status_did_refresh.disconnect()
    return done[-1] - started


def bench_save(main: MainWindow, heartbeat: Heartbeat, rounds: int) -> dict[str, float]:
    """Drive an intake to its review page, then press Save and wait for the saved screen."""
    saves, stalls, duplicate_steps = [], [], []
    for _ in range(rounds):
        heartbeat.start()
        duplicate_step, save = run_intake(main)
        stalls.append(heartbeat.stop())
        saves.append(save)
        duplicate_steps.append(duplicate_step)
    heartbeat.start()
    status = refresh_status_and_wait(main)
    status_stall = heartbeat.stop()
    figures = {"save_ms": statistics.median(saves) * 1000, "save_max_ms": max(saves) * 1000,
               "stall_ms": max(stalls) * 1000, "duplicate_step_ms": statistics.median(duplicate_steps) * 1000,
               "status_refresh_ms": status * 1000, "status_stall_ms": status_stall * 1000}
    line(f"Save to the saved screen (median of {rounds})",
         f"{ms(statistics.median(saves))}  (max {ms(max(saves)).strip()})")
    line("longest UI-thread stall during an intake and its save", ms(max(stalls)))
    line("outbox status refresh, off the UI thread, to shown", ms(status))
    line("  longest UI-thread stall meanwhile", ms(status_stall))
    line("Next into the duplicate check, to the candidates (median)", ms(statistics.median(duplicate_steps)))
    return figures


def scripted_session(gui: Gui, main: MainWindow, query: str) -> dict[str, float]:
    """The longest UI-thread stall (1 ms heartbeat) while a worker searches, opens a
    profile, runs an intake through the duplicate check and saves it, refreshes the
    outbox status and opens the sync screen; beside it the longest stall of the same
    window left idle for as long (what the machine itself costs). Each step's own
    longest stall is kept too, to say where a long one comes from."""
    heartbeat = Heartbeat(1)
    steps: dict[str, float] = {}

    def step(name: str, action: Callable[[], object]) -> None:
        heartbeat.start()
        action()
        settle(0.05)  # what the step left for later (a closed window's deletion) counts here
        steps[name] = heartbeat.stop()

    def search() -> None:
        main.search.clear()
        settle(0.2)  # the cleared box's own search
        resets: list[float] = []
        main.model.modelReset.connect(lambda: resets.append(time.perf_counter()))
        type_keys(main.search, query)
        spin(lambda: bool(resets) and main.model.rowCount() > 0)
        main.model.modelReset.disconnect()

    def profile() -> None:
        main.open_profile_at(0)
        spin(lambda: main.profile_window is not None and main.profile_window.isVisible())
        assert main.profile_window is not None
        main.profile_window.close()
        spin(lambda: main.profile_window is None or not main.profile_window.isVisible())

    def sync_screen() -> None:
        sync = gui.controller.sync
        window = sync.open_window() if sync is not None else None
        if window is not None:
            spin(lambda: window.isVisible() and not window.reading)  # shown, then filled by its read
            settle(0.05)
            window.close()

    settle(0.2)
    started = time.perf_counter()
    step("search", search)
    step("profile", profile)
    step("intake and save", lambda: run_intake(main))
    step("outbox status", lambda: refresh_status_and_wait(main))
    step("sync screen", sync_screen)
    took = time.perf_counter() - started
    heartbeat.start()
    settle(took)
    idle = heartbeat.stop()
    stall = max(steps.values())
    line("longest UI-thread stall, scripted session", f"{ms(stall)}  (idle window {ms(idle).strip()})")
    for name, value in steps.items():
        line(f"  {name}", ms(value))
    return {"session_stall_ms": stall * 1000, "idle_stall_ms": idle * 1000, "session_s": took,
            **{f"{name}_stall_ms": value * 1000 for name, value in steps.items()}}


def bench_size(data_dir: Path, size: int, queries: int, rounds: int, rng: random.Random,
               heartbeat: Heartbeat) -> dict[str, object]:
    print(f"Main window and intake wizard, {size:,} people", flush=True)
    texts = sample_queries(data_dir, queries, rng)
    gui, main = open_main_window(data_dir)
    try:
        settle(0.2)
        search = bench_search(main, texts, heartbeat)
        save = bench_save(main, heartbeat, rounds)
        session = scripted_session(gui, main, texts["partial name"][0])
    finally:
        gui.dispose()
        QApplication.processEvents()
    return {"search": search, "save": save, "session": session}


def run(vaults: list[tuple[int, Path]], queries: int = 20, rounds: int = 3) -> dict[str, object]:
    """Time the windows on vaults already built with ``USER``/``PASSWORD`` (``bench.run`` builds them)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    heartbeat = Heartbeat()
    rng = random.Random(20260202)
    results: dict[str, object] = {}
    for size, data_dir in vaults:
        results[str(size)] = bench_size(data_dir, size, queries, rounds, rng, heartbeat)
    del app
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ui_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="comma-separated numbers of people (default 10000,100000)")
    parser.add_argument("--queries", type=int, default=20, help="queries per kind and size")
    parser.add_argument("--saves", type=int, default=3, help="intakes saved per size")
    parser.add_argument("--vault", type=Path, help="use this vault (built with this module's user) instead of "
                                                   "building one; its size is counted")
    args = parser.parse_args(argv)
    if args.vault is not None:
        session = sign_in(args.vault, USER, PASSWORD)
        try:
            size = int(session.conn.execute("SELECT count(*) FROM person").fetchone()[0])
        finally:
            session.close()
        run([(size, args.vault)], args.queries, args.saves)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"HMIS Intake UI benchmarks - offscreen Qt, {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="hmis-ui-bench-") as tmp:
        vaults = []
        for size in sizes:
            data_dir = Path(tmp) / f"people-{size}"
            took = build_vault(data_dir, size)
            line(f"building the {size:,}-person vault", f"{took:9.1f} s")
            vaults.append((size, data_dir))
        run(vaults, args.queries, args.saves)
    return 0


if __name__ == "__main__":
    sys.exit(main())
