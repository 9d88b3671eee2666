"""The profile's dialogs give each Alt+letter to one thing on screen, in English and in
Spanish. The new-consent form in every state it can be in: each consent method
(CT-207-7's phone rule, MO-ROI-9's verbal consent, MO-ROI-8's refusal), VT's guardian
and possible DV victim's permissions (VT-3.4-14, VT-3.4-2) and MO's project choice
(MO-ROI-6); it has more access keys than letters ("Client's language" and the
signature's "Clear signature" both claimed Alt+L in English), so its letters follow
what is shown. Then every other dialog the profile opens (contact, service, exit,
corrections, consent changes). Real widgets; synthetic people only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import ADMIN, sign_in
from PySide6.QtWidgets import QApplication
from test_gui_accessibility import audit, mnemonics_on_screen
from test_gui_profile import _open, _vault
from test_gui_roi_project import _second_enrollment

from app.clock import FakeClock
from ui.i18n import set_language
from ui.profile.profile_window import RECORD_DIALOGS
from ui.profile.renew_dialog import RenewConsentDialog


def _states(renew: RenewConsentDialog) -> Iterator[str]:
    """Every combination of shown parts the form offers, one after another."""
    yield "opened (written)"
    for method, button in renew.method.buttons.items():
        if button.isVisibleTo(renew):
            button.click()
            yield method
    renew.method.buttons["written"].click()
    renew.not_shared.click()
    yield "written, not shared"
    if renew.dv_box.isVisibleTo(renew):
        renew.dv_box.click()
        yield "written, possible DV victim"
        renew.method.buttons["verbal"].click()
        yield "verbal, possible DV victim"


def _open_renewal(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str, language: str):
    vault, password, pid = _vault(tmp_path, clock, pack=pack, note=False)
    if pack == "mo":
        _second_enrollment(vault, password, clock, pid)  # the project choice is shown too
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    set_language(QApplication.instance(), language)
    profile = _open(qtbot, gui.controller.main_window)
    profile.renew_consent()
    qtbot.waitUntil(lambda: isinstance(profile.dialog, RenewConsentDialog) and profile.dialog.isVisible())
    return profile.dialog


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_every_mnemonic_of_the_new_consent_form_is_unique(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                          pack: str, language: str) -> None:
    """CT-207-7, MO-ROI-9, VT-3.4-2: whatever the form shows, no Alt+letter is claimed twice."""
    try:
        renew = _open_renewal(qtbot, make_gui, tmp_path, clock, pack, language)
        save = renew.save_button.text()
        seen: set[str] = set()
        problems: list[str] = []
        for state in _states(renew):
            seen.add(state)
            problems += [p for p in audit(renew, f"{pack} {language} new consent, {state}") if "Alt+" in p]
            assert renew.save_button.text() == save, "Save keeps its letter"
        assert problems == []
        assert {"opened (written)", "verbal"} <= seen
        if pack == "vt":
            assert "verbal, possible DV victim" in seen and renew.guardian_box.isVisibleTo(renew)
        if pack == "mo":
            assert renew.project is not None and "declined" in seen
        if pack == "ct":
            renew.method.buttons["verbal"].click()
            assert renew.method.phone_box.isVisibleTo(renew)
    finally:
        set_language(QApplication.instance(), "en")


def test_the_language_and_the_signatures_clear_button_have_their_own_letters(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """The clash that was: Alt+L reached both "Client's language" and "Clear signature"."""
    renew = _open_renewal(qtbot, make_gui, tmp_path, clock, "mo", "en")
    owners = mnemonics_on_screen(renew)
    assert owners["l"] == ["Client's &language"]
    clear = renew.method.clear_button.text()
    assert clear.replace("&", "") == "Clear signature" and owners[clear[clear.index("&") + 1].lower()] == [clear]
    renew.method.buttons["verbal"].click()
    assert mnemonics_on_screen(renew)["r"] == ["&Reason written consent was not possible"]
    renew.method.buttons["written"].click()
    assert renew.method.clear_button.text() == clear, "the same letter each time the pad is shown"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_every_dialog_of_the_profile_has_unique_mnemonics(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                          pack: str, language: str) -> None:
    """Each dialog the profile opens, as it opens: no Alt+letter claimed twice (the details
    form had First name and Suffix on Alt+F, SSN and Save on Alt+S)."""
    vault, password, _pid = _vault(tmp_path, clock, pack=pack, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    set_language(QApplication.instance(), language)
    try:
        profile = _open(qtbot, gui.controller.main_window)
        openers = {f"record {kind}": (lambda kind=kind: profile.record(kind)) for kind in RECORD_DIALOGS}
        openers |= {"edit details": profile.edit_details, "new consent": profile.renew_consent,
                    "stop sharing": profile.stop_sharing,
                    "revoke": lambda: profile.revoke_consent(profile.profile.consents[0].consent_id)}
        problems: list[str] = []
        opened: list[str] = []
        for name, open_dialog in openers.items():
            open_dialog()
            dialog = profile.dialog
            assert dialog is not None, name
            qtbot.waitUntil(dialog.isVisible)
            opened.append(type(dialog).__name__)
            problems += [p for p in audit(dialog, f"{pack} {language} {name}") if "Alt+" in p]
            dialog.reject()
            qtbot.waitUntil(lambda: profile.dialog is None)
    finally:
        set_language(QApplication.instance(), "en")
    assert problems == []
    assert len(set(opened)) == len(openers), opened
