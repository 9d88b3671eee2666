"""Set up two-step sign-in: the authenticator app's QR code (the otpauth:// link drawn
from ``qrcode``'s module matrix, no image library needed), the key as text for typing
by hand, one code to prove the phone has it, then the recovery codes, shown once.

The secret is stored only when the code matches (``app.security.totp``), inside the
vault. The dialog holds nothing about any client; its title names no user.
"""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.security import totp
from app.session import Session
from ui.theme import window_title
from ui.widgets.button_box import button_box

QR_MODULE_PIXELS = 6


def qr_pixmap(text: str, module: int = QR_MODULE_PIXELS) -> QPixmap:
    """Black modules on white with the standard four-module quiet zone."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module, y * module, module, module, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class TwoStepDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._enrollment = totp.start_enrollment(session)
        self.recovery_codes: list[str] = []
        self.setWindowTitle(window_title(self.tr("Two-step sign-in")))
        self.setModal(True)
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        setup = QWidget()
        col = QVBoxLayout(setup)
        col.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Set up two-step sign-in"))
        heading.setObjectName("heading")
        col.addWidget(heading)
        explain = QLabel(self.tr(
            "After your password, this device will also ask for a 6-digit code from an authenticator "
            "app on your phone. Someone who saw your password cannot sign in without your phone. "
            "Scan the QR code with the app, or type the key into it by hand."))
        explain.setWordWrap(True)
        col.addWidget(explain)
        row = QHBoxLayout()
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(self._enrollment.uri))
        self.qr.setAccessibleName(self.tr("QR code for the authenticator app"))
        row.addWidget(self.qr)
        side = QVBoxLayout()
        key_label = QLabel(self.tr("Key to type by hand:"))
        side.addWidget(key_label)
        self.secret_view = QLabel(" ".join(self._enrollment.secret[i:i + 4]
                                           for i in range(0, len(self._enrollment.secret), 4)))
        self.secret_view.setObjectName("recoveryKey")
        self.secret_view.setWordWrap(True)
        self.secret_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secret_view.setAccessibleName(self.tr("Key for the authenticator app"))
        side.addWidget(self.secret_view)
        side.addStretch(1)
        code_label = QLabel(self.tr("&Code the app shows now:"))
        self.code = QLineEdit()
        self.code.setMaxLength(7)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.code.setAccessibleName(self.tr("Code from the authenticator app"))
        code_label.setBuddy(self.code)
        side.addWidget(code_label)
        side.addWidget(self.code)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        side.addWidget(self.error)
        row.addLayout(side, 1)
        col.addLayout(row)
        self.pages.addWidget(setup)

        done = QWidget()
        col = QVBoxLayout(done)
        col.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Two-step sign-in is on"))
        heading.setObjectName("heading")
        col.addWidget(heading)
        explain = QLabel(self.tr(
            "If you lose your phone, each of these recovery codes works once instead of a code. "
            "They are shown only now: write them down and keep them away from this laptop."))
        explain.setWordWrap(True)
        col.addWidget(explain)
        self.codes_view = QPlainTextEdit()
        self.codes_view.setReadOnly(True)
        self.codes_view.setObjectName("recoveryKey")
        self.codes_view.setAccessibleName(self.tr("Recovery codes"))
        self.codes_view.setTabChangesFocus(True)
        col.addWidget(self.codes_view)
        self.pages.addWidget(done)

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.turn_on_button = QPushButton(self.tr("&Turn on"))
        self.turn_on_button.setAccessibleName(self.tr("Turn on two-step sign-in"))
        self.turn_on_button.setObjectName("primary")
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.setObjectName("primary")
        layout.addWidget(button_box(self.cancel_button, self.turn_on_button, self.done_button))
        self.done_button.hide()
        self.cancel_button.clicked.connect(self.reject)
        self.turn_on_button.clicked.connect(self._turn_on)
        self.code.returnPressed.connect(self._turn_on)
        self.done_button.clicked.connect(self.accept)
        self.code.textEdited.connect(lambda _t: self.error.hide())
        self.code.setFocus()

    def _turn_on(self) -> None:
        try:
            self.recovery_codes = totp.confirm_enrollment(self._session, self._enrollment, self.code.text())
        except UserFacingError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.code.selectAll()
            self.code.setFocus()
            return
        self.codes_view.setPlainText("\n".join(self.recovery_codes))
        self.pages.setCurrentIndex(1)
        self.cancel_button.hide()
        self.turn_on_button.hide()
        self.done_button.show()
        self.done_button.setDefault(True)
        self.done_button.setFocus()


def open_two_step(parent: QWidget, session: Session) -> TwoStepDialog:
    dialog = TwoStepDialog(session, parent)
    dialog.finished.connect(lambda _code: dialog.deleteLater())
    dialog.open()
    return dialog
