"""The client signs a complete text: the sharing choices are made first and filled into
the consent shown for signature; a refusal ends or goes on as each pack says; sharing
fixed at Not Shared says why; a release not in force on the data's date is refused
before any data is typed. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault, sign_in
from wizard_support import (
    ADULT,
    fill_member,
    open_wizard,
    pick_project,
    press_next,
    sign_on_pad,
    step,
    tick_script,
    type_into,
)

from app.clock import FakeClock
from app.intake.steps import Step
from app.session import sign_in as core_sign_in


def _wizard(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str, populations: str | None = None,
            project: str = "Street Outreach", language: str = "en"):
    password = VT_PASSWORD if pack == "vt" else ADMIN_PASSWORD
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=password)
    if populations is not None:
        session = core_sign_in(vault.data_dir, ADMIN, password, clock)
        session.conn.execute("UPDATE project SET populations = ? WHERE name = ?", (populations, project))
        session.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    wizard = open_wizard(qtbot, gui.controller.main_window)
    pick_project(qtbot, wizard, project, language)
    tick_script(qtbot, wizard)
    return gui, wizard


def _rows(gui, sql: str) -> list[tuple]:
    return [tuple(r) for r in gui.controller.session.conn.execute(sql).fetchall()]


@pytest.mark.parametrize(("pack", "expected"), [
    ("ct", ["Harbor Street Clinic", "name and date of birth", "2027-02-28"]),
    ("mo", ["name and date of birth", "2027-03-01"]),
    ("vt", ["Harbor Street Clinic", "name and date of birth", "2027-02-28"]),
])
def test_the_signed_text_names_with_whom_what_and_until_when(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                              pack: str, expected: list[str]) -> None:
    """CT-207-8/9, MO-ROI-1, VT-2.1-19: the choices are made before the signature and
    the text shown for it is complete, with no blank."""
    _gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, pack)
    sharing = wizard.pages[Step.SHARING]
    sharing.levels["shared"].click()
    type_into(qtbot, sharing.shared_with, "Harbor Street Clinic")
    type_into(qtbot, sharing.shared_information, "name and date of birth")
    if pack == "mo":
        assert sharing.expires.isReadOnly(), "MO-ROI-10: the policy sets the term"
    else:
        type_into(qtbot, sharing.expires, "2027-02-28")
    if sharing.release.isVisibleTo(sharing):
        sharing.release.click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    consent = wizard.pages[Step.CONSENT]
    text = consent.written_text.text()
    for value in expected:
        assert value in text, value
    assert "\u2014" not in text and "{" not in text, "no blank in what the client signs"


def test_a_blank_the_text_would_show_holds_the_choices_step(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    _gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, "mo")
    sharing = wizard.pages[Step.SHARING]
    type_into(qtbot, sharing.shared_with, "Missouri partner agencies")
    press_next(qtbot, wizard)
    assert step(wizard) is Step.SHARING, "MO-ROI-1: the release says what is shared"
    assert "text the client signs" in sharing.fields["shared_information"].message.text()


def test_changing_a_choice_after_signing_asks_for_a_new_signature(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    _gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, "ct")
    sharing = wizard.pages[Step.SHARING]
    type_into(qtbot, sharing.shared_with, "Harbor Street Clinic")
    type_into(qtbot, sharing.shared_information, "name and date of birth")
    type_into(qtbot, sharing.expires, "2027-02-28")
    sharing.release.click()
    press_next(qtbot, wizard)
    consent = wizard.pages[Step.CONSENT]
    sign_on_pad(qtbot, consent.pad)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    wizard.back_button.click()
    wizard.back_button.click()
    assert step(wizard) is Step.SHARING
    type_into(qtbot, sharing.shared_with, "Harbor Street Clinic, Lamplight Pantry")
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    assert "Lamplight Pantry" in consent.written_text.text()
    assert consent.pad.is_empty and consent.resign_notice.isVisibleTo(consent)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT, "CT-207-7: the new text needs its own signature"
    sign_on_pad(qtbot, consent.pad)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD


def test_vt_declined_goes_on_not_shared_without_an_expiry(qtbot, make_gui, tmp_path: Path,
                                                          clock: FakeClock) -> None:
    """VT-3.1-1, VT-3.4-1: not signing leaves the record Not Shared; data still goes in."""
    gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, "vt")
    sharing = wizard.pages[Step.SHARING]
    sharing.decline_button.click()
    assert "VT-3.1-1" in sharing.declined_outcome.text() and "Not Shared" in sharing.declined_outcome.text()
    assert not sharing.expires.isVisibleTo(sharing)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    press_next(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        press_next(qtbot, wizard)
    assert _rows(gui, "SELECT method, sharing, expires_on FROM consent") == [("declined", "not_shared", None)]


@pytest.mark.parametrize(("pack", "populations", "clause", "who"), [
    ("vt", '["youth"]', "VT-3.1-2", "young people"),
    ("vt", '["hiv", "legal"]', "VT-3.1-2", "HIV/AIDS"),
    ("mo", '["protected"]', "MO-PROT-1", "protected"),
])
def test_forced_not_shared_is_fixed_and_says_why(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str,
                                                 populations: str, clause: str, who: str) -> None:
    _gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, pack, populations, project="Emergency Shelter")
    sharing = wizard.pages[Step.SHARING]
    assert sharing.forced.isVisibleTo(sharing)
    sentence = sharing.forced.text()
    assert clause in sentence and who in sentence and sentence.endswith(").") and ". " not in sentence, sentence
    assert sharing.levels["not_shared"].isChecked() and not sharing.levels["shared"].isEnabled()
    assert not sharing.shared_with.isVisibleTo(sharing), "with whom is not asked of a record never shared"
    press_next(qtbot, wizard)
    consent = wizard.pages[Step.CONSENT]
    not_shared = {"vt": "Only Test Agency can see your information.",
                  "mo": "Your household's record is locked."}[pack]
    assert not_shared in consent.written_text.text(), "the signed text says Not Shared"


def test_a_minor_in_vermont_cannot_consent_to_sharing(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """VT-3.4-14: a minor's release is given by a parent or guardian; until then the
    sharing is fixed at Not Shared and the page says why."""
    _gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, "vt")
    wizard.flow.members[0].answers.update(DOB="2012-06-01", DOBDataQuality=1)
    wizard.go_back()
    press_next(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    assert "VT-3.4-14" in sharing.forced.text() and "under 18" in sharing.forced.text()
    assert not sharing.levels["shared"].isEnabled()
    sharing.emancipated_box.click()
    assert not sharing.forced.isVisibleTo(sharing) and sharing.levels["shared"].isEnabled()


@pytest.mark.parametrize(("pack", "held"), [("mo", "MO-ROI-10"), ("vt", None)])
def test_a_release_expired_for_the_data_date_is_refused_before_data(qtbot, make_gui, tmp_path: Path,
                                                                    clock: FakeClock, pack: str,
                                                                    held: str | None) -> None:
    """MO-ROI-10: an ROI signed more than a year before the data's date is expired; the
    wizard says so at the consent, before any data. Vermont has no fixed term."""
    gui, wizard = _wizard(qtbot, make_gui, tmp_path, clock, pack)
    sharing = wizard.pages[Step.SHARING]
    sharing.levels["not_shared"].click()
    press_next(qtbot, wizard)
    consent = wizard.pages[Step.CONSENT]
    consent.method_buttons["verbal"].click()
    type_into(qtbot, consent.reason, "the release was given by phone last year")
    type_into(qtbot, consent.witness, "Odo Fennimore")
    type_into(qtbot, consent.consent_date, "2025-01-15")
    press_next(qtbot, wizard)
    if held is None:
        assert step(wizard) is Step.HOUSEHOLD
        return
    assert step(wizard) is Step.CONSENT
    message = consent.date_field.message.text()
    assert held in message and "expired" in message and message.count(held) == 1
    assert _rows(gui, "SELECT count(*) FROM person") == [(0,)]
