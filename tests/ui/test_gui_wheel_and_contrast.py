"""Answers never change by accident, and every state of the theme can be read.

A wheel turn over a dropdown, spin box, date field or slider that the worker did not
choose scrolls the form instead of changing the answer; the style sheet's text and
background pairs (selected and hovered list items included) meet WCAG AA (4.5:1)."""

from __future__ import annotations

import re
from pathlib import Path

from gui_support import make_vault
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QScrollArea,
    QSlider,
    QSpinBox,
    QWidget,
)

from app.clock import FakeClock
from ui.theme import STYLE_SHEET


def _wheel(widget: QWidget, notches: int = -1) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _long_form() -> tuple[QScrollArea, dict[str, QWidget]]:
    page = QWidget()
    form = QFormLayout(page)
    fields: dict[str, QWidget] = {}
    for i in range(12):
        combo = QComboBox()
        combo.addItems(["Woman (Girl, if child)", "Man (Boy, if child)", "Client doesn't know",
                        "Data not collected"])
        combo.setCurrentIndex(1)
        form.addRow(f"Choice {i}", combo)
        fields[f"combo{i}"] = combo
    spin = QSpinBox()
    spin.setRange(0, 99)
    spin.setValue(3)
    date = QDateEdit(QDate(2026, 3, 1))
    double = QDoubleSpinBox()
    double.setValue(2.5)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 10)
    slider.setValue(5)
    for name, widget in (("spin", spin), ("date", date), ("double", double), ("slider", slider)):
        form.addRow(name, widget)
        fields[name] = widget
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.resize(400, 200)
    return area, fields


def _answers(fields: dict[str, QWidget]) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, widget in fields.items():
        if isinstance(widget, QComboBox):
            values[name] = widget.currentIndex()
        elif isinstance(widget, QDateEdit):
            values[name] = widget.date().toString(Qt.DateFormat.ISODate)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox, QSlider)):
            values[name] = widget.value()
    return values


def test_scrolling_over_every_kind_of_field_changes_no_answer(qtbot, make_gui, tmp_path: Path) -> None:
    clock = FakeClock()
    make_gui(make_vault(tmp_path / "device", clock).data_dir, clock)  # the app's guard is installed
    area, fields = _long_form()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    before = _answers(fields)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    for widget in fields.values():
        _wheel(widget)
        for child in widget.findChildren(QWidget):  # a spin box's line edit gets the event too
            _wheel(child)
    assert _answers(fields) == before
    assert bar.value() > 0, "the wheel scrolled the form instead"


def test_a_field_the_worker_chose_still_takes_the_wheel(qtbot, make_gui, tmp_path: Path) -> None:
    clock = FakeClock()
    make_gui(make_vault(tmp_path / "device", clock).data_dir, clock)
    area, fields = _long_form()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    combo = fields["combo0"]
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, notches=1)
    assert combo.currentIndex() == 0


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        props = {k.strip(): v.strip() for k, v in
                 (p.split(":", 1) for p in body.split(";") if ":" in p)}
        rules.append((selector.strip(), props))
    return rules


def _colour(value: str | None) -> str | None:
    match = re.match(r"#[0-9a-fA-F]{6}", value or "")
    return match.group(0) if match else None


def test_every_text_and_background_pair_in_the_theme_meets_wcag_aa() -> None:
    checked = []
    page = "#f5f6f8"
    for selector, props in _rules(STYLE_SHEET):
        fg = _colour(props.get("color"))
        bg = _colour(props.get("background") or props.get("background-color"))
        if fg:
            checked.append((selector, fg, bg or page))
        sel_fg, sel_bg = _colour(props.get("selection-color")), _colour(props.get("selection-background-color"))
        if sel_fg or sel_bg:
            assert sel_fg and sel_bg, f"{selector}: a selection colour needs its partner"
            checked.append((selector + " (selected)", sel_fg, sel_bg))
    weak = [(s, fg, bg, round(contrast(fg, bg), 2)) for s, fg, bg in checked
            if contrast(fg, bg) < 4.5 and ":disabled" not in s]  # WCAG exempts disabled controls
    assert not weak, weak
    assert any("QComboBox QAbstractItemView" in s and "(selected)" in s for s, _fg, _bg in checked), \
        "the highlighted option of a dropdown list has its own colours"
