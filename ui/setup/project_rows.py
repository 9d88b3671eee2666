"""The set-up screen's list of the agency's projects: name, HUD type, CoC code and the
populations the policy rules need (VT-3.1-2, MO-PROT-1). It starts with the two
projects most outreach agencies run, shown so the admin can rename, change or remove
them; the rest of each project's descriptors are on the Projects screen later."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.project_descriptors import COC_CODE
from ui.projects.labels import population_label, project_types


@dataclass(frozen=True)
class ProjectSetup:
    name: str
    project_type: int
    coc_code: str | None
    populations: tuple[str, ...]


class _Row(QFrame):
    def __init__(self, owner: SetupProjects, name: str, project_type: int) -> None:
        super().__init__()
        self.setObjectName("projectRow")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        self.name = QLineEdit(name)
        self.name.setMaxLength(200)
        self.type = QComboBox()
        self.type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type.setMinimumContentsLength(14)
        for code, label in project_types():
            self.type.addItem(label, code)
        self.type.setCurrentIndex(max(self.type.findData(project_type), 0))
        self.coc = QLineEdit()
        self.coc.setMaxLength(6)
        self.coc.setMaximumWidth(90)
        self.remove = QPushButton()
        self.remove.clicked.connect(lambda: owner.remove_row(self))
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.type, 0, 1)
        grid.addWidget(self.coc, 0, 2)
        grid.addWidget(self.remove, 0, 3)
        self.populations = QGridLayout()
        self.populations.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(self.populations, 1, 0, 1, 4)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        grid.addWidget(self.message, 2, 0, 1, 4)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.boxes: dict[str, QCheckBox] = {}

    def retranslate(self) -> None:
        """Type and population names in the language now installed."""
        for index, (_code, label) in enumerate(project_types()):
            self.type.setItemText(index, label)
        for name, box in self.boxes.items():
            box.setText(population_label(name))

    def set_populations(self, names: tuple[str, ...]) -> None:
        checked = {name for name, box in self.boxes.items() if box.isChecked()}
        for box in self.boxes.values():
            self.populations.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for index, name in enumerate(names):
            box = QCheckBox(population_label(name))
            box.setChecked(name in checked)
            self.boxes[name] = box
            self.populations.addWidget(box, index // 2, index % 2)

    def value(self) -> ProjectSetup:
        coc = self.coc.text().strip().upper() or None
        return ProjectSetup(self.name.text().strip(), int(self.type.currentData()), coc,
                            tuple(name for name, box in self.boxes.items() if box.isChecked()))


class SetupProjects(QWidget):
    DEFAULTS = (("Street Outreach", 4), ("Emergency Shelter", 0))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("sectionHeading")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_row("", 4).name.setFocus())
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        self.rows: list[_Row] = []
        self.pack_populations: tuple[str, ...] = ()
        for name, kind in self.DEFAULTS:
            self.add_row(name, kind)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Your agency's projects"))
        self.hint.setText(self.tr("Name each project, its HUD type and its CoC code (such as VT-500). Tick the "
                                  "populations a project serves: the policy pack keeps their records Not Shared. "
                                  "Address, funding and beds can be added later under Tools \u25b8 Projects."))
        self.add_button.setText(self.tr("Add another &project"))
        for index, row in enumerate(self.rows, start=1):
            row.name.setAccessibleName(self.tr("Project {n} name").format(n=index))
            row.name.setPlaceholderText(self.tr("Project name"))
            row.type.setAccessibleName(self.tr("Project {n} HUD type").format(n=index))
            row.coc.setAccessibleName(self.tr("Project {n} CoC code").format(n=index))
            row.coc.setPlaceholderText(self.tr("CoC code"))
            row.remove.setText(self.tr("Remove"))
            row.remove.setAccessibleName(self.tr("Remove project {n}").format(n=index))
            row.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def add_row(self, name: str, project_type: int) -> _Row:
        row = _Row(self, name, project_type)
        row.set_populations(self.pack_populations)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self.retranslate_ui()
        return row

    def remove_row(self, row: _Row) -> None:
        if len(self.rows) <= 1:
            row.message.setText(self.tr("An agency needs at least one project."))
            row.message.show()
            return
        self.rows.remove(row)
        self.rows_layout.removeWidget(row)
        row.deleteLater()
        self.retranslate_ui()

    def set_pack_populations(self, names: tuple[str, ...]) -> None:
        self.pack_populations = names
        for row in self.rows:
            row.set_populations(names)

    def check(self) -> tuple[list[ProjectSetup], QWidget | None]:
        """The projects, and the first input with a problem (its message shown), if any."""
        values = [row.value() for row in self.rows]
        first: QWidget | None = None
        seen: set[str] = set()
        for row, value in zip(self.rows, values, strict=True):
            problem = ""
            if not value.name:
                problem, widget = self.tr("Give the project a name."), row.name
            elif value.name.casefold() in seen:
                problem, widget = self.tr("Two projects have this name."), row.name
            elif value.coc_code and not COC_CODE.match(value.coc_code):
                problem, widget = self.tr("A CoC code is two letters, a hyphen and three digits, such as VT-500."), \
                    row.coc
            seen.add(value.name.casefold())
            row.message.setText(problem)
            row.message.setVisible(bool(problem))
            if problem and first is None:
                first = widget
        return values, first
