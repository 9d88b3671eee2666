"""CT-207-12: a search in the main window is an audited access — the fact, the user and
the number found, never what was typed. Synthetic people only."""

from __future__ import annotations

import json
from pathlib import Path

from gui_support import ADMIN, sign_in
from test_gui_profile import LAST, _vault

from app.clock import FakeClock


def test_ct_207_12_main_window_search_is_audited_without_its_text(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    main.search.setText(LAST)
    qtbot.waitUntil(lambda: main.model.rowCount() == 1)
    conn = gui.controller.session.conn
    rows = conn.execute("SELECT user_id, detail FROM audit_event WHERE action = 'client.searched'").fetchall()
    assert rows and json.loads(rows[-1][1]) == {"results": 1} and rows[-1][0] is not None
    details = " ".join(r[0] for r in conn.execute("SELECT detail FROM audit_event"))
    assert LAST not in details and LAST.lower() not in details
