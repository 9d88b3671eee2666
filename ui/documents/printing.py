"""Print preview, printing and "Save as PDF…" for the documents ``app.documents`` makes.

The PDF is built and rasterised on a worker thread (``ui.tasks.TaskRunner`` on
``Session.worker()``, a second vault connection), so the window never freezes; the
preview (``QPrintPreviewDialog``) and the printer then draw those page images, so
what is printed is exactly the PDF that "Save as PDF…" writes. Previewing, printing
and saving are audit events (``app.documents.service.record_event``). Nothing here
is imported at GUI start: the profile and the wizard import it when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QStandardPaths, Signal
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QGraphicsView, QLineEdit, QWidget
from shiboken6 import isValid

from app.documents.service import Document, record_event, save_document
from app.errors import UserFacingError
from app.session import Session
from ui.tasks import TaskRunner

PREVIEW_DPI = 150
Make = Callable[[Session], Document]


@dataclass(frozen=True)
class Rendered:
    document: Document
    pages: tuple[QImage, ...]


def rasterise(pdf: bytes, dpi: int = PREVIEW_DPI) -> tuple[QImage, ...]:
    """Every page of the PDF as an image (QImage is safe to build off the UI thread)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy()
            images.append(image)
            page.close()
    finally:
        document.close()
    return tuple(images)


def paint_pages(printer: QPrinter, pages: tuple[QImage, ...]) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(area.x(), area.y(), image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()


class DocumentPrinter(QObject):
    """One document action at a time for a window: build off the UI thread, then
    preview and print it, or save it where the user chooses."""

    busy_changed = Signal(bool)
    problem = Signal(str)
    done = Signal(str)  # what happened, in words for the status line
    preview_shown = Signal(object)  # the QPrintPreviewDialog, for tests and screenshots

    def __init__(self, session_source: Callable[[], Session | None], parent: QWidget) -> None:
        super().__init__(parent)
        self._session_source = session_source
        self._parent = parent
        self._tasks = TaskRunner(self)
        self.rendered: Rendered | None = None
        self.save_folder: Path | None = None  # tests set it; else the file dialog asks
        self.preview_dialog: QPrintPreviewDialog | None = None

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def _build(self, make: Make, then: Callable[[Rendered], None], pages: bool) -> None:
        session = self._session_source()
        if session is None or self._tasks.busy:
            return
        self.busy_changed.emit(True)

        def work() -> Rendered:
            with session.worker() as worker:
                document = make(worker)
            return Rendered(document, rasterise(document.pdf) if pages else ())

        def finished(result: Rendered) -> None:
            if not isValid(self):  # the window closed (or locked) while the document was being made
                return
            self.busy_changed.emit(False)
            self.rendered = result
            then(result)

        def failed(error: UserFacingError) -> None:
            if not isValid(self):
                return
            self.busy_changed.emit(False)
            self.problem.emit(str(error))

        self._tasks.submit(work, finished, failed)

    def preview(self, make: Make) -> None:
        self._build(make, self._show_preview, pages=True)

    def save_as(self, make: Make) -> None:
        self._build(make, self._ask_and_save, pages=False)

    def _show_preview(self, rendered: Rendered) -> None:
        session = self._session_source()
        if session is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(rendered.document.file_name)  # the kind and the code: no name
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setWindowTitle(self.tr("Print preview"))
        self._name_preview_fields(dialog)
        dialog.paintRequested.connect(lambda p: paint_pages(p, rendered.pages))
        try:
            record_event(session, rendered.document, "previewed")
        except UserFacingError as exc:
            self.problem.emit(str(exc))
            return
        self.preview_dialog = dialog
        # Window-modal without a nested event loop (like the profile's dialogs), so a lock
        # or a closing window ends it like any other.
        dialog.finished.connect(lambda code: self._preview_closed(dialog, rendered, printer, code))
        dialog.open()
        self.preview_shown.emit(dialog)

    def _name_preview_fields(self, dialog: QPrintPreviewDialog) -> None:
        """Qt's preview toolbar leaves its page number and zoom fields unnamed for a
        screen reader; name them."""
        for combo in dialog.findChildren(QComboBox):
            combo.setAccessibleName(self.tr("Zoom"))
            edit = combo.lineEdit()
            if edit is not None:
                edit.setAccessibleName(self.tr("Zoom"))
        for edit in dialog.findChildren(QLineEdit):
            if not edit.accessibleName():
                edit.setAccessibleName(self.tr("Page number"))
        for view in dialog.findChildren(QGraphicsView):
            view.setAccessibleName(self.tr("Pages of the document"))
            view.viewport().setAccessibleName(self.tr("Pages of the document"))

    def _preview_closed(self, dialog: QPrintPreviewDialog, rendered: Rendered, printer: QPrinter, code: int) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()
        session = self._session_source()
        # Its Print button prints and accepts.
        if int(code) == QDialog.DialogCode.Accepted.value and session is not None:
            try:
                record_event(session, rendered.document, "printed", max(1, printer.copyCount()))
            except UserFacingError as exc:
                self.problem.emit(str(exc))
                return
            self.done.emit(self.tr("Sent to the printer."))

    def _ask_and_save(self, rendered: Rendered) -> None:
        session = self._session_source()
        if session is None:
            return
        if self.save_folder is not None:
            target = self.save_folder / rendered.document.file_name
        else:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            chosen, _filter = QFileDialog.getSaveFileName(
                self._parent, self.tr("Save as PDF"), str(Path(folder) / rendered.document.file_name),
                self.tr("PDF files (*.pdf)"))
            if not chosen:
                return
            target = Path(chosen)
        try:
            path = save_document(session, rendered.document, target)
        except UserFacingError as exc:
            self.problem.emit(str(exc))
            return
        self.done.emit(self.tr("Saved {name}.").format(name=path.name))
