"""The Projects screen (Tools ▸ Projects…): the device's projects, one at a time, with
everything ``hmis-intake project set`` changes (the populations the policy rules need,
and the HUD descriptors an HMIS CSV export needs), and a way to add a project.

Opened by roles with ``device.configure``. Saving goes through ``app.projects``, the
same calls as the command, so the checks, the audit events and the outbox row are the
same. A refused value is shown beside its field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError, ValidationError
from app.projects import ProjectInfo, add_project, list_projects, set_project_descriptors, set_project_populations
from app.session import Session
from ui.projects.labels import project_types
from ui.projects.project_form import ProjectForm
from ui.theme import window_title

PROJECTS_PERMISSION = "device.configure"


class ProjectsDialog(QDialog):
    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require(PROJECTS_PERMISSION)
        self.session = session
        self.demo = demo
        self.resize(980, 700)
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        outer.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setObjectName("subheading")
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list_label = QLabel()
        self.project_list = QListWidget()
        self.list_label.setBuddy(self.project_list)
        left.addWidget(self.list_label)
        left.addWidget(self.project_list, 1)
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(200)
        self.new_type = QComboBox()
        for code, label in project_types():
            self.new_type.addItem(label, code)
        self.add_button = QPushButton()
        left.addWidget(self.new_name)
        left.addWidget(self.new_type)
        left.addWidget(self.add_button)
        body.addLayout(left, 1)

        self.form = ProjectForm(tuple(session.pack.sharing.forced_not_shared_populations))
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.form)
        body.addWidget(scroll, 3)
        outer.addLayout(body, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.close_button = QPushButton()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

        self.project_list.currentRowChanged.connect(self._show_project)
        self.save_button.clicked.connect(self.save)
        self.add_button.clicked.connect(self.add)
        self.close_button.clicked.connect(self.reject)
        self.projects: list[ProjectInfo] = []
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(self.tr("Projects"), self.demo))
        self.heading.setText(self.tr("Projects"))
        self.intro.setText(self.tr("What the policy rules and an HMIS CSV export need of each project. "
                                   "The populations decide whether a project's records may be shared."))
        self.list_label.setText(self.tr("&Projects on this device"))
        self.scroll_area.setAccessibleName(self.tr("The chosen project's details"))
        self.project_list.setAccessibleName(self.tr("Projects on this device"))
        self.new_name.setPlaceholderText(self.tr("New project's name"))
        self.new_name.setAccessibleName(self.tr("New project's name"))
        self.new_type.setAccessibleName(self.tr("New project's HUD type"))
        self.add_button.setText(self.tr("&Add project"))
        self.save_button.setText(self.tr("&Save"))
        self.close_button.setText(self.tr("Close"))
        for index, (_code, label) in enumerate(project_types()):
            self.new_type.setItemText(index, label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            # A closed dialog waiting for deletion, or one whose session was locked, reads nothing.
            if getattr(self, "projects", None) and self.isVisible() and self.session.vault.is_open:
                self.form.retranslate_ui()
                self.reload()
        super().changeEvent(event)

    def reload(self, select: str | None = None) -> None:
        current = select or (self.form.project.project_id if self.form.project else None)
        self.projects = list_projects(self.session)
        self.project_list.blockSignals(True)
        self.project_list.clear()
        for project in self.projects:
            item = QListWidgetItem(self._item_text(project))
            item.setData(Qt.ItemDataRole.UserRole, project.project_id)
            self.project_list.addItem(item)
        self.project_list.blockSignals(False)
        ids = [p.project_id for p in self.projects]
        row = ids.index(current) if current in ids else 0
        if self.projects:
            self.project_list.setCurrentRow(row)
            self._show_project(row)

    def _item_text(self, project: ProjectInfo) -> str:
        if project.missing:
            return self.tr("{name} \u2014 {count} to fill in").format(name=project.name, count=len(project.missing))
        return self.tr("{name} \u2014 complete").format(name=project.name)

    def _show_project(self, row: int) -> None:
        if 0 <= row < len(self.projects):
            self.form.load(self.projects[row], self.projects)
            self.status.setText(self._missing_text(self.projects[row]))

    def _missing_text(self, project: ProjectInfo) -> str:
        if not project.missing:
            return self.tr("Everything an HMIS CSV export needs of this project is filled in.")
        names = ", ".join(self.form.fields[name].label.text().replace("&", "") for name in project.missing
                          if name in self.form.fields)
        return self.tr("Still needed for a complete HMIS CSV export: {names}.").format(names=names)

    def save(self) -> bool:
        project = self.form.project
        if project is None:
            return False
        self.form.clear_problems()
        try:
            if set(self.form.populations()) != set(project.populations):
                set_project_populations(self.session, project.project_id, self.form.populations())
            set_project_descriptors(self.session, project.project_id, self.form.descriptors())
        except ValidationError as error:
            self.form.show_problem(error.field, str(error))
            self.status.setText(self.tr("Not saved: {problem}").format(problem=str(error)))
            return False
        except UserFacingError as error:
            self.status.setText(self.tr("Not saved: {problem}").format(problem=str(error)))
            return False
        self.reload(project.project_id)
        self.status.setText(self.tr("Saved {name}. {missing}").format(
            name=project.name, missing=self._missing_text(self.form.project or project)))
        return True

    def add(self) -> str | None:
        try:
            project_id = add_project(self.session, self.new_name.text(), int(self.new_type.currentData()))
        except UserFacingError as error:
            self.status.setText(self.tr("Not added: {problem}").format(problem=str(error)))
            self.new_name.setFocus()
            return None
        self.new_name.clear()
        self.reload(project_id)
        self.status.setText(self.tr("Added. Fill in what the project still needs, then save."))
        return project_id


def open_projects(parent: QWidget, session: Session | None, demo: bool = False) -> ProjectsDialog | None:
    """Tools ▸ Projects…: opened only for a role that may configure the device."""
    if session is None or not session.can(PROJECTS_PERMISSION):
        return None
    dialog = ProjectsDialog(session, demo, parent)
    dialog.finished.connect(lambda _code: dialog.deleteLater())
    dialog.open()
    return dialog
