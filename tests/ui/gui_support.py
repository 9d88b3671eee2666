"""Shared helpers for the GUI tests: vaults, synthetic people, and walking widgets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from support import ON_FILE

from app.clock import FakeClock
from app.domain.person import Person
from app.people import save_new_person
from app.session import initialize
from ui.main import Gui

ADMIN = "admin"
ADMIN_PASSWORD = "violet lantern harbour picnic 42"
VT_PASSWORD = "Harbour#Lantern42"
PLANTED_FIRST = "Quillfeather"
PLANTED_LAST = "Zandermoss"


def renew_access(data_dir: Path, password: str, clock: FakeClock) -> None:
    """Record the administrator's agreements and trainings again on the clock's day, for a
    test that moved the clock past their renewal (app.user_access)."""
    from app.session import sign_in as core_sign_in
    from app.user_access import record

    session = core_sign_in(data_dir, ADMIN, password, clock)
    try:
        record(session, ADMIN, [r.id for r in session.pack.user_access.requirements], clock.now().date())
    finally:
        session.close()


@dataclass
class VaultFixture:
    data_dir: Path
    clock: FakeClock
    password: str


def make_vault(data_dir: Path, clock: FakeClock, pack: str = "ct", password: str = ADMIN_PASSWORD,
               people: list[Person] | None = None, idle_minutes: int | None = None) -> VaultFixture:
    session, _key = initialize(data_dir, pack, ADMIN, password, "Ada Admin", "Test Agency", clock=clock,
                              access_completed_on=clock.now().date())
    try:
        for person in people or []:
            save_new_person(session, person, basis=ON_FILE)
        if idle_minutes is not None:
            session.settings.idle_lock_minutes = idle_minutes
    finally:
        session.close()
    return VaultFixture(data_dir, clock, password)


def planted_person() -> Person:
    return Person(first_name=PLANTED_FIRST, last_name=PLANTED_LAST, dob="1985-03-14", ssn="234567890",
                  name_data_quality=1, ssn_data_quality=1, dob_data_quality=1)


def sign_in(qtbot: object, gui: Gui, username: str, password: str) -> None:
    window = gui.controller.sign_in_window
    assert window is not None
    window.username.setText(username)
    window.password.setText(password)
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: gui.controller.main_window is not None  # type: ignore[attr-defined]
                    and gui.controller.main_window.isVisible(), timeout=20_000)


def signed_in_missouri(qtbot: object, make_gui: Any, tmp_path: Path, clock: FakeClock) -> tuple[Gui, Any]:
    """A Missouri vault with no people, its admin signed in: the app and its main window."""
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    return gui, gui.controller.main_window


def texts_on_screen(widgets: list[QWidget] | None = None) -> list[str]:
    """Every string a widget or an item model could show or announce."""
    found: list[str] = []
    for widget in widgets if widgets is not None else QApplication.allWidgets():
        for name in ("text", "toPlainText", "placeholderText", "windowTitle", "accessibleName",
                     "accessibleDescription", "toolTip", "currentText"):
            getter = getattr(widget, name, None)
            if callable(getter):
                try:
                    value = getter()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    found.append(value)
        model = getattr(widget, "model", None)
        if callable(model):
            item_model = model()
            if isinstance(item_model, QAbstractItemModel):
                found.extend(model_texts(item_model))
    return found


def model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> list[str]:
    found: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole):
                value = model.data(index, role)
                if value:
                    found.append(str(value))
            if model.hasChildren(index):
                found.extend(model_texts(model, index))
    return found
