"""Helpers for the GUI sync tests: the real reference server on loopback (from the sync
suite's helpers), a signed-in MO device, and people saved through the real dialog."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from sync_faults import FaultProxy
from sync_keyring import FILE_ENV
from sync_support import ThreadServer, new_code

from app.clock import FakeClock
from app.session import Session
from sync.credentials import StoreKind
from sync.engine import RetryPolicy
from sync.server import storage
from sync.service import enroll_device
from ui.main import Gui
from ui.sync.runner import SyncSchedule
from ui.sync.sync_window import SyncWindow

FAST_RETRY = RetryPolicy(base_delay=0.05, max_delay=0.2, max_consecutive_failures=3, time_budget=10)
# Nothing runs by itself unless a test asks for it; runs that fail give up fast.
QUIET = SyncSchedule(first_run=3600, period=3600, after_save=3600, background_retry=FAST_RETRY,
                     on_demand_retry=FAST_RETRY)


def now_clock() -> FakeClock:
    """A fake clock at the real time: a command-line child (system clock) then agrees
    with the app about when the sync lease expires."""
    return FakeClock(datetime.now(UTC).replace(microsecond=0))


@contextmanager
def server_on_loopback(folder: Path) -> Iterator[tuple[ThreadServer, Engine]]:
    engine = storage.open_engine(f"sqlite:///{folder / 'server.db'}")
    storage.create_schema(engine)
    server = ThreadServer(engine)
    try:
        yield server, engine
    finally:
        server.stop()
        engine.dispose()


@pytest.fixture(autouse=True)
def _test_keyring_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """keyring's backend detection builds every backend it knows, the sync suite's
    file-backed test double included; that one needs to be told its file."""
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))


@contextmanager
def no_keyring() -> Iterator[None]:
    """This computer has no usable OS keyring (the case the vault store exists for)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def signed_in_mo(qtbot: Any, make_gui: Any, folder: Path, clock: FakeClock,
                 schedule: SyncSchedule = QUIET) -> tuple[Gui, Any]:
    vault = make_vault(folder / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    gui.controller.sync_schedule = schedule
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    # The sign-in's count of the outbox is what later saves are compared with.
    qtbot.waitUntil(lambda: main.outbox_status is not None, timeout=10_000)
    return gui, main


def session_of(gui: Gui) -> Session:
    session = gui.controller.session
    assert session is not None
    return session


def enroll(gui: Gui, url: str, engine: Engine) -> None:
    enroll_device(session_of(gui), url, new_code(engine), StoreKind.VAULT)


def slow_proxy(server: ThreadServer, seconds: float = 0.3) -> FaultProxy:
    return FaultProxy(server.port, default="slow", slow_seconds=seconds)


def open_sync_window(qtbot: Any, gui: Gui) -> SyncWindow:
    main = gui.controller.main_window
    assert main.sync_action in main.tools_menu.actions()
    main.sync_action.trigger()
    sync = gui.controller.sync
    assert sync is not None and sync.window is not None
    window = sync.window
    qtbot.waitUntil(window.isVisible)
    wait_filled(qtbot, window)
    return window


def wait_filled(qtbot: Any, window: SyncWindow) -> None:
    """The screen opens with "Reading…" and is filled when its read off the UI thread answers."""
    qtbot.waitUntil(lambda: not window.reading, timeout=10_000)


def save_person(qtbot: Any, main: Any, first: str, last: str) -> None:
    """A person saved the way the core takes one outside an intake (with the consent
    basis a consent-before-data pack wants; app.consent_gate), then counted by the
    main window like any save, which is what moves the background sync sooner."""
    from support import ON_FILE

    from app.domain.person import Person
    from app.people import save_new_person

    session = main._session
    assert session is not None
    save_new_person(session, Person(first_name=first, last_name=last, name_data_quality=1, dob="1979-04-02",
                                    dob_data_quality=1), basis=ON_FILE)
    refresh_status(qtbot, main)


def refresh_status(qtbot: Any, main: Any) -> None:
    """Count the outbox (off the UI thread) and wait for the window to show it."""
    with qtbot.waitSignal(main.status_did_refresh, timeout=10_000):
        main.refresh_status()


def outbox_count(session: Session, state: str) -> int:
    return int(session.conn.execute("SELECT count(*) FROM outbox WHERE state = ?", (state,)).fetchone()[0])


def visible_windows() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def wait_idle(qtbot: Any, window: SyncWindow, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not window._runner.running and window.message.isVisible(), timeout=timeout)
