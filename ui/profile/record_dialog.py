"""The frame every follow-up form in the profile shares: fields in a grid, a message
beside the field it concerns, Save as the default button and Escape to cancel.

A form is opened only when the client's consent lets data in (the profile leads to a
new consent first), but the core decides: whatever ``app`` refuses is shown here,
nothing is stored, and the typing stays for a second try. The title never names the
client; a lock clears the fields and closes the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError, ValidationError
from app.profile import ClientProfile
from app.session import Session
from ui.core_text import core_text
from ui.profile.common import action_row, fit_to_screen
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import message_label


class RecordDialog(QDialog):
    """Subclasses add their fields to ``grid`` and implement ``save``."""

    def __init__(self, session: Session, profile: ClientProfile, title: str, heading: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.profile = profile
        self.setWindowTitle(window_title(title))
        self.setModal(True)
        self.fields: dict[str, Field] = {}
        self.saved_message = ""

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(8)
        self.heading = QLabel(heading)
        self.heading.setObjectName("sectionHeading")
        column.addWidget(self.heading)
        self.grid = form_grid()
        self.enrollment = narrow_combo()
        for e in profile.enrollments:
            if e.exit_date is None:
                self.enrollment.addItem(self.tr("{project}, since {start}").format(project=e.project_name,
                                                                                   start=e.entry_date),
                                        e.enrollment_id)
        self.fields["enrollment"] = Field(self.grid, 0, self.tr("&Project"), self.enrollment,
                                          self.tr("Project enrollment"))
        column.addLayout(self.grid)
        self.general = message_label()
        column.addWidget(self.general)
        column.addStretch(1)
        actions = action_row(self.tr("Cancel"), self.tr("Cancel without saving"), self.tr("&Save"))
        self.cancel_button, self.save_button = actions.cancel, actions.action
        column.addLayout(actions.layout)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._save_clicked)
        fit_to_screen(self, 620, 360)

    # -- building ---------------------------------------------------------------------

    def add_field(self, key: str, label: str, widget: QWidget, accessible_name: str, hint: str = "") -> Field:
        row = 2 * len(self.fields)
        self.fields[key] = Field(self.grid, row, label, widget, accessible_name, hint)
        return self.fields[key]

    def date_edit(self, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText("YYYY-MM-DD")
        edit.setMaxLength(10)
        return edit

    def combo(self, choices: list[tuple[str, int]], first: str | None = None) -> QComboBox:
        combo = narrow_combo()
        if first is not None:
            combo.addItem(first, None)
        for label, code in choices:
            combo.addItem(label, code)
        return combo

    # -- saving -----------------------------------------------------------------------

    def save(self, session: Session) -> str:
        """Store the record through ``app``; return the message the profile shows."""
        raise NotImplementedError

    def show_problem(self, key: str, message: str) -> None:
        target = self.fields.get(key)
        if target is None:
            self.general.setText(message)
            self.general.show()
        else:
            target.show_problems([message])
            target.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_clicked(self) -> None:
        for field in self.fields.values():
            field.clear_problems()
        self.general.hide()
        session = self.session
        if session is None:
            return
        if self.enrollment.currentData() is None:
            self.show_problem("enrollment", self.tr("The client has no open enrollment."))
            return
        try:
            self.saved_message = self.save(session)
        except ValidationError as exc:
            self.show_problem(exc.field, core_text(str(exc)))
            return
        except UserFacingError as exc:
            self.show_problem("", core_text(str(exc)))
            return
        self.accept()

    def chosen(self, key: str, combo: QComboBox, message: str) -> int:
        """A choice left at "Choose…" is refused beside it before the core is asked."""
        value = combo.currentData()
        if value is None:
            raise ValidationError(key, message)
        return int(value)

    # -- lock -------------------------------------------------------------------------

    def clear_client_data(self) -> None:
        self.session = None
        for field in self.fields.values():
            if isinstance(field.widget, QLineEdit):
                field.widget.clear()

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)


def narrow_combo() -> QComboBox:
    """A choice whose longest HUD label does not widen the form past a small screen."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)
    return combo
