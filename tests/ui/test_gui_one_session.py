"""MO-PWD-6 (reading A25) with the real window: while it is signed in, a command of the
same user is refused and another user's is not; a lock frees the user; a window
cannot sign in a user a command holds; and a user live on another device (the real
server on loopback) is named in the status bar."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from sqlalchemy import select
from support import REPO_ROOT, child_env, run_cli, single_sentence
from sync_gui_support import (  # noqa: F401 - _test_keyring_file is an autouse fixture
    _test_keyring_file,
    now_clock,
    server_on_loopback,
)

from app.clock import FakeClock
from app.security.users import add_user
from app.session import sign_in as core_sign_in
from app.vault.connection import transaction
from sync.protocol import SessionState
from sync.server import sessions as server_sessions
from sync.server import storage
from sync.server.schema import user_session
from ui.core_text import core_text
from ui.lock import LockReason

WORKER_PASSWORD = "Violet!Ladder7Kettle9"
CHILD = REPO_ROOT / "tests" / "helpers" / "signed_in_and_waiting.py"


def _mo_device(tmp_path: Path, clock: FakeClock) -> Path:
    vault = make_vault(tmp_path / "device", clock, pack="mo")
    admin = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        user_id = add_user(admin, "cass.worker", "Cass Worker", "case_manager", WORKER_PASSWORD,
                           access_completed_on=clock.now().date())
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
    finally:
        admin.close()
    return vault.data_dir


def _status(data_dir: Path, user: str, password: str) -> tuple[int, str]:
    done = run_cli(data_dir, "status", "--user", user, "--password-stdin", password=password)
    return done.returncode, done.stderr


@contextmanager
def _command_signed_in(data_dir: Path, user: str, password: str) -> Iterator[None]:
    proc = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), user], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=child_env(), cwd=str(REPO_ROOT))
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(password + "\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "signed in"
        yield
    finally:
        proc.kill()
        proc.wait(timeout=30)


def test_mo_pwd_6_a_command_of_the_windows_user_is_refused_until_the_window_locks(
        qtbot, make_gui, tmp_path: Path) -> None:
    """MO-PWD-6, A25: the headless command by the window's user is a second session,
    refused in one sentence citing the clause; another user's command runs; once the
    window locks the user is free again."""
    clock = now_clock()  # the command runs on the real clock: access recorded today
    data_dir = _mo_device(tmp_path, clock)
    gui = make_gui(data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    code, stderr = _status(data_dir, ADMIN, ADMIN_PASSWORD)
    assert code == 6 and single_sentence(stderr) and stderr.strip().endswith("(MO-PWD-6)."), stderr
    assert _status(data_dir, "cass.worker", WORKER_PASSWORD)[0] == 0
    gui.lock.lock(LockReason.MANUAL)
    assert _status(data_dir, ADMIN, ADMIN_PASSWORD) == (0, "")
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)  # the window signs in again afterwards
    assert _status(data_dir, ADMIN, ADMIN_PASSWORD)[0] == 6


def test_mo_pwd_6_the_window_cannot_sign_in_a_user_a_command_holds(
        qtbot, make_gui, tmp_path: Path) -> None:
    """MO-PWD-6: a second window (here the window while a command holds the user) shows
    the refusal on the sign-in screen and opens nothing; another user signs in."""
    clock = now_clock()  # the command runs on the real clock: access recorded today
    data_dir = _mo_device(tmp_path, clock)
    gui = make_gui(data_dir, clock)
    window = gui.controller.sign_in_window
    with _command_signed_in(data_dir, ADMIN, ADMIN_PASSWORD):
        window.username.setText(ADMIN)
        window.password.setText(ADMIN_PASSWORD)
        window.sign_in_button.click()
        qtbot.waitUntil(lambda: window.form_error.isVisible(), timeout=20_000)
        assert window.form_error.text().endswith("(MO-PWD-6).")
        if os.environ.get("HMIS_SHOTS_DIR"):
            window.grab().save(str(Path(os.environ["HMIS_SHOTS_DIR"]) / "second-sign-in-refused.png"))
        assert window.form_error.text() == core_text(window.form_error.text())  # English: as the core wrote it
        assert gui.controller.main_window is None
        sign_in(qtbot, gui, "cass.worker", WORKER_PASSWORD)


def test_mo_pwd_6_the_window_names_the_same_user_live_on_another_device(
        qtbot, make_gui, tmp_path: Path) -> None:
    """MO-PWD-6, A25: at sign-in the window tells the server who is signed in; the same
    user live on another device of the agency is named in the status bar with the
    clause; the lock tells the server the session ended."""
    clock = now_clock()  # the command runs on the real clock: access recorded today
    data_dir = _mo_device(tmp_path, clock)
    with server_on_loopback(tmp_path) as (server, engine):
        other = storage.redeem_code(engine, storage.new_enrollment_code(engine, "Test Agency"), "laptop-b", "1")
        server_sessions.report(engine, "Test Agency", other.device_id, ADMIN, SessionState.SIGNED_IN, 15,
                               now=datetime.now(UTC))
        admin = core_sign_in(data_dir, ADMIN, ADMIN_PASSWORD, clock)
        try:
            from sync.credentials import StoreKind
            from sync.service import enroll_device

            enroll_device(admin, server.url, storage.new_enrollment_code(engine, "Test Agency"), StoreKind.VAULT,
                          device_name="laptop-a")
        finally:
            admin.close()
        gui = make_gui(data_dir, clock)
        sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
        label = gui.controller.sync.elsewhere_label
        qtbot.waitUntil(lambda: label.isVisible(), timeout=20_000)
        assert "laptop-b" in label.text() and label.text().endswith("(MO-PWD-6).")
        if os.environ.get("HMIS_SHOTS_DIR"):
            gui.controller.main_window.grab().save(str(Path(os.environ["HMIS_SHOTS_DIR"]) / "signed-in-elsewhere.png"))

        def signed_out() -> bool:
            with engine.connect() as conn:
                rows = conn.execute(select(user_session.c.signed_out_at)
                                    .where(user_session.c.device_id != other.device_id)).all()
            return len(rows) == 1 and rows[0][0] is not None

        gui.lock.lock(LockReason.MANUAL)
        qtbot.waitUntil(signed_out, timeout=20_000)


def test_mo_pwd_6_the_refusal_and_the_warning_read_in_spanish(qtbot) -> None:
    """MO-PWD-6: both sentences reach a Spanish screen translated, the clause ID kept; the
    warning is worded on the device from the server's list of devices (two here), not
    from the command's English sentence, which stays as it was."""
    from PySide6.QtWidgets import QApplication

    from app.packs import load_pack
    from app.security.one_session import refusal
    from sync.protocol import OpenSession
    from sync.sessions import elsewhere_warning
    from ui.i18n import set_language
    from ui.server_text import elsewhere_text

    policy = load_pack("mo").sessions
    seen = (OpenSession(device_id="d", device_name="laptop-b", since="2026-12-05T06:00:00+00:00",
                        last_seen="2026-12-05T06:10:00+00:00"),
            OpenSession(device_id="e0c1", since="2026-12-05T05:00:00+00:00", last_seen="2026-12-05T06:20:00+00:00"))
    app = QApplication.instance()
    set_language(app, "es")
    try:
        refused = core_text(refusal(policy))
        warned = elsewhere_text(policy, seen)
        command = elsewhere_warning(policy, seen)
    finally:
        set_language(app, "en")
    assert refused.startswith("Este usuario ya ha iniciado sesión") and refused.endswith("(MO-PWD-6).")
    assert warned == ("Este usuario también ha iniciado sesión en otro dispositivo de la agencia (laptop-b, visto "
                      "por última vez 2026-12-05 06:10 UTC; e0c1, visto por última vez 2026-12-05 06:20 UTC); "
                      "cierre la sesión allí, ya que un usuario solo puede tener la sesión iniciada en un lugar a "
                      "la vez (MO-PWD-6).")
    assert command.startswith("This user is also signed in") and "e0c1, last seen 2026-12-05 06:20 UTC" in command
    assert elsewhere_text(policy, seen) == command, "English on the screen is the command's sentence"
    assert elsewhere_text(policy, ()) == ""
