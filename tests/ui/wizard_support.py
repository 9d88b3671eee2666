"""Driving the intake wizard through its real widgets, as a worker would with the keyboard
and mouse. Synthetic names only.

Importing this module also points Qt's user preferences (``QSettings``, where the
interface language is kept) at a private temporary folder, so no test run reads or
writes the real user's preferences.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QWidget
from shiboken6 import isValid

from app.intake.steps import Step
from ui.wizard.intake_wizard import IntakeWizard

_PREFERENCES_DIR = tempfile.mkdtemp(prefix="hmis-intake-test-preferences-")
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _PREFERENCES_DIR)
atexit.register(shutil.rmtree, _PREFERENCES_DIR, True)


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
    wait_for_checks(qtbot, wizard)


def wait_for_checks(qtbot: Any, wizard: IntakeWizard) -> None:
    """A step is put on screen over the next turns of the event loop, and the duplicate
    check runs off the UI thread: wait until the step is shown with its answer."""
    qtbot.waitUntil(lambda: not wizard.step_changing, timeout=10_000)
    qtbot.waitUntil(lambda: not getattr(wizard.current_page, "checking", False), timeout=10_000)


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
    assert step(wizard) is Step.SHARING, "the client's choices come before the text they sign"


def consent_not_shared_on_paper(qtbot: Any, wizard: IntakeWizard) -> None:
    """From the oral explanation to the household: the script ticked, Not shared, the
    paper form attested."""
    tick_script(qtbot, wizard)
    wizard.pages[Step.SHARING].levels["not_shared"].click()
    press_next(qtbot, wizard)
    wizard.pages[Step.CONSENT].paper_box.click()
    press_next(qtbot, wizard)


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
    for widget in form.inputs.values():
        if isinstance(widget, QComboBox) and not widget.isHidden() and widget.currentData() is None:
            fallback = 8 if widget.findData(8) >= 0 else 99
            if widget.findData(fallback) < 0:
                fallback = widget.itemData(1)
            choose(widget, fallback)


ADULT = {"FirstName": "Brisa", "LastName": "Larkspurrow", "NameDataQuality": 1, "DOB": "1984-07-09",
         "DOBDataQuality": 1, "SSNDataQuality": 99, "White": 1, "Sex": 9, "VeteranStatus": 0,
         "EnrollmentCoC": "XX-501", "DisablingCondition": 8, "LivingSituation": 116}


class Keyboard:
    """Key presses sent only to whatever has the focus, as a worker without a mouse sends
    them; it reads what is on screen to decide which key comes next, and never sets a
    value, calls a slot or clicks."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focused(), key, modifier)
        self._wait_for_step()

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focused(), text)

    def _wait_for_step(self) -> None:
        """A worker's next key comes once the step a key went to is on screen."""
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, IntakeWizard) and isValid(w)]
        self.qtbot.waitUntil(lambda: not any(isValid(w) and w.step_changing for w in wizards))

    def replace(self, text: str) -> None:
        """Select what the focused field holds and type over it."""
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if text:
            self.type(text)
        else:
            self.press(Qt.Key.Key_Delete)

    def tab(self, backwards: bool = False) -> QWidget:
        if backwards:
            self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            self.press(Qt.Key.Key_Tab)
        return self.focused()

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return)

    def space(self) -> None:
        self.press(Qt.Key.Key_Space)

    def alt(self, letter: str) -> None:
        self.press(Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)

    def mnemonic(self, widget: QWidget) -> None:
        """Alt + the letter the widget's own text (or its label's) underlines."""
        letter = mnemonic_letter(widget)
        assert letter, f"{type(widget).__name__} {widget.accessibleName()!r} has no mnemonic"
        self.alt(letter)

    def tab_until(self, target: QWidget, limit: int = 80, backwards: bool = False) -> None:
        for _ in range(limit):
            if self.focused() is target:
                return
            self.tab(backwards)
        raise AssertionError(f"Tab never reached {target.accessibleName()!r}")

    def choose(self, data: object, limit: int = 120) -> None:
        """On a focused combo box: Home, then Down until the wanted item is current."""
        combo = self.focused()
        assert isinstance(combo, QComboBox), type(combo).__name__
        self.press(Qt.Key.Key_Home)
        for _ in range(limit):
            if combo.currentData() == data:
                return
            self.press(Qt.Key.Key_Down)
        raise AssertionError(f"{data!r} is not offered in {combo.accessibleName()!r}")

    def choose_text(self, text: str, limit: int = 120) -> None:
        combo = self.focused()
        assert isinstance(combo, QComboBox), type(combo).__name__
        self.press(Qt.Key.Key_Home)
        for _ in range(limit):
            if combo.currentText() == text:
                return
            self.press(Qt.Key.Key_Down)
        raise AssertionError(f"{text!r} is not offered in {combo.accessibleName()!r}")


def mnemonic_letter(widget: QWidget) -> str:
    """The letter after a single & in a button's text or in the text of the label whose
    buddy the widget is."""
    texts: list[str] = []
    text = getattr(widget, "text", None)
    if isinstance(widget, QAbstractButton) and callable(text):
        texts.append(widget.text())
    window = widget.window()
    texts += [label.text() for label in window.findChildren(QLabel) if label.buddy() is widget]
    for value in texts:
        found = re.search(r"(?<!&)&([^&\s])", value.replace("&&", ""))
        if found:
            return found.group(1).lower()
    return ""


def fill_member_by_keys(kb: Keyboard, wizard: IntakeWizard, answers: dict[str, Any]) -> list[str]:
    """Tab through the member's questions from the first one, answering each by keys.

    Questions a dependent answer reveals are further down the tab order, so they are
    reached too; a choice with no given answer gets "doesn't know" or the like, as in
    ``fill_member``. Returns the fields visited, in order."""
    form = wizard.pages[Step.MEMBER].form
    assert form is not None
    visited: list[str] = []
    while True:
        widget = kb.focused()
        if widget in form.reveal_buttons.values():  # the SSN's press-to-reveal
            kb.tab()
            continue
        name = next((n for n, w in form.inputs.items() if w is widget), None)
        if name is None or name in visited:
            return visited
        visited.append(name)
        value = answers.get(name)
        if isinstance(widget, QLineEdit) and value is not None:
            kb.replace(str(value))
        elif isinstance(widget, QComboBox):
            if value is None and widget.currentData() is None:
                value = 8 if widget.findData(8) >= 0 else 99
                if widget.findData(value) < 0:
                    value = widget.itemData(1)
            if value is not None:
                kb.choose(value)
        elif isinstance(widget, QCheckBox) and value is not None and bool(value) != widget.isChecked():
            kb.space()
        kb.tab()
