"""Dialogs end with one QDialogButtonBox (ui/widgets/button_box.py): the default
button is the one named, and stays so when focus is in a text field (Enter there
presses it)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from ui.widgets.button_box import button_box


def _dialog(qtbot: QtBot, default: bool) -> tuple[QDialog, QPushButton, QPushButton]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    edit = QLineEdit()
    layout.addWidget(edit)
    cancel, action = QPushButton("Cancel"), QPushButton("Save")
    layout.addWidget(button_box(cancel, action, default=action if default else None))
    dialog.show()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return dialog, cancel, action


def test_the_named_action_is_the_default_and_cancel_rejects(qtbot: QtBot) -> None:
    dialog, cancel, action = _dialog(qtbot, default=True)
    box = dialog.findChild(QDialogButtonBox)
    assert action.isDefault() and not cancel.isDefault()
    assert box.buttonRole(cancel) is QDialogButtonBox.ButtonRole.RejectRole


def test_an_action_not_named_default_takes_the_action_role(qtbot: QtBot) -> None:
    dialog, _cancel, action = _dialog(qtbot, default=False)
    box = dialog.findChild(QDialogButtonBox)
    assert box.buttonRole(action) is QDialogButtonBox.ButtonRole.ActionRole
