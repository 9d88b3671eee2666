"""Dialogs end with one QDialogButtonBox (ui/widgets/button_box.py): Cancel, then
the action, which is the default and stays so when focus is in a text field (Enter
there presses it)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from ui.widgets.button_box import button_box


def _dialog(qtbot: QtBot) -> tuple[QDialog, QPushButton, QPushButton]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    edit = QLineEdit()
    layout.addWidget(edit)
    cancel, action = QPushButton("Cancel"), QPushButton("Save")
    layout.addWidget(button_box(cancel, action))
    dialog.show()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return dialog, cancel, action


def test_the_action_is_the_default_and_cancel_rejects(qtbot: QtBot) -> None:
    dialog, cancel, action = _dialog(qtbot)
    box = dialog.findChild(QDialogButtonBox)
    assert action.isDefault() and not cancel.isDefault()
    assert box.buttonRole(cancel) is QDialogButtonBox.ButtonRole.RejectRole


def test_cancel_comes_first_then_the_action_on_every_platform(qtbot: QtBot) -> None:
    _, cancel, action = _dialog(qtbot)
    assert cancel.x() < action.x()
