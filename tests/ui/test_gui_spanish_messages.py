"""Spanish everywhere: the core's messages (validation, refusal reasons with their
clause IDs, role names) reach the screen through the catalogue (``ui.core_text``).
An intake walked in Spanish with wrong and missing answers shows no English sentence.
Synthetic people only."""

from __future__ import annotations

import os
import re
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from wizard_support import open_wizard, pick_project, press_next, step, tick_script, type_into

from app.clock import FakeClock
from app.intake.steps import Step
from ui.core_text import core_text, role_name
from ui.i18n import set_language

SHOTS = Path(os.environ["HMIS_SHOTS_DIR"]) if os.environ.get("HMIS_SHOTS_DIR") else None
# Words of an English sentence that no Spanish one of ours contains.
ENGLISH = re.compile(r"\b(the|and|Enter|Choose|cannot|must|never|digits|Use|needs|This|That|is|are)\b")


def _visible_messages(window: QWidget) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel)
            if label.isVisibleTo(window) and label.objectName() in ("fieldError", "notice") and label.text()]


def test_an_intake_with_every_kind_of_problem_speaks_spanish(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    seen: list[str] = []
    try:
        main.choose_language("es")
        qtbot.waitUntil(lambda: "Administrador de la agencia" in main.user_label.text())  # the role name
        wizard = open_wizard(qtbot, main)
        pick_project(qtbot, wizard, "Street Outreach", language="es")
        tick_script(qtbot, wizard)
        wizard.pages[Step.SHARING].levels["not_shared"].click()
        press_next(qtbot, wizard)
        consent = wizard.pages[Step.CONSENT]
        press_next(qtbot, wizard)  # no signature: the core's consent rule refuses
        assert step(wizard) is Step.CONSENT
        seen += _visible_messages(wizard)
        consent.paper_box.click()
        press_next(qtbot, wizard)
        press_next(qtbot, wizard)
        assert step(wizard) is Step.MEMBER
        form = wizard.pages[Step.MEMBER].form
        form.inputs["NameDataQuality"].setCurrentIndex(form.inputs["NameDataQuality"].findData(1))
        type_into(qtbot, form.inputs["SSN"], "12345")
        type_into(qtbot, form.inputs["DOB"], "2031-01-01")
        press_next(qtbot, wizard)
        assert step(wizard) is Step.MEMBER
        messages = _visible_messages(wizard)
        seen += messages
        if SHOTS is not None:
            wizard.grab().save(str(SHOTS / "wizard-member-problems-es.png"))
    finally:
        set_language(QApplication.instance(), "en")
    problems = "\n".join(seen)
    assert "Capture la firma" in problems, "the consent rule is in Spanish"
    assert "Seguro Social" in problems and "futura" in problems and "Elija una respuesta" in problems
    english = [m for m in seen if ENGLISH.search(m)]
    assert english == [], english


def test_core_text_keeps_the_clause_and_leaves_an_unknown_message_alone(qtbot) -> None:
    try:
        set_language(QApplication.instance(), "es")
        assert core_text("Consent was revoked on 2026-03-05; record a new consent before entering more data "
                         "(MO-RIGHTS-4).") == ("El consentimiento se revocó el 2026-03-05; registre un nuevo "
                                                "consentimiento antes de ingresar más datos (MO-RIGHTS-4).")
        assert core_text("An SSN has 9 digits (this has 5); or enter only the last 4.").startswith(
            "Un número de Seguro Social tiene 9 dígitos (este tiene 5)")
        assert core_text("Something the catalogue has never seen.") == "Something the catalogue has never seen."
        assert role_name("Volunteer or Intern") == "Voluntario o pasante"
        assert core_text("The exit date cannot be before the project start (2026-03-01).") == (
            "La fecha de salida no puede ser anterior al inicio en el proyecto (2026-03-01).")
        assert core_text("No consent is recorded for this client; record one before entering more data "
                         "(CT-207-1).").endswith("antes de ingresar más datos (CT-207-1).")
    finally:
        set_language(QApplication.instance(), "en")
