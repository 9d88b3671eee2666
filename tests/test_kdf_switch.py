"""The key-derivation test switch (HMIS_INTAKE_KDF_TARGET_MS) is honoured in test mode
and for demo vaults, and refused for a normal vault anywhere else: the vault then gets
the production Argon2id parameters and the refusal is logged without data."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, REPO_ROOT, child_env, cli_command, read_keys, run_cli

import app.settings
from app.settings import KDF_TARGET_ENV, kdf_target_seconds
from app.vault import crypto
from app.vault.vault import Vault


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as the installed app runs: test mode off, the switch still set."""
    monkeypatch.setattr(app.settings, "_test_mode", False)
    monkeypatch.setenv(KDF_TARGET_ENV, "0")


def is_floor(profile: dict[str, object]) -> bool:
    params = crypto.Argon2Params.from_json(profile)
    return (params.memory_kib, params.time_cost, params.parallelism) == (
        crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_TIME_COST, crypto.FLOOR_PARALLELISM)


def assert_production_cost(profile: dict[str, object]) -> None:
    """Calibrated: more passes than the floor, unless the floor alone already takes the
    production target on this machine (then calibration keeps it)."""
    params = crypto.Argon2Params.from_json(profile)
    assert params.meets_floor()
    floor = crypto.Argon2Params(crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_TIME_COST, crypto.FLOOR_PARALLELISM,
                                b"\0" * 16)
    assert params.time_cost > crypto.FLOOR_TIME_COST or crypto._fastest_run(floor) >= crypto.TARGET_SECONDS


def create(data_dir: Path, demo: bool = False) -> dict[str, object]:
    vault, _recovery = Vault.create(data_dir, "ct", demo=demo)
    try:
        assert vault.keyfile.kdf_profile is not None
        return dict(vault.keyfile.kdf_profile)
    finally:
        vault.close()


def test_the_switch_is_refused_for_a_normal_vault_outside_tests(
        production: None, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        profile = create(tmp_path / "data")
    assert_production_cost(profile)
    refusals = [r.getMessage() for r in caplog.records if r.name == "app.settings"]
    assert refusals == [f"{KDF_TARGET_ENV} is ignored outside tests and demo vaults; "
                        "the calibrated key-derivation cost is used."]
    assert str(tmp_path) not in refusals[0]


def test_the_switch_is_honoured_for_a_demo_vault_outside_tests(
        production: None, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        profile = create(tmp_path / "demo", demo=True)
    assert is_floor(profile)
    assert not [r for r in caplog.records if r.name == "app.settings"]


def test_the_switch_is_honoured_in_test_mode(tmp_path: Path) -> None:
    assert app.settings.in_test_mode() and os.environ[KDF_TARGET_ENV] == "0"
    assert kdf_target_seconds() == 0.0
    assert is_floor(create(tmp_path / "data"))


def test_without_the_switch_the_production_target_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KDF_TARGET_ENV)
    assert kdf_target_seconds() is None and kdf_target_seconds(demo=True) is None


def test_a_switch_that_is_not_a_number_falls_back_to_the_production_target(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(KDF_TARGET_ENV, "fast")
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        assert kdf_target_seconds() is None
    assert any("not a whole number" in r.getMessage() for r in caplog.records)


def test_a_command_started_by_the_tests_is_in_test_mode(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "data", "init", "--pack", "ct", "--user", ADMIN_USER, "--password-stdin",
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert is_floor(read_keys(tmp_path / "data")["kdf_profile"])


def test_the_command_refuses_the_switch_outside_tests_in_one_sentence(tmp_path: Path) -> None:
    """The installed command with the variable set but no test harness around it."""
    env = child_env()
    env["PYTHONPATH"] = str(REPO_ROOT)  # without tests/child_site: not in test mode
    data_dir = tmp_path / "data"
    done = subprocess.run([*cli_command(), "--data-dir", str(data_dir), "init", "--pack", "ct",
                           "--access-completed", "today", "--user", ADMIN_USER, "--password-stdin"],
                          input=ADMIN_PASSWORD + "\n",
                          capture_output=True, text=True, env=env, cwd=str(REPO_ROOT), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == (f"{KDF_TARGET_ENV} is ignored outside tests and demo vaults; "
                                   "the calibrated key-derivation cost is used.")
    assert_production_cost(read_keys(data_dir)["kdf_profile"])
