"""The row of buttons a dialog ends with, as a QDialogButtonBox: Cancel and the
dialog's own action(s), in the order the platform puts them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

_ROLE = QDialogButtonBox.ButtonRole


def button_box(cancel: QPushButton, *actions: QPushButton, default: QPushButton | None = None) -> QDialogButtonBox:
    """``cancel`` rejects; ``default`` (one of ``actions``) is what Enter presses. An
    action that is not the default takes the action role, so the box itself does not
    make it the default when it is shown (the dialog's own rules still apply). The
    buttons keep their own ``clicked`` connections."""
    box = QDialogButtonBox()
    box.addButton(cancel, _ROLE.RejectRole)
    for action in actions:
        box.addButton(action, _ROLE.AcceptRole if action is default else _ROLE.ActionRole)
    # No setDefault here: a button made default before it is in its dialog is forgotten
    # when focus moves to a text field. The box makes its first accept-role button the
    # default when the dialog is shown, inside the dialog.
    return box
