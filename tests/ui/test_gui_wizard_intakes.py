"""Full intakes through the real wizard widgets, one per pack situation, checking what
was stored, the outbox rows and the audit events. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault, sign_in
from PySide6.QtCore import Qt
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


def _start(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str, populations: str | None = None):
    password = VT_PASSWORD if pack == "vt" else ADMIN_PASSWORD
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=password)
    if populations is not None:
        session = core_sign_in(vault.data_dir, ADMIN, password, clock)
        session.conn.execute("UPDATE project SET populations = ? WHERE name = 'Emergency Shelter'", (populations,))
        session.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    return gui, main, open_wizard(qtbot, main)


def _through_household(qtbot, wizard) -> None:
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER


def _finish(qtbot, wizard, expect_people: int) -> None:
    while step(wizard) is Step.MEMBER:
        press_next(qtbot, wizard)
    assert step(wizard) is Step.DUPLICATES
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    assert wizard.next_button.text().replace("&", "") == "Save intake"
    with qtbot.waitSignal(wizard.intake_did_save, timeout=10_000) as saved:
        press_next(qtbot, wizard)
    assert len(saved.args[0].personal_ids) == expect_people


def _rows(gui, sql: str, *args) -> list[tuple]:
    return [tuple(r) for r in gui.controller.session.conn.execute(sql, args).fetchall()]


def test_ct_adult_alone_written_on_the_pad(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, _main, wizard = _start(qtbot, make_gui, tmp_path, clock, "ct")
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    sharing.levels["shared"].click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.SHARING, "CT-207-8/9: release, with whom and expiry are required to share"
    assert "CT-207-9" in sharing.fields["shared_with"].message.text()
    type_into(qtbot, sharing.shared_with, "CoC partner agencies")
    type_into(qtbot, sharing.shared_information, "name, date of birth and enrollment")
    type_into(qtbot, sharing.expires, "2027-03-01")
    sharing.release.click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    consent = wizard.pages[Step.CONSENT]
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    assert consent.signature_message.isVisibleTo(consent) and "CT-207-7" in consent.signature_message.text()
    sign_on_pad(qtbot, consent.pad)
    shown = consent.rendered
    assert shown is not None and shown.text in consent.written_text.text()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    _through_household(qtbot, wizard)
    press_next(qtbot, wizard)
    form = wizard.pages[Step.MEMBER].form
    assert step(wizard) is Step.MEMBER and "CT-207-5" in form.fields["Sex"].message.text()
    fill_member(qtbot, wizard, ADULT)
    _finish(qtbot, wizard, 1)
    assert _rows(gui, "SELECT first_name, last_name, dob FROM person") == [("Brisa", "Larkspurrow", "1984-07-09")]
    method, sharing_level, png = _rows(gui, "SELECT method, sharing, signature_png FROM consent")[0]
    assert (method, sharing_level) == ("written", "shared") and png.startswith(b"\x89PNG")
    # The consent is bound to the text the client signed: the stored hash is the shown text's.
    stored_hash, information, language = _rows(
        gui, "SELECT consent_text_sha256, shared_information, language FROM consent")[0]
    assert stored_hash == shown.sha256
    assert "name" in information and language == "en"
    entities = {r[0] for r in _rows(gui, "SELECT entity FROM outbox")}
    assert {"person", "enrollment", "consent"} <= entities
    actions = {r[0] for r in _rows(gui, "SELECT action FROM audit_event")}
    assert {"person.created", "intake.saved", "consent.recorded"} <= actions
    assert not _rows(gui, "SELECT draft_id FROM draft"), "a saved intake leaves no draft"
    assert "Brisa" not in wizard.windowTitle()


def test_mo_family_with_a_minor(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, _main, wizard = _start(qtbot, make_gui, tmp_path, clock, "mo")
    pick_project(qtbot, wizard, "Emergency Shelter", "es")
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    assert sharing.expires.text() == "2027-03-01", "MO-ROI-10: one year, through the day before"
    type_into(qtbot, sharing.shared_with, "Missouri partner agencies")
    type_into(qtbot, sharing.shared_information, "nombre y fecha de nacimiento")
    press_next(qtbot, wizard)
    wizard.pages[Step.CONSENT].paper_box.click()
    press_next(qtbot, wizard)
    household = wizard.pages[Step.HOUSEHOLD]
    household.add_button.click()
    household.relationship.setCurrentIndex(household.relationship.findData(2))
    assert len(wizard.flow.steps()) == 9 and wizard.step_model.rowCount() == 9
    _through_household(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    press_next(qtbot, wizard)
    assert wizard.flow.current.member == 1
    form = wizard.pages[Step.MEMBER].form
    fill_member(qtbot, wizard, {"FirstName": "Tiko", "LastName": "Larkspurrow", "NameDataQuality": 1,
                                "DOB": "2016-05-05", "DOBDataQuality": 1, "SSNDataQuality": 99, "Sex": 9,
                                "DisablingCondition": 8})
    assert form.inputs["VeteranStatus"].isHidden(), "3.07 is asked of adults only"
    _finish(qtbot, wizard, 2)
    assert len(_rows(gui, "SELECT consent_id FROM consent")) == 2, "MO-ROI-3: one ROI covers the household"
    relations = sorted(r[0] for r in _rows(gui, "SELECT relationship_to_hoh FROM enrollment"))
    assert relations == [1, 2]
    assert len({r[0] for r in _rows(gui, "SELECT household_id FROM enrollment")}) == 1


def test_mo_declined_consent_locks_the_household(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """MO-ROI-8: a refusal goes on with the household locked; nothing to sign, no expiry asked."""
    gui, _main, wizard = _start(qtbot, make_gui, tmp_path, clock, "mo")
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    sharing.decline_button.click()
    assert sharing.declined_text.isVisibleTo(sharing) and sharing.declined_text.text()
    assert "MO-ROI-8" in sharing.declined_outcome.text()
    assert not sharing.expires.isVisibleTo(sharing), "a refusal is never asked for an expiry date"
    assert Step.CONSENT not in [r.step for r in wizard.flow.steps()], "nothing to sign"
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    _through_household(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    assert "expires_on" not in wizard.flow.build_document()["consent"], "the wizard sends no expiry for a refusal"
    _finish(qtbot, wizard, 1)
    assert _rows(gui, "SELECT method, sharing, expires_on FROM consent") == [("declined", "not_shared", None)]
    assert _rows(gui, "SELECT locked FROM enrollment") == [(1,)]


def test_ct_declined_consent_stops_before_any_data(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """CT-207-1: without consent nothing is entered; the intake ends with Finish and no draft."""
    gui, _main, wizard = _start(qtbot, make_gui, tmp_path, clock, "ct")
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    sharing.decline_button.click()
    assert "CT-207-1" in sharing.declined_outcome.text()
    assert not sharing.expires.isVisibleTo(sharing)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.DECLINED
    page = wizard.pages[Step.DECLINED]
    assert page.heading.text() == "Nothing was recorded" and "CT-207-1" in page.reason.text()
    assert wizard.next_button.text().replace("&", "") == "Finish"
    assert [r.step for r in wizard.flow.steps()][-1] is Step.DECLINED, "no data step follows a refusal"
    with qtbot.waitSignal(wizard.wizard_did_close):
        press_next(qtbot, wizard)
    for table in ("person", "enrollment", "consent", "outbox", "draft"):
        assert _rows(gui, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_ct_verbal_consent_by_phone(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, _main, wizard = _start(qtbot, make_gui, tmp_path, clock, "ct")
    pick_project(qtbot, wizard, "Street Outreach")
    tick_script(qtbot, wizard)
    wizard.pages[Step.SHARING].levels["not_shared"].click()
    press_next(qtbot, wizard)
    consent = wizard.pages[Step.CONSENT]
    consent.method_buttons["verbal"].click()
    type_into(qtbot, consent.reason, "first contact by phone")
    type_into(qtbot, consent.witness, "Odo Fennimore")
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    assert "CT-207-7" in consent.method_message.text(), "verbal only when the first contact is by phone"
    consent.phone_box.click()
    qtbot.keyClick(consent.reason, Qt.Key.Key_Return)  # Enter = Next
    assert step(wizard) is Step.HOUSEHOLD
    _through_household(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    _finish(qtbot, wizard, 1)
    assert _rows(gui, "SELECT method, witness, verbal_reason, sharing FROM consent") == [
        ("verbal", "Odo Fennimore", "first contact by phone", "not_shared")]


def test_vt_dv_program_is_fixed_not_shared(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """VT-3.1-2: a DV program's records stay Not Shared; VT-3.4-14: a minor needs a guardian."""
    gui, _main, wizard = _start(qtbot, make_gui, tmp_path, clock, "vt", populations='["dv"]')
    pick_project(qtbot, wizard, "Emergency Shelter")
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    assert sharing.signer_box.isVisibleTo(sharing), "VT-3.4-14: a guardian may consent for a minor"
    assert sharing.forced.isVisibleTo(sharing) and "VT-3.1-2" in sharing.forced.text()
    assert "domestic violence" in sharing.forced.text()
    assert sharing.levels["not_shared"].isChecked() and not sharing.levels["shared"].isEnabled()
    press_next(qtbot, wizard)
    consent = wizard.pages[Step.CONSENT]
    consent.paper_box.click()
    press_next(qtbot, wizard)
    _through_household(qtbot, wizard)
    fill_member(qtbot, wizard, {**ADULT, "DOB": "2010-02-02"})
    press_next(qtbot, wizard)
    assert step(wizard) is Step.SHARING, "a minor head of household sends the worker back to who consents"
    assert "VT-3.4-14" in sharing.signer_message.text()
    assert "VT-3.4-14" in sharing.forced.text(), "the minor's lock is said beside the populations'"
    sharing.signer_box.click()
    assert "VT-3.4-14" not in sharing.forced.text()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    assert consent.resign_notice.isVisibleTo(consent), "the guardian signs the text as it now reads"
    consent.paper_box.click()
    while step(wizard) is not Step.MEMBER:
        press_next(qtbot, wizard)
    _finish(qtbot, wizard, 1)
    assert _rows(gui, "SELECT sharing FROM consent") == [("not_shared",)]
    assert any(r[0] == "consent.recorded" for r in _rows(gui, "SELECT action FROM audit_event"))
