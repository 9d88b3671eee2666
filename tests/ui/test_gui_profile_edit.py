"""Correcting a person's details from the profile (Edit details): the intake's rules
beside each field, the consent gate's hold with its clause, only for roles that may
change the full record. Synthetic people only."""

from __future__ import annotations

import os
from pathlib import Path

from gui_support import ADMIN, sign_in
from PySide6.QtWidgets import QLineEdit
from test_gui_profile import FIRST, VOLUNTEER, VOLUNTEER_PASSWORD, _open, _vault

from app.clock import FakeClock
from app.people import open_person
from app.profile import load_profile
from app.session import sign_in as core_sign_in
from ui.profile.common import CodeLabels
from ui.profile.edit_person_dialog import EditPersonDialog

SHOTS = Path(os.environ["HMIS_SHOTS_DIR"]) if os.environ.get("HMIS_SHOTS_DIR") else None


def test_a_worker_corrects_details_with_the_intake_rules(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.edit_button is not None and profile.edit_button.isVisibleTo(profile)
    profile.edit_button.click()
    qtbot.waitUntil(lambda: isinstance(profile.dialog, EditPersonDialog))
    dialog = profile.dialog
    assert FIRST not in dialog.windowTitle()
    assert dialog.edits["ssn"].echoMode() == QLineEdit.EchoMode.Password
    dialog.edits["first_name"].setText("Quillon")
    dialog.edits["ssn"].setText("xxxxx1234")
    dialog.combos["ssn_data_quality"].setCurrentIndex(dialog.combos["ssn_data_quality"].findData(1))
    dialog.edits["dob"].setText("2031-01-01")
    dialog.save_button.click()
    assert dialog.fields["ssn"].message.isVisibleTo(dialog) and dialog.fields["dob"].message.isVisibleTo(dialog)
    assert "future" in dialog.fields["dob"].message.text()
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "edit-details-problems.png"))
    conn = gui.controller.session.conn
    assert open_person(gui.controller.session, pid).first_name == FIRST, "nothing stored on a refusal"
    dialog.combos["ssn_data_quality"].setCurrentIndex(dialog.combos["ssn_data_quality"].findData(2))
    dialog.edits["dob"].setText("1979-10-15")
    queued = conn.execute("SELECT count(*) FROM outbox WHERE entity = 'person'").fetchone()[0]
    dialog.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert profile.name.text().startswith("Quillon")
    assert "outbox" in profile.message.text()
    assert conn.execute("SELECT count(*) FROM outbox WHERE entity = 'person'").fetchone()[0] == queued + 1
    if SHOTS is not None:
        profile.grab().save(str(SHOTS / "profile-after-edit.png"))


def test_a_held_record_says_why_with_its_clause(qtbot, tmp_path: Path, clock: FakeClock) -> None:
    """MO-ROI-10: after the ROI expired, a correction is refused and the form says why."""
    vault, password, pid = _vault(tmp_path, clock, pack="mo", signed_on="2024-06-01", note=False)
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    try:
        profile = load_profile(session, pid)
        dialog = EditPersonDialog(session, profile.person, CodeLabels())
        qtbot.addWidget(dialog)
        dialog.edits["first_name"].setText("Quillon")
        dialog.save_button.click()
        assert dialog.general.isVisibleTo(dialog) and "MO-ROI-10" in dialog.general.text()
        assert open_person(session, pid).first_name == FIRST
    finally:
        session.close()


def test_a_volunteer_has_no_edit_details(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, _password, _pid = _vault(tmp_path, clock, note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, VOLUNTEER, VOLUNTEER_PASSWORD)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.edit_button is None
