"""Next with answers missing never looks like it did nothing: the first problem comes
on screen with the focus in it, and the wizard says how many need attention.
Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from PySide6.QtWidgets import QApplication
from wizard_support import ADULT, fill_member, open_wizard, pick_project, press_next, step, tick_script

from app.clock import FakeClock
from app.intake.steps import Step


def _to_member_page(qtbot, make_gui, tmp_path: Path, clock: FakeClock):
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    wizard = open_wizard(qtbot, gui.controller.main_window)
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    sharing.levels["not_shared"].click()
    press_next(qtbot, wizard)
    wizard.pages[Step.CONSENT].paper_box.click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return gui, wizard


def test_next_with_a_missing_answer_below_the_fold_scrolls_to_it_and_counts(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, wizard = _to_member_page(qtbot, make_gui, tmp_path, clock)
    wizard.resize(1000, 560)
    form = wizard.pages[Step.MEMBER].form
    answers = dict(ADULT)
    del answers["LivingSituation"]  # the last question of the form, far below the fold
    fill_member(qtbot, wizard, answers)
    form.inputs["LivingSituation"].setCurrentIndex(0)
    scroll = wizard.scrolls[Step.MEMBER]
    scroll.verticalScrollBar().setValue(0)
    form.inputs["FirstName"].setFocus()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    target = form.inputs["LivingSituation"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)

    def on_screen() -> bool:
        top = target.mapTo(scroll.widget(), target.rect().topLeft()).y()
        shown = scroll.verticalScrollBar().value()
        return shown > 0 and shown <= top <= shown + scroll.viewport().height() - target.height()

    qtbot.waitUntil(on_screen)
    assert wizard.error.isVisible()
    assert wizard.error.text() == "1 answer needs attention; it is selected."


def test_several_missing_answers_are_counted(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, wizard = _to_member_page(qtbot, make_gui, tmp_path, clock)
    press_next(qtbot, wizard)
    problems = [p for p in wizard.flow.check()[0] if p.path.startswith("members[0]")]
    assert len(problems) > 1
    assert wizard.error.text() == f"{len(problems)} answers need attention; the first is selected."
    first = wizard.pages[Step.MEMBER].problem_widget()
    assert first is wizard.pages[Step.MEMBER].form.inputs["NameDataQuality"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
