"""The GUI's start-up imports stay light: the vault core and the pack models
(pydantic) load on first use, not before the sign-in window can show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_ui_main_loads_neither_pydantic_nor_the_vault_core() -> None:
    code = ("import sys, ui.main; heavy = [m for m in ('pydantic', 'app.packs', 'app.session', 'requests',"
            " 'reportlab') if m in sys.modules]; print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(REPO),
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", f"loaded at start-up: {done.stdout.strip()}"
