"""Look and naming shared by every window: titles, the style sheet, the DEMO banner.

Window titles are built here only, from fixed words, so no personal data can reach
a title bar, a task switcher or a screen-sharing preview (product brief,
non-negotiables: "window titles").
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

APP_TITLE = "HMIS Intake"
DEMO_WORD = "DEMO"

STYLE_SHEET = """
QWidget { font-size: 10pt; }
QMainWindow, QWidget#screen { background: #f5f6f8; }
QDialog { background: #ffffff; }
QFrame#card {
    background: #ffffff; border: 1px solid #d9dde3; border-radius: 8px;
}
QLabel#heading { font-size: 16pt; font-weight: 600; color: #1d2733; }
QLabel#subheading { color: #4a5563; }
QLabel#sectionHeading { font-size: 11pt; font-weight: 600; color: #1d2733; }
QLabel#fieldError { color: #b3261e; }
QLabel#formError {
    color: #7a1a14; background: #fdecea; border: 1px solid #f3b8b2; border-radius: 4px;
    padding: 6px 8px;
}
QLabel#notice {
    color: #1d3b5c; background: #e8f0fb; border: 1px solid #b9cff0; border-radius: 4px;
    padding: 6px 8px;
}
QLabel#hint { color: #5b6573; }
QLabel#demoBanner {
    background: #f6c343; color: #3b2a00; font-weight: 600; padding: 6px 12px;
}
QLineEdit, QComboBox {
    padding: 5px 6px; border: 1px solid #b8bfc9; border-radius: 4px; background: #ffffff;
    min-height: 20px;
}
QLineEdit:focus, QComboBox:focus { border: 1px solid #1f5fbf; }
QComboBox QAbstractItemView {
    background: #ffffff; color: #1d2733; border: 1px solid #b8bfc9;
    selection-background-color: #1f5fbf; selection-color: #ffffff;
}
QComboBox QAbstractItemView::item { min-height: 22px; padding: 2px 6px; color: #1d2733; }
QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {
    background: #1f5fbf; color: #ffffff;
}
QListView, QListWidget, QTreeView {
    background: #ffffff; color: #1d2733;
    selection-background-color: #1f5fbf; selection-color: #ffffff;
}
QLabel#demoCredentials {
    font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; color: #3b2a00;
    background: #fff6d6; border: 1px solid #f0d68a; border-radius: 4px; padding: 6px 8px;
}
QLineEdit[invalid="true"] { border: 1px solid #b3261e; }
QPushButton {
    padding: 6px 14px; border: 1px solid #b8bfc9; border-radius: 4px; background: #ffffff;
    min-height: 20px;
}
QPushButton:hover { background: #eef1f5; }
QPushButton:focus { border: 1px solid #1f5fbf; }
QPushButton:disabled { color: #9aa3ae; background: #f0f1f3; }
QPushButton#primary {
    background: #1f5fbf; color: #ffffff; border: 1px solid #1a52a6; font-weight: 600;
}
QPushButton#primary:hover { background: #1a52a6; }
QPushButton#primary:disabled { background: #9db6de; border-color: #9db6de; }
QPushButton#lockButton { font-weight: 600; }
QTableView {
    background: #ffffff; border: 1px solid #d9dde3; gridline-color: #edf0f3;
    selection-background-color: #d6e4f8; selection-color: #1d2733;
}
QHeaderView::section {
    background: #eef1f5; border: none; border-bottom: 1px solid #d9dde3; padding: 6px;
    font-weight: 600;
}
QStatusBar { background: #eef1f5; color: #3a4452; }
QStatusBar QLabel { padding: 0 8px; }
QPlainTextEdit#recoveryKey {
    font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 14pt;
    background: #ffffff; border: 1px solid #b8bfc9; border-radius: 4px; padding: 8px;
}
"""


# A plain name lupdate reads as QCoreApplication.translate(context, text).
translate = QCoreApplication.translate


def resource_icon(file_name: str, size: int = 64) -> QIcon:
    """An SVG from ``resources/icons``, read through importlib so a bundle finds it."""
    data = resources.files("resources").joinpath("icons", file_name).read_bytes()
    pixmap = QPixmap(QSize(size, size))
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)


def window_title(part: str | None = None, demo: bool = False) -> str:
    """``HMIS Intake — <part>``, with DEMO appended in a demo vault; never data."""
    pieces = [APP_TITLE]
    if part:
        pieces.append(part)
    if demo:
        pieces.append(DEMO_WORD)
    return " \u2014 ".join(pieces)


class DemoBanner(QLabel):
    """The yellow DEMO line; it follows a language change by itself."""

    def __init__(self, parent: QWidget | None = None, short: bool = False) -> None:
        super().__init__(parent)
        self._short = short
        self.setObjectName("demoBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(translate("HmisIntake", "DEMO \u2014 made-up people only") if self._short else
                     translate("HmisIntake", "DEMO \u2014 every person here is made up. This practice vault is "
                                             "deleted when you quit."))
        self.setAccessibleName(translate("HmisIntake", "Demo mode"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def demo_banner(parent: QWidget | None = None, short: bool = False) -> QLabel:
    return DemoBanner(parent, short)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Flag a field for the red border in the style sheet."""
    widget.setProperty("invalid", "true" if invalid else "false")
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
