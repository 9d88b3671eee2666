"""The form-level status widgets every form shares: a problem line and a busy bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QProgressBar


def form_error_label() -> QLabel:
    """Hidden until a problem is shown; plain text, since a message may quote input."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(QCoreApplication.translate("FormStatus", "Problem"))
    label.hide()
    return label


def busy_bar() -> QProgressBar:
    """An indeterminate, thin bar for work running off the UI thread (sign-in, saving)."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.setAccessibleName(QCoreApplication.translate("FormStatus", "Working"))
    bar.hide()
    return bar
