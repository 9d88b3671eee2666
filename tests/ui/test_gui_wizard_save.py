"""Saving an intake runs on the session's second connection, off the UI thread, and a
lock in the middle of a save neither loses the intake nor keeps a draft of it that
would store the household twice. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from wizard_support import (
    ADULT,
    consent_not_shared_on_paper,
    fill_member,
    open_wizard,
    pick_project,
    press_next,
    step,
    wait_for_checks,
)

from app.clock import FakeClock
from app.drafts import list_drafts
from app.intake.steps import Step
from ui.lock import LockReason


def _to_review(qtbot, make_gui, tmp_path: Path, clock: FakeClock):
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    wizard = open_wizard(qtbot, gui.controller.main_window)
    pick_project(qtbot, wizard, "Street Outreach")
    consent_not_shared_on_paper(qtbot, wizard)
    press_next(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    return gui, wizard


def _people(gui) -> int:
    return gui.controller.session.conn.execute("SELECT count(*) FROM person").fetchone()[0]


def test_save_runs_off_the_ui_thread_with_a_busy_state(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, wizard = _to_review(qtbot, make_gui, tmp_path, clock)
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        wizard.next_button.click()
        assert wizard.save_job.running, "the click returns before the transaction is done"
        assert wizard.saving_bar.isVisibleTo(wizard) and not wizard.next_button.isEnabled()
        wizard.next_button.click()  # a second press while saving does nothing
    assert wizard.stack.currentWidget() is wizard.done_page
    assert not wizard.saving_bar.isVisibleTo(wizard)
    assert _people(gui) == 1


def test_a_lock_during_the_save_keeps_it_once_and_no_draft(qtbot, make_gui, tmp_path: Path,
                                                           clock: FakeClock) -> None:
    gui, wizard = _to_review(qtbot, make_gui, tmp_path, clock)
    wizard.next_button.click()
    assert wizard.save_job.running
    gui.lock.lock(LockReason.MANUAL)
    qtbot.waitUntil(lambda: gui.controller.sign_in_window is not None
                    and gui.controller.sign_in_window.isVisible())
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    # Sign-in resumes drafts before the main window shows (AppController._begin_session).
    qtbot.waitUntil(lambda: gui.controller.main_window is not None and gui.controller.main_window.isVisible())
    main = gui.controller.main_window
    assert main.intake_wizard is None, "nothing to resume: the intake was stored"
    assert list_drafts(gui.controller.session, "intake") == []
    assert _people(gui) == 1


def test_a_save_right_after_a_step_change_follows_its_draft_write_and_drops_it(qtbot, make_gui, tmp_path: Path,
                                                                                clock: FakeClock) -> None:
    """S3: the draft written as the review step opens goes through the same queue as the
    save, before it, so the save's drop of the draft cannot be overtaken by that write."""
    gui, wizard = _to_review(qtbot, make_gui, tmp_path, clock)
    wizard.go_back()
    wait_for_checks(qtbot, wizard)
    wizard.go_next()  # the review's draft write is queued, and Save follows at once
    assert step(wizard) is Step.REVIEW and wizard.draft_id
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        wizard.next_button.click()
    assert list_drafts(gui.controller.session, "intake") == []
    assert _people(gui) == 1
