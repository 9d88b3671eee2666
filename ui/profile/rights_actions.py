"""The profile's "Client rights" menu: log the client's request for a copy of their
record (MO-RIGHTS-1: due in the pack's period) or for a correction, and record a
correction — information marked inaccurate or incomplete and supplemented, the
original kept (VT-3.4-8, MO-RIGHTS-2) — or its denial with the reason. Each calls
``app.corrections``, as ``hmis-intake request`` and ``correction`` do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.corrections import deny_correction, log_request, record_correction
from app.errors import UserFacingError
from app.session import Session
from ui.core_text import core_text
from ui.profile.common import action_row
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import message_label, text_label


class CorrectionDialog(QDialog):
    def __init__(self, session: Session, personal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.personal_id = personal_id
        self.saved_message = ""
        self.setWindowTitle(window_title(self.tr("Correction")))
        self.setModal(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.addWidget(text_label(self.tr("The client says some information is wrong or missing"), "sectionHeading"))
        column.addWidget(text_label(self.tr("The original stays as it was; the correction is shown beside it in the "
                                            "record copy and the history.")))
        grid = form_grid()
        self.field = QLineEdit()
        self.field.setMaxLength(80)
        Field(grid, 0, self.tr("&Information"), self.field, self.tr("Which information"),
              self.tr("For example: date of birth, last name, an enrollment."))
        self.marked = QComboBox()
        self.marked.addItem(self.tr("Inaccurate"), "inaccurate")
        self.marked.addItem(self.tr("Incomplete"), "incomplete")
        Field(grid, 1, self.tr("&Marked as"), self.marked, self.tr("Marked as inaccurate or incomplete"))
        column.addLayout(grid)
        self.accept_choice = QRadioButton(self.tr("&Accept: record what the client says"))
        self.deny_choice = QRadioButton(self.tr("&Deny, with the reason given to the client"))
        self.accept_choice.setChecked(True)
        column.addWidget(self.accept_choice)
        column.addWidget(self.deny_choice)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("The correct or missing information, or the reason for the denial"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        column.addWidget(self.text)
        self.general = message_label()
        column.addWidget(self.general)
        # Save is the default button, as it always was (the dialog's only auto-default
        # button); Enter in the text still starts a new line.
        actions = action_row(self.tr("Cancel"), self.tr("Cancel without recording"), self.tr("&Save"))
        self.cancel_button, self.save_button = actions.cancel, actions.action
        self.save_button.setAccessibleName(self.tr("Save the correction"))
        column.addLayout(actions.layout)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._save)

    def _save(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            if self.accept_choice.isChecked():
                record_correction(session, self.personal_id, self.field.text(), str(self.marked.currentData()),
                                  self.text.toPlainText())
                self.saved_message = self.tr("Correction recorded; the original information is kept.")
            else:
                deny_correction(session, self.personal_id, self.field.text(), self.text.toPlainText())
                self.saved_message = self.tr("Denial recorded with its reason.")
        except UserFacingError as exc:
            self.general.setText(core_text(str(exc)))
            self.general.show()
            return
        self.accept()

    def clear_client_data(self) -> None:
        self.session = None
        self.text.clear()
        self.field.clear()

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)


class RightsActions(QPushButton):
    def __init__(self, session: Session, window: QWidget, session_source: Callable[[], Session | None],
                 personal_id: Callable[[], str], open_dialog: Callable[[CorrectionDialog], None],
                 show_message: Callable[[str], None]) -> None:
        """``personal_id`` answers the person the window shows (it is built before one is chosen)."""
        super().__init__()
        self.setText(self.tr("Client righ&ts"))
        self.setAccessibleName(self.tr("The client's requests and corrections"))
        self.setAutoDefault(False)
        self._window = window
        self._session_source = session_source
        self._personal_id = personal_id
        self._open_dialog = open_dialog
        self._show = show_message
        menu = QMenu(self)
        self.actions_by_name = {}
        if session.can("client.print_record"):
            action = menu.addAction(self.tr("Log a request for a &copy of the record"))
            action.triggered.connect(lambda: self._log("record_copy"))
            self.actions_by_name["request_copy"] = action
        if session.can("client.edit_full"):
            action = menu.addAction(self.tr("Log a request for a c&orrection"))
            action.triggered.connect(lambda: self._log("correction"))
            self.actions_by_name["request_correction"] = action
            action = menu.addAction(self.tr("&Record a correction\u2026"))
            action.triggered.connect(self._correction)
            self.actions_by_name["correction"] = action
        self.setMenu(menu)

    def _log(self, kind: str) -> None:
        session = self._session_source()
        if session is None:
            return
        try:
            log_request(session, self._personal_id(), kind)
            due = session.conn.execute("SELECT due_on FROM client_request WHERE personal_id = ?"
                                       " ORDER BY recorded_at DESC, rowid DESC LIMIT 1",
                                       (self._personal_id(),)).fetchone()
        except UserFacingError as exc:
            self._show(core_text(str(exc)))
            return
        self._show(self.tr("Request logged; it is due on {day}.").format(day=due[0]) if due and due[0]
                   else self.tr("Request logged; the policy sets no deadline."))

    def _correction(self) -> None:
        session = self._session_source()
        if session is not None:
            self._open_dialog(CorrectionDialog(session, self._personal_id(), self._window))


def add_rights_actions(layout: QBoxLayout, session: Session, window: QWidget,
                       session_source: Callable[[], Session | None], personal_id: Callable[[], str],
                       open_dialog: Callable[[CorrectionDialog], None], show_message: Callable[[str], None]
                       ) -> RightsActions | None:
    if not (session.can("client.print_record") or session.can("client.edit_full")):
        return None
    button = RightsActions(session, window, session_source, personal_id, open_dialog, show_message)
    first = layout.itemAt(0) if layout.count() else None
    layout.insertWidget(1 if first is not None and first.widget() is not None else 0, button)
    return button
