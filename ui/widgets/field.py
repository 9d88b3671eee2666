"""A labelled input with its own message line underneath.

Problems are shown beside the field they concern, never in a pop-up that has to be
dismissed (product brief: "a clear message next to the field"). The label carries
the mnemonic and is the input's buddy, so Alt+letter moves focus to the input and
screen readers announce the label.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.theme import set_invalid


class Field:
    def __init__(self, grid: QGridLayout, row: int, label: str, widget: QWidget,
                 accessible_name: str, hint: str = "") -> None:
        """Occupy two grid rows from ``row``: label and input, then hint or message."""
        self.widget = widget
        self.label = QLabel(label)
        self.label.setBuddy(widget)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widget.setAccessibleName(accessible_name)
        self.hint = hint
        self.message = QLabel(hint)
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        # Only ever hidden here: showing a label before the grid has a parent widget
        # would open it as a window of its own for a moment.
        if not hint:
            self.message.hide()
        grid.addWidget(self.label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(self.message, row + 1, 1)

    def set_texts(self, label: str, accessible_name: str, hint: str = "") -> None:
        """New wording for the label, name and hint (a language change); a problem on
        show stays until the field is checked again."""
        self.label.setText(label)
        self.widget.setAccessibleName(accessible_name)
        showing_problem = self.message.objectName() == "fieldError"
        self.hint = hint
        if not showing_problem:
            self.message.setText(hint)
            if not hint:
                self.message.hide()
            elif self.message.parentWidget() is not None:
                self.message.setVisible(not self.label.isHidden())

    def show_problems(self, problems: Sequence[str]) -> None:
        kind = "fieldError" if problems else "hint"
        restyle_message = self.message.objectName() != kind
        if problems:
            self.message.setText("\n".join(f"\u2022 {p}" if len(problems) > 1 else p for p in problems))
            self.widget.setAccessibleDescription(" ".join(problems))
        else:
            self.message.setText(self.hint)
            self.widget.setAccessibleDescription("")
        self.message.setObjectName(kind)
        self.message.setVisible(bool(problems) or bool(self.hint))
        # Styled again only when the style changes: re-polishing every row of a long form
        # on each step held the window for several milliseconds for nothing.
        if restyle_message:
            set_invalid(self.message, False)  # re-polish so the object name's style applies
        if bool(problems) != (self.widget.property("invalid") == "true"):
            set_invalid(self.widget, bool(problems))

    def clear_problems(self) -> None:
        self.show_problems(())


def form_grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(4)
    grid.setColumnStretch(1, 1)
    grid.setColumnMinimumWidth(1, 320)
    return grid
