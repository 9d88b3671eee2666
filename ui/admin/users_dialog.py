"""Users: add, disable, enable and reset, as ``hmis-intake user`` does, for roles with
``users.manage``. A new, enabled or reset account gets a temporary password shown
once here; the user must change it at the first sign-in. Every step is the core's
(``app.security.users``): its checks, its audit events."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import user_access
from app.errors import PermissionDenied, UserFacingError
from app.security import role_grants, users
from app.session import Session
from sync.errors import SyncError
from ui.core_text import role_name
from ui.profile.common import add_table
from ui.server_text import error_text
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.secret_field import secret_line_edit
from ui.wizard.page import text_label

# The Lead's server is asked while the window waits: a short read timeout keeps that wait
# bounded (a refused or unreachable server is one sentence beside the code field).
_GRANT_TIMEOUT = (5.0, 15.0)


def _about_grant(error: UserFacingError) -> bool:
    """A refusal of the Lead's grant, or of the role without it: shown by the code field."""
    return isinstance(error, SyncError | PermissionDenied)


class UsersDialog(QDialog):
    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(window_title(self.tr("Users"), demo))
        self.resize(900, 620)
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Users"))
        heading.setObjectName("heading")
        column.addWidget(heading)
        self.model, self.table = add_table(column, self.tr("&Accounts on this device"), [
            self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State")], self)
        actions = QHBoxLayout()
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.enable_button = QPushButton(self.tr("&Enable"))
        self.reset_button = QPushButton(self.tr("&Reset password"))
        # A lost phone: the user signs in with the password alone until they enrol again.
        self.two_step_button = QPushButton(self.tr("Remove &two-step sign-in"))
        self.two_step_button.setVisible(session.pack.second_factor.totp != "off")
        self.access_button = QPushButton(self.tr("Record &training…"))
        self.access_button.setVisible(bool(session.pack.user_access.requirements))
        for button in (self.disable_button, self.enable_button, self.reset_button, self.two_step_button,
                       self.access_button):
            actions.addWidget(button)
        actions.addStretch(1)
        column.addLayout(actions)
        add_heading = QLabel(self.tr("Add a user"))
        add_heading.setObjectName("sectionHeading")
        column.addWidget(add_heading)
        grid = form_grid()
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in session.pack.roles:
            self.role.addItem(role_name(role.name), role.id)
        self.fields = {
            "username": Field(grid, 0, self.tr("User &name"), self.username, self.tr("New user's user name")),
            "display_name": Field(grid, 2, self.tr("&Full name"), self.display_name, self.tr("New user's full name")),
            "role": Field(grid, 4, self.tr("R&ole"), self.role, self.tr("New user's role")),
        }
        # A role only the HMIS Lead gives (the pack's assigned_by, VT-2.1-4) needs the
        # Lead's one-time grant code; the field shows only for such a role. The code is a
        # sign-in detail, masked like an enrollment code (CT-403-2, MO-PWD-5).
        self.lead_grant = secret_line_edit()
        self.fields["lead_grant"] = Field(
            grid, 6, self.tr("HMIS Lead's &grant code"), self.lead_grant, self.tr("HMIS Lead's grant code"),
            self.tr("Only the HMIS Lead gives this role: enter the one-time code the Lead issued for this user "
                    "and role; the device checks it with the Lead's server."))
        self.role.currentIndexChanged.connect(self._show_lead_grant)
        column.addLayout(grid)
        # The pack's agreements and trainings; unticked, the new user cannot open client
        # records until they are recorded with "Record training…".
        self.access_done = QCheckBox(self.tr("They completed this pack's agreements and training on"))
        self.access_on = QDateEdit()
        self.access_on.setCalendarPopup(True)
        self.access_on.setDisplayFormat("yyyy-MM-dd")
        today = session.clock.now().date()
        self.access_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.access_on.setDate(QDate(today.year, today.month, today.day))
        self.access_on.setAccessibleName(self.tr("Agreements and training completed on"))
        access_row = QHBoxLayout()
        access_row.addWidget(self.access_done)
        access_row.addWidget(self.access_on)
        access_row.addStretch(1)
        column.addLayout(access_row)
        for widget in (self.access_done, self.access_on):
            widget.setVisible(bool(session.pack.user_access.requirements))
        self.add_button = QPushButton(self.tr("&Add user"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        self.message = text_label("", "notice")
        self.message.hide()
        column.addWidget(self.message)
        # CT-403-2, MO-PWD-5: shown once, to be read out; it cannot be selected, copied or
        # dragged, so no clipboard history or X11 selection keeps it.
        self.password = QLabel()
        self.password.setTextFormat(Qt.TextFormat.PlainText)
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.password.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.password.setObjectName("temporaryPassword")
        # Read out character by character: large, and in a font where l, 1 and I differ.
        self.password.setStyleSheet("font-family: monospace; font-size: 15pt; padding: 4px 0;")
        self.password.setAccessibleName(self.tr("Temporary password"))
        self.password.hide()
        column.addWidget(self.password)
        column.addStretch(1)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        column.addLayout(row)
        self.add_button.clicked.connect(self._add)
        self.disable_button.clicked.connect(lambda: self._act("disable"))
        self.enable_button.clicked.connect(lambda: self._act("enable"))
        self.reset_button.clicked.connect(lambda: self._act("reset"))
        self.two_step_button.clicked.connect(self._remove_two_step)
        self.access_button.clicked.connect(self._record_access)
        self._demo = demo
        self._show_lead_grant()
        self.refresh()

    def _needs_lead(self) -> bool:
        return role_grants.needs_lead(self._session.pack.role(str(self.role.currentData())))

    def _show_lead_grant(self) -> None:
        field = self.fields["lead_grant"]
        shown = self._needs_lead()
        for widget in (field.label, field.widget):
            widget.setVisible(shown)
        field.message.setVisible(shown)
        if not shown:
            self.lead_grant.clear()

    def refresh(self) -> None:
        from app.security import totp

        rows = users.list_users(self._session)
        self._two_step = totp.enrolled_user_ids(self._session.conn)
        today = self._session.clock.now().date()
        policy = self._session.pack.user_access
        self._closed = {u.user_id for u in rows
                        if user_access.status(self._session.conn, policy, u.user_id, today).inactive}
        roles = {r.id: role_name(r.name) for r in self._session.pack.roles}
        self.model.set_rows([(u.username, u.display_name, roles.get(u.role, u.role), self._state(u)) for u in rows],
                            [u.username for u in rows])

    def _state(self, user: users.UserSummary) -> str:
        states = [text for text, on in ((self.tr("Disabled"), user.disabled), (self.tr("Locked out"), user.locked),
                                        (self.tr("Must change password"), user.must_change_password),
                                        (self.tr("Two-step sign-in"), user.user_id in self._two_step),
                                        (self.tr("Training or agreement missing"), user.user_id in self._closed))
                  if on]
        return ", ".join(states) if states else self.tr("Active")

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.key(rows[0].row()) if rows else None

    def _say(self, text: str, password: str | None = None) -> None:
        self.message.setText(text)
        self.message.show()
        self.password.setText(password or "")
        self.password.setVisible(password is not None)

    def _remove_two_step(self) -> None:
        from app.security import totp

        name = self._selected()
        if name is None:
            self._say(self.tr("Select a user in the list first."))
            return
        try:
            had = totp.reset(self._session, name)
        except UserFacingError as exc:
            self._say(str(exc))
            return
        self.refresh()
        self._say(self.tr("{name} now signs in with the password alone until they set up two-step sign-in "
                          "again.").format(name=name) if had
                  else self.tr("{name} has not set up two-step sign-in.").format(name=name))

    def _record_access(self) -> None:
        from ui.admin.access_dialog import AccessDialog

        name = self._selected()
        if name is None:
            self._say(self.tr("Select a user in the list first."))
            return
        if AccessDialog(self._session, name, self._demo, self).exec():
            self.refresh()
            self._say(self.tr("Recorded for {name}.").format(name=name))

    def _act(self, action: str) -> None:
        name = self._selected()
        if name is None:
            self._say(self.tr("Select a user in the list first."))
            return
        temporary = users.generate_temporary_password() if action != "disable" else None
        try:
            if action == "disable":
                users.disable_user(self._session, name)
            elif action == "enable":
                users.enable_user(self._session, name, temporary or "")
            else:
                users.reset_password(self._session, name, temporary or "")
        except UserFacingError as exc:
            self._say(str(exc))
            return
        self.refresh()
        if action == "disable":
            self._say(self.tr("{name} is disabled and can no longer sign in.").format(name=name))
        else:
            self._say(self.tr("Temporary password for {name}; give it to them in person. They must change it "
                              "at the first sign-in:").format(name=name), temporary)

    def _add(self) -> None:
        for field in self.fields.values():
            field.clear_problems()
        name = self.username.text().strip()
        if not name:
            self.fields["username"].show_problems([self.tr("Enter a user name.")])
            return
        temporary = users.generate_temporary_password()
        try:
            completed_on = cast(date, self.access_on.date().toPython()) if self.access_done.isChecked() else None
            code = self.lead_grant.text().strip() if self._needs_lead() else ""
            from sync.lead_grant import redeemer  # requests, only when a grant is redeemed

            users.add_user(self._session, name, self.display_name.text().strip() or name,
                           str(self.role.currentData()), temporary, completed_on,
                           redeemer(self._session, code, timeout=_GRANT_TIMEOUT) if code else None)
        except UserFacingError as exc:
            shown_at = "lead_grant" if self._needs_lead() and _about_grant(exc) else "username"
            self.fields[shown_at].show_problems([error_text(exc)])
            return
        self.username.clear()
        self.display_name.clear()
        self.lead_grant.clear()
        self.refresh()
        self._say(self.tr("Added {name}. Temporary password; give it to them in person. They must change it at "
                          "the first sign-in:").format(name=name), temporary)

    def clear_client_data(self) -> None:
        self.password.clear()
