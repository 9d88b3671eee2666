"""Spanish ships as a compiled Qt catalogue and can be chosen under Settings."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from PySide6.QtWidgets import QApplication
from wizard_support import open_wizard

from app.clock import FakeClock
from app.intake.steps import Step
from ui.i18n import set_language


def test_choosing_espanol_translates_the_wizard(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    try:
        main.choose_language("es")
        assert gui.controller.session.settings.language == "es"
        wizard = open_wizard(qtbot, main)
        assert "Nueva admisión" in wizard.windowTitle()
        assert wizard.next_button.text() == "&Siguiente"
        page = wizard.pages[Step.PROJECT]
        assert page.project.itemText(0) == "Elija un proyecto…"
    finally:
        set_language(QApplication.instance(), "en")
