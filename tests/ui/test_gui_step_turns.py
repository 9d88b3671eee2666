"""A step change and a profile's opening are each spread over turns of the event loop,
so a page's first paint shares its turn with nothing else. Whatever comes in between
(Back, a second Next, a lock) finds a consistent intake: the step entered is the one
shown, a lock keeps the draft at that step and shows nothing afterwards (S4).
Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from gui_support import ADMIN, ADMIN_PASSWORD, sign_in, signed_in_missouri
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from wizard_support import mnemonic_letter, open_wizard, pick_project, step

from app.clock import FakeClock
from app.intake.steps import Step
from ui.lock import LockReason
from ui.wizard.intake_wizard import IntakeWizard


def _to_script(qtbot, main) -> IntakeWizard:
    wizard = open_wizard(qtbot, main)
    pick_project(qtbot, wizard, "Street Outreach")
    for box in wizard.pages[Step.SCRIPT].boxes.values():
        box.click()
    assert wizard.next_button.isEnabled()
    return wizard


def test_next_fills_the_step_then_shows_it_then_gives_it_keys(qtbot, make_gui, tmp_path: Path,
                                                             clock: FakeClock) -> None:
    _gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    wizard = _to_script(qtbot, main)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    # The click's own turn: the flow is on the next step and its page is filled, not yet shown.
    assert step(wizard) is Step.SHARING and wizard.step_changing
    assert wizard.stack.currentWidget() is wizard.scrolls[Step.SCRIPT]
    qtbot.waitUntil(lambda: not wizard.step_changing)
    page = wizard.pages[Step.SHARING]
    assert wizard.stack.currentWidget() is wizard.scrolls[Step.SHARING]
    assert QApplication.focusWidget() is page.first_input()
    shown = [w for w in (*page.findChildren(type(wizard.next_button)), wizard.next_button, wizard.back_button)
             if w.isVisible()]
    letters = [mnemonic_letter(w) for w in shown]
    letters = [x for x in letters if x]
    assert letters and len(letters) == len(set(letters)), "each control on screen keeps an Alt+letter of its own"


def test_back_or_next_before_the_step_is_shown_finishes_it_first(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    _gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    wizard = _to_script(qtbot, main)
    wizard.next_button.click()
    assert wizard.step_changing
    wizard.back_button.click()  # before the event loop turned: the change under way ends first
    assert step(wizard) is Step.SCRIPT
    qtbot.waitUntil(lambda: not wizard.step_changing)
    assert wizard.stack.currentWidget() is wizard.scrolls[Step.SCRIPT]
    assert all(box.isChecked() for box in wizard.pages[Step.SCRIPT].boxes.values()), "nothing lost"

    wizard.next_button.click()
    wizard.next_button.click()  # a double click: the second acts on the step the first showed
    qtbot.waitUntil(lambda: not wizard.step_changing)
    assert step(wizard) is Step.SHARING, "Sharing has no choice yet, so the second Next stops there"
    assert wizard.stack.currentWidget() is wizard.scrolls[Step.SHARING]
    assert wizard.error.isVisible()


def test_a_lock_between_the_turns_keeps_the_step_and_shows_nothing(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    wizard = _to_script(qtbot, main)
    wizard.next_button.click()
    assert wizard.step_changing
    gui.lock.lock(LockReason.MANUAL)
    assert not wizard.step_changing and not wizard.isVisible()
    qtbot.wait(50)  # the turns that were due find the window cleared
    assert not shiboken6.isValid(wizard) or not wizard.isVisible()

    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    qtbot.waitUntil(lambda: main.intake_wizard is not None and main.intake_wizard.isVisible())
    restored = main.intake_wizard
    qtbot.waitUntil(lambda: not restored.step_changing)
    assert step(restored) is Step.SHARING, "the draft was kept at the step Next went to"
    restored.discard()


def test_a_profile_is_filled_in_one_turn_and_shown_in_the_next(qtbot, make_gui, tmp_path: Path,
                                                               clock: FakeClock) -> None:
    from app.demo import add_demo_people

    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    add_demo_people(gui.controller.session, 3, seed=7)
    pid = gui.controller.session.conn.execute("SELECT personal_id FROM person LIMIT 1").fetchone()[0]
    profile = main.open_profile(pid)
    assert profile is not None and main.profile_window is profile and not profile.isVisible()
    qtbot.waitUntil(profile.isVisible)
    profile.close()
    qtbot.waitUntil(lambda: main.profile_window is None)

    # A lock before the turn that shows it: it is closed, cleared and never shown.
    profile = main.open_profile(pid)
    assert profile is not None and not profile.isVisible()
    gui.lock.lock(LockReason.MANUAL)
    assert main.profile_window is None
    qtbot.wait(50)
    assert not shiboken6.isValid(profile) or not profile.isVisible()


def test_pages_laid_out_while_idle_stay_hidden_beneath_the_step_on_screen(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    _gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    wizard = open_wizard(qtbot, main)
    page = wizard.pages[Step.PROJECT]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.first_input())
    focused = QApplication.focusWidget()
    qtbot.waitUntil(lambda: not wizard.building, timeout=15_000)
    current = wizard.stack.currentWidget()
    assert current is wizard.scrolls[Step.PROJECT] and current.isVisible()
    others = [s for s in wizard.scrolls.values() if s is not current]
    assert others and all(not s.isVisible() for s in others), "nothing but the step shows"
    assert all(s.geometry() == current.geometry() for s in others), "each laid out where it will show"
    assert QApplication.focusWidget() is focused, "the worker's focus stays where it was"
