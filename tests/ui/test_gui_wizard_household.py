"""A household is named as it is typed, and each member starts from what the head of
household shares with them: project start date (HUD 3.10), CoC (3.16), and the answers
the worker marks as the same for everyone. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from wizard_support import (
    ADULT,
    choose,
    consent_not_shared_on_paper,
    fill_member,
    open_wizard,
    pick_project,
    press_next,
    step,
)

from app.clock import FakeClock
from app.intake.flow_state import MemberState
from app.intake.household import carry_over
from app.intake.steps import Step


def _to_household(qtbot, make_gui, tmp_path: Path, clock: FakeClock):
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    wizard = open_wizard(qtbot, gui.controller.main_window)
    pick_project(qtbot, wizard, "Emergency Shelter")
    consent_not_shared_on_paper(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    return gui, wizard


def test_members_are_named_as_typed_and_start_from_the_head(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    _gui, wizard = _to_household(qtbot, make_gui, tmp_path, clock)
    household = wizard.pages[Step.HOUSEHOLD]
    household.add_button.click()
    qtbot.keyClicks(household.first_name, "Tiko")
    row = household.model.index(1, 0).data()
    assert "Tiko" in row and "\u2014" not in row, row
    assert any("Tiko" in wizard.step_model.item(i).text() for i in range(wizard.step_model.rowCount()))
    choose(household.relationship, 2)
    household.shared_checks["LastName"].click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER and wizard.flow.current.member == 0
    head = dict(ADULT, EnrollmentCoC="XX-501")
    fill_member(qtbot, wizard, head)
    press_next(qtbot, wizard)
    assert wizard.flow.current.member == 1, [str(p) for p in wizard.flow.check()[0]
                                             if "members[0]" in p.path or "members[" not in p.path]
    form = wizard.pages[Step.MEMBER].form
    assert form.inputs["FirstName"].text() == "Tiko"
    assert form.inputs["LastName"].text() == "Larkspurrow", "marked as shared"
    assert form.inputs["EntryDate"].text() == wizard.flow.members[0].answers["EntryDate"]
    assert form.inputs["EnrollmentCoC"].text() == "XX-501"
    assert "Tiko" in wizard.pages[Step.MEMBER].heading.text()


def test_nothing_but_start_and_coc_is_copied_unless_marked(qtbot, make_gui, tmp_path: Path,
                                                           clock: FakeClock) -> None:
    _gui, wizard = _to_household(qtbot, make_gui, tmp_path, clock)
    household = wizard.pages[Step.HOUSEHOLD]
    household.add_button.click()
    choose(household.relationship, 2)
    press_next(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    press_next(qtbot, wizard)
    form = wizard.pages[Step.MEMBER].form
    assert form.inputs["LastName"].text() == ""
    assert form.inputs["EnrollmentCoC"].text() == "XX-501"


def test_hud_3_10_start_date_follows_the_head_unless_the_member_has_their_own() -> None:
    """HUD 3.10/3.16: start date and CoC start as the head's; a member's own answer stays."""
    head = MemberState({"EntryDate": "2026-02-27", "EnrollmentCoC": "XX-501", "LastName": "Larkspurrow",
                        "LivingSituation": 116, "LengthOfStay": 8})
    child = MemberState({"EntryDate": "2026-03-02"})
    cousin = MemberState({"EntryDate": "2026-02-28", "EnrollmentCoC": "XX-502"})
    members = [head, child, cousin]
    assert carry_over(members, 1, {"LivingSituation"}, "2026-03-02") == [
        "EntryDate", "EnrollmentCoC", "LivingSituation", "LengthOfStay"]
    assert "LastName" not in child.answers
    assert carry_over(members, 2, {"LastName"}, "2026-03-02") == ["LastName"]
    assert cousin.answers["EntryDate"] == "2026-02-28" and cousin.answers["EnrollmentCoC"] == "XX-502"
    assert carry_over(members, 0, {"LastName"}, "2026-03-02") == []
