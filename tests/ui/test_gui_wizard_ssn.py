"""HUD 3.02 SSN in the wizard: typed and reviewed masked with a press-to-reveal, and a
number that contradicts its data quality refused beside the field. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from test_gui_wizard_problems import _to_member_page
from wizard_support import ADULT, choose, fill_member, press_next, step, type_into

from app.clock import FakeClock
from app.intake.steps import Step


def test_hud_3_02_ssn_is_masked_and_refused_when_it_contradicts_its_quality(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    _gui, wizard = _to_member_page(qtbot, make_gui, tmp_path, clock)
    form = wizard.pages[Step.MEMBER].form
    fill_member(qtbot, wizard, ADULT)
    ssn = form.inputs["SSN"]
    assert isinstance(ssn, QLineEdit) and ssn.echoMode() is QLineEdit.EchoMode.Password
    type_into(qtbot, ssn, "xxxxx7890")
    choose(form.inputs["SSNDataQuality"], 1)  # Full SSN reported
    reveal = form.reveal_buttons[ssn]
    qtbot.mousePress(reveal, Qt.MouseButton.LeftButton)
    assert ssn.echoMode() is QLineEdit.EchoMode.Normal, "shown while pressed"
    qtbot.mouseRelease(reveal, Qt.MouseButton.LeftButton)
    assert ssn.echoMode() is QLineEdit.EchoMode.Password, "masked again when let go"
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    assert "9 digits" in form.fields["SSN"].message.text()
    type_into(qtbot, ssn, "234567890")
    press_next(qtbot, wizard)
    assert step(wizard) is Step.DUPLICATES
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    review = wizard.pages[Step.REVIEW]
    assert "234567890" not in review.summary.text()
    assert "\u2022\u2022\u2022\u2022\u20227890" in review.summary.text()
    qtbot.mousePress(review.reveal_button, Qt.MouseButton.LeftButton)
    assert "234567890" in review.summary.text()
    qtbot.mouseRelease(review.reveal_button, Qt.MouseButton.LeftButton)
    assert "234567890" not in review.summary.text()
