"""One project's populations and HUD descriptors as a form: everything ``hmis-intake
project set`` changes. Reads a :class:`ProjectInfo`, gives back the populations and a
:class:`ProjectDescriptors`; the Projects screen saves them through ``app.projects``.
A field a project type does not ask for (housing type on street outreach, inventory on
a services project) is hidden, so nobody fills in what HUD would refuse."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.project_descriptors import (
    EMERGENCY_SHELTER_TYPES,
    HOUSING_TYPE_TYPES,
    RRH,
    ProjectDescriptors,
    affiliation_applies,
    is_residential,
)
from app.projects import ProjectInfo
from ui.projects.labels import choices, population_label, project_types
from ui.widgets.field import Field, form_grid

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_FIELDS = ("coc_code", "geocode", "address1", "city", "state", "zip", "grant_id", "other_funder",
                "operating_start", "funder_start", "inventory_start")
_NUMBER_FIELDS = ("unit_inventory", "bed_inventory")


class ProjectForm(QWidget):
    changed = Signal()

    def __init__(self, pack_populations: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: ProjectInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, Field] = {}
        self.inputs: dict[str, QWidget] = {}
        self.groups: dict[str, QGroupBox] = {}

        self.type_combo = QComboBox()
        for code, label in project_types():
            self.type_combo.addItem(label, code)
        self.population_boxes: dict[str, QCheckBox] = {}
        populations = QWidget()
        row = QHBoxLayout(populations)
        row.setContentsMargins(0, 0, 0, 0)
        for name in pack_populations:
            box = QCheckBox(population_label(name))
            box.setProperty("population", name)
            self.population_boxes[name] = box
            row.addWidget(box)
        row.addStretch(1)
        self.populations_widget = populations
        for name, codes in choices().items():
            combo = QComboBox()
            combo.addItem("\u2014", None)
            for code, label in codes:
                combo.addItem(f"{code} \u00b7 {label}", code)
            combo.currentIndexChanged.connect(self._update_visibility)
            self.inputs[name] = combo
        for name in _TEXT_FIELDS:
            edit = QLineEdit()
            edit.setMaxLength(100)
            self.inputs[name] = edit
        for name in _NUMBER_FIELDS:
            spin = QSpinBox()
            spin.setRange(-1, 100_000)
            spin.setSpecialValueText("\u2014")
            spin.setValue(-1)
            spin.setMinimumHeight(QLineEdit().sizeHint().height())  # as tall as the text fields
            self.inputs[name] = spin

        self.affiliated = QListWidget()
        self.affiliated.setMaximumHeight(90)
        self._group("program", ["project_type", "populations", "operating_start", "target_population",
                                "housing_type", "rrh_sub_type", "residential_affiliation", "residential_project_ids"])
        self._group("place", ["coc_code", "geocode", "geography_type", "address1", "city", "state", "zip"])
        self._group("funding", ["hmis_participation", "funder", "other_funder", "grant_id", "funder_start"])
        self._group("inventory", ["household_type", "unit_inventory", "bed_inventory", "inventory_start",
                                  "availability", "es_bed_type"])
        layout.addStretch(1)
        for group in self.groups.values():
            layout.insertWidget(layout.count() - 1, group)
        self.type_combo.currentIndexChanged.connect(self._update_visibility)
        self.retranslate_ui()
        self._update_visibility()

    def _group(self, key: str, names: list[str]) -> None:
        group = QGroupBox()
        grid = form_grid()
        for index, name in enumerate(names):
            widget = (self.type_combo if name == "project_type" else
                      self.populations_widget if name == "populations" else
                      self.affiliated if name == "residential_project_ids" else self.inputs[name])
            self.fields[name] = Field(grid, index * 2, "", widget, "")
        group.setLayout(grid)
        self.groups[key] = group

    def retranslate_ui(self) -> None:
        self.groups["program"].setTitle(self.tr("Program"))
        self.groups["place"].setTitle(self.tr("Where (2.03)"))
        self.groups["funding"].setTitle(self.tr("HMIS participation and funding (2.06, 2.08)"))
        self.groups["inventory"].setTitle(self.tr("Beds and units (2.07)"))
        texts = {
            "project_type": (self.tr("HUD project &type"), self.tr("HUD project type"), ""),
            "populations": (self.tr("Populations"), self.tr("Populations served"),
                            self.tr("The policy pack keeps these programs' records Not Shared.")),
            "operating_start": (self.tr("Operating since"), self.tr("Operating start date"), ""),
            "target_population": (self.tr("Target population"), self.tr("Target population"), ""),
            "housing_type": (self.tr("Housing type"), self.tr("Housing type"), ""),
            "rrh_sub_type": (self.tr("RRH subtype"), self.tr("Rapid re-housing subtype"), ""),
            "residential_affiliation": (self.tr("Residential affiliation"), self.tr("Residential affiliation"), ""),
            "residential_project_ids": (self.tr("Affiliated with"), self.tr("Affiliated residential projects"),
                                        self.tr("The residential projects whose residents this project serves.")),
            "coc_code": (self.tr("CoC code"), self.tr("CoC code"), self.tr("Such as VT-500.")),
            "geocode": (self.tr("Geocode"), self.tr("Geocode"),
                        self.tr("The six-digit HUD geocode of the project's main location.")),
            "geography_type": (self.tr("Geography"), self.tr("Geography type"), ""),
            "address1": (self.tr("Address"), self.tr("Street address"), ""),
            "city": (self.tr("City"), self.tr("City"), ""),
            "state": (self.tr("State"), self.tr("State"), self.tr("Two letters, such as VT.")),
            "zip": (self.tr("ZIP code"), self.tr("ZIP code"), ""),
            "hmis_participation": (self.tr("HMIS participation"), self.tr("HMIS participation"), ""),
            "funder": (self.tr("Funder"), self.tr("Funder"), ""),
            "other_funder": (self.tr("Other funder"), self.tr("Other funder's name"), ""),
            "grant_id": (self.tr("Grant ID"), self.tr("Grant identifier"), ""),
            "funder_start": (self.tr("Grant start"), self.tr("Grant start date"), ""),
            "household_type": (self.tr("Household type"), self.tr("Household type"), ""),
            "unit_inventory": (self.tr("Units"), self.tr("Number of units"), ""),
            "bed_inventory": (self.tr("Beds"), self.tr("Number of beds"), ""),
            "inventory_start": (self.tr("Inventory since"), self.tr("Inventory start date"), ""),
            "availability": (self.tr("Availability"), self.tr("Availability"), ""),
            "es_bed_type": (self.tr("Bed type"), self.tr("Bed type"), ""),
        }
        for name, (label, accessible, hint) in texts.items():
            self.fields[name].set_texts(label, accessible, hint)
        for index, (_code, label) in enumerate(project_types()):
            self.type_combo.setItemText(index, label)
        for name, box in self.population_boxes.items():
            box.setText(population_label(name))
        for name, codes in choices().items():
            combo = self.inputs[name]
            assert isinstance(combo, QComboBox)
            for code, label in codes:
                index = combo.findData(code)
                if index >= 0:
                    combo.setItemText(index, f"{code} \u00b7 {label}")
        for name in ("operating_start", "funder_start", "inventory_start"):
            edit = self.inputs[name]
            assert isinstance(edit, QLineEdit)
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- values ------------------------------------------------------------------------

    @property
    def project_type(self) -> int:
        return int(self.type_combo.currentData())

    def _rrh_sub_type(self) -> int | None:
        value = self.inputs["rrh_sub_type"]
        assert isinstance(value, QComboBox)
        data = value.currentData()
        return None if data is None else int(data)

    def _update_visibility(self) -> None:
        kind = self.project_type
        subtype = self._rrh_sub_type()
        residential = is_residential(kind, subtype)
        shown = {
            "housing_type": kind in HOUSING_TYPE_TYPES, "rrh_sub_type": kind == RRH,
            "residential_affiliation": affiliation_applies(kind, subtype),
            "residential_project_ids":
                affiliation_applies(kind, subtype) and self._value("residential_affiliation") == 1,
            "availability": kind in EMERGENCY_SHELTER_TYPES, "es_bed_type": kind in EMERGENCY_SHELTER_TYPES,
            "other_funder": self._value("funder") == 46,
        }
        for name, visible in shown.items():
            self._show(name, visible)
        self.groups["inventory"].setVisible(residential)
        self.populations_widget.setEnabled(bool(self.population_boxes))

    def _show(self, name: str, visible: bool) -> None:
        field = self.fields[name]
        field.label.setVisible(visible)
        field.widget.setVisible(visible)
        field.message.setVisible(visible and (bool(field.hint) or field.message.objectName() == "fieldError"))

    def _value(self, name: str) -> object:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return None if widget.value() < 0 else widget.value()
        assert isinstance(widget, QLineEdit)
        text = widget.text().strip()
        if name in ("coc_code", "state"):
            text = text.upper()
        return text or None

    def _set(self, name: str, value: object) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0 and value is not None:
                widget.addItem(str(value), value)
                index = widget.count() - 1
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QSpinBox):
            widget.setValue(value if isinstance(value, int) else -1)  # the number fields are int or None
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText("" if value is None else str(value))

    def load(self, project: ProjectInfo, others: list[ProjectInfo] | None = None) -> None:
        self.project = project
        self.affiliated.clear()
        for other in others or []:
            if other.project_id == project.project_id or not is_residential(other.project_type,
                                                                            other.descriptors.rrh_sub_type):
                continue
            item = QListWidgetItem(other.name)
            item.setData(Qt.ItemDataRole.UserRole, other.project_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if other.project_id in project.descriptors.residential_project_ids
                               else Qt.CheckState.Unchecked)
            self.affiliated.addItem(item)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(project.project_type), 0))
        self.type_combo.setEnabled(False)  # the type is set when the project is added
        for name, box in self.population_boxes.items():
            box.setChecked(name in project.populations)
        for name in self.inputs:
            self._set(name, getattr(project.descriptors, name))
        for field in self.fields.values():
            field.clear_problems()
        self._update_visibility()

    def populations(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.population_boxes.items() if box.isChecked())

    def descriptors(self) -> ProjectDescriptors:
        """The form's values; fields the project type does not ask for are left empty."""
        base = self.project.descriptors if self.project else ProjectDescriptors()
        # Each key is a ProjectDescriptors field and each value of that field's type.
        values: dict[str, Any] = {name: self._value(name) for name in self.inputs}
        for name in values:
            if not self.fields[name].widget.isVisibleTo(self) or (
                    name in self.fields and self.fields[name].label.isHidden()):
                values[name] = None
        if not self.groups["inventory"].isVisibleTo(self):
            for name in ("household_type", "unit_inventory", "bed_inventory", "inventory_start",
                         "availability", "es_bed_type"):
                values[name] = None
        if values["residential_affiliation"] != 1:
            values["residential_project_ids"] = ()
        else:
            values["residential_project_ids"] = tuple(
                str(self.affiliated.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.affiliated.count())
                if self.affiliated.item(i).checkState() == Qt.CheckState.Checked)
        return dataclasses.replace(base, **values)

    def show_problem(self, name: str, message: str) -> None:
        field = self.fields.get(name)
        if field is not None:
            field.show_problems([message])
            field.widget.setFocus()

    def clear_problems(self) -> None:
        for field in self.fields.values():
            field.clear_problems()
        self._update_visibility()
