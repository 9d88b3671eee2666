"""What every printed document shares: Letter pages with readable type (11 pt body),
a header with the agency and the document's title, and a footer with the
verification code and "Page N of M" on every page. Metadata names the kind of
document only, never a person.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

MARGIN = 0.8 * inch
# A TrueType font with wide coverage, where the system has one, so names such as
# "Nguyễn" print as written; the PDF standard Helvetica covers Latin-1 only.
FONT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
)


def _fonts() -> tuple[str, str]:
    for regular, bold in FONT_CANDIDATES:
        if os.path.isfile(regular) and os.path.isfile(bold):
            try:
                pdfmetrics.registerFont(TTFont("DocSans", regular))
                pdfmetrics.registerFont(TTFont("DocSans-Bold", bold))
            except Exception:
                continue
            return "DocSans", "DocSans-Bold"
    return "Helvetica", "Helvetica-Bold"


REGULAR, BOLD = _fonts()
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=14.5, alignment=TA_LEFT, spaceAfter=4)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11.5, textColor=colors.HexColor("#333333"))
TITLE = ParagraphStyle("title", parent=BODY, fontName=BOLD, fontSize=16, leading=20, spaceAfter=8)
H2 = ParagraphStyle("h2", parent=BODY, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10,
                    spaceAfter=5)
H3 = ParagraphStyle("h3", parent=BODY, fontName=BOLD, fontSize=11, leading=14, spaceBefore=6,
                    spaceAfter=2)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=10, leading=12.5, spaceAfter=0)
CELL_BOLD = ParagraphStyle("cellBold", parent=CELL, fontName=BOLD)
SIGNATURE_LINE = ParagraphStyle("sig", parent=BODY, fontName=BOLD, fontSize=14, leading=18)


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def facts_table(rows: Sequence[tuple[str, str]], widths: tuple[float, float] = (2.3 * inch, 4.6 * inch)) -> Table:
    table = Table([[p(k, CELL_BOLD), p(v, CELL)] for k, v in rows], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def grid_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               row_height: float | None = None) -> Table:
    """A table with a header row; ``row_height`` leaves room to write by hand."""
    data = [[p(h, CELL_BOLD) for h in header]] + [[p(c, CELL) for c in r] for r in rows]
    heights = None if row_height is None else [None] + [row_height] * len(rows)
    table = Table(data, colWidths=list(widths), rowHeights=heights, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


@dataclass(frozen=True)
class PageFrame:
    header: str  # agency and document kind: no personal data
    code_label: str
    code: str
    page_label: str  # "Page {page} of {pages}"
    hint: str = ""


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Draws the footer after the last page is known, for "Page N of M"."""

        # Canvas's own start-of-page reset, private and so absent from reportlab's stubs.
        _startPage: Callable[[], None]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._frame(total)
                super().showPage()
            super().save()

        def _frame(self, total: int) -> None:
            width, height = LETTER
            self.saveState()
            self.setFont(REGULAR, 9)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawString(MARGIN, height - 0.5 * inch, frame.header)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.line(MARGIN, height - 0.55 * inch, width - MARGIN, height - 0.55 * inch)
            self.line(MARGIN, 0.62 * inch, width - MARGIN, 0.62 * inch)
            self.setFont(BOLD, 9)
            self.drawString(MARGIN, 0.45 * inch, f"{frame.code_label}: {frame.code}")
            self.setFont(REGULAR, 9)
            self.drawRightString(width - MARGIN, 0.45 * inch,
                                 frame.page_label.format(page=self.getPageNumber(), pages=total))
            if frame.hint:
                self.setFont(REGULAR, 7.5)
                self.drawString(MARGIN, 0.3 * inch, f"{frame.hint} {frame.code}")
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list[Flowable], frame: PageFrame, title: str, subject: str, keywords: str) -> bytes:
    """Lay the story out on Letter pages; ``title``/``subject``/``keywords`` go into the
    PDF's metadata and must name no person (reportlab joins a keyword list with ", ")."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=0.8 * inch, bottomMargin=0.85 * inch, title=title, subject=subject,
                            author="HMIS Intake", keywords=[keywords], creator="HMIS Intake")
    doc.build(story, canvasmaker=_numbered_canvas(frame))
    return buffer.getvalue()
