"""The row of buttons a dialog ends with, as a QDialogButtonBox: Cancel, then the
dialog's own action(s) on the right, on every platform (the app's convention: the
box's ``button-layout`` is fixed to GNOME's order, which is also the Mac's)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

_CANCEL_THEN_ACTIONS = f"QDialogButtonBox {{ button-layout: {QDialogButtonBox.ButtonLayout.GnomeLayout.value}; }}"


def button_box(cancel: QPushButton, *actions: QPushButton) -> QDialogButtonBox:
    """``cancel`` rejects; the first of ``actions`` is what Enter presses. The box makes
    it the default when the dialog is shown (a default set on a button before it is in
    its dialog is lost when focus moves to a text field). The buttons keep their own
    ``clicked`` connections."""
    box = QDialogButtonBox()
    box.setStyleSheet(_CANCEL_THEN_ACTIONS)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    for action in actions:
        box.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    return box
