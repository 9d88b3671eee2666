"""The client profile's services, consent revocation and renewal, driven through the real
widgets; the rows, outbox entries and audit events are read back from the vault.
Synthetic people only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from gui_support import ADMIN, renew_access, sign_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from test_gui_profile import FIRST, LAST, VOLUNTEER, VOLUNTEER_PASSWORD, _open, _vault
from wizard_support import sign_on_pad

from app.clock import FakeClock
from ui.lock import LockReason
from ui.wizard.signature_pad import SignaturePad


def _rows(gui, sql: str, args: tuple = ()) -> list[tuple]:
    return [tuple(r) for r in gui.controller.session.conn.execute(sql, args).fetchall()]


def _unnamed_controls(root: QWidget) -> list[str]:
    """Every visible input, button and table must have an accessible name or a text."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QPlainTextEdit | QTableView | SignaturePad):
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text.replace("&", "").strip()):
                missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing


def test_a_service_is_recorded_from_the_profile_with_readable_labels(qtbot, make_gui, tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    profile.tabs.setCurrentWidget(profile.history_tab)
    profile.history_tab.buttons["service"].click()
    dialog = profile.dialog
    assert dialog is not None and dialog.isVisible() and FIRST not in dialog.windowTitle()
    assert not _unnamed_controls(dialog)
    assert dialog.date_provided.text() == "2026-03-02"

    offered = [dialog.record_type.itemData(i) for i in range(1, dialog.record_type.count())]
    assert 141 in offered and 200 not in offered, "HUD 4.14: no bed nights in street outreach"
    dialog.save_button.click()
    assert "record type" in dialog.fields["record_type"].message.text().lower()
    dialog.record_type.setCurrentIndex(dialog.record_type.findData(141))
    assert dialog.type_provided.findData(6) > 0 and dialog.type_provided.findData(13) < 0
    dialog.type_provided.setCurrentIndex(dialog.type_provided.findData(6))
    dialog.date_provided.setText("2026-03-09")
    qtbot.keyClick(dialog.date_provided, Qt.Key.Key_Return)
    assert dialog.isVisible() and "future" in dialog.fields["date_provided"].message.text()
    assert _rows(gui, "SELECT count(*) FROM service") == [(0,)]

    dialog.date_provided.setText("2026-03-02")
    qtbot.keyClick(dialog.date_provided, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert profile.models["services"].rowCount() == 1
    shown = [profile.models["services"].data(profile.models["services"].index(0, c)) for c in range(3)]
    assert shown == ["2026-03-02", "PATH service", "Case management"]
    assert _rows(gui, "SELECT personal_id, record_type, type_provided FROM service") == [(pid, 141, 6)]
    assert _rows(gui, "SELECT count(*) FROM outbox WHERE entity = 'service'") == [(1,)]
    assert _rows(gui, "SELECT count(*) FROM audit_event WHERE action = 'service.recorded'") == [(1,)]
    assert "Service saved" in profile.message.text()


def test_revoking_a_consent_explains_it_and_shows_the_revoked_state(qtbot, make_gui, tmp_path: Path,
                                                                   clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    assert not profile.banner.isVisibleTo(profile)
    overview = profile.overview
    assert overview.revoke_button.isEnabled(), "the current consent is selected"
    overview.revoke_button.click()
    dialog = profile.dialog
    assert dialog is not None and FIRST not in dialog.windowTitle() and not _unnamed_controls(dialog)
    assert "take back your consent" in dialog.read_text.text().lower()  # the pack's own words (MO-RIGHTS-4)
    assert "no new contacts, services" in dialog.effects.text().lower()
    assert not dialog.revoke_button.isEnabled(), "nothing happens before the worker confirms"
    dialog.effective.setText("2026-03-05")
    dialog.confirm.setChecked(True)
    dialog.revoke_button.click()
    assert dialog.isVisible() and "future" in dialog.effective_field.message.text()
    assert _rows(gui, "SELECT count(*) FROM consent WHERE revoked_at IS NOT NULL") == [(0,)]

    dialog.effective.setText("2026-03-02")
    dialog.revoke_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    status = profile.models["consents"].data(profile.models["consents"].index(0, 4))
    assert status == "Revoked from 2026-03-02"
    assert not overview.revoke_button.isEnabled()
    assert profile.banner.isVisibleTo(profile) and "revoked on 2026-03-02" in profile.banner.label.text()
    assert _rows(gui, "SELECT revoked_at FROM consent WHERE personal_id = ?", (pid,)) == [("2026-03-02",)]
    assert _rows(gui, "SELECT count(*) FROM outbox WHERE entity = 'consent' AND operation = 'revoke'") == [(1,)]
    assert _rows(gui, "SELECT count(*) FROM audit_event WHERE action = 'consent.revoked'") == [(1,)]


def test_an_expired_roi_is_flagged_blocks_recording_and_a_signed_renewal_lifts_it(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """MO-ROI-10: the banner names the expiry before anything is typed; the record buttons
    lead to the new consent, signed on the pad, and then to the contact form."""
    vault, password, pid = _vault(tmp_path, clock, pack="mo")  # ROI valid through 2027-02-28
    clock.set(datetime(2027, 3, 10, 10, 0, tzinfo=UTC))
    renew_access(vault.data_dir, password, clock)  # MO-TRAIN-3: a new fiscal year began meanwhile
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.banner.isVisibleTo(profile)
    assert "expired on 2027-02-28" in profile.banner.label.text() and "MO-ROI-10" in profile.banner.label.text()
    assert profile.models["consents"].data(profile.models["consents"].index(0, 4)) == "Expired"

    profile.tabs.setCurrentWidget(profile.history_tab)
    contact_button = profile.history_tab.buttons["contact"]
    assert "new consent" in contact_button.accessibleDescription()
    contact_button.click()
    renew = profile.dialog
    assert type(renew).__name__ == "RenewConsentDialog", "the button leads to renewal, not to a form that fails"
    assert FIRST not in renew.windowTitle() and LAST not in renew.windowTitle()
    assert not _unnamed_controls(renew)

    renew.save_button.click()
    assert renew.isVisible() and renew.script_message.isVisibleTo(renew)
    assert renew.method.signature_message.isVisibleTo(renew)
    assert _rows(gui, "SELECT count(*) FROM consent") == [(1,)]

    renew.script_box.setChecked(True)
    assert renew.method.method() == "written"
    renew.shared_with.setText("MoHMIS participating agencies")
    with qtbot.waitSignal(renew.method.pad.signature_did_change):
        sign_on_pad(qtbot, renew.method.pad)
    renew.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is not None and type(profile.dialog).__name__ == "ContactDialog")
    assert not profile.banner.isVisibleTo(profile)
    stored = _rows(gui, "SELECT method, sharing, signed_on, expires_on, signature_png FROM consent"
                        " WHERE personal_id = ? AND signed_on = '2027-03-10'", (pid,))
    assert len(stored) == 1 and stored[0][:4] == ("written", "shared", "2027-03-10", "2028-03-09")
    image = QImage.fromData(stored[0][4])
    assert not image.isNull() and image.width() > 100
    payload = _rows(gui, "SELECT payload FROM outbox WHERE entity = 'consent' AND operation = 'create'"
                         " ORDER BY id DESC LIMIT 1")[0][0]
    assert '"signature_captured":true' in payload and "signature_png" not in payload
    assert _rows(gui, "SELECT count(*) FROM audit_event WHERE action = 'consent.recorded' AND detail LIKE"
                      " '%renewal%'") == [(1,)]

    contact = profile.dialog
    contact.situation.setCurrentIndex(contact.situation.findData(116))
    contact.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert _rows(gui, "SELECT information_date FROM current_living_situation") == [("2027-03-10",)]
    assert profile.models["contacts"].rowCount() == 1


def test_a_lock_closes_the_renewal_and_forgets_the_signature(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock, pack="mo", signed_on="2024-06-01", note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    profile.banner.renew_button.click()
    renew = profile.dialog
    sign_on_pad(qtbot, renew.method.pad)
    assert not renew.method.pad.is_empty
    gui.lock.lock(LockReason.MANUAL)
    assert not renew.isVisible() and renew.method.pad.is_empty
    assert not profile.isVisible()


def test_a_volunteer_sees_the_flag_but_no_consent_or_service_actions(qtbot, make_gui, tmp_path: Path,
                                                                     clock: FakeClock) -> None:
    """VT-ROLE-2 / MO-ACCESS-2: absent, not greyed out."""
    vault, _password, _pid = _vault(tmp_path, clock, pack="mo", signed_on="2024-06-01", note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, VOLUNTEER, VOLUNTEER_PASSWORD)
    profile = _open(qtbot, gui.controller.main_window)
    assert profile.banner.isVisibleTo(profile) and not profile.banner.renew_button.isVisibleTo(profile)
    assert profile.overview.revoke_button is None and profile.overview.renew_button is None
    assert profile.history_tab is None and profile.notes_tab is None
    texts = " ".join(w.text() for w in profile.findChildren(QAbstractButton) if w.isVisibleTo(profile))
    assert "Revoke" not in texts and "service" not in texts.lower() and "consent" not in texts.lower()


def test_renewal_and_a_service_by_keyboard_alone(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """Alt+mnemonics, typing and Enter only: a verbal ROI (MO-ROI-9), then a service."""
    vault, password, pid = _vault(tmp_path, clock, pack="mo", signed_on="2024-06-01", note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is profile)

    def alt(key: Qt.Key) -> None:
        qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key, Qt.KeyboardModifier.AltModifier)

    def typed(text: str) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), text)

    alt(Qt.Key.Key_C)  # Record new &consent… in the banner
    qtbot.waitUntil(lambda: profile.dialog is not None and QApplication.activeWindow() is profile.dialog)
    renew = profile.dialog
    assert QApplication.focusWidget() is renew.language
    alt(Qt.Key.Key_O)
    qtbot.waitUntil(renew.script_box.isChecked)
    alt(Qt.Key.Key_V)
    qtbot.waitUntil(lambda: renew.method.method() == "verbal")
    alt(Qt.Key.Key_R)
    assert QApplication.focusWidget() is renew.method.reason
    typed("Met at night by the river; no paper form")
    alt(Qt.Key.Key_T)
    typed("Second outreach worker")
    alt(Qt.Key.Key_I)
    assert QApplication.focusWidget() is renew.shared_with
    typed("MoHMIS participating agencies")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert _rows(gui, "SELECT method, verbal_reason, witness FROM consent WHERE personal_id = ? AND"
                      " signed_on = '2026-03-02'", (pid,)) == [
        ("verbal", "Met at night by the river; no paper form", "Second outreach worker")]
    assert not profile.banner.isVisibleTo(profile)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is profile)
    alt(Qt.Key.Key_S)  # Contacts and &services
    qtbot.waitUntil(lambda: profile.tabs.currentWidget() is profile.history_tab)
    alt(Qt.Key.Key_V)  # Record ser&vice…
    qtbot.waitUntil(lambda: profile.dialog is not None and QApplication.activeWindow() is profile.dialog)
    service = profile.dialog
    assert QApplication.focusWidget() is service.date_provided
    alt(Qt.Key.Key_R)
    assert QApplication.focusWidget() is service.record_type
    typed("PATH s")
    assert service.record_type.currentData() == 141
    alt(Qt.Key.Key_T)
    qtbot.keyClick(service.type_provided, Qt.Key.Key_Down)
    assert service.type_provided.currentData() == 1
    qtbot.keyClick(service.type_provided, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert _rows(gui, "SELECT record_type, type_provided FROM service") == [(141, 1)]


def test_vt_a_revoked_consent_is_shown_but_recording_goes_on(qtbot, make_gui, tmp_path: Path,
                                                             clock: FakeClock) -> None:
    """VT-3.4-1: consent to collect is assumed, so revoking (VT-3.1-4) only stops sharing."""
    vault, password, pid = _vault(tmp_path, clock, pack="vt")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    profile.overview.revoke_button.click()
    revoke = profile.dialog
    assert "recording goes on" in revoke.effects.text().lower()
    revoke.confirm.setChecked(True)
    revoke.revoke_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert profile.banner.isVisibleTo(profile) and "Not Shared" in profile.banner.label.text()
    assert profile.banner.label.objectName() == "notice"
    profile.tabs.setCurrentWidget(profile.history_tab)
    profile.history_tab.buttons["contact"].click()
    assert type(profile.dialog).__name__ == "ContactDialog", "no new consent is needed first"
    profile.dialog.situation.setCurrentIndex(profile.dialog.situation.findData(116))
    profile.dialog.save_button.click()
    qtbot.waitUntil(lambda: profile.dialog is None)
    assert _rows(gui, "SELECT personal_id FROM current_living_situation") == [(pid,)]


def test_renewal_choices_come_before_the_signature_and_fill_the_text_the_client_signs(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """The client signs a complete text: the choices sit above the text and the pad, the
    text has no blank, and a choice that changes the text after signing clears the
    signature (MO: the dates are in the text)."""
    from app.intake.consent_record import shown_texts

    vault, password, _pid = _vault(tmp_path, clock, pack="mo", signed_on="2024-06-01", note=False)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    profile = _open(qtbot, gui.controller.main_window)
    profile.banner.renew_button.click()
    renew = profile.dialog
    body = renew.scroll_area.widget()

    def top(widget: QWidget) -> int:
        return widget.mapTo(body, widget.rect().topLeft()).y()

    assert top(renew.shared_with) < top(renew.signed_on) < top(renew.method.written_text) < top(renew.method.pad)
    assert "\u2014" not in renew.method.written_text.text(), "what is shared is named, as the core names it"
    renew.shared_with.setFocus()
    qtbot.keyClicks(renew.shared_with, "Northside Test Partners")
    sign_on_pad(qtbot, renew.method.pad)
    qtbot.keyClicks(renew.shared_with, " East")  # not in this pack's text: the signature stays
    assert not renew.method.pad.is_empty and not renew.resign_message.isVisibleTo(renew)

    day = renew._signed()
    renew.signed_on.selectAll()
    qtbot.keyClicks(renew.signed_on, (day - timedelta(days=1)).isoformat())
    assert renew.method.pad.is_empty, "the text's dates changed after signing: the signature goes"
    assert renew.resign_message.isVisibleTo(renew)
    sign_on_pad(qtbot, renew.method.pad)
    assert not renew.resign_message.isVisibleTo(renew)

    renew.script_box.setChecked(True)
    consent = renew._consent()
    signed = consent.signed_on
    expires = signed.replace(year=signed.year + 1) - timedelta(days=1)
    _script, text = shown_texts(gui.controller.session, consent, "en", renew._client, expires, True)
    assert text.complete, text.blanks
    shown = [line.strip() for line in renew.method.written_text.text().splitlines() if line.strip()]
    assert shown and all(line in text.text for line in shown), "the dialog shows the text the core stores"
