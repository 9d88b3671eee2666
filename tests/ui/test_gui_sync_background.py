"""Background sync, the lock during a run, one sync at a time across the app and the
command line, and the timeliness banner — real widgets, the real server on loopback."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import timedelta
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from PySide6.QtCore import Qt
from support import REPO_ROOT, child_env, cli_command, single_sentence
from sync_gui_support import (  # noqa: F401 - _test_keyring_file is an autouse fixture
    FAST_RETRY,
    QUIET,
    _test_keyring_file,
    enroll,
    new_code,
    now_clock,
    open_sync_window,
    outbox_count,
    refresh_status,
    save_person,
    server_on_loopback,
    session_of,
    signed_in_mo,
    slow_proxy,
    visible_windows,
    wait_filled,
    wait_idle,
)
from sync_support import HERE, acknowledged_total, add_outbox_records, assert_exactly_once, server_keys

from app.clock import FakeClock
from app.security.users import add_user
from app.session import sign_in as core_sign_in
from app.vault.connection import transaction
from sync.credentials import StoreKind
from sync.service import enroll_device
from sync.store import SyncLease, current_lease
from ui.sync.runner import RunKind, SyncSchedule

VOLUNTEER_PASSWORD = "Violet!Ladder7Kettle9"


def _advance(gui, clock: FakeClock, hours: float) -> None:
    """Time passes while someone works: the idle lock is kept from firing."""
    clock.advance(hours=hours)
    gui.lock.idle_clock.touch()


def test_the_banner_warns_at_60_hours_and_turns_red_past_the_72_hour_window(qtbot, make_gui, tmp_path: Path,
                                                                            clock: FakeClock) -> None:
    gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
    banner = main.timeliness_banner
    save_person(qtbot, main, "Isolde", "Brackenridge")
    assert not banner.isVisible(), "a record saved now is far from its deadline"

    _advance(gui, clock, 60)
    refresh_status(qtbot, main)
    assert banner.isVisible() and banner.level == "soon"
    assert banner.title.text() == "Due soon:"
    assert ("1 record must reach the central HMIS within 24 hours (72-hour window from collection)."
            in banner.message.text())
    assert banner.sync_button.isVisible()
    banner.sync_button.click()
    window = gui.controller.sync.window
    assert window is not None and window.isVisible()
    wait_filled(qtbot, window)
    assert window.outbox_card.left.text() == "12 h" and window.outbox_card.oldest.text() == "60 h since collection"
    window.close_button.click()

    _advance(gui, clock, 20)
    refresh_status(qtbot, main)
    assert banner.isVisible() and banner.level == "overdue"
    assert banner.title.text() == "Overdue:"
    assert "1 record has passed the 72-hour window without reaching the central HMIS." in banner.message.text()
    assert "1 overdue" in main.outbox_label.text()
    assert "Isolde" not in " ".join([banner.message.text(), banner.accessibleDescription()])


def test_a_role_that_may_not_sync_sees_the_banner_without_the_sync_screen(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    admin = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        user_id = add_user(admin, "vera.volunteer", "Vera Volunteer", "volunteer", VOLUNTEER_PASSWORD,
                           access_completed_on=admin.clock.now().date())
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
    finally:
        admin.close()
    gui = make_gui(vault.data_dir, clock)
    gui.controller.sync_schedule = QUIET
    sign_in(qtbot, gui, "vera.volunteer", VOLUNTEER_PASSWORD)
    main = gui.controller.main_window
    assert main.sync_action not in main.tools_menu.actions()
    save_person(qtbot, main, "Anselm", "Dovecote")
    _advance(gui, clock, 80)
    refresh_status(qtbot, main)
    banner = main.timeliness_banner
    assert banner.isVisible() and banner.level == "overdue"
    assert not banner.sync_button.isVisible()
    assert "sent by themselves while someone is signed in" in banner.message.text()
    assert gui.controller.sync.open_window() is None


def test_records_leave_in_the_background_when_only_a_volunteer_is_signed_in(
    qtbot, make_gui, tmp_path: Path, clock: FakeClock
) -> None:
    """MO-TIME-1: the 72 hours run whoever is signed in. The credential is the device's,
    so a laptop used only by volunteers (no ``sync.run``) still sends its outbox."""
    schedule = SyncSchedule(first_run=0.2, period=2.0, after_save=0.2, longest_wait=3600,
                            background_retry=FAST_RETRY, on_demand_retry=FAST_RETRY)
    clock = now_clock()
    with server_on_loopback(tmp_path) as (server, engine):
        vault = make_vault(tmp_path / "device", clock, pack="mo")
        admin = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
        try:
            user_id = add_user(admin, "vera.volunteer", "Vera Volunteer", "volunteer", VOLUNTEER_PASSWORD,
                               access_completed_on=admin.clock.now().date())
            with transaction(admin.conn) as conn:
                conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
            enroll_device(admin, server.url, new_code(engine), StoreKind.VAULT)
            add_outbox_records(admin, 3)
        finally:
            admin.close()
        gui = make_gui(vault.data_dir, clock)
        gui.controller.sync_schedule = schedule
        sign_in(qtbot, gui, "vera.volunteer", VOLUNTEER_PASSWORD)
        main = gui.controller.main_window
        assert main.sync_action not in main.tools_menu.actions(), "the sync screen stays with sync.run"
        sync = gui.controller.sync
        qtbot.waitUntil(lambda: sync.runner.last_outcome is not None, timeout=20_000)
        assert sync.runner.last_outcome.kind is RunKind.BACKGROUND
        session = session_of(gui)
        assert len(server_keys(engine)) == 3 and outbox_count(session, "pending") == 0
        event = session.conn.execute(
            "SELECT detail FROM audit_event WHERE action = 'sync.completed' ORDER BY seq DESC LIMIT 1").fetchone()
        assert event is not None and json.loads(event[0])["background"] is True


def test_background_sync_runs_soon_after_a_save_and_shows_failures_in_the_status_bar(
    qtbot, make_gui, tmp_path: Path, clock: FakeClock
) -> None:
    schedule = SyncSchedule(first_run=3600, period=2.0, after_save=0.2, longest_wait=3600,
                            background_retry=FAST_RETRY, on_demand_retry=FAST_RETRY)
    with server_on_loopback(tmp_path) as (server, engine):
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock, schedule)
        enroll(gui, server.url, engine)
        sync = gui.controller.sync
        session = session_of(gui)
        save_person(qtbot, main, "Corvina", "Ashdown")
        qtbot.waitUntil(lambda: sync.runner.last_outcome is not None, timeout=20_000)
        assert sync.runner.last_outcome.kind is RunKind.BACKGROUND
        assert sync.window is None, "quietly, without the sync screen"
        assert len(server_keys(engine)) == 1 and outbox_count(session, "pending") == 0
        assert sync.status_label.text().startswith("Synced 1 record at")
        assert sync.runner.failures == 0
    # The server is gone: the next background run fails quietly and waits longer.
    save_person(qtbot, main, "Tamsin", "Orchardleigh")
    qtbot.waitUntil(lambda: sync.runner.failures == 1, timeout=30_000)
    label = sync.status_label.text()
    assert label.startswith("Sync failed at") and "could not be reached" in label and "Next try at" in label
    assert sync.status_label.isVisible()
    assert visible_windows() == [main], "no pop-up"
    assert outbox_count(session, "pending") == 1
    first_wait = sync.runner._timer.interval()
    assert first_wait == 2000
    save_person(qtbot, main, "Ludo", "Fernsby")
    assert sync.runner._timer.interval() == first_wait, "a save does not cut a failure's wait short"
    qtbot.waitUntil(lambda: sync.runner.failures == 2, timeout=30_000)
    assert sync.runner._timer.interval() == 4000, "the wait doubles after each failure in a row"


def test_a_lock_during_a_sync_stops_it_and_sign_in_resumes_in_the_background(qtbot, make_gui, tmp_path: Path,
                                                                            clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine):
        proxy = slow_proxy(server)
        try:
            gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
            enroll(gui, proxy.url, engine)
            session = session_of(gui)
            add_outbox_records(session, 1000)
            window = open_sync_window(qtbot, gui)
            window.sync_button.click()
            qtbot.waitUntil(lambda: window.progress.value() >= 100, timeout=30_000)
            sync = gui.controller.sync
            job = sync.runner._job
            assert job is not None and job.running

            enroll_dialog = window.open_enroll()
            enroll_dialog.code.setText("K7QM-2WXC-HPRT")
            qtbot.keyClick(enroll_dialog.code, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            assert not job.running, "the lock waited for the run to stop"
            assert enroll_dialog.closed_for_lock and not enroll_dialog.isVisible()
            assert enroll_dialog.code.text() == ""
            assert gui.controller.session is None and not session.vault.is_open
            assert not window.isVisible() and window.closed_for_lock
            assert window.history_model.rowCount() == 0
            signin = gui.controller.sign_in_window
            assert visible_windows() == [signin]

            gui.controller.sync_schedule = SyncSchedule(first_run=0.1, period=3600, background_retry=FAST_RETRY)
            proxy.set_plan([], default="pass")
            sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
            again = session_of(gui)
            assert current_lease(again.conn) is None, "the stopped run let go of the lease"
            sent_before = len(server_keys(engine))
            assert 100 <= sent_before < 1000
            assert sent_before == acknowledged_total(again), "nothing lost, nothing doubled"
            resumed = gui.controller.sync
            assert resumed is not sync
            qtbot.waitUntil(lambda: resumed.runner.last_outcome is not None, timeout=60_000)
            assert resumed.runner.last_outcome.kind is RunKind.BACKGROUND
            assert resumed.runner.last_outcome.report.complete
            assert_exactly_once(engine, again)
        finally:
            proxy.close()


def test_a_count_overtaken_by_a_later_one_still_tells_the_runner_of_a_save(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    """The label waits only for the newest count, but the runner compares each count
    with the one before: a save counted while an earlier count was still running must
    still bring the background run forward."""
    schedule = SyncSchedule(first_run=3600, period=3600, after_save=0.1, background_retry=FAST_RETRY)
    gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock, schedule)
    session = session_of(gui)
    before = main.outbox_status.pending
    counts: list[int] = []
    main.outbox_did_count.connect(lambda state: counts.append(state.pending))
    runner = gui.controller.sync.runner
    assert runner.next_run_at == clock.now() + timedelta(seconds=3600)

    add_outbox_records(session, 3)
    main.refresh_status()  # overtaken by the next one before it reports
    with qtbot.waitSignal(main.status_did_refresh, timeout=10_000):
        main.refresh_status()

    assert counts == [before + 3, before + 3]
    assert main.outbox_status.pending == before + 3
    assert runner.next_run_at == clock.now() + timedelta(seconds=0.1)


def test_the_sync_screen_follows_a_background_run_instead_of_starting_another(qtbot, make_gui, tmp_path: Path,
                                                                              clock: FakeClock) -> None:
    schedule = SyncSchedule(first_run=3600, period=3600, after_save=0.1, background_retry=FAST_RETRY)
    with server_on_loopback(tmp_path) as (server, engine):
        proxy = slow_proxy(server, 0.3)
        try:
            gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock, schedule)
            enroll(gui, proxy.url, engine)
            session = session_of(gui)
            add_outbox_records(session, 800)
            save_person(qtbot, main, "Perrin", "Hollowmere")  # a save: the background run starts soon
            sync = gui.controller.sync
            qtbot.waitUntil(lambda: sync.runner.running_kind is RunKind.BACKGROUND, timeout=10_000)
            assert sync.status_label.text().startswith("Syncing")
            window = open_sync_window(qtbot, gui)
            assert not window.sync_button.isEnabled() and window.cancel_button.isEnabled()
            qtbot.waitUntil(lambda: window.progress.maximum() == 801 and window.progress.value() >= 100,
                            timeout=30_000)
            assert not sync.runner.sync_now(), "no second run while one is going"
            wait_idle(qtbot, window)
            assert sync.runner.last_outcome.kind is RunKind.BACKGROUND
            assert window.message.text() == "Sent 801 records: 801 new, 0 the server already had."
            assert_exactly_once(engine, session)
        finally:
            proxy.close()


def test_one_sync_at_a_time_between_the_app_and_the_command_line(qtbot, make_gui, tmp_path: Path) -> None:
    """The sync lease holds across processes. The command runs as a second user: the
    window's own user could not sign in to it at all (MO-PWD-6, tested below)."""
    clock = now_clock()
    with server_on_loopback(tmp_path) as (server, engine):
        proxy = slow_proxy(server, 1.0)  # the run outlasts the command's start-up
        try:
            gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
            enroll(gui, proxy.url, engine)
            session = session_of(gui)
            user_id = add_user(session, "cass.worker", "Cass Worker", "case_manager", VOLUNTEER_PASSWORD,
                               access_completed_on=session.clock.now().date())
            with transaction(session.conn) as conn:
                conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
            add_outbox_records(session, 1500)
            window = open_sync_window(qtbot, gui)
            window.sync_button.click()
            qtbot.waitUntil(lambda: window.progress.value() >= 100, timeout=30_000)

            # The background timer comes due during the run: it does not start a second one.
            sync = gui.controller.sync
            sync.runner._background_due()
            assert sync.runner.running_kind is RunKind.ON_DEMAND
            assert not window.sync_button.isEnabled()

            env = child_env()
            env["PYTHONPATH"] = str(HERE) + os.pathsep + env["PYTHONPATH"]
            cli = subprocess.run([*cli_command(), "--data-dir", str(tmp_path / "device"), "sync", "--user",
                                  "cass.worker", "--password-stdin"], input=VOLUNTEER_PASSWORD + "\n",
                                 capture_output=True, text=True, env=env, cwd=str(REPO_ROOT), timeout=120)
            proxy.set_plan([], default="pass")
            assert cli.returncode == 19, cli.stdout + cli.stderr
            assert single_sentence(cli.stderr) and "already running" in cli.stderr
            wait_idle(qtbot, window, timeout=120_000)
            assert sync.runner.last_outcome.report.complete
            assert_exactly_once(engine, session)
            assert len(server_keys(engine)) == 1500
        finally:
            proxy.close()


def test_sync_now_says_so_when_another_connection_holds_the_lease(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine):
        gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        enroll(gui, server.url, engine)
        session = session_of(gui)
        add_outbox_records(session, 5)
        with session.worker() as other:
            lease = SyncLease(other.conn, clock)
            assert lease.acquire() is None
            window = open_sync_window(qtbot, gui)
            window.sync_button.click()
            wait_idle(qtbot, window)
            assert window.message.text() == ("Another sync is already running on this device; wait for it to "
                                             "finish, then try again.")
            assert server_keys(engine) == [] and outbox_count(session, "pending") == 5
            assert "Another sync was running" in gui.controller.sync.status_label.text()
            lease.release()
        window.sync_button.click()
        wait_idle(qtbot, window)
        assert gui.controller.sync.runner.last_outcome.report.complete
        assert_exactly_once(engine, session)
