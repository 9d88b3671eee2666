"""A signature captured on screen with a mouse, a pen or a finger.

CT-207-7 and the other packs accept a written consent signed on the device; the
image is stored with the consent (never as a file) and printed on the consent form.
Pen input arrives as ``QTabletEvent`` and touch as ``QTouchEvent``; both are
accepted so Qt does not also synthesise mouse events and draw every stroke twice.

A keyboard cannot draw a signature, and nothing typed stands in for one. The pad
still takes focus (Tab, or the label's mnemonic) so a client can sign on a touch
screen or with a pen while the worker stays on the keyboard; Delete clears it, and
its description names what the consent rules accept instead: the paper form signed
and attested by the worker (CT-207-7), or verbal consent where the pack allows it.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

_INK = QColor("#102a4c")
_WIDTH = 2.4


class SignaturePad(QWidget):
    signature_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._kept: QImage | None = None
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(420, 140))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(160)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(self.tr(
            "The client signs here with a finger, a pen or the mouse; Delete clears it. Without a touch "
            "screen or pen, the client signs the paper form and you attest it below, or choose verbal "
            "consent where the policy allows it."))

    # -- state ------------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return self._kept is None and not any(len(stroke) > 1 for stroke in self._strokes)

    def clear(self) -> None:
        self._strokes = []
        self._kept = None
        self._drawing = False
        self.update()
        self.signature_did_change.emit()

    def png_bytes(self) -> bytes | None:
        """The signature as a PNG on white, or None when nothing was drawn."""
        if self.is_empty:
            return None
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6's stub types the format (a C char*) as bytes; the binding takes str and refuses bytes.
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())

    def show_png(self, png: bytes | None) -> None:
        """A kept signature cannot be edited stroke by stroke; it is shown as captured."""
        self._kept = QImage.fromData(png) if png else None
        self._strokes = []
        self.update()

    # -- input ------------------------------------------------------------------------

    def _begin(self, point: QPointF) -> None:
        self._kept = None
        self._drawing = True
        self._strokes.append([point])
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._drawing and self._strokes and point != self._strokes[-1][-1]:
            self._strokes[-1].append(point)
            self.update()

    def _end(self, point: QPointF) -> None:
        if self._drawing:
            self._extend(point)
            self._drawing = False
            self.signature_did_change.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.is_empty:
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                point = points[0].position()
                if event.type() == QEvent.Type.TouchBegin:
                    self._begin(point)
                elif event.type() == QEvent.Type.TouchUpdate:
                    self._extend(point)
                elif event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                    self._end(point)
            event.accept()
            return True
        return super().event(event)

    # -- painting ---------------------------------------------------------------------

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._kept is not None:
            painter.drawImage(0, 0, self._kept)
        pen = QPen(_INK, _WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor("#1f5fbf") if self.hasFocus() else QColor("#b8bfc9"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = self.height() - 36
        painter.setPen(QPen(QColor("#c9ced6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        if self.is_empty:
            painter.setPen(QColor("#6b7380"))
            painter.drawText(self.rect().adjusted(24, baseline + 4, -24, 0),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             self.tr("Sign above the line"))
        self._paint_strokes(painter)
        painter.end()
