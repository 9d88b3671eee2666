"""The Qt binding must not leak or over-release Python references: a binding that
drops a reference to ``None`` on each call aborts the app after enough clicks
(``Fatal Python error: none_dealloc``). Run in a child process, because the failure
is an abort, not an exception."""

from __future__ import annotations

import subprocess
import sys

from support import REPO_ROOT, child_env

CALLS = 200_000

PROBE = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["probe", "-platform", "offscreen"])
label = QLabel()
before = sys.getrefcount(None)
for _ in range({CALLS}):
    label.setText("x")
    label.setVisible(False)
print(sys.getrefcount(None) - before)
"""


def test_many_void_qt_calls_leave_none_alone() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=child_env(), cwd=str(REPO_ROOT), timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100
