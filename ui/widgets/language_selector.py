"""The interface language, chosen before any vault is open (set-up and sign-in).

A worker who reads Spanish picks it here once; the screen switches at once and
``language_did_change`` lets the controller keep the choice in the app's preferences
(``ui.i18n.remember_language``), not in the vault, so the next start opens in it.
Names of languages are written in their own language and never translated, so each
is recognisable whatever is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QWidget

from ui.i18n import LANGUAGE_CHOICES, active_language, set_language


class LanguageSelector(QWidget):
    language_did_change = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.label = QLabel()
        self.label.setObjectName("hint")
        self.combo = QComboBox()
        for code, name in LANGUAGE_CHOICES:
            self.combo.addItem(name, code)
        self.label.setBuddy(self.combo)
        row.addStretch(1)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        self._show_active()
        self.retranslate_ui()
        self.combo.activated.connect(lambda _index: self._chosen())

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("&Language"))
        self.combo.setAccessibleName(self.tr("Interface language"))

    def _show_active(self) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(active_language())))
        self.combo.blockSignals(False)

    def _chosen(self) -> None:
        language = str(self.combo.currentData())
        if language == active_language():
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        self.language_did_change.emit(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._show_active()
        super().changeEvent(event)
