"""Tools > Blank consent form…: the pack's consent form with empty fields, for a
worker collecting a signature on paper (transcribed later with ``import-intake``),
shown in the print preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.session import Session


def open_blank_form(window: QWidget) -> Any:
    from ui.documents.printing import DocumentPrinter

    printer = getattr(window, "blank_form_printer", None)
    if printer is None:
        printer = DocumentPrinter(lambda: getattr(window, "_session", None), window)
        # Kept on the window it serves (the main window), so one preview is open at a time.
        window.blank_form_printer = printer  # type: ignore[attr-defined]

    def make(worker: Session) -> Any:
        from app.documents.service import blank_consent_document

        return blank_consent_document(worker)

    printer.preview(make)
    return printer
