"""Driving the intake wizard through its real widgets, as a worker would with the keyboard
and mouse. Synthetic names only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from ui.wizard.flow import Step
from ui.wizard.intake_wizard import IntakeWizard


def open_wizard(qtbot: Any, main: Any) -> IntakeWizard:
    main.intake_button.click()
    wizard = main.intake_wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    return wizard


def step(wizard: IntakeWizard) -> Step:
    return wizard.flow.current.step


def press_next(qtbot: Any, wizard: IntakeWizard) -> None:
    assert wizard.next_button.isEnabled()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def pick_project(qtbot: Any, wizard: IntakeWizard, name: str, language: str = "en") -> None:
    page = wizard.pages[Step.PROJECT]
    page.project.setCurrentIndex(page.project.findText(name))
    choose(page.language, language)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.SCRIPT


def tick_script(qtbot: Any, wizard: IntakeWizard) -> None:
    page = wizard.pages[Step.SCRIPT]
    boxes = list(page.boxes.values())
    assert boxes and not wizard.next_button.isEnabled()
    for box in boxes:
        box.click()
    assert wizard.next_button.isEnabled()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT


def sign_on_pad(qtbot: Any, pad: Any) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 60))
    for x in range(40, 300, 20):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x % 40)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 80))


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def fill_member(qtbot: Any, wizard: IntakeWizard, answers: dict[str, Any]) -> None:
    """Answer every shown question: given answers, else the first 'doesn't know'-like code."""
    form = wizard.pages[Step.MEMBER].form
    assert form is not None
    for name, value in answers.items():
        widget = form.inputs[name]
        if isinstance(widget, QLineEdit):
            type_into(qtbot, widget, str(value))
        elif isinstance(widget, QComboBox):
            choose(widget, value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
    for name, widget in form.inputs.items():
        if isinstance(widget, QComboBox) and not widget.isHidden() and widget.currentData() is None:
            fallback = 8 if widget.findData(8) >= 0 else 99
            if widget.findData(fallback) < 0:
                fallback = widget.itemData(1)
            choose(widget, fallback)


ADULT = {"FirstName": "Brisa", "LastName": "Larkspurrow", "NameDataQuality": 1, "DOB": "1984-07-09",
         "DOBDataQuality": 1, "SSNDataQuality": 99, "White": 1, "Sex": 9, "VeteranStatus": 0,
         "EnrollmentCoC": "XX-501", "DisablingCondition": 8, "LivingSituation": 116}
