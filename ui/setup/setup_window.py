"""The first screen on a new device: policy pack, agency and first administrator.

Password feedback is live and comes from the chosen pack's rules (CT 208 leaves
them to the agency, VT-2.1 and MO set classes and words), so the person setting up
sees which rule a password breaks before pressing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.clock import Clock
from app.errors import PackError, PasswordRejected
from app.packs import available_packs, clause_ids, load_pack
from app.session import DEFAULT_PROJECTS, Session, initialize, validate_new_password
from ui.setup.project_rows import ProjectSetup, SetupProjects
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.widgets.screen import CardScreen
from ui.widgets.secret_field import secret_line_edit


@dataclass(frozen=True)
class SetupRequest:
    pack_id: str
    agency_name: str
    username: str
    display_name: str
    password: str
    projects: tuple[ProjectSetup, ...] = field(default=())
    # The administrator states they completed the pack's agreements and trainings today.
    access_completed: bool = False


class SetupWindow(CardScreen):
    setup_requested = Signal(object)  # SetupRequest
    demo_requested = Signal(str)  # pack id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", card_width=620, parent=parent)
        grid = form_grid()
        self.pack = QComboBox()
        for pack_id in available_packs():
            try:
                self.pack.addItem(load_pack(pack_id).name, pack_id)
            except PackError:
                continue
        self.agency = QLineEdit()
        self.agency.setMaxLength(120)
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(120)
        self.password = secret_line_edit()
        self.confirm = secret_line_edit()

        self.pack_field = Field(grid, 0, "", self.pack, "")
        self.agency_field = Field(grid, 2, "", self.agency, "")
        self.username_field = Field(grid, 4, "", self.username, "")
        self.display_field = Field(grid, 6, "", self.display_name, "")
        self.password_field = Field(grid, 8, "", self.password, "")
        self.confirm_field = Field(grid, 10, "", self.confirm, "")
        self.body.addLayout(grid)
        # The pack's user agreements and trainings ([user_access]); unticked, the vault is
        # created but client records stay closed until they are recorded under Tools › Users.
        self.access = QCheckBox()
        self.access_list = QLabel()
        self.access_list.setObjectName("hint")
        self.access_list.setWordWrap(True)
        self.body.addWidget(self.access)
        self.body.addWidget(self.access_list)
        self.projects = SetupProjects()
        self.body.addSpacing(6)
        self.body.addWidget(self.projects)
        self.add_status_widgets()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QPushButton()
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        buttons.addWidget(self.create_button)
        self.body.addLayout(buttons)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #d9dde3;")
        self.body.addSpacing(6)
        self.body.addWidget(rule)
        demo_row = QHBoxLayout()
        self.demo_text = QLabel()
        self.demo_text.setObjectName("hint")
        self.demo_text.setWordWrap(True)
        demo_row.addWidget(self.demo_text, 1)
        self.demo_button = QPushButton()
        demo_row.addWidget(self.demo_button)
        self.body.addLayout(demo_row)
        self.apply_texts()

        self.setTabOrder(self.language.combo, self.pack)
        self.setTabOrder(self.pack, self.agency)
        self.setTabOrder(self.agency, self.username)
        self.setTabOrder(self.username, self.display_name)
        self.setTabOrder(self.display_name, self.password)
        self.setTabOrder(self.password, self.confirm)
        self.setTabOrder(self.confirm, self.access)
        self.setTabOrder(self.access, self.create_button)
        self.setTabOrder(self.create_button, self.demo_button)

        for edit in (self.agency, self.username, self.password, self.confirm):
            edit.textChanged.connect(self._live_check)
            edit.returnPressed.connect(self._submit)
        self.display_name.returnPressed.connect(self._submit)
        self.pack.currentIndexChanged.connect(self._live_check)
        self.pack.currentIndexChanged.connect(self._pack_changed)
        self._pack_changed()
        self.create_button.clicked.connect(self._submit)
        self.demo_button.clicked.connect(lambda: self.demo_requested.emit(self.pack_id))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.show_error(""))
        self.agency.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(self.tr("Set up")))
        self.heading.setText(self.tr("Set up this device"))
        self.subheading.setText(self.tr("Create the encrypted vault for your agency. "
                                        "You will be its first administrator."))
        self.pack_field.set_texts(self.tr("Policy &pack"), self.tr("Policy pack"),
                                  self.tr("The rules your Continuum of Care follows."))
        self.agency_field.set_texts(self.tr("&Agency"), self.tr("Agency name"))
        self.username_field.set_texts(self.tr("Admin &user name"), self.tr("Administrator user name"))
        self.display_field.set_texts(self.tr("&Display name"), self.tr("Administrator display name"),
                                     self.tr("Shown in the status bar and the audit trail."))
        self.password_field.set_texts(self.tr("Pass&word"), self.tr("Administrator password"))
        self.confirm_field.set_texts(self.tr("&Confirm password"), self.tr("Confirm password"))
        self.access.setText(self.tr("I have completed what this pack asks of every user:"))
        self.access.setAccessibleName(self.tr("Agreements and training completed"))
        self.create_button.setText(self.tr("Create &vault"))
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.demo_text.setText(self.tr("<b>New here?</b> Explore a practice vault with 300 made-up people. "
                                       "It is deleted when you quit."))
        self.demo_button.setText(self.tr("&Try with demo data"))
        self.demo_button.setAccessibleName(self.tr("Try with demo data"))

    def _pack_changed(self) -> None:
        try:
            pack = load_pack(self.pack_id) if self.pack_id else None
        except PackError:
            pack = None
        self.projects.set_pack_populations(tuple(pack.sharing.forced_not_shared_populations) if pack else ())
        requirements = pack.user_access.requirements if pack else ()
        self.access_list.setText("\n".join(f"• {r.label} ({clause_ids(r.clauses)})"
                                           for r in requirements))
        self.access.setVisible(bool(requirements))
        self.access_list.setVisible(bool(requirements))

    @property
    def pack_id(self) -> str:
        return str(self.pack.currentData() or "")

    def _password_problems(self) -> list[str]:
        if not self.pack_id:
            return []
        try:
            validate_new_password(load_pack(self.pack_id), None, self.username.text(),
                                  self.password.text(), self.agency.text().strip() or None)
        except PasswordRejected as exc:
            return exc.problems
        return []

    def _confirm_problems(self) -> list[str]:
        if self.confirm.text() and self.confirm.text() != self.password.text():
            return [self.tr("The two passwords are not the same.")]
        return []

    def _live_check(self) -> None:
        self.show_error("")
        self.password_field.show_problems(self._password_problems() if self.password.text() else [])
        self.confirm_field.show_problems(self._confirm_problems())

    def _submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        agency_problems = [] if self.agency.text().strip() else [self.tr("Enter the agency's name.")]
        user_problems = [] if self.username.text().strip() else [self.tr("Enter a user name.")]
        password_problems = self._password_problems()
        confirm_problems = self._confirm_problems()
        if not self.confirm.text():
            confirm_problems = [self.tr("Type the password again.")]
        self.agency_field.show_problems(agency_problems)
        self.username_field.show_problems(user_problems)
        self.password_field.show_problems(password_problems)
        self.confirm_field.show_problems(confirm_problems)
        fields = ((agency_problems, self.agency), (user_problems, self.username),
                  (password_problems, self.password), (confirm_problems, self.confirm))
        projects, project_problem = self.projects.check()
        for problems, widget in fields:
            if problems:
                widget.setFocus()
                return
        if project_problem is not None:
            project_problem.setFocus()
            return
        self.setup_requested.emit(SetupRequest(
            pack_id=self.pack_id,
            agency_name=self.agency.text().strip(),
            username=self.username.text().strip(),
            display_name=self.display_name.text().strip() or self.username.text().strip(),
            password=self.password.text(),
            projects=tuple(projects),
            access_completed=not self.access.isHidden() and self.access.isChecked(),
        ))

    def set_busy(self, message: str) -> None:
        busy = bool(message)
        for widget in (self.pack, self.agency, self.username, self.display_name, self.password,
                       self.confirm, self.access, self.create_button, self.demo_button, self.language,
                       self.projects):
            widget.setEnabled(not busy)
        self.show_busy(message)
        if busy:
            self.show_error("")

    def forget_passwords(self) -> None:
        self.password.setText("")
        self.confirm.setText("")


def create_with_projects(data_dir: Path, request: SetupRequest, clock: Clock) -> tuple[Session, str]:
    """The vault with the agency's projects as the set-up screen lists them (their CoC
    code and populations stored and audited like `project set`); without any listed,
    the default projects."""
    from app.projects import list_projects, set_project_coc_code, set_project_populations

    projects = tuple((p.name, p.project_type) for p in request.projects) or DEFAULT_PROJECTS
    session, recovery_key = initialize(data_dir, request.pack_id, request.username, request.password,
                                       request.display_name, request.agency_name, projects, clock=clock,
                                       access_completed_on=clock.now().date() if request.access_completed else None)
    try:
        by_name = {p.name: p for p in list_projects(session)}
        for wanted in request.projects:
            stored = by_name[wanted.name]
            if wanted.populations:
                set_project_populations(session, stored.project_id, wanted.populations)
            if wanted.coc_code:
                set_project_coc_code(session, stored.project_id, wanted.coc_code)
    except BaseException:
        session.close()
        raise
    return session, recovery_key
