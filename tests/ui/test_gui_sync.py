"""The sync screen and the enroll dialog, driven as a person would, against the real
reference server on loopback."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import keyring
from gui_support import texts_on_screen
from PySide6.QtWidgets import QWidget
from sync_gui_support import (  # noqa: F401 - _test_keyring_file is an autouse fixture
    _test_keyring_file,
    enroll,
    no_keyring,
    open_sync_window,
    outbox_count,
    save_person,
    server_on_loopback,
    session_of,
    signed_in_mo,
    slow_proxy,
    visible_windows,
    wait_idle,
)
from sync_keyring import FileKeyringForTests
from sync_support import (
    acknowledged_total,
    add_outbox_records,
    assert_exactly_once,
    new_code,
    outbox_keys,
    self_signed_cert,
    server_keys,
)

from app.clock import FakeClock
from app.vault.connection import transaction
from sync.server import storage
from sync.store import current_lease

PEOPLE = [("Wrenna", "Thistlecombe"), ("Osric", "Pellinore"), ("Maelis", "Quarrydown")]


def test_enroll_through_the_dialog_save_people_and_sync_now(qtbot, make_gui, tmp_path: Path,
                                                          clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine), no_keyring():
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        window = open_sync_window(qtbot, gui)
        assert window.connection.server.text() == "Not enrolled"
        assert not window.sync_button.isEnabled()

        window.connection.enroll_button.click()
        dialog = window.enroll_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.keyring_notice.isVisible() and "keyring" in dialog.keyring_notice.text()
        assert "backends" not in dialog.keyring_notice.text() and ".Keyring" not in dialog.keyring_notice.text(), \
            "plain words, no module names"
        assert not dialog.use_keyring.isEnabled() and not dialog.use_vault.isChecked()
        dialog.server.setText(server.url)
        dialog.code.setText(new_code(engine))
        dialog.use_vault.click()
        dialog.enroll_button.click()
        qtbot.waitUntil(lambda: window.enroll_dialog is None, timeout=30_000)
        assert window.connection.server.text() == "127.0.0.1"
        assert "encrypted vault" in window.connection.detail.text()
        assert window.sync_button.isEnabled()

        for first, last in PEOPLE:
            save_person(qtbot, main, first, last)
        window.reload()
        assert window.outbox_card.pending.text() == "3 records"
        window.sync_button.click()
        wait_idle(qtbot, window)
        assert window.progress.value() == window.progress.maximum() == 3
        assert window.message.text() == "Sent 3 records: 3 new, 0 the server already had."
        assert window.history_model.rowCount() == 1
        row = [window.history_model.data(window.history_model.index(0, c)) for c in range(7)]
        assert row[1:5] == ["3", "3", "0", "0"] and row[6] == "Acknowledged"
        assert window.outbox_card.pending.text() == "0 records"
        session = session_of(gui)
        assert_exactly_once(engine, session)
        assert len(server_keys(engine)) == 3
        assert gui.controller.sync.status_label.text().startswith("Synced 3 records at")
        assert not main.timeliness_banner.isVisible()
        shown = " ".join(texts_on_screen([window, *window.findChildren(QWidget)]))
        assert not any(name in shown for pair in PEOPLE for name in pair)
        assert window.windowTitle() == "HMIS Intake \u2014 Sync"


def test_the_keyring_is_the_default_when_one_is_usable(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyringForTests())
    try:
        with server_on_loopback(tmp_path) as (server, engine):
            gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
            window = open_sync_window(qtbot, gui)
            dialog = window.open_enroll()
            assert not dialog.keyring_notice.isVisible()
            assert dialog.use_keyring.isChecked() and dialog.use_keyring.isEnabled()
            dialog.server.setText(server.url)
            dialog.code.setText(new_code(engine))
            dialog.enroll_button.click()
            qtbot.waitUntil(lambda: window.enroll_dialog is None, timeout=30_000)
            assert "OS keyring" in window.connection.detail.text()
            stored = json.loads((tmp_path / "keyring.json").read_text())
            assert len(stored) == 1
            vault_copy = session_of(gui).conn.execute("SELECT vault_credential FROM sync_device").fetchone()[0]
            assert vault_copy is None
    finally:
        keyring.set_keyring(previous)


def test_enroll_mistakes_are_shown_and_cost_no_code(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine), no_keyring():
        gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        window = open_sync_window(qtbot, gui)
        dialog = window.open_enroll()
        dialog.server.setText("http://hmis.example.org")
        dialog.enroll_button.click()
        assert "Plain http is allowed only to this computer" in dialog.server_field.message.text()
        assert "one-time code" in dialog.code_field.message.text()
        assert dialog.store_message.isVisible() and "Choose where" in dialog.store_message.text()
        assert dialog.server.hasFocus() or dialog.focusWidget() is dialog.server
        assert not dialog.busy

        code = new_code(engine)
        dialog.server.setText(server.url)
        dialog.code.setText(code)
        dialog.ca_file.setText(str(tmp_path / "no-such-ca.pem"))
        dialog.use_vault.click()
        dialog.enroll_button.click()
        assert "no file" in dialog.ca_field.message.text()
        dialog.ca_file.setText("")
        dialog.code.setText("ZZZZ-ZZZZ-ZZZZ")
        dialog.enroll_button.click()
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
        assert "code" in dialog.error.text().lower() and dialog.isVisible()
        assert window.connection.server.text() == "Not enrolled"

        dialog.code.setText(code)  # unspent by the mistakes above
        dialog.enroll_button.click()
        qtbot.waitUntil(lambda: window.enroll_dialog is None, timeout=30_000)
        assert window.connection.server.text() == "127.0.0.1"


def test_a_certificate_this_device_does_not_trust_is_said_plainly(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    from sync_support import ThreadServer

    cert = self_signed_cert(tmp_path / "tls")
    engine = storage.open_engine(f"sqlite:///{tmp_path / 'server.db'}")
    storage.create_schema(engine)
    server = ThreadServer(engine, ssl_certfile=cert.cert, ssl_keyfile=cert.key)
    try:
        with no_keyring():
            gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
            window = open_sync_window(qtbot, gui)
            dialog = window.open_enroll()
            dialog.server.setText(server.url)
            code = new_code(engine)
            dialog.code.setText(code)
            dialog.use_vault.click()
            dialog.enroll_button.click()
            qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
            assert "did not present a certificate this device trusts" in dialog.error.text()
            dialog.ca_file.setText(str(cert.cert))
            dialog.enroll_button.click()
            qtbot.waitUntil(lambda: window.enroll_dialog is None, timeout=30_000)
            assert window.connection.server.text() == "127.0.0.1"
    finally:
        server.stop()
        engine.dispose()


def test_cancel_mid_run_keeps_what_was_sent_and_the_next_run_finishes(qtbot, make_gui, tmp_path: Path,
                                                                     clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine):
        proxy = slow_proxy(server)
        try:
            gui, _main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
            enroll(gui, proxy.url, engine)
            session = session_of(gui)
            add_outbox_records(session, 1000)
            window = open_sync_window(qtbot, gui)
            window.sync_button.click()
            assert not window.sync_button.isEnabled() and window.cancel_button.isEnabled()
            qtbot.waitUntil(lambda: window.progress.value() >= 100, timeout=30_000)
            window.cancel_button.click()
            wait_idle(qtbot, window)
            report = gui.controller.sync.runner.last_outcome.report
            assert report.cancelled and 100 <= 1000 - report.left < 1000
            assert window.message.text().startswith("Sync cancelled;")
            assert outbox_count(session, "pending") == report.left
            on_server = set(server_keys(engine))  # acknowledged: deleted from the outbox, counted
            assert len(on_server) == acknowledged_total(session) and not on_server & outbox_keys(session)
            assert current_lease(session.conn) is None
            assert window.sync_button.isEnabled() and not window.cancel_button.isEnabled()

            proxy.set_plan([], default="pass")
            window.sync_button.click()
            wait_idle(qtbot, window)
            assert gui.controller.sync.runner.last_outcome.report.complete
            assert_exactly_once(engine, session)
        finally:
            proxy.close()


def _bad_person_record(session) -> str:
    key = str(uuid.uuid4())
    with transaction(session.conn) as conn:  # a person change without its personal_id
        conn.execute(
            "INSERT INTO outbox (idempotency_key, entity, entity_id, operation, payload, collected_at,"
            " deadline_at, created_at) VALUES (?, 'person', 'p-1', 'upsert', '{\"first_name\":\"Synth\"}',"
            " '2026-03-02T08:00:00+00:00', '2026-03-05T08:00:00+00:00', '2026-03-02T08:00:00+00:00')",
            (key,),
        )
    return key


def test_a_refused_record_shows_its_reason_and_can_be_sent_again(qtbot, make_gui, tmp_path: Path,
                                                                clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine):
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        enroll(gui, server.url, engine)
        session = session_of(gui)
        add_outbox_records(session, 5)
        bad_key = _bad_person_record(session)
        window = open_sync_window(qtbot, gui)
        window.sync_button.click()
        wait_idle(qtbot, window)
        assert "1 was refused; see Refused records." in window.message.text()
        assert window.tabs.tabText(1) == "&Refused records (1)"
        assert window.refused_model.rowCount() == 1
        kind, collected, _deadline, reason = (window.refused_model.data(window.refused_model.index(0, c))
                                              for c in range(4))
        assert kind == "Person" and "personal_id" in reason and collected.startswith("2026-03-02")
        assert window.outbox_card.refused.text() == "1 record"
        assert not window.send_again_button.isEnabled(), "nothing selected yet"

        window.tabs.setCurrentIndex(1)
        window.refused_table.selectRow(0)
        assert window.send_again_button.isEnabled()
        window.send_again_button.click()
        assert window.refused_model.rowCount() == 0 and window.tabs.tabText(1) == "&Refused records"
        assert "1 record back in the outbox" in window.message.text()
        state, key = session.conn.execute(
            "SELECT state, idempotency_key FROM outbox WHERE entity_id = 'p-1'").fetchone()
        assert (state, key) == ("pending", bad_key), "the same key goes again"
        actions = [r[0] for r in session.conn.execute("SELECT action FROM audit_event")]
        assert "sync.requeued" in actions
        qtbot.waitUntil(lambda: "1 waiting" in main.outbox_label.text(), timeout=10_000)

        # Sent again as it was, so the server gives the same reason; it waits here again.
        window.sync_button.click()
        wait_idle(qtbot, window)
        assert window.refused_model.rowCount() == 1 and window.history_model.rowCount() == 2
        assert bad_key not in server_keys(engine) and len(server_keys(engine)) == 5
        window.send_all_button.click()
        assert outbox_count(session, "refused") == 0 and outbox_count(session, "pending") == 1


def test_server_errors_are_one_sentence_on_the_screen(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    with server_on_loopback(tmp_path) as (server, engine):
        gui, main = signed_in_mo(qtbot, make_gui, tmp_path, clock)
        enroll(gui, server.url, engine)
        session = session_of(gui)
        add_outbox_records(session, 4)
        device_id = session.conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
        storage.revoke_device(engine, device_id)
        window = open_sync_window(qtbot, gui)
        window.sync_button.click()
        wait_idle(qtbot, window)
        assert window.message.objectName() == "formError"
        assert window.message.text() == "This device was revoked by the server's administrator."
        assert window.outbox_card.pending.text() == "4 records"
        assert "Error: " in window.history_model.data(window.history_model.index(0, 6))
        assert visible_windows() == [main, window] or set(visible_windows()) == {main, window}
    # The server is gone now: unreachable, in a sentence, nothing lost.
    window.sync_button.click()
    wait_idle(qtbot, window)
    assert "could not be reached" in window.message.text()
    assert outbox_count(session, "pending") == 4
    assert "Sync failed at" in gui.controller.sync.status_label.text()
