"""The case-notes list: local date and time, the author, and a mark on a note whose
deletion was requested (CT-404-2: it stays until the help desk handles it).
Synthetic people only."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from gui_support import ADMIN, sign_in
from PySide6.QtCore import Qt
from test_gui_profile import _open, _vault

from app.clock import FakeClock


def test_ct_404_2_notes_show_local_time_author_and_a_pending_deletion(
        qtbot, make_gui, tmp_path: Path, clock: FakeClock, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        vault, password, _pid = _vault(tmp_path, clock)
        gui = make_gui(vault.data_dir, clock)
        sign_in(qtbot, gui, ADMIN, password)
        session = gui.controller.session
        stored = session.conn.execute("SELECT note_id, created_at FROM case_note").fetchone()
        profile = _open(qtbot, gui.controller.main_window)
        qtbot.waitUntil(lambda: not profile.building)  # the notes tab, built while idle
        model = profile.models["notes"]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers[:2] == ["Written", "By"]
        written = model.index(0, 0).data()
        assert written != stored[1] and len(written) == len("2026-03-01 08:00"), written
        expected = datetime.fromisoformat(stored[1]).astimezone().strftime("%Y-%m-%d %H:%M")
        assert written == expected and expected[11:13] != stored[1][11:13], "local, not UTC"
        assert model.index(0, 1).data() == session.user.display_name
        assert model.index(0, 4).data() == ""
        notes = profile.notes_tab
        notes.notes_table.selectRow(0)
        notes.deletion_reason.setText("Entered on the wrong client")
        notes.request_button.click()
        qtbot.waitUntil(lambda: "Requested" in (model.index(0, 4).data() or ""))
        assert model.rowCount() == 1, "the note stays until the help desk handles the request"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
