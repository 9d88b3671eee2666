"""What the profile's tabs and dialogs share: tables, dates, code labels, sizes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import QuestionCatalog, load_questions
from app.errors import ValidationError
from app.rules.consent import EntryHold
from ui.i18n import active_language
from ui.widgets.rows_model import RowsModel

DASH = "\u2014"


def make_table(model: RowsModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def add_table(column: QVBoxLayout, heading: str, headers: list[str], parent: QWidget) -> tuple[RowsModel, QTableView]:
    """A section heading and a read-only table under it."""
    label = QLabel(heading)
    label.setObjectName("sectionHeading")
    column.addWidget(label)
    model = RowsModel(headers, parent)
    table = make_table(model, heading)
    label.setBuddy(table)
    column.addWidget(table, 1)
    return model, table


def parse_day(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        message = QCoreApplication.translate("Profile", "Enter a real date as YYYY-MM-DD.")
        raise ValidationError(field, message) from None


class CodeLabels:
    """HUD codes shown by their label in the interface language."""

    def __init__(self, catalog: QuestionCatalog | None = None) -> None:
        self.catalog = catalog or load_questions()
        self.language = active_language()

    def label(self, list_id: str, code: int | None) -> str:
        if code is None:
            return DASH
        codes = self.catalog.code_list(list_id)
        return codes.label(code, self.language) if code in codes else str(code)

    def choices(self, list_id: str) -> list[tuple[str, int]]:
        return [(c.label.get(self.language), c.code) for c in self.catalog.code_list(list_id).codes]


def hold_text(hold: EntryHold) -> str:
    """Why new records wait, in the interface language, naming the clause."""
    translate = QCoreApplication.translate
    day = hold.since.isoformat() if hold.since else DASH
    texts = {
        "missing": translate("Profile", "No consent is recorded for this client. Record one before entering "
                                        "more data."),
        "revoked": translate("Profile", "Consent was revoked on {date}. Record a new consent before entering "
                                        "more data."),
        "expired": translate("Profile", "The release of information expired on {date}. Record a new consent "
                                        "before entering more data."),
        "declined": translate("Profile", "The client declined consent, so no data can be entered. Record a new "
                                         "consent if they change their mind."),
    }
    text = texts.get(hold.kind, hold.message)
    return f"{text.format(date=day)} ({hold.clause})"


def scrolling_body(outer: QVBoxLayout) -> tuple[QScrollArea, QVBoxLayout]:
    """A dialog body that scrolls on a small screen or at a large text scale, on the
    dialog's own background."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget#scrollBody { background: transparent; }")
    body = QWidget()
    body.setObjectName("scrollBody")
    scroll.setWidget(body)
    outer.addWidget(scroll, 1)
    column = QVBoxLayout(body)
    column.setContentsMargins(20, 16, 20, 8)
    column.setSpacing(8)
    return scroll, column


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """The preferred size, or less on a small screen or at a large text scale."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    widget.resize(width, height)
