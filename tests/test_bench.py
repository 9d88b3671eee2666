"""``python -m bench`` keeps working: every row of its table is printed (the figures
themselves are not asserted: tests check behaviour, not speed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

ROWS = (
    "import ui.main",
    "search name, p95", "search partial name, p95", "search DOB, p95", "search SSN last 4, p95",
    "duplicate check, p95",
    "vault bytes per person, unsent", "outbox status, worker connection, p95", "vault bytes per person, after sync",
    "vault bytes per person, after sync + VACUUM", "VACUUM of the vault",
    "HMIS CSV export, device", "HMIS CSV export, device (vs its vault read)", "check-hmis-csv",
    "save a household of 3 (save_intake)", "consent form PDF",
    "sync throughput (records/s)",
    "cold start to the sign-in window", "sign-in to a usable main window", "peak RSS, signed in, one search",
    "longest UI-thread stall, scripted session",
)


def test_the_quick_bench_prints_every_row_beside_its_baseline(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n\n<!-- bench:table -->\nSTALE TABLE\n<!-- /bench:table -->\n\nNotes stay.\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HMIS_INTAKE_KDF_TARGET_MS="0")
    done = subprocess.run([sys.executable, "-m", "bench", "--sizes", "120,200", "--quick", "--markdown", str(doc)],
                          capture_output=True, text=True, cwd=str(REPO), env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| figure | people | value | baseline")
    for label in ROWS:
        rows = [line for line in table if line.startswith(f"| {label} |")]
        assert rows, f"no row for {label}"
        assert all(line.count("|") == 8 and "x |" in line for line in rows), rows
    # Two sizes: every per-size figure says how it grew.
    assert all(any("k=" in line for line in table if line.startswith(f"| {label} |")) for label in ROWS[1:])
    assert any(line.startswith(("Faster than linear: ", "Nothing grows faster than linear."))
               for line in done.stdout.splitlines())
    written = doc.read_text()
    assert "STALE TABLE" not in written and "Notes stay." in written and "| check-hmis-csv | 200 |" in written
