"""Setup asks for the agency's projects, and Tools ▸ Projects edits them later
(populations and HUD descriptors, everything `project set` does), for roles that may."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault, sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.clock import FakeClock
from app.security.users import add_user
from app.session import sign_in as open_session
from app.vault.connection import transaction
from tests.support import role_of_kind
from ui.projects.projects_dialog import ProjectsDialog
from ui.setup.recovery_key_dialog import RecoveryKeyDialog

SHOTS = os.environ.get("HMIS_SHOTS_DIR")


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _projects(data_dir: Path, password: str = ADMIN_PASSWORD) -> dict[str, object]:
    session = open_session(data_dir, ADMIN, password)
    try:
        from app.projects import list_projects

        return {p.name: p for p in list_projects(session)}
    finally:
        session.close()


def _recovery_dialog() -> RecoveryKeyDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RecoveryKeyDialog) and widget.isVisible():
            return widget
    return None


def test_vt_3_1_2_setup_asks_for_projects_with_coc_and_populations(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    """VT-3.1-2: the DV shelter ticked at setup is stored with its population and CoC."""
    data_dir = tmp_path / "device"
    gui = make_gui(data_dir, clock)
    window = gui.controller.setup_window
    window.pack.setCurrentIndex(window.pack.findData("vt"))
    rows = window.projects.rows
    assert [r.name.text() for r in rows] == ["Street Outreach", "Emergency Shelter"]
    assert set(rows[0].boxes) == {"dv", "hiv", "youth", "legal"}
    rows[1].name.setText("Harborlight DV Shelter")
    rows[1].coc.setText("vt-500")
    rows[1].boxes["dv"].setChecked(True)
    extra = window.projects.add_row("", 4)
    qtbot.waitUntil(extra.name.isVisible)
    window.agency.setText("Harborlight Test Agency")
    window.username.setText(ADMIN)
    window.password.setText(VT_PASSWORD)
    window.confirm.setText(VT_PASSWORD)
    window.create_button.click()
    assert "name" in extra.message.text(), (extra.message.text(), window.password_field.message.text())
    qtbot.waitUntil(lambda: extra.message.isVisibleTo(window))
    assert window.focusWidget() is extra.name, window.focusWidget().accessibleName()
    extra.name.setText("Youth Drop-in")
    extra.type.setCurrentIndex(extra.type.findData(6))
    extra.coc.setText("VT500")
    window.create_button.click()
    assert "CoC code" in extra.message.text()
    window.projects.remove_row(extra)
    window.show()
    _shot(window, "setup-projects-en")
    window.create_button.click()
    qtbot.waitUntil(lambda: _recovery_dialog() is not None, timeout=30_000)
    dialog = _recovery_dialog()
    dialog.stored.setChecked(True)
    dialog.continue_button.click()
    gui.controller.main_window.close()  # sign out before reading the vault again
    projects = _projects(data_dir, VT_PASSWORD)
    assert sorted(projects) == ["Harborlight DV Shelter", "Street Outreach"]
    shelter = projects["Harborlight DV Shelter"]
    assert shelter.populations == ("dv",) and shelter.descriptors.coc_code == "VT-500"
    assert projects["Street Outreach"].populations == ()


def test_mo_prot_1_projects_screen_edits_populations_and_descriptors(qtbot, make_gui, tmp_path: Path,
                                                                     clock: FakeClock) -> None:
    """MO-PROT-1: an admin marks a project protected and completes its descriptors from
    Tools ▸ Projects; a refused value is shown beside its field and nothing is saved."""
    data_dir = tmp_path / "device"
    make_vault(data_dir, clock, pack="mo")
    gui = make_gui(data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    assert main.menus.projects_action in main.tools_menu.actions()
    main.menus.projects_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ProjectsDialog) and w.isVisible())
    names = [dialog.project_list.item(i).text() for i in range(dialog.project_list.count())]
    assert any(name.startswith("Emergency Shelter") for name in names)
    dialog.project_list.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("Emergency Shelter")))
    form = dialog.form
    assert form.groups["inventory"].isVisibleTo(dialog)
    form.population_boxes["protected"].setChecked(True)
    form.inputs["geocode"].setText("000000")
    assert not dialog.save()
    assert form.fields["geocode"].message.text().startswith("The geocode")
    values = {"operating_start": "2020-01-01", "coc_code": "mo-606", "geocode": "299999", "address1": "12 Test Lane",
              "city": "Jefferson City", "state": "mo", "zip": "65101", "grant_id": "ESG-TEST-1",
              "funder_start": "2024-01-01", "inventory_start": "2020-01-01"}
    for name, text in values.items():
        form.inputs[name].setText(text)
    for name, code in (("geography_type", 3), ("hmis_participation", 1), ("funder", 8), ("housing_type", 1),
                       ("household_type", 1), ("availability", 1), ("es_bed_type", 1)):
        form.inputs[name].setCurrentIndex(form.inputs[name].findData(code))
    form.inputs["unit_inventory"].setValue(10)
    form.inputs["bed_inventory"].setValue(20)
    _shot(dialog, "projects-screen-en")
    assert dialog.save(), dialog.status.text()
    assert "Everything an HMIS CSV export needs" in dialog.status.text()
    dialog.close()
    main.close()
    shelter = _projects(data_dir)["Emergency Shelter"]
    assert shelter.populations == ("protected",)
    assert shelter.missing == []
    assert shelter.descriptors.coc_code == "MO-606" and shelter.descriptors.bed_inventory == 20
    session = open_session(data_dir, ADMIN, ADMIN_PASSWORD)
    try:
        actions = [row[0] for row in session.conn.execute("SELECT action FROM audit_event")]
    finally:
        session.close()
    assert "project.populations_set" in actions and "project.descriptors_set" in actions


def test_projects_screen_adds_a_project_and_street_outreach_has_no_inventory(qtbot, make_gui, tmp_path: Path,
                                                                             clock: FakeClock) -> None:
    data_dir = tmp_path / "device"
    make_vault(data_dir, clock, pack="vt", password=VT_PASSWORD)
    gui = make_gui(data_dir, clock)
    sign_in(qtbot, gui, ADMIN, VT_PASSWORD)
    dialog = ProjectsDialog(gui.controller.main_window._session, parent=gui.controller.main_window)
    qtbot.addWidget(dialog)
    dialog.new_name.setText("Riverside Youth Outreach")
    dialog.new_type.setCurrentIndex(dialog.new_type.findData(4))
    assert dialog.add() is not None
    assert dialog.form.project.name == "Riverside Youth Outreach"
    assert not dialog.form.groups["inventory"].isVisibleTo(dialog)
    assert dialog.form.fields["housing_type"].label.isHidden()
    dialog.new_name.setText("riverside youth outreach")
    assert dialog.add() is None and "already" in dialog.status.text()

    # 2.02.B: a services-only project names the residential projects it serves.
    dialog.new_name.setText("Harbor Drop-in")
    dialog.new_type.setCurrentIndex(dialog.new_type.findData(6))
    assert dialog.add() is not None
    form = dialog.form
    form.inputs["residential_affiliation"].setCurrentIndex(form.inputs["residential_affiliation"].findData(1))
    assert not form.fields["residential_project_ids"].label.isHidden()
    names = [form.affiliated.item(i).text() for i in range(form.affiliated.count())]
    assert names == ["Emergency Shelter"]
    form.affiliated.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.save(), dialog.status.text()
    saved = next(p for p in dialog.projects if p.name == "Harbor Drop-in")
    shelter = next(p for p in dialog.projects if p.name == "Emergency Shelter")
    assert saved.descriptors.residential_affiliation == 1
    assert saved.descriptors.residential_project_ids == (shelter.project_id,)


def test_projects_menu_only_for_roles_that_configure_the_device(qtbot, make_gui, tmp_path: Path,
                                                                clock: FakeClock) -> None:
    data_dir = tmp_path / "device"
    make_vault(data_dir, clock, pack="vt", password=VT_PASSWORD)
    admin = open_session(data_dir, ADMIN, VT_PASSWORD, clock)
    try:
        user_id = add_user(admin, "wren.worker", "Wren Worker", role_of_kind("vt", "case_manager"), "Worker#Lantern42x",
                           access_completed_on=admin.clock.now().date())
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
    finally:
        admin.close()
    gui = make_gui(data_dir, clock)
    sign_in(qtbot, gui, "wren.worker", "Worker#Lantern42x")
    main = gui.controller.main_window
    assert main.menus.projects_action not in main.tools_menu.actions()
    assert json.dumps([a.text() for a in main.tools_menu.actions()]).find("Projects") < 0


def test_projects_screen_follows_a_switch_to_spanish(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    from ui.i18n import set_language

    data_dir = tmp_path / "device"
    make_vault(data_dir, clock, pack="vt", password=VT_PASSWORD)
    gui = make_gui(data_dir, clock)
    sign_in(qtbot, gui, ADMIN, VT_PASSWORD)
    dialog = ProjectsDialog(gui.controller.main_window._session, parent=gui.controller.main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        set_language(QApplication.instance(), "es")
        qtbot.waitUntil(lambda: dialog.heading.text() == "Proyectos")
        assert "faltan" in dialog.project_list.item(0).text()
        assert dialog.status.text().startswith("Falta para una exportación")
        assert dialog.form.population_boxes["dv"].text() == "Sobrevivientes de violencia doméstica"
        assert dialog.new_type.itemText(0) == "Alcance en la calle"
    finally:
        set_language(QApplication.instance(), "en")
