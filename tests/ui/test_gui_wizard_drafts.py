"""Interrupted intakes are never lost: a lock, closing the window or a crash leaves an
encrypted draft that comes back after sign-in (S3). Synthetic names only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, PLANTED_FIRST, PLANTED_LAST, make_vault, sign_in, texts_on_screen
from PySide6.QtWidgets import QApplication
from wizard_support import open_wizard, pick_project, press_next, step, tick_script, type_into

from app.clock import FakeClock
from app.intake.steps import Step
from ui.lock import LockReason


def _to_member_step(qtbot, make_gui, tmp_path: Path, clock: FakeClock):
    vault = make_vault(tmp_path / "device", clock, pack="vt", password="Harbour#Lantern42")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, "Harbour#Lantern42")
    main = gui.controller.main_window
    wizard = open_wizard(qtbot, main)
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    press_next(qtbot, wizard)
    wizard.pages[Step.CONSENT].paper_box.click()
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    form = wizard.pages[Step.MEMBER].form
    type_into(qtbot, form.inputs["FirstName"], PLANTED_FIRST)
    type_into(qtbot, form.inputs["LastName"], PLANTED_LAST)
    return gui, main, wizard, vault


def test_a_lock_keeps_the_intake_and_sign_in_restores_it(qtbot, make_gui, tmp_path: Path,
                                                         clock: FakeClock) -> None:
    gui, main, _wizard, vault = _to_member_step(qtbot, make_gui, tmp_path, clock)
    gui.lock.lock(LockReason.MANUAL)
    qtbot.waitUntil(lambda: gui.controller.sign_in_window.isVisible())
    assert gui.controller.last_lock.draft_ids
    for text in texts_on_screen():
        assert PLANTED_FIRST not in text and PLANTED_LAST not in text
    for widget in QApplication.topLevelWidgets():
        assert PLANTED_FIRST not in widget.windowTitle()
    for file in vault.data_dir.rglob("*"):
        if file.is_file():
            assert PLANTED_LAST.encode() not in file.read_bytes(), file.name
    sign_in(qtbot, gui, ADMIN, "Harbour#Lantern42")
    main = gui.controller.main_window
    qtbot.waitUntil(lambda: main.intake_wizard is not None and main.intake_wizard.isVisible())
    restored = main.intake_wizard
    assert restored.restored_notice.isVisibleTo(restored)
    assert step(restored) is Step.MEMBER
    form = restored.pages[Step.MEMBER].form
    assert form.inputs["FirstName"].text() == PLANTED_FIRST
    assert form.inputs["LastName"].text() == PLANTED_LAST
    assert restored.flow.consent.paper_attested and restored.flow.ticked == restored.flow.script_point_ids


def test_every_step_change_and_closing_keep_a_draft(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main, wizard, _vault = _to_member_step(qtbot, make_gui, tmp_path, clock)
    conn = gui.controller.session.conn
    # Written off the UI thread: a crash after any step change leaves the intake up to that step.
    qtbot.waitUntil(lambda: conn.execute("SELECT count(*) FROM draft WHERE kind = 'intake'").fetchone()[0] == 1)
    wizard.close()
    qtbot.waitUntil(lambda: main.intake_wizard is None)
    assert main.drafts_bar.isVisible() and "intake" in main.drafts_label.text()
    main.resume_button.click()
    resumed = main.intake_wizard
    assert resumed is not None
    assert resumed.pages[Step.MEMBER].form.inputs["LastName"].text() == PLANTED_LAST
    resumed.discard()
    qtbot.waitUntil(lambda: main.intake_wizard is None)
    assert conn.execute("SELECT count(*) FROM draft").fetchone()[0] == 0


def _drafts(gui) -> list[tuple[str, str]]:
    return gui.controller.session.conn.execute("SELECT draft_id, payload FROM draft WHERE kind = 'intake'").fetchall()


def test_a_lock_waits_for_the_draft_write_in_flight_and_keeps_one_draft(qtbot, make_gui, tmp_path: Path,
                                                                         clock: FakeClock) -> None:
    """S3: step changes queue draft writes off the UI thread; a lock right after them
    (before any has reached the window) keeps exactly one draft, at the step it locked on."""
    gui, main, wizard, _vault = _to_member_step(qtbot, make_gui, tmp_path, clock)
    wizard.go_back()
    wizard.go_back()
    wizard.go_next()  # household: three writes asked for, none waited for
    assert step(wizard) is Step.HOUSEHOLD
    draft_id = wizard.draft_id
    gui.lock.lock(LockReason.MANUAL)
    assert gui.controller.last_lock.draft_ids == (draft_id,)
    sign_in(qtbot, gui, ADMIN, "Harbour#Lantern42")
    main = gui.controller.main_window
    qtbot.waitUntil(lambda: main.intake_wizard is not None and main.intake_wizard.isVisible())
    assert [row[0] for row in _drafts(gui)] == [draft_id]
    restored = main.intake_wizard
    assert step(restored) is Step.HOUSEHOLD
    assert restored.flow.members[0].answers.get("LastName") == PLANTED_LAST


def test_draft_writes_are_serialised_and_the_last_one_wins(qtbot, make_gui, tmp_path: Path,
                                                           clock: FakeClock) -> None:
    """Writes asked for faster than they are written keep one row, with the newest answers."""
    gui, _main, wizard, _vault = _to_member_step(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    before = {row[0] for row in _drafts(gui)}
    draft_id = None
    for n in range(5):
        draft_id = wizard.drafts.write(session, {"n": n}, draft_id)
    wizard.drafts.flush()
    rows = [row for row in _drafts(gui) if row[0] not in before]
    assert len(rows) == 1 and rows[0][0] == draft_id and rows[0][1] == '{"n": 4}'

