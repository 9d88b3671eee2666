"""The duplicate check runs off the UI thread: the step shows that it is looking,
holds Next, then shows the candidates; the answer of an earlier check (Back, a
change, Next again before it came) is dropped. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, PLANTED_FIRST, PLANTED_LAST, make_vault, planted_person, sign_in
from PySide6.QtCore import Qt
from wizard_support import consent_not_shared_on_paper, fill_member, pick_project, press_next, step

from app.clock import FakeClock
from app.intake.steps import Step
from ui.wizard.intake_wizard import IntakeWizard

_PLANTED_ANSWERS = {"NameDataQuality": 1, "DOB": "1985-03-14", "DOBDataQuality": 1, "SSN": "234567890",
                    "SSNDataQuality": 1, "White": 1, "Sex": 9, "VeteranStatus": 0, "EnrollmentCoC": "XX-501",
                    "DisablingCondition": 8, "LivingSituation": 116}


def _to_member_step(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> IntakeWizard:
    vault = make_vault(tmp_path / "device", clock, pack="ct", people=[planted_person()])
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.search.setText(f"{PLANTED_FIRST} {PLANTED_LAST}")
    wizard = main.open_new_person()
    pick_project(qtbot, wizard, "Street Outreach")
    consent_not_shared_on_paper(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    fill_member(qtbot, wizard, _PLANTED_ANSWERS)
    return wizard


def test_the_duplicate_step_shows_it_is_looking_then_the_candidates(qtbot, make_gui, tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    wizard = _to_member_step(qtbot, make_gui, tmp_path, clock)
    page = wizard.pages[Step.DUPLICATES]
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    # Straight after Next, before the event loop has run (the step is put on screen
    # over its next turns; here at once): the step is shown, busy.
    wizard.finish_step_change()
    assert step(wizard) is Step.DUPLICATES
    assert page.checking and "Looking for this person" in page.status.text()
    assert page.model.rowCount() == 0
    assert not wizard.next_button.isEnabled() and not page.same_button.isEnabled()
    qtbot.waitUntil(lambda: not page.checking, timeout=10_000)
    assert page.model.rowCount() == 1 and page.model.candidate(0).likely
    assert "may already be on this device" in page.status.text()
    assert not wizard.next_button.isEnabled(), "a likely duplicate still needs the worker's decision"
    page.new_button.click()
    assert wizard.next_button.isEnabled()


def test_an_earlier_checks_answer_is_dropped(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    wizard = _to_member_step(qtbot, make_gui, tmp_path, clock)
    page = wizard.pages[Step.DUPLICATES]
    # Next, Back, a different person, Next: all before the first check's answer is delivered.
    wizard.go_next()
    assert step(wizard) is Step.DUPLICATES and page.checking
    wizard.go_back()
    # As typing would change them, without running the event loop in between.
    wizard.flow.members[0].answers.update(LastName="Quartzmoorly", DOB="1991-11-23", SSN="345678901")
    shown: list[int] = []
    page.model.modelReset.connect(lambda: shown.append(page.model.rowCount()))
    wizard.go_next()
    assert step(wizard) is Step.DUPLICATES and page.checking
    qtbot.waitUntil(lambda: not page.checking, timeout=10_000)
    qtbot.waitUntil(lambda: not page._tasks.busy, timeout=10_000)
    assert 1 not in shown, "the first check's match (the planted client) is never shown"
    assert page.model.rowCount() == 0
    assert "No one on this device looks like this person" in page.status.text()
    assert wizard.next_button.isEnabled()
