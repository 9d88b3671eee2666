"""``hmis-intake enroll`` and ``sync`` as real processes against the real server."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

from sqlalchemy import Engine
from support import ADMIN_PASSWORD, ADMIN_USER, VaultInfo, make_vault, single_sentence
from sync_faults import FaultProxy
from sync_keyring import FILE_ENV
from sync_support import (
    HERE,
    ThreadServer,
    add_outbox_records,
    assert_exactly_once,
    new_code,
    run_device_cli,
    self_signed_cert,
    server_keys,
    wait_until,
)

AUTH = ["--user", ADMIN_USER, "--password-stdin"]
TEST_KEYRING = "sync_keyring.FileKeyringForTests"


def _vault(tmp_path: Path, records: int = 0) -> VaultInfo:
    info = make_vault(tmp_path / "device", "mo")
    if records:
        session = info.sign_in()
        try:
            add_outbox_records(session, records)
        finally:
            session.close()
    return info


def test_enroll_into_the_keyring_then_sync(tmp_path: Path, live_server: ThreadServer) -> None:
    info = _vault(tmp_path, records=120)
    keyring_file = tmp_path / "keyring.json"
    env = {"PYTHON_KEYRING_BACKEND": TEST_KEYRING, FILE_ENV: str(keyring_file)}
    done = run_device_cli(info.data_dir, "enroll", "--server", live_server.url,
                          *AUTH, extra_env=env, code=new_code(live_server.engine))
    assert done.returncode == 0, done.stderr
    assert "OS keyring" in done.stdout
    stored = json.loads(keyring_file.read_text())
    assert len(stored) == 1 and "." in next(iter(stored.values()))

    done = run_device_cli(info.data_dir, "sync", *AUTH, extra_env=env)
    assert done.returncode == 0, done.stderr
    assert "120 new" in done.stdout
    status = run_device_cli(info.data_dir, "status", "--json", *AUTH, extra_env=env)
    assert json.loads(status.stdout)["pending"] == 0
    session = info.sign_in()
    try:
        assert session.conn.execute("SELECT vault_credential FROM sync_device").fetchone()[0] is None
        assert_exactly_once(live_server.engine, session)
    finally:
        session.close()


def test_no_usable_keyring_is_said_and_the_vault_store_must_be_chosen(
    tmp_path: Path, live_server: ThreadServer
) -> None:
    info = _vault(tmp_path, records=3)
    code = new_code(live_server.engine)
    refused = run_device_cli(info.data_dir, "enroll", "--server", live_server.url, *AUTH,
                             extra_env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}, code=code)
    assert refused.returncode == 18
    assert single_sentence(refused.stderr.splitlines()[-1]) and "--credential-store vault" in refused.stderr
    assert "keyring.backends" not in refused.stderr, "plain words, no module names"
    # The code was not spent: the explicit vault choice works with it.
    done = run_device_cli(info.data_dir, "enroll", "--server", live_server.url, "--credential-store", "vault", *AUTH,
                          extra_env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}, code=code)
    assert done.returncode == 0, done.stderr
    assert "encrypted vault" in done.stdout
    synced = run_device_cli(info.data_dir, "sync", *AUTH)
    assert synced.returncode == 0, synced.stderr


def test_sync_exits_non_zero_when_anything_is_left(tmp_path: Path, server_engine: Engine) -> None:
    info = _vault(tmp_path, records=4)
    server = ThreadServer(server_engine)
    try:
        done = run_device_cli(info.data_dir, "enroll", "--server", server.url, "--credential-store", "vault",
                              *AUTH, code=new_code(server_engine))
        assert done.returncode == 0, done.stderr
    finally:
        server.stop()
    unreachable = run_device_cli(info.data_dir, "sync", "--give-up-after", "3", *AUTH)
    assert unreachable.returncode == 13
    assert single_sentence(unreachable.stderr) and "could not be reached" in unreachable.stderr
    assert "Waiting to sync: 4" in unreachable.stdout


def test_client_killed_mid_sync_then_rerun(tmp_path: Path, live_server: ThreadServer) -> None:
    info = _vault(tmp_path, records=1500)
    proxy = FaultProxy(live_server.port, default="pass", slow_seconds=0.25)
    try:
        done = run_device_cli(info.data_dir, "enroll", "--server", proxy.url, "--credential-store", "vault",
                              *AUTH, code=new_code(live_server.engine))
        assert done.returncode == 0, done.stderr
        proxy.set_plan([], default="slow")
        import os

        from support import REPO_ROOT, child_env, cli_command

        env = child_env()
        env["PYTHONPATH"] = str(HERE) + os.pathsep + env["PYTHONPATH"]
        proc = subprocess.Popen([*cli_command(), "--data-dir", str(info.data_dir), "sync", "--batch-size", "50",
                                 *AUTH], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, cwd=str(REPO_ROOT), text=True)
        assert proc.stdin is not None
        proc.stdin.write(ADMIN_PASSWORD + "\n")
        proc.stdin.close()
        try:
            wait_until(lambda: len(server_keys(live_server.engine)) >= 200, 60, "the first batches to arrive")
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()
            proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL
        on_server = len(server_keys(live_server.engine))
        assert 200 <= on_server < 1500

        proxy.set_plan([], default="pass")
        rerun = run_device_cli(info.data_dir, "sync", *AUTH)
        assert rerun.returncode == 0, rerun.stderr
    finally:
        proxy.close()
    session = info.sign_in()
    try:
        assert_exactly_once(live_server.engine, session)
        assert len(server_keys(live_server.engine)) == 1500
    finally:
        session.close()


def test_plain_http_to_a_remote_address_is_refused(tmp_path: Path) -> None:
    """CT-202-2, VT-SEC-3: client data and credentials travel over https only."""
    info = _vault(tmp_path)
    done = run_device_cli(info.data_dir, "enroll", "--server", "http://192.0.2.10:8080", "--credential-store", "vault",
                          *AUTH, code="ABCD-EFGH-JKLM")
    assert done.returncode == 2
    assert single_sentence(done.stderr) and "https" in done.stderr


def test_self_signed_https_needs_the_ca_file(tmp_path: Path, server_engine: Engine) -> None:
    cert = self_signed_cert(tmp_path / "tls")
    server = ThreadServer(server_engine, ssl_certfile=cert.cert, ssl_keyfile=cert.key)
    info = _vault(tmp_path, records=7)
    try:
        code = new_code(server_engine)
        refused = run_device_cli(info.data_dir, "enroll", "--server", server.url, "--credential-store", "vault",
                                 *AUTH, code=code)
        assert refused.returncode == 12, refused.stderr
        assert single_sentence(refused.stderr)
        assert "certificate" in refused.stderr and "--ca-file" in refused.stderr
        done = run_device_cli(info.data_dir, "enroll", "--server", server.url, "--credential-store", "vault",
                              "--ca-file", str(cert.cert), *AUTH, code=code)
        assert done.returncode == 0, done.stderr
        synced = run_device_cli(info.data_dir, "sync", *AUTH)  # the CA chosen at enrollment is kept
        assert synced.returncode == 0, synced.stderr
        assert "7 new" in synced.stdout
    finally:
        server.stop()
