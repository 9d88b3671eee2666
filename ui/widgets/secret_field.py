"""A field for a sign-in detail: a password, a recovery key or code, an enrollment code.

CT-403-2, MO-PWD-5: what is typed is never shown where others can see it. The field is
masked (``EchoMode.Password``, no "show password" switch), so Qt refuses to copy, cut
or drag its text out, and tells input methods the text is hidden and sensitive, so an
on-screen keyboard neither shows nor learns it. Nothing here turns the mask off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

SECRET_HINTS = (Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
                | Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase)


def secret_line_edit(parent: QWidget | None = None) -> QLineEdit:
    """A new masked field for a secret."""
    return make_secret(QLineEdit(parent))


def make_secret(edit: QLineEdit) -> QLineEdit:
    """Mask ``edit`` for a secret; returns it."""
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setDragEnabled(False)
    edit.setInputMethodHints(edit.inputMethodHints() | SECRET_HINTS)
    return edit


def is_secret(edit: QLineEdit) -> bool:
    """True when ``edit`` is masked as ``make_secret`` leaves it."""
    return (edit.echoMode() == QLineEdit.EchoMode.Password and not edit.dragEnabled()
            and (edit.inputMethodHints() & SECRET_HINTS) == SECRET_HINTS)
