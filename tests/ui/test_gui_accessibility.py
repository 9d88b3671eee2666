"""Every control has a name a screen reader can announce, and no screen gives one
Alt+letter to two things.

The walk looks at every control of each wizard step (in each consent method), the
main window, the sign-in and set-up windows and their dialogs, asking Qt's own
accessibility interface for the name (an explicit accessible name, a buddy label's
text or a button's text). Mnemonics are counted among what is on screen together:
the page, the window's own buttons and the menu bar. Windows rebuilt elsewhere (the
profile, whatever the Tools menu opens) are cases of the same walk in
``OTHER_WINDOWS``; add a case there when a window is added. Synthetic people only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, VT_PASSWORD, make_vault, planted_person, sign_in
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from wizard_support import ADULT, fill_member, open_wizard, pick_project, press_next, step, tick_script

from app.clock import FakeClock
from app.intake.steps import Step
from app.session import sign_in as core_sign_in
from ui.i18n import set_language
from ui.setup.recovery_key_dialog import RecoveryKeyDialog
from ui.setup.setup_window import SetupWindow
from ui.signin.change_password_dialog import ChangePasswordDialog
from ui.signin.recovery_dialog import RecoveryDialog
from ui.signin.signin_window import SignInWindow
from ui.widgets.mnemonics import mnemonic_of, with_free_mnemonic, without_mnemonic
from ui.wizard.intake_wizard import IntakeWizard

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
            QAbstractItemView, QAbstractSlider, QTabBar)
# Parts of a composite control that Qt names through the control itself.
COMPOSITES = (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit, QTabBar)
_MNEMONIC = re.compile(r"&([^&\s])")


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return name.replace("&", "").strip()


def controls(root: QWidget) -> list[QWidget]:
    """Every input and button under ``root``, hidden ones too, not the inner parts of a composite."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) and not widget.focusPolicy().value & 1:
            continue
        if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
            continue  # a scroll area's bars and Qt's own helper buttons are named by Qt
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, COMPOSITES):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner and widget.window() is root.window():
            found.append(widget)
    return found


def mnemonic(text: str) -> str:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def mnemonics_on_screen(root: QWidget) -> dict[str, list[str]]:
    """Letter -> what claims it, among everything visible in the window at once."""
    owners: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            owners[letter].append(text)

    window = root.window()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text())
    return owners


def audit(root: QWidget, where: str) -> list[str]:
    problems = []
    for widget in controls(root):
        if not accessible_name(widget):
            problems.append(f"{where}: {type(widget).__name__} {widget.objectName()!r} has no accessible name")
    for letter, texts in sorted(mnemonics_on_screen(root).items()):
        if len(texts) > 1:
            problems.append(f"{where}: Alt+{letter.upper()} is claimed by {texts}")
    return problems


class WindowSpy(QObject):
    """Counts windows that appear, so a label shown before it has a parent (a window
    that flashes up on its own) is caught."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(type(watched).__name__)
        return False


def _signed_in(qtbot, make_gui, tmp_path: Path, clock: FakeClock, pack: str = "ct", people=None):
    password = VT_PASSWORD if pack == "vt" else ADMIN_PASSWORD
    vault = make_vault(tmp_path / "device", clock, pack=pack, password=password, people=people)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    return gui, gui.controller.main_window


def wizard_steps(qtbot, wizard: IntakeWizard) -> Iterator[str]:
    """Drive the wizard through every step and consent method; yield at each screen."""
    yield "project"
    pick_project(qtbot, wizard, "Street Outreach")
    yield "script"
    tick_script(qtbot, wizard)
    sharing = wizard.pages[Step.SHARING]
    sharing.decline_button.click()
    yield "choices (declined)"
    if wizard.flow.declined_refuses_data():
        press_next(qtbot, wizard)
        assert step(wizard) is Step.DECLINED
        yield "nothing was recorded"
        wizard.back_button.click()
        assert step(wizard) is Step.SHARING
    sharing.agree_button.click()
    sharing.levels["shared"].click()
    yield "choices (shared)"
    if sharing.dv_box.isVisibleTo(sharing):
        sharing.dv_box.click()
        yield "choices (possible DV victim)"
        sharing.dv_enter.click()
    sharing.levels["not_shared"].click()
    yield "choices (not shared)"
    press_next(qtbot, wizard)
    assert step(wizard) is Step.CONSENT
    consent = wizard.pages[Step.CONSENT]
    for method in ("verbal", "written"):
        consent.method_buttons[method].click()
        yield f"consent ({method})"
    consent.paper_box.click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.HOUSEHOLD
    household = wizard.pages[Step.HOUSEHOLD]
    household.add_button.click()
    yield "household"
    household.remove_button.click()
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    yield "member (empty)"
    fill_member(qtbot, wizard, ADULT)
    yield "member (answered)"
    press_next(qtbot, wizard)
    assert step(wizard) is Step.DUPLICATES
    yield "duplicate check"
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    yield "review"
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        press_next(qtbot, wizard)
    yield "saved"


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_every_wizard_step_names_its_controls(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                              pack: str) -> None:
    _gui, main = _signed_in(qtbot, make_gui, tmp_path, clock, pack, people=[planted_person()])
    spy = WindowSpy()
    QApplication.instance().installEventFilter(spy)
    try:
        wizard = open_wizard(qtbot, main)
        problems = []
        for where in wizard_steps(qtbot, wizard):
            problems += audit(wizard, f"{pack} wizard, {where}")
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert problems == []
    assert spy.shown == ["IntakeWizard"], "no part of a step may flash up as a window of its own"


def test_wizard_in_spanish_has_no_clashing_mnemonics(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, main = _signed_in(qtbot, make_gui, tmp_path, clock, "vt")
    try:
        set_language(QApplication.instance(), "es")
        wizard = open_wizard(qtbot, main)
        problems = []
        for where in wizard_steps(qtbot, wizard):
            problems += audit(wizard, f"es wizard, {where}")
        assert problems == []
    finally:
        set_language(QApplication.instance(), "en")


def test_main_window_names_its_controls(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, main = _signed_in(qtbot, make_gui, tmp_path, clock, people=[planted_person()])
    assert audit(main, "main window, empty") == []
    main.search.setText("Zandermoss")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    main.drafts_bar.show()
    assert audit(main, "main window, results") == []


def test_sign_in_and_setup_windows_name_their_controls(qtbot, make_gui, tmp_path: Path,
                                                       clock: FakeClock) -> None:
    setup = SetupWindow()
    qtbot.addWidget(setup)
    setup.show()
    assert audit(setup, "set-up") == []
    for demo in (False, True):
        window = SignInWindow(demo=demo, demo_login=("demo", "Abcd-Efgh-Jkmn-Pqrs") if demo else None)
        qtbot.addWidget(window)
        window.show()
        assert audit(window, f"sign-in (demo={demo})") == []
    vault = make_vault(tmp_path / "device", clock)
    session = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        dialogs: list[QWidget] = [RecoveryDialog(session.pack, ADMIN), ChangePasswordDialog(session),
                                  RecoveryKeyDialog("ABCD-EFGH-JKLM-NPQR", _Clipboard())]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            assert audit(dialog, type(dialog).__name__) == []
    finally:
        session.close()


class _Clipboard:
    def copy(self, _text: str) -> None:
        """The recovery key dialog only needs something to copy into."""

    def clear_if_ours(self) -> None:
        """Nothing was copied."""


# -- windows rebuilt elsewhere: the same walk, failures reported, not fatal -------------

@dataclass(frozen=True)
class WindowCase:
    name: str
    open: Callable[[Any, Any], list[QWidget]]  # (qtbot, main window) -> windows to walk


def _open_profile(qtbot, main) -> list[QWidget]:
    main.search.setText("Zandermoss")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    window = main.open_profile(main.model.row(0).personal_id)
    assert window is not None
    windows: list[QWidget] = [window]
    tabs = window.findChild(QTabWidget)
    for i in range(tabs.count() if tabs else 0):
        tabs.setCurrentIndex(i)
    return windows


def _open_new_person(qtbot, main) -> list[QWidget]:
    wizard = main.open_new_person()
    assert wizard is not None
    return [wizard]


def _open_tools(qtbot, main) -> list[QWidget]:
    actions = [a for a in main.tools_menu.actions() if a.isVisible() and not a.isSeparator()]
    assert actions, "an administrator's Tools menu offers the coordinator screens"
    # Shown before, not merely built (the sync screen is built while idle, hidden).
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    for action in actions:
        action.trigger()

    def opened() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]

    qtbot.waitUntil(lambda: len(opened()) >= len(actions))
    return opened()


def _open_two_step(qtbot, main) -> list[QWidget]:
    from ui.signin.two_step_dialog import TwoStepDialog

    main.menus.two_step_action.trigger()
    found = lambda: [w for w in QApplication.topLevelWidgets() if isinstance(w, TwoStepDialog) and w.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: bool(found()))
    return found()


OTHER_WINDOWS = [
    WindowCase("profile", _open_profile),
    WindowCase("two-step sign-in", _open_two_step),
    WindowCase("new person", _open_new_person),
    WindowCase("tools menu (sync, export)", _open_tools),
]


@pytest.mark.parametrize("case", OTHER_WINDOWS, ids=[c.name for c in OTHER_WINDOWS])
def test_other_windows_name_their_controls(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                           case: WindowCase) -> None:
    _gui, main = _signed_in(qtbot, make_gui, tmp_path, clock, people=[planted_person()])
    problems = []
    for window in case.open(qtbot, main):
        problems += audit(window, f"{case.name}: {type(window).__name__}")
    assert problems == []


def test_a_clashing_mnemonic_moves_to_a_free_letter_of_its_own_text() -> None:
    assert mnemonic_of("Sa&ve && close") == "v" and mnemonic_of("Tom && Jerry") == ""
    assert with_free_mnemonic("&Witness", {"w", "i"}) == "Wi&tness"
    assert with_free_mnemonic("&Not shared", {"n"}) == "Not &shared", "a word's first letter comes first"
    assert with_free_mnemonic("R && D", {"r", "d"}) == "R && D", "no free letter: no mnemonic, && kept"
    assert without_mnemonic("&Save && close") == "Save && close"
