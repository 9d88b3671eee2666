"""Whole intakes with the keyboard alone: every key goes to the widget that has the
focus (Tab, Shift+Tab, Space, Enter, arrows, Alt+mnemonic), from sign-in to the saved
screen; nothing is clicked and no widget is set from the test.

A drawn signature cannot come from a keyboard. What a keyboard-only worker can do at
a written consent: Tab or Alt+mnemonic reaches the pad (so a client can sign on a
touch screen or with a pen while the worker stays on the keyboard), Delete clears it,
and the pad and the page say the alternatives the pack's rules accept: the client
signs the paper form and the worker attests it (every pack, CT-207-7), or verbal
consent where the pack allows it (MO-ROI-9, VT; CT-207-7 only at a first contact by
phone). No typed name stands in for a signature. Synthetic people only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox
from wizard_support import ADULT, Keyboard, fill_member_by_keys, sign_on_pad, step, wait_for_checks

from app.clock import FakeClock
from app.intake.steps import Step
from ui.wizard.intake_wizard import IntakeWizard
from ui.wizard.signature_pad import SignaturePad


def _sign_in_and_open(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str):
    password = VT_PASSWORD if pack == "vt" else ADMIN_PASSWORD
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=password)
    gui = make_gui(vault.data_dir, clock)
    kb = Keyboard(qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is gui.controller.sign_in_window.username)
    kb.type(ADMIN)
    kb.tab()
    kb.type(password)
    kb.enter()
    qtbot.waitUntil(lambda: gui.controller.main_window is not None
                    and QApplication.activeWindow() is gui.controller.main_window, timeout=20_000)
    main = gui.controller.main_window
    assert kb.focused() is main.search, "the main window opens on the search box"
    kb.press(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main.intake_wizard is not None and QApplication.activeWindow() is main.intake_wizard)
    return gui, kb, main.intake_wizard


def _project(kb: Keyboard, wizard: IntakeWizard, name: str) -> None:
    page = wizard.pages[Step.PROJECT]
    assert kb.focused() is page.project, "focus starts on the first field"
    kb.choose_text(name)
    kb.enter()
    assert step(wizard) is Step.SCRIPT


def _script(kb: Keyboard, wizard: IntakeWizard) -> None:
    page = wizard.pages[Step.SCRIPT]
    boxes = list(page.boxes.values())
    assert kb.focused() is boxes[0]
    for number, box in enumerate(boxes):
        assert kb.focused() is box, "script points are next to each other in the tab order"
        kb.space()
        assert box.isChecked()
        if number < len(boxes) - 1:
            assert not wizard.next_button.isEnabled()
            kb.tab()
    assert wizard.next_button.isEnabled()
    kb.enter()
    assert step(wizard) is Step.SHARING, "the client's choices come before the text they sign"


def _member(kb: Keyboard, wizard: IntakeWizard, answers: dict) -> None:
    form = wizard.pages[Step.MEMBER].form
    assert form is not None and kb.focused() is form.first_input()
    visited = fill_member_by_keys(kb, wizard, answers)
    assert {"FirstName", "LastName", "DOB", "Sex"} <= set(visited)
    assert isinstance(kb.focused(), QAbstractButton), "after the last question Tab reaches the buttons"


def _duplicates_review_save(qtbot, kb: Keyboard, wizard: IntakeWizard) -> None:
    assert kb.focused() is wizard.discard_button, "Tab after the last question: Discard, Back, Next"
    kb.mnemonic(wizard.next_button)
    qtbot.waitUntil(lambda: step(wizard) is Step.DUPLICATES and not wizard.step_changing)
    wait_for_checks(qtbot, wizard)
    kb.enter()
    assert step(wizard) is Step.REVIEW
    assert wizard.next_button.text().replace("&", "") == "Save intake"
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        kb.enter()
    qtbot.waitUntil(lambda: kb.focused() is wizard.close_button)
    with qtbot.waitSignal(wizard.wizard_did_close):
        kb.enter()


def _rows(gui, sql: str) -> list[tuple]:
    return [tuple(r) for r in gui.controller.session.conn.execute(sql).fetchall()]


def test_mo_adult_alone_with_verbal_consent_by_keyboard(qtbot, make_gui, tmp_path: Path,
                                                         clock: FakeClock) -> None:
    gui, kb, wizard = _sign_in_and_open(qtbot, make_gui, tmp_path, clock, "mo")
    assert not wizard.step_list.hasFocus()
    _project(kb, wizard, "Street Outreach")
    _script(kb, wizard)

    sharing = wizard.pages[Step.SHARING]
    assert kb.focused() is sharing.agree_button
    assert sharing.levels["shared"].isChecked(), "MO-ROI-1: Missouri shares unless the client declines"
    kb.mnemonic(sharing.shared_with)
    assert kb.focused() is sharing.shared_with
    kb.type("Missouri partner agencies")
    kb.mnemonic(sharing.shared_information)
    assert kb.focused() is sharing.shared_information
    kb.type("name, date of birth and services")
    kb.enter()
    assert step(wizard) is Step.CONSENT

    consent = wizard.pages[Step.CONSENT]
    assert "name, date of birth and services" in consent.written_text.text(), "the text shows what is shared"
    assert kb.focused() is consent.method_buttons["written"]
    kb.mnemonic(consent.method_buttons["verbal"])
    qtbot.waitUntil(consent.method_buttons["verbal"].isChecked)
    kb.mnemonic(consent.reason)
    assert kb.focused() is consent.reason
    kb.type("client is outdoors without a pen")
    kb.tab()
    assert kb.focused() is consent.witness, "Tab follows the form from reason to witness"
    kb.type("Odo Fennimore")
    kb.enter()
    assert step(wizard) is Step.HOUSEHOLD
    assert kb.focused() is wizard.pages[Step.HOUSEHOLD].list
    kb.enter()
    assert step(wizard) is Step.MEMBER
    _member(kb, wizard, ADULT)
    _duplicates_review_save(qtbot, kb, wizard)

    assert _rows(gui, "SELECT first_name, last_name FROM person") == [("Brisa", "Larkspurrow")]
    assert _rows(gui, "SELECT method, witness, verbal_reason FROM consent") == [
        ("verbal", "Odo Fennimore", "client is outdoors without a pen")]


def test_ct_written_consent_by_keyboard_reaches_the_pad_then_attests_paper(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, kb, wizard = _sign_in_and_open(qtbot, make_gui, tmp_path, clock, "ct")
    _project(kb, wizard, "Street Outreach")
    _script(kb, wizard)

    sharing = wizard.pages[Step.SHARING]
    assert kb.focused() is sharing.agree_button
    kb.tab_until(sharing.levels["shared"])
    kb.press(Qt.Key.Key_Down)
    assert sharing.levels["not_shared"].isChecked() and kb.focused() is sharing.levels["not_shared"]
    assert not sharing.expires.isVisibleTo(sharing), "CT: no expiry for a consent that shares nothing"
    kb.enter()
    assert step(wizard) is Step.CONSENT

    consent = wizard.pages[Step.CONSENT]
    assert consent.method_buttons["written"].isChecked()
    kb.tab_until(consent.pad)
    description = consent.pad.accessibleDescription()
    assert "paper" in description and "verbal" in description, "the pad names the keyboard alternatives"
    kb.press(Qt.Key.Key_Delete)
    assert consent.pad.is_empty
    kb.tab(backwards=True)
    kb.mnemonic(consent.pad)
    assert kb.focused() is consent.pad, "the signature label's mnemonic moves focus to the pad"
    kb.enter()
    assert step(wizard) is Step.CONSENT, "no signature and no attestation: the step holds"
    assert consent.signature_message.isVisibleTo(consent) and "CT-207-7" in consent.signature_message.text()
    kb.mnemonic(consent.paper_box)
    qtbot.waitUntil(consent.paper_box.isChecked)
    kb.enter()
    assert step(wizard) is Step.HOUSEHOLD
    kb.enter()
    _member(kb, wizard, ADULT)
    _duplicates_review_save(qtbot, kb, wizard)

    assert _rows(gui, "SELECT method, sharing, signature_png IS NULL FROM consent") == [
        ("written", "not_shared", 1)]


def test_shift_tab_walks_back_and_back_button_is_reachable(qtbot, make_gui, tmp_path: Path,
                                                           clock: FakeClock) -> None:
    _gui, kb, wizard = _sign_in_and_open(qtbot, make_gui, tmp_path, clock, "mo")
    _project(kb, wizard, "Emergency Shelter")
    boxes = list(wizard.pages[Step.SCRIPT].boxes.values())
    kb.tab()
    assert kb.focused() is boxes[1]
    kb.tab(backwards=True)
    assert kb.focused() is boxes[0]
    kb.mnemonic(wizard.back_button)
    qtbot.waitUntil(lambda: step(wizard) is Step.PROJECT and not wizard.step_changing)
    assert kb.focused() is wizard.pages[Step.PROJECT].project, "focus lands on the page's first field"
    kb.mnemonic(wizard.next_button)
    qtbot.waitUntil(lambda: step(wizard) is Step.SCRIPT and not wizard.step_changing)
    assert isinstance(kb.focused(), QCheckBox)
    language = wizard.pages[Step.PROJECT].language
    assert isinstance(language, QComboBox)


def test_delete_clears_a_signature_on_the_focused_pad(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 160)
    pad.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pad)
    sign_on_pad(qtbot, pad)  # the client's pen, not the worker's keyboard
    assert not pad.is_empty
    pad.setFocus()
    kb = Keyboard(qtbot)
    assert kb.focused() is pad
    with qtbot.waitSignal(pad.signature_did_change):
        kb.press(Qt.Key.Key_Delete)
    assert pad.is_empty and pad.png_bytes() is None


CHILD = {"FirstName": "Pip", "LastName": "Larkspurrow", "NameDataQuality": 1, "DOB": "2018-05-02",
         "DOBDataQuality": 1, "SSNDataQuality": 99, "White": 1, "Sex": 9, "DisablingCondition": 8}


def test_mo_family_of_two_by_keyboard(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """A head of household and a child, keys only: the household step adds and names the
    member (Alt+A, Tab through the name and relationship), one ROI covers both (MO-ROI-3)."""
    gui, kb, wizard = _sign_in_and_open(qtbot, make_gui, tmp_path, clock, "mo")
    _project(kb, wizard, "Street Outreach")
    _script(kb, wizard)
    sharing = wizard.pages[Step.SHARING]
    kb.mnemonic(sharing.shared_with)
    kb.type("Missouri partner agencies")
    kb.mnemonic(sharing.shared_information)
    kb.type("name, date of birth and services")
    kb.enter()
    assert step(wizard) is Step.CONSENT
    consent = wizard.pages[Step.CONSENT]
    kb.mnemonic(consent.method_buttons["verbal"])
    qtbot.waitUntil(consent.method_buttons["verbal"].isChecked)
    kb.mnemonic(consent.reason)
    kb.type("client is outdoors without a pen")
    kb.tab()
    assert kb.focused() is consent.witness
    kb.type("Odo Fennimore")
    kb.enter()
    assert step(wizard) is Step.HOUSEHOLD
    _household_with_a_child(qtbot, kb, wizard)
    _duplicates_review_save(qtbot, kb, wizard)
    assert sorted(_rows(gui, "SELECT first_name FROM person")) == [("Brisa",), ("Pip",)]
    assert _rows(gui, "SELECT count(DISTINCT household_id) FROM enrollment") == [(1,)]
    # MO-ROI-3: the one verbal ROI covers each member of the household.
    assert _rows(gui, "SELECT method, count(DISTINCT personal_id) FROM consent GROUP BY method") == [("verbal", 2)]


def _household_with_a_child(qtbot, kb: Keyboard, wizard: IntakeWizard) -> None:
    """From the household step: Alt+A adds a member, whose name and relationship are
    typed and chosen by keys; then each member's page, head first."""
    household = wizard.pages[Step.HOUSEHOLD]
    kb.mnemonic(household.add_button)  # a mnemonic clicks the button a moment later (animateClick)
    qtbot.waitUntil(lambda: kb.focused() is household.first_name)  # a new member's name is typed first
    kb.type("Pip")
    kb.tab()
    assert kb.focused() is household.last_name
    kb.type("Larkspurrow")
    kb.tab()
    assert kb.focused() is household.relationship
    kb.choose(2)  # the head of household's child
    assert "Pip" in household.model.data(household.model.index(1, 0)), "named as soon as typed"
    kb.mnemonic(wizard.next_button)
    qtbot.waitUntil(lambda: step(wizard) is Step.MEMBER and not wizard.step_changing)
    _member(kb, wizard, ADULT)
    kb.mnemonic(wizard.next_button)
    qtbot.waitUntil(lambda: wizard.pages[Step.MEMBER].form is not None
                    and kb.focused() is wizard.pages[Step.MEMBER].form.first_input())
    _member(kb, wizard, CHILD)


def _paper_attested(qtbot, kb: Keyboard, wizard: IntakeWizard) -> None:
    """A written consent by keyboard: the client signs the paper form, the worker attests it."""
    consent = wizard.pages[Step.CONSENT]
    assert consent.method_buttons["written"].isChecked()
    kb.mnemonic(consent.paper_box)
    qtbot.waitUntil(consent.paper_box.isChecked)
    kb.enter()
    assert step(wizard) is Step.HOUSEHOLD


@pytest.mark.parametrize(("pack", "project"), [("ct", "Street Outreach"), ("vt", "Emergency Shelter")])
def test_family_of_two_by_keyboard_with_a_paper_form(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                       pack: str, project: str) -> None:
    """CT and VT: Not Shared, the paper form signed and attested, a head and a child,
    keys only; the household's consent covers the child (signed for by the head)."""
    gui, kb, wizard = _sign_in_and_open(qtbot, make_gui, tmp_path, clock, pack)
    _project(kb, wizard, project)
    _script(kb, wizard)
    sharing = wizard.pages[Step.SHARING]
    kb.tab_until(sharing.levels["shared"])
    if sharing.levels["shared"].isChecked():
        kb.press(Qt.Key.Key_Down)
    assert sharing.levels["not_shared"].isChecked()
    kb.enter()
    assert step(wizard) is Step.CONSENT
    _paper_attested(qtbot, kb, wizard)
    _household_with_a_child(qtbot, kb, wizard)
    _duplicates_review_save(qtbot, kb, wizard)
    assert sorted(_rows(gui, "SELECT first_name FROM person")) == [("Brisa",), ("Pip",)]
    assert _rows(gui, "SELECT count(DISTINCT household_id) FROM enrollment") == [(1,)]
    assert _rows(gui, "SELECT DISTINCT method, sharing FROM consent") == [("written", "not_shared")]
