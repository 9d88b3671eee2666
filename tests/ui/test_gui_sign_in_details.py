"""CT-403-2, MO-PWD-5 in the windows: a typed password, code or key is masked and
cannot be copied or dragged out, no window offers to show it, and where the pack says
so (ct, mo) the sign-in screen lists no user name and the lock screen keeps none; vt
keeps the locked user's name for a quicker unlock, as it always has."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import sign_in
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.clock import FakeClock
from app.session import initialize
from app.session import sign_in as core_sign_in
from ui.i18n import _preferences
from ui.setup.setup_window import SetupWindow
from ui.signin.change_password_dialog import ChangePasswordDialog
from ui.signin.recovery_dialog import RecoveryDialog
from ui.sync.enroll_dialog import EnrollDialog
from ui.sync.worker_jobs import WorkerJobs
from ui.widgets.secret_field import is_secret

NAME = "wren.quillfeather"
SECRET = "Bramble!Otter7Copper9"
CLIPBOARD_BEFORE = "nothing secret here"


def _vault(tmp_path: Path, clock: FakeClock, pack: str) -> Path:
    data_dir = tmp_path / "device"
    session, _key = initialize(data_dir, pack, NAME, SECRET, "Wren Quillfeather", "Test Agency", clock=clock,
                               access_completed_on=clock.now().date())
    session.close()
    return data_dir


def _secret_fields(window: QWidget) -> list[QLineEdit]:
    """Every input in ``window`` whose name says it takes a password, a code or a key."""
    words = ("password", "recovery key", "recovery code", "enrollment code", "authenticator")
    return [edit for edit in window.findChildren(QLineEdit)
            if not edit.isReadOnly() and any(w in edit.accessibleName().casefold() for w in words)]


def _assert_cannot_leave(qtbot, edit: QLineEdit) -> None:
    """Typed, selected, copied and cut (Qt deletes a masked field's text on a cut, copying
    nothing): the text never reaches the clipboard or shows, and cannot be dragged."""
    QGuiApplication.clipboard().setText(CLIPBOARD_BEFORE)
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, SECRET[:10])
    assert edit.text() == SECRET[:10], "the field took the typing"
    assert is_secret(edit), edit.accessibleName()
    assert SECRET[:4] not in edit.displayText()
    edit.selectAll()
    for keys in (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut):
        edit.setFocus()
        qtbot.keySequence(edit, keys)
    edit.copy()
    edit.cut()
    assert QGuiApplication.clipboard().text() == CLIPBOARD_BEFORE, edit.accessibleName()
    assert not edit.dragEnabled()
    edit.clear()


@pytest.mark.parametrize("pack", ["ct", "mo"])
def test_ct_403_2_mo_pwd_5_sign_in_and_lock_screens_mask_and_name_no_one(qtbot, make_gui, tmp_path: Path,
                                                                         clock: FakeClock, pack: str) -> None:
    gui = make_gui(_vault(tmp_path, clock, pack), clock)
    window = gui.controller.sign_in_window
    assert window is not None and window.isVisible()
    assert window.username.text() == "" and window.password.text() == ""
    assert [w for w in window.findChildren(QWidget) if NAME in _shown(w)] == [], "no user name is listed"
    assert {e.accessibleName() for e in _secret_fields(window)} >= {"Password", "Code from the authenticator app"}
    for edit in _secret_fields(window):
        _assert_cannot_leave(qtbot, edit)

    sign_in(qtbot, gui, NAME, SECRET)
    assert window.password.text() == "", "the password is not kept in the hidden window"
    gui.controller.main_window.lock_button.click()
    qtbot.waitUntil(lambda: gui.controller.sign_in_window is not None
                    and gui.controller.sign_in_window.isVisible())
    locked = gui.controller.sign_in_window
    assert locked.username.text() == "" and locked.password.text() == ""
    visible = [w for top in QApplication.topLevelWidgets() if top.isVisible()
               for w in [top, *top.findChildren(QWidget)]]
    assert [w for w in visible if NAME in _shown(w)] == [], "the lock screen shows no user name"
    sign_in(qtbot, gui, NAME, SECRET)  # unlocking with the name typed again works
    assert gui.controller.session is not None
    # Nothing the windows wrote holds the password: the vault folder and the settings file.
    preferences = Path(_preferences().fileName())
    written = [p for p in tmp_path.rglob("*") if p.is_file()] + ([preferences] if preferences.is_file() else [])
    assert any(p.name == "vault.keys" for p in written)
    for path in written:
        assert SECRET.encode() not in path.read_bytes() and NAME.encode() not in path.read_bytes(), path


def test_vt_keeps_the_locked_users_name_on_its_lock_screen(qtbot, make_gui, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    """The control for the test above: VT's pack shows sign-in names (its default)."""
    gui = make_gui(_vault(tmp_path, clock, "vt"), clock)
    assert gui.controller.sign_in_window.username.text() == ""
    sign_in(qtbot, gui, NAME, SECRET)
    gui.controller.main_window.lock_button.click()
    qtbot.waitUntil(lambda: gui.controller.sign_in_window is not None
                    and gui.controller.sign_in_window.isVisible())
    assert gui.controller.sign_in_window.username.text() == NAME
    assert gui.controller.sign_in_window.password.text() == ""


def test_ct_403_2_mo_pwd_5_every_window_that_asks_a_secret_masks_it(qtbot, tmp_path: Path,
                                                                     clock: FakeClock) -> None:
    setup = SetupWindow()
    qtbot.addWidget(setup)
    setup.show()
    session = core_sign_in(_vault(tmp_path, clock, "mo"), NAME, SECRET, clock)
    try:
        windows: list[QWidget] = [setup, RecoveryDialog(session.pack, NAME), ChangePasswordDialog(session),
                                  EnrollDialog(session, WorkerJobs(session), problem="")]
        expected = {"SetupWindow": 2, "RecoveryDialog": 3, "ChangePasswordDialog": 3, "EnrollDialog": 1}
        for window in windows:
            qtbot.addWidget(window)
            window.show()
            fields = _secret_fields(window)
            assert len(fields) == expected[type(window).__name__], (type(window).__name__,
                                                                    [f.accessibleName() for f in fields])
            for edit in fields:
                _assert_cannot_leave(qtbot, edit)
            masked = [e for e in window.findChildren(QLineEdit) if e.echoMode() != QLineEdit.EchoMode.Normal]
            assert all(is_secret(e) for e in masked)
            # No "show password" switch on the window.
            assert [w for w in window.findChildren(QWidget)
                    if any(word in _shown(w).casefold() for word in ("show password", "reveal"))] == []
            window.close()
    finally:
        session.close()


def test_ct_403_2_mo_pwd_5_a_temporary_password_is_shown_once_and_cannot_be_copied(qtbot, make_gui,
                                                                                    tmp_path: Path,
                                                                                    clock: FakeClock) -> None:
    gui = make_gui(_vault(tmp_path, clock, "mo"), clock)
    sign_in(qtbot, gui, NAME, SECRET)
    dialog = gui.controller.main_window.open_admin("users")
    qtbot.waitUntil(dialog.isVisible)
    dialog.username.setText("pip.worker")
    dialog.display_name.setText("Pip Worker")
    dialog.add_button.click()
    temporary = dialog.password.text()
    assert dialog.password.isVisible() and len(temporary) >= 12
    QGuiApplication.clipboard().setText(CLIPBOARD_BEFORE)
    label = dialog.password
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=label.rect().topLeft() + QPoint(2, 2))
    qtbot.mouseMove(label, label.rect().bottomRight() - QPoint(2, 2))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=label.rect().bottomRight() - QPoint(2, 2))
    assert label.selectedText() == "" and not label.hasSelectedText()
    qtbot.keySequence(label, QKeySequence.StandardKey.Copy)
    assert QGuiApplication.clipboard().text() == CLIPBOARD_BEFORE
    assert temporary not in QGuiApplication.clipboard().text(QClipboard.Mode.Selection)
    assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    # Shown once: the next step the administrator takes puts it away.
    dialog.table.clearSelection()
    dialog.reset_button.click()
    assert not dialog.password.isVisible() and dialog.password.text() == ""
    assert temporary not in " ".join(_shown(w) for w in dialog.findChildren(QWidget))


def _shown(widget: QWidget) -> str:
    parts = [widget.windowTitle(), widget.accessibleName(), widget.toolTip()]
    for name in ("text", "placeholderText", "currentText"):
        getter = getattr(widget, name, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:
                continue
            if isinstance(value, str):
                parts.append(value)
    return " ".join(parts)
