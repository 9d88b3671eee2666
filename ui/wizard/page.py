"""What every wizard step shares: its place for messages and the texts it renders.

A page reads the flow when it is shown and writes into it when the worker leaves;
it never decides whether the answers are acceptable, it shows the problems
``app.intake.check_intake`` returned next to the field they name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.catalog import render_text
from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from app.session import Session
from app.vault.connection import Connection


@dataclass
class WizardContext:
    """What the pages need beyond the flow: fixed for one wizard."""

    agency: str
    staff_name: str
    conn: Connection
    show_ssn: bool
    ui_language: str
    # For work off the UI thread on a second connection (``Session.worker()``).
    session: Session | None = None


def problem_text(problem: Problem) -> str:
    """A problem from the core in the interface language, with its clause."""
    from ui.core_text import core_text

    message = core_text(problem.message)
    return f"{message} ({problem.clause})" if problem.clause else message


def message_label() -> QLabel:
    """A field's message line: hidden until there is a problem to show."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_on(label: QLabel, problems: Sequence[Problem]) -> None:
    label.setText("\n".join(problem_text(p) for p in problems))
    label.setVisible(bool(problems))


def text_label(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def fill(text: str, flow: IntakeFlow, context: WizardContext, tr_client: str) -> str:
    """A script or consent text with the values known at this point of the intake."""
    from ui.wizard.consent_text import consent_values

    values = consent_values(flow, context.agency, context.staff_name, tr_client)
    try:
        return render_text(text, values)
    except (KeyError, ValueError):
        return text


class WizardPage(QWidget):
    """One step. ``page_did_change`` tells the wizard to re-check whether Next may be pressed."""

    page_did_change = Signal()

    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 12, 4)
        self.layout_.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.layout_.addWidget(self.heading)
        self.general = QLabel()
        self.general.setObjectName("formError")
        self.general.setWordWrap(True)
        self.general.hide()
        self.layout_.addWidget(self.general)

    def title(self) -> str:
        raise NotImplementedError

    def enter(self, ref: StepRef) -> None:
        """Show the flow's state for this step."""

    def leave(self) -> None:
        """Write what is on screen into the flow."""

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Put each problem beside its field; what has no field goes on top."""
        show_on(self.general, problems)

    def first_input(self) -> QWidget | None:
        return None

    def problem_widget(self) -> QWidget | None:
        """The first problem on screen, top to bottom: the input its message is under
        (the label's row above it in the grid), else the message itself."""
        shown = [label for label in self.findChildren(QLabel)
                 if label.objectName() in ("fieldError", "formError") and label.text()
                 and label.isVisibleTo(self)]
        if not shown:
            return None
        first = min(shown, key=lambda label: label.mapTo(self, QPoint(0, 0)).y())
        return _input_above(first) or first

    def clear_client_data(self) -> None:
        """Forget what is on screen (lock, S4)."""


def _input_above(message: QLabel) -> QWidget | None:
    """The input in the grid cell above a field's message line (``ui.widgets.field.Field``)."""
    parent = message.parentWidget()
    if parent is None:
        return None
    for grid in parent.findChildren(QGridLayout):
        index = grid.indexOf(message)
        if index < 0:
            continue
        # PySide6's stub says object; the binding returns (row, column, rowSpan, columnSpan).
        row, column, _rs, _cs = cast(tuple[int, int, int, int], grid.getItemPosition(index))
        item = grid.itemAtPosition(row - 1, column) if row > 0 else None
        widget = item.widget() if item is not None else None
        if widget is not None and widget.focusProxy() is not None:
            widget = widget.focusProxy()
        if widget is not None and widget.isVisibleTo(parent) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return widget
    return None
