"""The one-time recovery key, shown once after the vault is created or the key is
rotated, so a locked-out administrator can get back in (key handling like a
password manager's). It is never stored in plaintext anywhere, so leaving this
dialog without storing it means losing it; the tick box makes that a decision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.clipboard import ClipboardGuard
from ui.theme import window_title

# Long enough to paste into a password manager; the guard still clears it on lock.
KEY_CLIPBOARD_SECONDS = 60


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, clipboard: ClipboardGuard,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Recovery key")))
        self.setModal(True)
        self.setMinimumWidth(680)
        self._clipboard = clipboard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Store your recovery key"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        explain = QLabel(self.tr(
            "If an administrator forgets their password or is locked out, this key is the only "
            "way back into the vault. It is shown only now. Keep it somewhere safe and away from "
            "this laptop, such as a sealed envelope in the office safe or the agency's password "
            "manager."))
        explain.setWordWrap(True)
        layout.addWidget(explain)

        self.key_view = QPlainTextEdit(recovery_key)
        self.key_view.setObjectName("recoveryKey")
        self.key_view.setReadOnly(True)
        self.key_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.key_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_view.setFixedHeight(self.key_view.fontMetrics().lineSpacing() * 2 + 36)
        self.key_view.setAccessibleName(self.tr("Recovery key"))
        self.key_view.setTabChangesFocus(True)
        layout.addWidget(self.key_view)

        copy_row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy key"))
        self.copy_button.setAccessibleName(self.tr("Copy recovery key"))
        self.copy_note = QLabel()
        self.copy_note.setObjectName("hint")
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copy_note, 1)
        layout.addLayout(copy_row)

        self.stored = QCheckBox(self.tr("I have &stored the recovery key safely"))
        self.stored.setAccessibleName(self.tr("I have stored the recovery key safely"))
        layout.addWidget(self.stored)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setObjectName("primary")
        self.continue_button.setEnabled(False)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)

        self.copy_button.clicked.connect(self._copy)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.stored.toggled.connect(lambda on: self.continue_button.setDefault(on))
        self.continue_button.clicked.connect(self._finish)
        self.setTabOrder(self.key_view, self.copy_button)
        self.setTabOrder(self.copy_button, self.stored)
        self.setTabOrder(self.stored, self.continue_button)
        self.copy_button.setFocus()

    def _copy(self) -> None:
        self._clipboard.copy(self.key_view.toPlainText(), KEY_CLIPBOARD_SECONDS)
        self.copy_note.setText(self.tr("Copied. The clipboard is cleared in one minute."))

    def _finish(self) -> None:
        if self.stored.isChecked():
            self.key_view.setPlainText("")
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape would leave without the key having been stored.
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.stored.isChecked():
            self._finish()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.stored.isChecked():
            event.ignore()
            return
        super().closeEvent(event)

    def close_for_lock(self) -> None:
        """A lock closes this dialog too: the key must not stay on an unattended screen."""
        self.key_view.setPlainText("")
        self.done(QDialog.DialogCode.Rejected)
