"""What the profile's tabs and dialogs share: tables, dates, code labels, sizes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import QuestionCatalog, load_questions
from app.errors import UserFacingError, ValidationError
from app.rules.consent import EntryHold
from ui.core_text import core_text
from ui.i18n import active_language
from ui.widgets.button_box import button_box
from ui.widgets.field import Field
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
    # Sized to the rows on screen: a client with years of services would have every row
    # asked for its size at each change (a cut-off cell shows whole in its tooltip).
    table.horizontalHeader().setResizeContentsPrecision(0)
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
        "project": translate("Profile", "This client's releases of information cover other projects only. Record "
                                        "a release for this project before entering data in it."),
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


@dataclass
class ActionRow:
    """Cancel and the form's one action: the row every profile form ends with."""

    layout: QHBoxLayout
    cancel: QPushButton
    action: QPushButton


def action_row(cancel_text: str, cancel_name: str, action_text: str, *,
               margins: tuple[int, int, int, int] | None = None) -> ActionRow:
    """The texts come translated from the calling dialog (its own ``tr`` context)."""
    row = QHBoxLayout()
    if margins is not None:
        row.setContentsMargins(*margins)
    cancel = QPushButton(cancel_text)
    cancel.setAccessibleName(cancel_name)
    cancel.setAutoDefault(False)
    action = QPushButton(action_text)
    action.setObjectName("primary")
    row.addWidget(button_box(cancel, action))
    return ActionRow(row, cancel, action)


def apply_dated_change(edit: QLineEdit, field: Field, general: QLabel, change: Callable[[date], object]) -> date | None:
    """Read the effective date in ``edit`` and make the change from that day (a
    revocation, stopping sharing). A bad date is shown beside its field, any other
    refusal below the form; the day is returned only when the change was made."""
    field.clear_problems()
    general.hide()
    try:
        day = parse_day(edit.text(), "effective")
        change(day)
    except ValidationError as exc:
        field.show_problems([core_text(str(exc))])
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return None
    except UserFacingError as exc:
        general.setText(core_text(str(exc)))
        general.show()
        return None
    return day
