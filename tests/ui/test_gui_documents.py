"""Printing from the client profile: the print preview of the consent form and of the
client's record copy, "Save as PDF…", the audit of each, and a role without
consent.print / client.print_record seeing no such action. Synthetic people only."""

from __future__ import annotations

import os
from pathlib import Path

from gui_support import ADMIN, sign_in
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from test_gui_profile import FIRST, LAST, VOLUNTEER, VOLUNTEER_PASSWORD, _open, _vault

from app.clock import FakeClock

SHOTS = Path(os.environ.get("HMIS_SHOTS_DIR", "")) if os.environ.get("HMIS_SHOTS_DIR") else None


def _events(gui, action: str) -> list[str]:
    return [r[0] for r in gui.controller.session.conn.execute(
        "SELECT detail FROM audit_event WHERE action = ? ORDER BY seq", (action,))]


def test_consent_form_is_saved_as_pdf_from_the_profile(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    actions = profile.documents
    assert actions is not None and actions.isVisible()
    folder = tmp_path / "chosen"
    folder.mkdir()
    actions.actions_by_name["consent_save"].trigger()
    actions.printer.save_folder = folder
    qtbot.waitUntil(lambda: any(folder.glob("*.pdf")), timeout=20_000)
    (saved,) = folder.glob("*.pdf")
    assert saved.name.startswith("consent-form-") and FIRST not in saved.name and LAST not in saved.name
    text = " ".join(page.extract_text() or "" for page in PdfReader(saved).pages)
    assert FIRST in text and actions.printer.rendered.document.code in text
    assert len(_events(gui, "document.saved")) == 1


def test_record_copy_opens_in_the_print_preview_and_is_audited(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    actions = profile.documents
    seen: list[QPrintPreviewDialog] = []

    def close_soon(dialog: QPrintPreviewDialog) -> None:
        seen.append(dialog)

        def grab_and_close() -> None:
            dialog.resize(1000, 760)
            if SHOTS is not None:
                dialog.grab().save(str(SHOTS / "print-preview-record-copy.png"))
            assert FIRST not in dialog.windowTitle()
            dialog.reject()

        QTimer.singleShot(300, grab_and_close)

    actions.actions_by_name["record_preview"].trigger()
    actions.printer.preview_shown.connect(close_soon)
    qtbot.waitUntil(lambda: bool(seen) and actions.printer.preview_dialog is None, timeout=30_000)
    assert len(actions.printer.rendered.pages) >= 2  # drawn off the UI thread before the dialog opened
    assert len(_events(gui, "document.previewed")) == 1 and not _events(gui, "document.printed")


def test_volunteer_has_no_print_actions(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, _password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, VOLUNTEER, VOLUNTEER_PASSWORD)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.documents is None


def test_the_wizards_saved_page_saves_the_consent_form(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    from test_gui_wizard_save import _to_review

    gui, wizard = _to_review(qtbot, make_gui, tmp_path, clock)
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        wizard.next_button.click()
    offer = wizard.consent_print
    assert offer.print_button.isVisibleTo(wizard) and offer.save_button.isVisibleTo(wizard)
    folder = tmp_path / "forms"
    folder.mkdir()
    offer.printer.save_folder = folder
    offer.save_button.click()
    qtbot.waitUntil(lambda: any(folder.glob("consent-form-*.pdf")), timeout=20_000)
    (saved,) = folder.glob("*.pdf")
    text = " ".join(page.extract_text() or "" for page in PdfReader(saved).pages)
    assert "Verification code" in text and offer.printer.rendered.document.code in saved.name
    if SHOTS is not None:
        wizard.grab().save(str(SHOTS / "wizard-saved-page-print.png"))
    assert len(_events(gui, "document.saved")) == 1


def test_print_menu_lists_what_the_role_may_make(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    actions = profile.documents
    assert set(actions.actions_by_name) == {"consent_preview", "consent_save", "revocation_save", "record_preview",
                                            "record_save", "blank_save"}
    actions.menu().aboutToShow.emit()
    # The consent in force is selected: its form can be printed; it is not revoked, so no notice yet.
    assert actions.actions_by_name["consent_preview"].isEnabled()
    assert not actions.actions_by_name["revocation_save"].isEnabled()
    if SHOTS is not None:
        profile.resize(1100, 680)
        actions.menu().popup(actions.mapToGlobal(actions.rect().bottomLeft()))
        qtbot.waitUntil(actions.menu().isVisible)
        profile.grab().save(str(SHOTS / "profile-print-and-save.png"))
        actions.menu().grab().save(str(SHOTS / "profile-print-and-save-menu.png"))
        actions.menu().hide()


def test_mo_rights_1_the_profile_warns_of_a_request_falling_due(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    from datetime import timedelta

    from app.corrections import log_request
    from app.session import sign_in as core_sign_in

    vault, password, pid = _vault(tmp_path, clock, pack="mo")
    session = core_sign_in(vault.data_dir, ADMIN, password, clock)
    try:
        log_request(session, pid, "record_copy", clock.now().date() - timedelta(days=14))
    finally:
        session.close()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.message.isVisibleTo(profile) and "overdue" in profile.message.text()


def test_vt_3_1_4_stop_sharing_from_the_profile(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock, pack="vt")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    button = profile.overview.stop_sharing_button
    assert button is not None and button.isEnabled()
    button.click()
    dialog = profile.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert FIRST not in dialog.windowTitle() and not dialog.stop_button.isEnabled()
    dialog.reason.setText("Wants only this shelter to see it")
    dialog.confirm.setChecked(True)
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "profile-stop-sharing-dialog.png"))
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    sharing = [(c.sharing, c.status) for c in profile.profile.consents]
    assert sharing == [("not_shared", "current"), ("shared", "revoked")]
    assert not button.isEnabled() and "Not Shared from" in profile.message.text()
    assert len(_events(gui, "consent.sharing_stopped")) == 1


def test_tools_menu_opens_a_blank_consent_form_in_the_print_preview(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    assert main.menus.blank_form_action in main.menus.tools_menu.actions()
    seen: list[QPrintPreviewDialog] = []

    def close_soon(dialog: QPrintPreviewDialog) -> None:
        seen.append(dialog)

        def grab_and_close() -> None:
            dialog.resize(1000, 760)
            if SHOTS is not None:
                dialog.grab().save(str(SHOTS / "print-preview-blank-form.png"))
            dialog.accept()  # what the preview's Print button does once the pages went to the printer

        QTimer.singleShot(300, grab_and_close)

    main.menus.blank_form_action.trigger()
    main.blank_form_printer.preview_shown.connect(close_soon)
    qtbot.waitUntil(lambda: bool(seen) and main.blank_form_printer.preview_dialog is None, timeout=30_000)
    assert main.blank_form_printer.rendered.document.kind == "blank_consent_form"
    details = _events(gui, "document.previewed")
    assert len(details) == 1 and "blank_consent_form" in details[0]
    printed = _events(gui, "document.printed")
    assert len(printed) == 1 and '"copies":1' in printed[0]


def test_vt_3_4_8_mo_rights_1_requests_and_corrections_from_the_profile(qtbot, make_gui, tmp_path: Path,
                                                                       clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    rights = profile.rights
    assert rights is not None and rights.isVisible()
    rights.actions_by_name["request_copy"].trigger()
    assert "due on" in profile.message.text()
    rights.actions_by_name["correction"].trigger()
    dialog = profile.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert FIRST not in dialog.windowTitle()
    dialog.save_button.click()  # nothing filled in: a clear message, nothing stored
    assert dialog.general.isVisible() and dialog.isVisible()
    dialog.field.setText("date of birth")
    dialog.text.setPlainText("The client says 1979-10-15.")
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "profile-correction-dialog.png"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    conn = gui.controller.session.conn
    assert conn.execute("SELECT field, marked, supplement, status FROM correction").fetchall() == [
        ("date of birth", "inaccurate", "The client says 1979-10-15.", "accepted")]
    assert conn.execute("SELECT dob FROM person WHERE personal_id = ?", (pid,)).fetchone()[0] == "1979-10-14"
    assert conn.execute("SELECT kind, status FROM client_request").fetchall() == [("record_copy", "open")]


def test_volunteer_has_no_rights_actions(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault, _password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, VOLUNTEER, VOLUNTEER_PASSWORD)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.rights is None
