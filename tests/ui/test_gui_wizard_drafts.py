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
    assert conn.execute("SELECT count(*) FROM draft WHERE kind = 'intake'").fetchone()[0] == 1, \
        "a crash after any step change leaves the intake up to that step"
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
