"""The service form offers the agency's own services after HUD's record types; one
saved is stored apart from HUD's services. Synthetic people only."""

from __future__ import annotations

import os
from pathlib import Path

from gui_support import ADMIN, sign_in
from test_gui_profile import _open, _vault

from app.clock import FakeClock
from ui.profile.service_dialog import AGENCY

SHOTS = Path(os.environ["HMIS_SHOTS_DIR"]) if os.environ.get("HMIS_SHOTS_DIR") else None


def test_a_meal_is_recorded_as_an_agency_service(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    profile.tabs.setCurrentWidget(profile.history_tab)
    profile.history_tab.buttons["service"].click()
    dialog = profile.dialog
    index = dialog.record_type.findData(AGENCY)
    assert index > 0 and "not reported to HUD" in dialog.record_type.itemText(index)
    dialog.record_type.setCurrentIndex(index)
    labels = [dialog.type_provided.itemText(i) for i in range(dialog.type_provided.count())]
    assert "Meal" in labels and "Hygiene kit" in labels
    dialog.type_provided.setCurrentIndex(dialog.type_provided.findData("meal"))
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "service-agency-meal.png"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    conn = gui.controller.session.conn
    assert conn.execute("SELECT service_code FROM agency_service").fetchall() == [("meal",)]
    assert conn.execute("SELECT count(*) FROM service").fetchone()[0] == 0
    assert "not reported to HUD" in profile.message.text()
    rows = profile.models["services"].rowCount()
    shown = [profile.models["services"].index(r, 2).data() for r in range(rows)]
    assert "Meal" in shown, "the profile lists it beside HUD's services"
