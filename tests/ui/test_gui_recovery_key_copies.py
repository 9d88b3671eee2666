"""The recovery key can be saved to a file the administrator chooses or printed, not
only copied; a copy holds the key and what it is for, nothing else, and a file is
readable by its owner only. Real widgets, a real file, a real PDF printer."""

from __future__ import annotations

import io
import stat
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from ui.setup.recovery_key_dialog import RecoveryKeyDialog

KEY = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"


class _Clipboard:
    def copy(self, _text: str, _seconds: int = 0) -> None:
        """Copying is tested elsewhere; this dialog only needs somewhere to copy to."""


def _dialog(qtbot) -> RecoveryKeyDialog:
    dialog = RecoveryKeyDialog(KEY, _Clipboard())
    # The dialog refuses to close until the key is stored; a lock closes it (as at the end here).
    qtbot.addWidget(dialog, before_close_func=lambda d: d.close_for_lock())
    dialog.show()
    return dialog


def test_the_key_is_saved_to_a_file_only_its_owner_can_read(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    dialog.save_path = tmp_path / "key.txt"
    dialog.save_button.click()
    text = dialog.save_path.read_text("utf-8")
    assert KEY in text and "recovery key" in text
    assert stat.S_IMODE(dialog.save_path.stat().st_mode) == 0o600
    assert "Saved" in dialog.copy_note.text()


def test_a_folder_that_cannot_be_written_says_so_and_keeps_the_dialog_open(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    dialog.save_path = tmp_path / "missing-folder" / "key.txt"
    dialog.save_button.click()
    assert "could not be saved" in dialog.copy_note.text()
    assert dialog.isVisible() and not dialog.save_path.exists()


def test_the_key_is_printed(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    dialog.printer = printer
    dialog.print_button.click()
    pages = PdfReader(io.BytesIO((tmp_path / "key.pdf").read_bytes())).pages
    text = " ".join(page.extract_text() for page in pages)
    assert KEY in text.replace("\n", "")
    assert "Sent to the printer" in dialog.copy_note.text()
