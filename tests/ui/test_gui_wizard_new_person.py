""""New person…" is an intake of a one-person household: the oral explanation, the
consent and the duplicate check come before any save (MO-ROI-1, CT-207-1), one intake
window at a time. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, PLANTED_FIRST, PLANTED_LAST, make_vault, planted_person, sign_in
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from wizard_support import consent_not_shared_on_paper, fill_member, pick_project, press_next, step, tick_script

from app.clock import FakeClock
from app.intake.steps import Step
from ui.wizard.intake_wizard import IntakeWizard

_PLANTED_ANSWERS = {"NameDataQuality": 1, "DOB": "1985-03-14", "DOBDataQuality": 1, "SSN": "234567890",
                    "SSNDataQuality": 1, "White": 1, "Sex": 9, "VeteranStatus": 0, "EnrollmentCoC": "XX-501",
                    "DisablingCondition": 8, "LivingSituation": 116}


def _main(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str):
    vault = make_vault(tmp_path / "device", clock, pack=pack, people=[planted_person()])
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    return gui, gui.controller.main_window


def _count(gui, table: str) -> int:
    return int(gui.controller.session.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _save_buttons() -> list[QPushButton]:
    return [b for b in QApplication.allWidgets() if isinstance(b, QPushButton) and b.isVisible()
            and "save" in b.text().replace("&", "").lower()]


@pytest.mark.parametrize("pack", ["ct", "mo"])
def test_new_person_is_an_intake_with_no_save_before_consent(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                             pack: str) -> None:
    """MO-ROI-1, CT-207-1: "New person…" opens the intake wizard with the searched names;
    no screen on the way to the consent offers a save, and Next holds at the consent
    until it is given."""
    gui, main = _main(qtbot, make_gui, tmp_path, clock, pack)
    main.search.setText(f"{PLANTED_FIRST} {PLANTED_LAST}")
    main.new_button.click()
    wizard = main.intake_wizard
    assert isinstance(wizard, IntakeWizard)
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.flow.members[0].answers["FirstName"] == PLANTED_FIRST
    assert wizard.flow.members[0].answers["LastName"] == PLANTED_LAST
    assert PLANTED_LAST not in wizard.windowTitle()
    order = [r.step for r in wizard.flow.steps()]
    assert order.index(Step.CONSENT) < order.index(Step.MEMBER), "consent before any data"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
                and w is not wizard], "no other form opens"

    main.new_button.click()
    main.new_action.trigger()
    assert main.intake_wizard is wizard, "a second New person raises the open intake"
    assert sum(isinstance(w, IntakeWizard) for w in QApplication.topLevelWidgets() if w.isVisible()) == 1

    pick_project(qtbot, wizard, "Street Outreach")
    assert not wizard.next_button.isEnabled(), "the oral explanation comes first"
    tick_script(qtbot, wizard)
    assert _save_buttons() == []
    wizard.pages[Step.SHARING].levels["not_shared"].click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT, "no signature, no attestation: nothing goes on"
    assert _save_buttons() == [] and _count(gui, "person") == 1
    wizard.pages[Step.CONSENT].paper_box.click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD


@pytest.mark.parametrize("pack", ["ct", "vt"])
def test_an_exact_duplicate_is_caught_at_the_duplicate_step(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                            pack: str) -> None:
    """The same name, date of birth and SSN as a client on the device: the duplicate
    step holds Next until the worker decides, and "Same person" creates no second record."""
    password = ADMIN_PASSWORD
    vault = make_vault(tmp_path / "device", clock, pack=pack, people=[planted_person()],
                       password="Harbour#Lantern42" if pack == "vt" else password)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, vault.password)
    main = gui.controller.main_window
    main.search.setText(f"{PLANTED_FIRST} {PLANTED_LAST}")
    main.new_button.click()
    wizard = main.intake_wizard
    pick_project(qtbot, wizard, "Street Outreach")
    consent_not_shared_on_paper(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    form = wizard.pages[Step.MEMBER].form
    assert form.inputs["FirstName"].text() == PLANTED_FIRST, "the searched names are prefilled"
    fill_member(qtbot, wizard, _PLANTED_ANSWERS)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.DUPLICATES
    page = wizard.pages[Step.DUPLICATES]
    assert page.model.rowCount() == 1 and page.model.candidate(0).likely
    assert not wizard.next_button.isEnabled(), "a likely duplicate needs the worker's decision"
    assert "may already be on this device" in page.status.text()
    page.table.selectRow(0)
    page.same_button.click()
    assert wizard.next_button.isEnabled()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        press_next(qtbot, wizard)
    assert _count(gui, "person") == 1, "no second record of the same person"
    assert _count(gui, "enrollment") == 1


def test_not_the_same_person_is_a_decision_too(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, main = _main(qtbot, make_gui, tmp_path, clock, "mo")
    main.search.setText(f"{PLANTED_FIRST} {PLANTED_LAST}")
    wizard = main.open_new_person()
    pick_project(qtbot, wizard, "Street Outreach")
    consent_not_shared_on_paper(qtbot, wizard)
    press_next(qtbot, wizard)
    fill_member(qtbot, wizard, _PLANTED_ANSWERS)
    press_next(qtbot, wizard)
    page = wizard.pages[Step.DUPLICATES]
    assert not wizard.next_button.isEnabled()
    page.new_button.click()
    assert wizard.next_button.isEnabled() and not wizard.flow.members[0].link_personal_id


def test_a_new_person_form_kept_by_an_earlier_version_resumes_as_an_intake(qtbot, make_gui, tmp_path: Path,
                                                                           clock: FakeClock) -> None:
    from app.drafts import list_drafts, save_draft

    gui, main = _main(qtbot, make_gui, tmp_path, clock, "ct")
    session = gui.controller.session
    save_draft(session, "new_person", {"fields": {"first_name": "Odalys", "last_name": "Brightwater",
                                                  "dob": "", "ssn": ""}, "focus": None, "cursor": None})
    main.refresh_drafts_bar()
    assert main.drafts_bar.isVisible()
    main.resume_button.click()
    wizard = main.intake_wizard
    assert wizard is not None
    assert wizard.flow.members[0].answers["LastName"] == "Brightwater"
    assert list_drafts(session, "new_person") == [] and len(list_drafts(session, "intake")) == 1
