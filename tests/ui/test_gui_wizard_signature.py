"""The signature pad: a PNG from synthetic mouse, pen-like and touch-like input."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from wizard_support import sign_on_pad

from ui.wizard.signature_pad import SignaturePad


def test_mouse_strokes_make_a_png(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 160)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty and pad.png_bytes() is None
    with qtbot.waitSignal(pad.signature_did_change):
        sign_on_pad(qtbot, pad)
    png = pad.png_bytes()
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png)
    assert image.width() == pad.width() and image.height() == pad.height()
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 20, "the stroke is in the image"
    pad.clear()
    assert pad.is_empty


def test_a_click_without_movement_is_not_a_signature(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert pad.png_bytes() is None
