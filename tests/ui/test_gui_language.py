"""Switching the interface language: the main window follows at once, an open intake
keeps its language until reopened, and the sign-in screen offers the choice before
any vault is open and remembers it outside the data folder.

A pseudo-translation (every string bracketed) shows that each text of a window was
set again after the switch; Spanish shows the shipped catalogue at work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, planted_person, sign_in
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from wizard_support import Keyboard, open_wizard

from app.clock import FakeClock
from ui.i18n import active_language, set_language, stored_language


class PseudoTranslator(QTranslator):
    """Every string in brackets: anything not set again after a switch stays bare."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"[{source}]" if source else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def english() -> Iterator[None]:
    yield
    set_language(QApplication.instance(), "en")


def _texts(window: QWidget, skip: tuple[QWidget, ...] = ()) -> list[str]:
    """Visible texts a person reads on the window (not the user's own typing)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or any(s is widget or s.isAncestorOf(widget) for s in skip):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            found.append(widget.text())
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            found.append(widget.placeholderText())
        if widget.accessibleName() and isinstance(widget, (QAbstractButton, QLineEdit)):
            found.append(widget.accessibleName())
    return found


def _bare(texts: list[str]) -> list[str]:
    return [t for t in texts if not t.replace("&", "").startswith("[")]


def test_main_window_retranslates_at_once_and_open_intake_keeps_its_language(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock, english: None) -> None:
    vault = make_vault(tmp_path / "device", clock, people=[planted_person()])
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.search.setText("Zandermoss")
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    wizard = open_wizard(qtbot, main)

    main.choose_language("es")
    qtbot.waitUntil(lambda: main.title.text() == "Buscar una persona")
    assert gui.controller.session.settings.language == "es"
    assert main.search.placeholderText().startswith("p. ej.")
    assert main.result_info.text() == "1 encontrado", "the count under the search box follows too"
    assert [a.text() for a in main.menuBar().actions()][:1] == ["&Archivo"]
    assert main.user_label.text().startswith("Sesión de ")
    assert main.statusBar().currentMessage() == main.tr(
        "Language changed. The intake or profile already open stays in its language until you close it and "
        "open it again."), "the status line says plainly that the open intake stays as it is"
    assert wizard.isVisible() and "New intake" in wizard.windowTitle(), "an open intake keeps its language"
    assert wizard.next_button.text().replace("&", "") == "Next"

    main.choose_language("en")
    qtbot.waitUntil(lambda: main.title.text() == "Find a person")
    assert main.result_info.text() == "1 found"
    assert main.search.text() == "Zandermoss" and main.model.rowCount() == 1, "the search is kept"


def test_every_main_window_text_is_set_again_on_a_switch(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                                         english: None) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    app = QApplication.instance()
    pseudo = PseudoTranslator(app)
    app.installTranslator(pseudo)
    try:
        qtbot.waitUntil(lambda: main.title.text() == "[Find a person]")
        texts = _texts(main, skip=(main.timeliness_banner,))
        assert texts and _bare(texts) == []
        assert _bare([a.text() for a in main.menuBar().actions() if a.isVisible()]) == []
    finally:
        app.removeTranslator(pseudo)
    qtbot.waitUntil(lambda: main.title.text() == "Find a person")


def test_sign_in_screen_offers_the_language_and_remembers_it(qtbot, make_gui, tmp_path: Path,
                                                             clock: FakeClock, english: None) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    window = gui.controller.sign_in_window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.username)
    kb = Keyboard(qtbot)
    kb.mnemonic(window.language.combo)
    assert kb.focused() is window.language.combo
    kb.choose("es")
    assert active_language() == "es"
    assert stored_language(vault.data_dir) == "es"
    assert sorted(p.name for p in vault.data_dir.iterdir() if p.suffix in (".ini", ".conf")) == [], \
        "preferences never go into the data folder"

    app = QApplication.instance()
    pseudo = PseudoTranslator(app)
    app.installTranslator(pseudo)
    try:
        qtbot.waitUntil(lambda: window.heading.text() == "[Sign in]")
        assert _bare(_texts(window, skip=(window.language.combo,))) == []
    finally:
        app.removeTranslator(pseudo)

    gui.controller.shutdown()  # quit; the next start reads the preferences afresh
    window.hide()
    set_language(app, "en")
    again = make_gui(vault.data_dir, clock)
    assert active_language() == "es", "the next start opens in the remembered language"
    assert again.controller.sign_in_window.language.combo.currentData() == "es"
    sign_in(qtbot, again, ADMIN, ADMIN_PASSWORD)
    main = again.controller.main_window
    qtbot.waitUntil(lambda: main.title.text() == "Buscar una persona")
    assert again.controller.session.settings.language == "es", "the choice at sign-in reaches the vault"


def test_setup_screen_offers_the_language(qtbot, make_gui, tmp_path: Path, clock: FakeClock,
                                          english: None) -> None:
    gui = make_gui(tmp_path / "new-device", clock)
    window = gui.controller.setup_window
    assert window is not None and window.language.isVisibleTo(window)
    app = QApplication.instance()
    pseudo = PseudoTranslator(app)
    app.installTranslator(pseudo)
    try:
        qtbot.waitUntil(lambda: window.heading.text() == "[Set up this device]")
        # The requirement labels under the statement are the pack's own text, as its clauses are.
        assert _bare(_texts(window, skip=(window.language.combo, window.access_list))) == []
    finally:
        app.removeTranslator(pseudo)


def test_with_no_choice_made_the_system_language_holds_after_sign_in(qtbot, make_gui, tmp_path: Path,
                                                                     clock: FakeClock, english: None) -> None:
    """A Spanish desktop and nobody has picked a language: the main window must not
    fall back to English just because the vault has no setting yet."""
    vault = make_vault(tmp_path / "device", clock)
    set_language(QApplication.instance(), "es")  # as install_translators does for a Spanish system
    gui = make_gui(vault.data_dir, clock)
    assert stored_language(vault.data_dir) is None
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    qtbot.waitUntil(lambda: main is not None and main.title.text() == "Buscar una persona")
    assert active_language() == "es"
    assert gui.controller.session.settings.language is None
