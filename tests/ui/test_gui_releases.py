"""What leaves the device, from the GUI: Tools › Aggregate report (VT-3.2-1) and the
Export dialog's data request from an outside entity (MO-DREQ-1). Real vaults, real
threads, files read back. Synthetic people only.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pypdf
import pytest
from gui_support import ADMIN, make_vault, sign_in
from PySide6.QtCore import QPoint, Qt

from app.clock import FakeClock
from app.demo import add_demo_people
from app.security.users import add_user
from app.session import sign_in as core_sign_in
from app.vault.connection import transaction
from ui.export.export_dialog import ExportDialog
from ui.reports.aggregate_dialog import AggregateReportDialog

PEOPLE = 30
#: Meets every pack's password rules (Vermont asks for upper case and a symbol).
PASSWORD = "Violet#Lantern harbour 42"
VOLUNTEER_PASSWORD = "Tern#Quarry58x Lumen7"


def _vault(tmp_path: Path, clock: FakeClock, pack: str) -> tuple[object, list[str]]:
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=PASSWORD)
    session = core_sign_in(vault.data_dir, ADMIN, PASSWORD, clock)
    try:
        add_demo_people(session, PEOPLE, seed=23)
        names = [word for row in session.conn.execute("SELECT first_name, last_name FROM person")
                 for word in row if word and len(word) > 3]
    finally:
        session.close()
    return vault, names


def _action(main, text: str):
    return next((a for a in main.tools_menu.actions() if a.text().replace("&", "") == text), None)


def _click_box(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _open_report(qtbot, main) -> AggregateReportDialog:
    action = _action(main, "Aggregate report\u2026")
    assert action is not None and main.tools_menu.menuAction().isVisible()
    action.trigger()
    qtbot.waitUntil(lambda: main.findChild(AggregateReportDialog) is not None
                    and main.findChild(AggregateReportDialog).isVisible())
    return main.findChild(AggregateReportDialog)


def test_vt_3_2_1_the_aggregate_report_from_the_tools_menu(qtbot, make_gui, tmp_path: Path,
                                                          clock: FakeClock) -> None:
    """VT-3.2-1: Tools › Aggregate report writes counts only, small cells as <11 and a
    header naming this device's data; the PDF reads back the same; no name anywhere."""
    vault, names = _vault(tmp_path, clock, "vt")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, PASSWORD)
    dialog = _open_report(qtbot, gui.controller.main_window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.error.text() == "Choose where to save the report."

    dialog.start_date.setDate(dialog.start_date.date().addYears(-2))
    out = tmp_path / "aggregate.csv"
    dialog.path_edit.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.isVisible() or dialog.error.isVisible(), timeout=30_000)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert f"{PEOPLE} people" in dialog.result_label.text() and "<11" in dialog.result_label.text()
    lines = list(csv.reader(io.StringIO(out.read_text("utf-8"), newline="")))
    header = {row[0]: row[1] for row in lines[:lines.index([])]}
    assert header["Data source"].startswith("HMIS Intake on this device") and "Test Agency" in header["Data source"]
    assert "Agency Administrator" in header["Generated"] and "<11" in header["Small cells"]
    cells = [cell for row in lines[lines.index([]) + 2:] for cell in row[2:]]
    assert "<11" in cells and all(c in ("0", "<11", "*") or int(c) >= 11 for c in cells)
    text = out.read_text("utf-8")
    assert not [name for name in names if name in text]

    _click_box(qtbot, dialog.pdf_radio)
    assert dialog.path_edit.text().endswith("aggregate.pdf")
    dialog.result_label.hide()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.isVisible() or dialog.error.isVisible(), timeout=30_000)
    pdf_text = "\n".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "aggregate.pdf").pages)
    assert "Data source" in pdf_text and "<11" in pdf_text
    assert not [name for name in names if name in pdf_text]
    rows = gui.controller.session.conn.execute(
        "SELECT detail FROM audit_event WHERE action = 'report.aggregate_written'").fetchall()
    assert [json.loads(r[0])["format"] for r in rows] == ["csv", "pdf"]
    assert not [name for name in names if any(name in r[0] for r in rows)] and str(out) not in rows[0][0]


def test_vt_3_2_1_roles_without_reports_view_have_no_report_entry(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    """VT-3.2-1: the aggregate report is for roles with ``reports.view``; a volunteer's
    Tools menu has no entry for it."""
    vault = make_vault(tmp_path / "device", clock, pack="vt", password=PASSWORD)
    session = core_sign_in(vault.data_dir, ADMIN, PASSWORD, clock)
    try:
        add_user(session, "vol", "Vol Unteer", "volunteer", VOLUNTEER_PASSWORD,
                 access_completed_on=clock.now().date())
        with transaction(session.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0")
    finally:
        session.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, "vol", VOLUNTEER_PASSWORD)
    main = gui.controller.main_window
    assert _action(main, "Aggregate report\u2026") is None
    assert not main.tools_menu.menuAction().isVisible()


def _open_export(qtbot, main) -> ExportDialog:
    action = _action(main, "Export HMIS CSV\u2026")
    assert action is not None
    action.trigger()
    qtbot.waitUntil(lambda: main.findChild(ExportDialog) is not None and main.findChild(ExportDialog).isVisible())
    return main.findChild(ExportDialog)


def test_mo_dreq_1_a_data_request_in_the_export_dialog(qtbot, make_gui, tmp_path: Path,
                                                       clock: FakeClock) -> None:
    """MO-DREQ-1: the Export dialog's outside-entity choice refuses identifying data
    without the CoC's approval reference, writes de-identified data without it, and
    records the reference when given."""
    vault, names = _vault(tmp_path, clock, "mo")
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, PASSWORD)
    dialog = _open_export(qtbot, gui.controller.main_window)
    page = dialog.options_page
    assert not any(r.isChecked() for r in (page.agency_radio, page.coc_radio, page.outside_radio))  # no default
    assert not page.audience.identifying.isEnabled()
    _click_box(qtbot, page.outside_radio)
    assert page.audience.identifying.isEnabled() and not page.audience.approval_edit.isEnabled()
    _click_box(qtbot, page.audience.identifying)
    page.path_edit.setText(str(out_dir / "request.zip"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=30_000)
    assert "(MO-DREQ-1)" in page.error.text() and sorted(p.name for p in out_dir.iterdir()) == []

    _click_box(qtbot, page.audience.identifying)  # de-identified instead
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.summary_page, timeout=30_000)
    assert "request.manifest.json" in dialog.summary_page.withheld.text()
    with zipfile.ZipFile(out_dir / "request.zip") as archive:
        client = archive.read("Client.csv").decode("utf-8")
    assert not [name for name in names if name in client]
    manifest = json.loads((out_dir / "request.manifest.json").read_text("utf-8"))
    assert manifest["deidentified"] is True and manifest["coc_approval"] is None
    dialog.accept()

    dialog = _open_export(qtbot, gui.controller.main_window)
    page = dialog.options_page
    _click_box(qtbot, page.outside_radio)
    _click_box(qtbot, page.audience.identifying)
    page.audience.approval_edit.setText("CoC-2026-31")
    page.path_edit.setText(str(out_dir / "approved.zip"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.summary_page, timeout=30_000)
    assert "CoC-2026-31" in dialog.summary_page.withheld.text()
    manifest = json.loads((out_dir / "approved.manifest.json").read_text("utf-8"))
    assert manifest["coc_approval"] == "CoC-2026-31" and manifest["deidentified"] is False
    details = [json.loads(r[0]) for r in gui.controller.session.conn.execute(
        "SELECT detail FROM audit_event WHERE action = 'hmis_csv.exported' ORDER BY seq")]
    assert [(d["deidentified"], d["coc_approval"]) for d in details] == [(True, None), (False, "CoC-2026-31")]


def test_mo_dreq_1_the_refusal_reaches_the_screen_in_spanish(qtbot) -> None:
    """MO-DREQ-1: the core's refusal, as the Export dialog shows it, is in the interface
    language with the clause kept; so is a malformed approval reference."""
    from PySide6.QtWidgets import QApplication

    from app.packs import load_pack
    from app.releases import ReleaseRefused, check_approval_reference, require_outside_approval
    from ui.core_text import core_text
    from ui.i18n import set_language

    try:
        set_language(QApplication.instance(), "es")
        with pytest.raises(ReleaseRefused) as refused:
            require_outside_approval(load_pack("mo").release, identifying=True, approval=None)
        shown = core_text(str(refused.value))
        assert shown.startswith("Los datos identificativos") and shown.endswith("(MO-DREQ-1).")
        with pytest.raises(ReleaseRefused) as bad:
            check_approval_reference("<approved>")
        assert core_text(str(bad.value)).startswith("La referencia de la aprobación de la CoC debe tener como "
                                                    "máximo 80")
    finally:
        set_language(QApplication.instance(), "en")
