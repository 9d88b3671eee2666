"""The client profile: opened from a search result, audited, limited by role.
Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault, sign_in
from PySide6.QtCore import Qt

from app.clock import FakeClock
from app.intake import parse_document, save_intake
from app.notes import add_note
from app.security.users import add_user, declare_conflict
from app.session import sign_in as core_sign_in

FIRST, LAST = "Marrowind", "Tessellby"
VOLUNTEER, VOLUNTEER_PASSWORD = "vol", "Tern#Quarry58x Lumen7"


def _intake(session, signed_on: str = "2026-03-01") -> str:
    project = session.conn.execute("SELECT project_id FROM project WHERE project_type = 4").fetchone()[0]
    doc = {
        "format": "hmis-intake/intake-v1", "project_id": project, "collected_at": f"{signed_on}T08:00:00Z",
        "oral_explanation": {"acknowledged": True},
        "consent": {"method": "written", "sharing": "shared", "signed_on": signed_on,
                    "shared_with": ["CoC partner agencies"], "signature": "paper_attested",
                    "release_to_share_signed": True, "expires_on": "2027-02-28"} if session.pack.id != "mo" else
                   {"method": "written", "sharing": "shared", "signed_on": signed_on,
                    "shared_with": ["CoC partner agencies"], "signature": "paper_attested",
                    "release_to_share_signed": True},
        "members": [{
            "client": {"FirstName": FIRST, "LastName": LAST, "NameDataQuality": 1, "DOB": "1979-10-14",
                       "DOBDataQuality": 1, "SSNDataQuality": 99, "Sex": 9, "VeteranStatus": 0},
            "enrollment": {"EntryDate": signed_on, "RelationshipToHoH": 1, "DisablingCondition": 8,
                           "EnrollmentCoC": "XX-501", "LivingSituation": 116, "LengthOfStay": 10,
                           "TimesHomelessPastThreeYears": 1, "MonthsHomelessPastThreeYears": 101,
                           "DateToStreetESSH": "2025-12-01", "LOSUnderThreshold": 1, "PreviousStreetESSH": 1},
        }],
    }
    return save_intake(session, parse_document(doc)).personal_ids[0]


def _vault(tmp_path: Path, clock: FakeClock, pack: str = "ct", signed_on: str = "2026-03-01", note: bool = True):
    password = VT_PASSWORD if pack == "vt" else ADMIN_PASSWORD
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=password)
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    pid = _intake(session, signed_on)
    if note:
        add_note(session, pid, "Met at the river camp; asked about shelter beds.")
    add_user(session, VOLUNTEER, "Vera Volunteer", "volunteer", VOLUNTEER_PASSWORD,
             access_completed_on=session.clock.now().date())
    session.conn.execute("UPDATE app_user SET must_change_password = 0 WHERE username = ?", (VOLUNTEER,))
    session.close()
    return vault, password, pid


def _open(qtbot, main):
    main.search.setText(LAST)
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    main.table.setFocus()
    main.table.setCurrentIndex(main.model.index(0, 0))
    qtbot.keyClick(main.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.profile_window is not None and main.profile_window.isVisible())
    return main.profile_window


def test_volunteer_sees_only_the_basic_profile(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, _password, pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, VOLUNTEER, VOLUNTEER_PASSWORD)
    main = gui.controller.main_window
    assert main.intake_button.isVisible()
    profile = _open(qtbot, main)
    tabs = [profile.tabs.tabText(i).replace("&", "") for i in range(profile.tabs.count())]
    assert tabs == ["Overview"]
    assert profile.history_tab is None and profile.notes_tab is None
    assert "notes" not in profile.models and "services" not in profile.models
    assert profile.overview.revoke_button is None and profile.overview.renew_button is None
    assert not profile.banner.renew_button.isVisibleTo(profile)
    assert FIRST not in profile.windowTitle()
    viewed = gui.controller.session.conn.execute(
        "SELECT count(*) FROM audit_event WHERE action = 'person.viewed' AND entity_id = ?", (pid,)).fetchone()[0]
    assert viewed == 1


def test_case_notes_are_append_only_with_amend_and_deletion_request(qtbot, make_gui, tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    tabs = [profile.tabs.tabText(i).replace("&", "") for i in range(profile.tabs.count())]
    assert tabs == ["Overview", "Household", "Contacts and services", "Case notes"]
    qtbot.waitUntil(lambda: not profile.building)  # the other tabs, built while idle
    assert profile.models["household"].rowCount() == 1 and profile.models["enrollments"].rowCount() == 1
    notes = profile.notes_tab
    notes.note_text.setPlainText("Prefers the east entrance.")
    notes.add_note_button.click()
    assert profile.models["notes"].rowCount() == 2
    notes.notes_table.selectRow(0)
    notes.note_text.setPlainText("Correction: it was the north camp.")
    notes.amend_button.click()
    assert profile.models["notes"].rowCount() == 3
    notes.notes_table.selectRow(0)
    notes.deletion_reason.setText("Entered on the wrong client")
    notes.request_button.click()
    conn = gui.controller.session.conn
    assert conn.execute("SELECT count(*) FROM note_deletion_request").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM case_note").fetchone()[0] == 3, "nothing is deleted"

    profile.tabs.setCurrentWidget(profile.history_tab)
    profile.history_tab.buttons["contact"].click()
    contact = profile.dialog
    assert contact is not None and FIRST not in contact.windowTitle()
    contact.situation.setCurrentIndex(contact.situation.findData(116))
    qtbot.keyClick(contact.contact_date, Qt.Key.Key_Return)  # Enter presses Save
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert profile.models["contacts"].rowCount() == 1
    assert conn.execute("SELECT count(*) FROM outbox WHERE entity = 'current_living_situation'").fetchone()[0] == 1
    profile.history_tab.buttons["exit"].click()
    leaving = profile.dialog
    leaving.destination.setCurrentIndex(leaving.destination.findData(435))
    assert leaving.subsidy.isVisibleTo(leaving) and not leaving.other.isVisibleTo(leaving)
    leaving.save_button.click()
    assert "subsidy" in leaving.fields["destination_subsidy_type"].message.text().lower()
    leaving.subsidy.setCurrentIndex(leaving.subsidy.findData(419))
    leaving.save_button.click()
    assert "Confirm exit" in leaving.general.text(), "an exit asks for confirmation first"
    assert conn.execute("SELECT count(*) FROM project_exit").fetchone()[0] == 0
    leaving.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert tuple(conn.execute("SELECT destination, destination_subsidy_type FROM project_exit").fetchone()) == (
        435, 419)
    assert not profile.history_tab.buttons["exit"].isVisibleTo(profile), "no open enrollment is left"
    assert profile.history_tab.no_enrollment.isVisibleTo(profile)


def test_expired_roi_is_flagged_first(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock, pack="mo", signed_on="2024-06-01", note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.banner.isVisibleTo(profile)
    assert "expired on 2025-05-31" in profile.banner.label.text() and "MO-ROI-10" in profile.banner.label.text()


def test_conflict_of_interest_is_a_clear_message(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock, pack="vt")
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    declare_conflict(session, pid, "family")
    session.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    assert main.open_profile(pid) is None
    assert "conflict" in main.result_info.text().lower() or "family" in main.result_info.text()
