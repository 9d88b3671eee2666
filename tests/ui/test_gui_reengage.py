"""Re-engagement from the profile: after an exit, "Return: new enrollment" opens an
intake with the client (and their last household) linked to the records on file; an
exit asks for confirmation first. Synthetic people only."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from gui_support import ADMIN, sign_in
from test_gui_profile import FIRST, _open, _vault

from app.clock import FakeClock
from app.followup import record_exit
from app.session import sign_in as core_sign_in

SHOTS = Path(os.environ["HMIS_SHOTS_DIR"]) if os.environ.get("HMIS_SHOTS_DIR") else None


def test_return_is_offered_after_an_exit_and_links_the_client(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    profile = _open(qtbot, main)
    assert profile.reengage_button is not None and not profile.reengage_button.isEnabled(), \
        "an open enrollment goes on instead"
    profile.accept()
    qtbot.waitUntil(lambda: main.profile_window is None)

    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    (enrollment_id,) = session.conn.execute("SELECT enrollment_id FROM enrollment").fetchone()
    record_exit(session, enrollment_id, date(2026, 3, 2), 116)
    session.close()

    profile = _open(qtbot, main)
    assert profile.reengage_button.isEnabled()
    if SHOTS is not None:
        profile.grab().save(str(SHOTS / "profile-return-button.png"))
    profile.reengage_button.click()
    qtbot.waitUntil(lambda: main.intake_wizard is not None and main.intake_wizard.isVisible())
    assert main.profile_window is None, "the profile closes; the intake takes over"
    flow = main.intake_wizard.flow
    assert [m.link_personal_id for m in flow.members] == [pid]
    assert flow.members[0].answers["FirstName"] == FIRST and flow.members[0].answers["RelationshipToHoH"] == 1
    document = flow.build_document()
    assert document["members"][0]["link_personal_id"] == pid
    if SHOTS is not None:
        main.intake_wizard.grab().save(str(SHOTS / "return-intake-opened.png"))


def test_an_exit_asks_for_confirmation(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    profile.tabs.setCurrentWidget(profile.history_tab)
    profile.history_tab.buttons["exit"].click()
    leaving = profile.dialog
    leaving.destination.setCurrentIndex(leaving.destination.findData(116))
    conn = gui.controller.session.conn
    leaving.save_button.click()
    assert leaving.isVisible() and "Confirm exit" in leaving.save_button.text()
    assert "Confirm exit" in leaving.general.text()
    assert conn.execute("SELECT count(*) FROM project_exit").fetchone()[0] == 0
    if SHOTS is not None:
        leaving.grab().save(str(SHOTS / "exit-confirmation.png"))
    leaving.destination.setCurrentIndex(leaving.destination.findData(101))
    assert "Confirm" not in leaving.save_button.text(), "a changed answer asks again"
    leaving.save_button.click()
    leaving.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert conn.execute("SELECT destination FROM project_exit").fetchone()[0] == 101
