"""Users and Device settings without a terminal: what ``hmis-intake user`` does, and
the idle-lock minutes within the pack's bounds. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in

from app.clock import FakeClock
from app.device_settings import set_idle_lock_minutes
from app.errors import ValidationError


def _admin(qtbot, make_gui, tmp_path: Path, clock: FakeClock):
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    return gui, gui.controller.main_window


def _state(dialog, username: str) -> str:
    for row in range(dialog.model.rowCount()):
        if dialog.model.index(row, 0).data() == username:
            return dialog.model.index(row, 3).data()
    raise AssertionError(username)


def test_users_screen_adds_disables_enables_and_resets(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    gui, main = _admin(qtbot, make_gui, tmp_path, clock)
    assert main.menus.users_action in main.settings_menu.actions()
    dialog = main.open_admin("users")
    qtbot.waitUntil(dialog.isVisible)
    dialog.username.setText("wren")
    dialog.display_name.setText("Wren Quillfeather")
    dialog.role.setCurrentIndex(dialog.role.findData("volunteer"))
    dialog.add_button.click()
    assert "Must change password" in _state(dialog, "wren")
    first = dialog.password.text()
    assert dialog.password.isVisible() and len(first) >= 12
    dialog.username.setText("wren")
    dialog.add_button.click()
    assert dialog.fields["username"].message.text(), "a second wren is refused beside the field"
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.index(r, 0).data() == "wren")
    dialog.table.selectRow(row)
    dialog.disable_button.click()
    assert "Disabled" in _state(dialog, "wren") and not dialog.password.isVisible()
    dialog.table.selectRow(row)
    dialog.enable_button.click()
    assert "Disabled" not in _state(dialog, "wren") and dialog.password.text() not in ("", first)
    dialog.table.selectRow(row)
    dialog.reset_button.click()
    assert dialog.password.isVisible()
    actions = [r[0] for r in gui.controller.session.conn.execute(
        "SELECT action FROM audit_event WHERE action LIKE 'user.%' ORDER BY seq")]
    assert {"user.disabled", "user.enabled"} <= set(actions)


def test_settings_screen_keeps_idle_minutes_within_the_pack(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    gui, main = _admin(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    dialog = main.open_admin("settings")
    qtbot.waitUntil(dialog.isVisible)
    low, high = session.pack.idle_lock.min_minutes, session.pack.idle_lock.max_minutes
    assert (dialog.idle_minutes.minimum(), dialog.idle_minutes.maximum()) == (low, high)
    dialog.idle_minutes.setValue(low)
    dialog.save_button.click()
    assert session.settings.idle_lock_minutes == low and "Saved" in dialog.message.text()
    with pytest.raises(ValidationError):
        set_idle_lock_minutes(session, high + 1)
    assert session.settings.idle_lock_minutes == low


def test_mo_vsp_1_device_settings_mark_a_victim_service_provider_and_sync_is_refused(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """MO-VSP-1: an administrator marks the agency as a victim service provider on the
    Device settings screen; the flag is audited and sync with the central HMIS is refused."""
    from app.victim_service import ComparableDatabaseOnly, refuse_hmis_transfer

    gui, main = _admin(qtbot, make_gui, tmp_path, clock)
    session = gui.controller.session
    dialog = main.open_admin("settings")
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.victim_service.isChecked()
    dialog.victim_service.setChecked(True)
    dialog.save_button.click()
    assert session.settings.victim_service_provider is True
    with pytest.raises(ComparableDatabaseOnly, match="MO-VSP-1"):
        refuse_hmis_transfer(session, "sync with the central HMIS")
    events = [r[0] for r in session.conn.execute(
        "SELECT action FROM audit_event WHERE action = 'device.victim_service_provider_set'")]
    assert events == ["device.victim_service_provider_set"]
    dialog.victim_service.setChecked(False)
    dialog.save_button.click()
    assert session.settings.victim_service_provider is False
