"""Issue 12 item 11 (S4, best effort): after a lock no copy of the password or the
data key is left in the buffers the app owns. The test plants a password made at run
time, signs in through the real window, locks, and walks every object the garbage
collector tracks (and the strings, bytes and bytearrays they hold)."""

from __future__ import annotations

import gc
import hashlib
import secrets
from pathlib import Path

from gui_support import ADMIN, make_vault, sign_in
from PySide6.QtWidgets import QApplication, QLineEdit

from app.clock import FakeClock
from ui.lock import LockReason


def _holders(needle: str, key_digest: str, mine: set[int], key_hex: str = "") -> list[str]:
    """Type names of the containers holding the password or the key: every object the
    collector tracks and everything reachable from them (dicts of plain strings are not
    tracked themselves, so the walk descends into referents)."""
    encoded = needle.encode("utf-8")
    found = []
    gc.collect()
    seen: set[int] = set(mine)
    stack = [(obj, "gc") for obj in gc.get_objects()]
    while stack:
        obj, parent = stack.pop()
        if id(obj) in seen or obj is needle:
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            if needle in obj:
                found.append(f"str in {parent}")
            elif key_hex and obj is not key_hex and key_hex in obj.casefold():
                found.append(f"data key (hex) str in {parent}")
            continue
        if isinstance(obj, (bytes, bytearray)):
            if encoded in obj:
                found.append(f"{type(obj).__name__} in {parent}")
            elif len(obj) == 32 and hashlib.sha256(bytes(obj)).hexdigest() == key_digest:
                found.append(f"data key {type(obj).__name__} in {parent}")
            continue
        try:
            referents = gc.get_referents(obj)
        except Exception:
            continue
        name = type(obj).__name__
        stack.extend((ref, name) for ref in referents if id(ref) not in seen)
    return sorted(set(found))


def test_after_a_lock_no_password_or_key_is_left_in_our_objects(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    needle = "canary " + secrets.token_hex(6) + " lantern orchard"  # made now: in no module
    vault = make_vault(tmp_path / "device", clock, password=needle)
    vault.password = ""
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, needle)
    session = gui.controller.session
    assert session is not None
    key_digest = hashlib.sha256(bytes(session.vault._data_key or b"")).hexdigest()
    key_hex = bytes(session.vault._data_key or b"").hex()
    data_key_buffer = session.vault._data_key
    del session
    gui.lock.lock(LockReason.MANUAL)
    qtbot.waitUntil(lambda: gui.controller.sign_in_window is not None
                    and gui.controller.sign_in_window.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not gui.controller.tasks.busy, timeout=10_000)
    assert data_key_buffer is not None and not any(data_key_buffer)  # zeroed in place
    for edit in QApplication.allWidgets():
        if isinstance(edit, QLineEdit):
            assert needle not in edit.text()
    mine = {id(needle), id(data_key_buffer), id(vault), id(key_hex)}
    # The walk can fail: a copy planted in an ordinary dict is found.
    gui.controller.planted = {"copy": "".join([needle[:5], needle[5:]])}
    assert _holders(needle, key_digest, mine) == ["str in dict"]
    del gui.controller.planted
    assert _holders(needle, key_digest, mine, key_hex) == []


def test_after_a_forced_password_change_and_a_lock_neither_password_is_left(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """The first-sign-in change (VT-2.1-11) handles two passwords: the temporary one and
    the new one; after a lock neither is in the app's objects."""
    from gui_support import ADMIN_PASSWORD

    from app.security.users import add_user
    from app.session import sign_in as core_sign_in
    from ui.signin.change_password_dialog import ChangePasswordDialog

    temporary = "temporary canary " + secrets.token_hex(5) + " pass"
    new = "chosen canary " + secrets.token_hex(5) + " meadow"
    vault = make_vault(tmp_path / "device", clock)
    admin = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    add_user(admin, "volunteer1", "Val Volunteer", "volunteer", temporary, access_completed_on=admin.clock.now().date())
    admin.close()
    del admin

    gui = make_gui(vault.data_dir, clock)
    window = gui.controller.sign_in_window
    window.username.setText("volunteer1")
    window.password.setText(temporary)
    window.sign_in_button.click()

    def dialog() -> ChangePasswordDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, ChangePasswordDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=20_000)
    change = dialog()
    change.current.setText(temporary)
    change.fields.password.setText(new)
    change.fields.confirm.setText(new)
    change.change_button.click()
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=20_000)
    del change
    session = gui.controller.session
    key_digest = hashlib.sha256(bytes(session.vault._data_key or b"")).hexdigest()
    del session
    gui.lock.lock(LockReason.MANUAL)
    qtbot.waitUntil(lambda: gui.controller.sign_in_window.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not gui.controller.tasks.busy, timeout=10_000)
    for edit in QApplication.allWidgets():
        if isinstance(edit, QLineEdit):
            assert temporary not in edit.text() and new not in edit.text()
    mine = {id(temporary), id(new), id(vault)}
    assert _holders(temporary, key_digest, mine) == []
    assert _holders(new, key_digest, mine) == []
