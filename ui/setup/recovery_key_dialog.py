"""The one-time recovery key, shown once after the vault is created or the key is
rotated, so a locked-out administrator can get back in (key handling like a
password manager's). It is never stored in plaintext anywhere, so leaving this
dialog without storing it means losing it; the tick box makes that a decision.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
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
        self.save_button = QPushButton(self.tr("Save to &file\u2026"))
        self.save_button.setAccessibleName(self.tr("Save the recovery key to a file"))
        self.print_button = QPushButton(self.tr("&Print\u2026"))
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.save_button)
        copy_row.addWidget(self.print_button)
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
        self.save_button.clicked.connect(self._save)
        self.print_button.clicked.connect(self._print)
        # Tests (and scripted set-ups) name the file or printer instead of the system dialogs.
        self.save_path: Path | None = None
        self.printer: QPrinter | None = None
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.stored.toggled.connect(lambda on: self.continue_button.setDefault(on))
        self.continue_button.clicked.connect(self._finish)
        self.setTabOrder(self.key_view, self.copy_button)
        self.setTabOrder(self.copy_button, self.save_button)
        self.setTabOrder(self.save_button, self.print_button)
        self.setTabOrder(self.print_button, self.stored)
        self.setTabOrder(self.stored, self.continue_button)
        self.copy_button.setFocus()

    def _copy(self) -> None:
        self._clipboard.copy(self.key_view.toPlainText(), KEY_CLIPBOARD_SECONDS)
        self.copy_note.setText(self.tr("Copied. The clipboard is cleared in one minute."))

    def _key_page(self) -> str:
        """What a saved or printed copy holds: the key and what it is for; no name of
        a person or a place, so a copy found in a drawer points nowhere."""
        return "\n".join((
            self.tr("HMIS Intake recovery key"), "", self.key_view.toPlainText(), "",
            self.tr("It resets an administrator's password on the device it was made for. "
                    "Keep it locked away, apart from that device."), ""))

    def _save(self) -> None:
        path = self.save_path
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the recovery key"),
                                                          "hmis-intake-recovery-key.txt",
                                                          self.tr("Text files (*.txt)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            # Created readable by this account only; the folder is the administrator's choice.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self._key_page())
        except OSError as exc:
            self.copy_note.setText(self.tr("The key could not be saved there ({why}).").format(
                why=exc.strerror or type(exc).__name__))
            return
        self.copy_note.setText(self.tr("Saved. Move the file off this laptop and keep it locked away."))

    def _print(self) -> None:
        printer = self.printer
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted.value:
                return
        document = QTextDocument()
        document.setPlainText(self._key_page())
        document.print_(printer)
        self.copy_note.setText(self.tr("Sent to the printer."))

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
