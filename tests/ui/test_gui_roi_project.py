"""MO-ROI-6 (A19) on screen: the profile's new consent is recorded for a chosen project
where an ROI is recorded per project, and a re-engagement into a project the client's
ROIs do not cover asks for that project's ROI. Real widgets, a real vault; synthetic
people only."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from gui_support import ADMIN, sign_in
from test_gui_accessibility import mnemonics_on_screen
from test_gui_profile import LAST, _open, _vault
from wizard_support import pick_project, press_next, sign_on_pad, step, tick_script

from app.clock import FakeClock
from app.device_settings import set_roi_scope
from app.intake import parse_document, save_intake
from app.intake.steps import Step
from app.projects import add_project
from app.session import sign_in as core_sign_in

SECOND = "Outreach North"
SHOTS = Path(os.environ["HMIS_SHOTS_DIR"]) if os.environ.get("HMIS_SHOTS_DIR") else None


def _second_enrollment(vault, password: str, clock: FakeClock, pid: str) -> str:
    """The client enrolled in a second project while the agency kept one ROI (A19), then
    the agency returns to one ROI per project (MO-ROI-6)."""
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    try:
        project_id = add_project(session, SECOND, 4)
        set_roi_scope(session, "agency")
        day = clock.now().date().isoformat()
        doc = {
            "format": "hmis-intake/intake-v1", "project_id": project_id, "collected_at": f"{day}T08:00:00Z",
            "oral_explanation": {"acknowledged": True},
            "members": [{
                "link_personal_id": pid,
                "client": {"FirstName": "Marrowind", "LastName": LAST, "NameDataQuality": 1, "DOB": "1979-10-14",
                           "DOBDataQuality": 1, "SSNDataQuality": 99, "Sex": 9, "VeteranStatus": 0},
                "enrollment": {"EntryDate": day, "RelationshipToHoH": 1, "DisablingCondition": 8,
                               "EnrollmentCoC": "XX-501", "LivingSituation": 116, "LengthOfStay": 10,
                               "TimesHomelessPastThreeYears": 1, "MonthsHomelessPastThreeYears": 101,
                               "DateToStreetESSH": "2025-12-01", "LOSUnderThreshold": 1, "PreviousStreetESSH": 1},
            }],
        }
        save_intake(session, parse_document(doc))
        set_roi_scope(session, "project")
        return project_id
    finally:
        session.close()


def test_mo_roi_6_the_profile_records_an_roi_for_the_chosen_project(qtbot, make_gui, tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    """MO-ROI-6: the banner says the client's ROIs cover other projects only, citing the
    pack's clause; the new consent offers the client's projects, the latest first, and
    the ROI saved covers the one chosen, which lifts the hold."""
    vault, password, pid = _vault(tmp_path, clock, pack="mo", note=False)
    second = _second_enrollment(vault, password, clock, pid)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.banner.isVisibleTo(profile)
    assert "other projects only" in profile.banner.label.text() and "MO-ROI-6" in profile.banner.label.text()

    profile.banner.renew_button.click()
    qtbot.waitUntil(lambda: profile.dialog is not None)
    renew = profile.dialog
    assert type(renew).__name__ == "RenewConsentDialog"
    assert renew.project is not None and renew.project.currentData() == second
    assert renew.project.count() == 2 and renew.project.currentText() == SECOND
    assert mnemonics_on_screen(renew)["p"] == ["&Project"], "Alt+P reaches the project alone"
    if SHOTS is not None:
        renew.grab().save(str(SHOTS / "renew-roi-project.png"))
    renew.script_box.setChecked(True)
    renew.shared_with.setText("MoHMIS participating agencies")
    with qtbot.waitSignal(renew.method.pad.signature_did_change):
        sign_on_pad(qtbot, renew.method.pad)
    renew.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None or not renew.isVisible())
    conn = gui.controller.session.conn
    assert conn.execute("SELECT covers_project_id FROM consent WHERE personal_id = ? AND signature_png IS NOT NULL",
                        (pid,)).fetchall() == [(second,)]
    qtbot.waitUntil(lambda: not profile.banner.isVisibleTo(profile))
    consents = profile.models["consents"]
    assert {consents.data(consents.index(row, 5)) for row in range(consents.rowCount())} >= {SECOND}
    assert not profile.overview.consents_table.isColumnHidden(5)


def test_mo_roi_6_a_return_into_another_project_asks_for_its_roi(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    """MO-ROI-6: re-engaging the client into a project their ROI does not cover, the
    choices step says the consent given here is that project's release; for the
    project the ROI covers it says nothing."""
    vault, password, pid = _vault(tmp_path, clock, pack="mo", note=False)
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    try:
        add_project(session, SECOND, 4)
        first_project = session.conn.execute("SELECT name FROM project WHERE project_type = 4 AND name <> ?",
                                             (SECOND,)).fetchone()[0]
    finally:
        session.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    wizard = main.reengage(pid)
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    pick_project(qtbot, wizard, SECOND)
    if step(wizard) is Step.SCRIPT:
        tick_script(qtbot, wizard)
    assert step(wizard) is Step.SHARING
    notice = wizard.pages[Step.SHARING].project_roi
    assert notice.isVisibleTo(wizard)
    assert SECOND in notice.text() and notice.text().endswith("(MO-ROI-6)")
    if SHOTS is not None:
        wizard.grab().save(str(SHOTS / "wizard-roi-project.png"))
    assert wizard.flow.build_document()["consent"] is not None, "the intake records the ROI for the project"

    while step(wizard) is not Step.PROJECT:
        wizard.back_button.click()
    pick_project(qtbot, wizard, first_project)
    if step(wizard) is Step.SCRIPT:  # already gone through with the client
        press_next(qtbot, wizard)
    assert step(wizard) is Step.SHARING
    assert not wizard.pages[Step.SHARING].project_roi.isVisibleTo(wizard)
    assert date.fromisoformat(wizard.flow.consent.consent_date) == clock.now().date()


def test_mo_roi_6_the_agency_chooses_one_roi_per_agency_in_device_settings(qtbot, tmp_path: Path,
                                                                           clock: FakeClock) -> None:
    """A19: Missouri's Device settings offer one ROI for the agency (citing MO-ROI-6 for the
    alternative) and store the choice; Vermont's, whose pack allows no choice, do not."""
    from ui.admin.settings_dialog import SettingsDialog

    vault, password, _pid = _vault(tmp_path / "mo", clock, pack="mo", note=False)
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    try:
        dialog = SettingsDialog(session)
        qtbot.addWidget(dialog)
        assert dialog.one_roi is not None and not dialog.one_roi.isChecked()
        dialog.one_roi.setChecked(True)
        dialog.save_button.click()
        assert session.settings.roi_scope == "agency"
        assert session.conn.execute("SELECT count(*) FROM audit_event WHERE action = 'settings.changed'"
                                    " AND entity_id = 'roi_scope'").fetchone()[0] == 1
    finally:
        session.close()
    vermont, vt_password, _ = _vault(tmp_path / "vt", clock, pack="vt", note=False)
    session = core_sign_in(vermont.data_dir, ADMIN, vt_password, clock)
    try:
        dialog = SettingsDialog(session)
        qtbot.addWidget(dialog)
        assert dialog.one_roi is None
    finally:
        session.close()
