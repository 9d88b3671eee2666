"""A full-window screen with a centred card, used by set-up and sign-in.

These screens come before any client data is open, so they never hold any; the
card keeps forms at a readable width on a wide laptop screen. Each offers the
interface language at the top, and retranslates itself at once when it changes
(``retranslate_ui``), so nobody has to read English to find the Spanish.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.theme import demo_banner
from ui.widgets.language_selector import LanguageSelector
from ui.widgets.mnemonics import give_unique_mnemonics
from ui.widgets.status import busy_bar, form_error_label


class CardScreen(QWidget):
    def __init__(self, heading: str, subheading: str, demo: bool = False,
                 card_width: int = 560, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if demo:
            outer.addWidget(demo_banner(self))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a tab stop: Tab scrolls each field into view, and the card holds only a form.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll, 1)
        holder = QWidget()
        holder.setObjectName("screen")
        scroll.setWidget(holder)
        row = QHBoxLayout(holder)
        row.setContentsMargins(24, 24, 24, 24)
        row.addStretch(1)
        column = QVBoxLayout()
        # A fixed top margin, not centring: the card must not jump while field
        # messages appear and disappear under the pointer.
        column.addSpacing(48)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card.setFixedWidth(card_width)
        column.addWidget(self.card)
        column.addStretch(1)
        row.addLayout(column)
        row.addStretch(1)

        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(32, 20, 32, 28)
        self.body.setSpacing(10)
        self.language = LanguageSelector()
        self.body.addWidget(self.language)
        self.heading = QLabel(heading)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel(subheading)
        self.subheading.setObjectName("subheading")
        self.subheading.setWordWrap(True)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.subheading)
        self.body.addSpacing(8)

        self.form_error = form_error_label()
        self.busy_bar = busy_bar()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("hint")
        self.busy_label.hide()

    def retranslate_ui(self) -> None:
        """Set every text again in the language now installed; subclasses fill it in."""

    def apply_texts(self) -> None:
        """The texts in the current language, each mnemonic letter used once."""
        self.retranslate_ui()
        give_unique_mnemonics(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.apply_texts()
        super().changeEvent(event)

    def add_status_widgets(self) -> None:
        """Place the error and busy lines where the subclass wants them."""
        self.body.addWidget(self.form_error)
        self.body.addWidget(self.busy_label)
        self.body.addWidget(self.busy_bar)

    def show_error(self, message: str) -> None:
        self.form_error.setText(message)
        self.form_error.setVisible(bool(message))

    def show_busy(self, message: str) -> None:
        self.busy_label.setText(message)
        self.busy_label.setVisible(bool(message))
        self.busy_bar.setVisible(bool(message))
        if not message:
            self.busy_bar.setRange(0, 0)  # the next job starts without a known length

    def show_progress(self, done: int, total: int) -> None:
        """A job of known length: the bar fills instead of running to and fro."""
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(min(done, total))
