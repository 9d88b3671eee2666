"""Quitting while records wait for the central HMIS asks first (MO-TIME-1): sync now,
quit anyway or stay — real widgets, the real reference server on loopback."""

from __future__ import annotations

from pathlib import Path

from sync_gui_support import (  # noqa: F401 - _test_keyring_file is an autouse fixture
    FAST_RETRY,
    _test_keyring_file,
    enroll,
    now_clock,
    outbox_count,
    server_on_loopback,
    session_of,
    signed_in_mo,
)
from sync_support import add_outbox_records, server_keys

from app.clock import FakeClock
from ui.sync.runner import SyncSchedule

SCHEDULE = SyncSchedule(first_run=3600, period=3600, after_save=3600, longest_wait=3600,
                        background_retry=FAST_RETRY, on_demand_retry=FAST_RETRY)


def _closes(gui, main) -> list[bool]:
    """Record a close of the app instead of ending the test's event loop."""
    closed: list[bool] = []
    main.window_will_close.disconnect(gui.app.quit)
    main.window_will_close.connect(lambda: closed.append(True))
    return closed


def test_quitting_with_records_waiting_offers_to_sync_them_first(qtbot, make_gui, tmp_path: Path) -> None:
    clock = now_clock()
    with server_on_loopback(tmp_path) as (server, engine):
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock, SCHEDULE)
        enroll(gui, server.url, engine)
        session = session_of(gui)
        add_outbox_records(session, 4)
        closed = _closes(gui, main)
        main.close()
        qtbot.waitUntil(lambda: main.isVisible() and _prompt(main) is not None)
        prompt = _prompt(main)
        assert "4 records have not reached the central HMIS yet." in prompt.text()
        assert not closed, "nothing closed while the question is open"
        _button(prompt, "Sync now").click()
        qtbot.waitUntil(lambda: outbox_count(session, "pending") == 0, timeout=30_000)
        assert len(server_keys(engine)) == 4
        qtbot.waitUntil(lambda: not gui.controller.sync.runner.running)
        assert main.isVisible() and not closed
        main.close()  # nothing waits now: it closes without asking
        assert closed == [True]


def test_quit_anyway_closes_and_cancel_stays(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock, SCHEDULE)
    add_outbox_records(session_of(gui), 1)
    closed = _closes(gui, main)
    main.close()
    qtbot.waitUntil(lambda: _prompt(main) is not None)
    prompt = _prompt(main)
    assert "1 record has not reached the central HMIS yet." in prompt.text()
    assert "not enrolled" in prompt.informativeText()
    assert _button(prompt, "Sync now") is None, "no server to send to"
    _button(prompt, "Cancel").click()
    qtbot.waitUntil(lambda: _prompt(main) is None)
    assert main.isVisible() and not closed
    main.close()
    qtbot.waitUntil(lambda: _prompt(main) is not None)
    _button(_prompt(main), "Quit anyway").click()
    qtbot.waitUntil(lambda: closed == [True])


def _prompt(main):
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in main.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


def _button(box, label: str):
    for button in box.buttons():
        if button.text().replace("&", "") == label:
            return button
    return None
