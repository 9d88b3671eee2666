"""Shared fixtures: real vaults on disk and the real ``hmis-intake`` command.

Argon2id runs at the floor parameters (64 MiB, t=3, p=4) instead of the calibrated
0.5-1 s, so an unlock costs about 0.15 s; everything else is the production code.
The switch (``HMIS_INTAKE_KDF_TARGET_MS``) is honoured only in test mode, turned on
here and, in the commands the tests run, by ``tests/child_site/sitecustomize.py``.
"""

from __future__ import annotations

import os

# Must be set before any vault is created, in this process and in every child.
os.environ["HMIS_INTAKE_KDF_TARGET_MS"] = "0"
os.environ.pop("HMIS_INTAKE_DEBUG", None)

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import PACKS, VaultInfo, make_vault

from app.clock import FakeClock
from app.session import Session
from app.settings import enable_test_mode

enable_test_mode()  # the switch above is honoured only in test mode (app.settings)


@pytest.fixture
def fake_clock() -> FakeClock:
    """Starts at the real time, so vaults the tests prepare are also current for a
    command-line child (which runs on the system clock)."""
    return FakeClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture(params=PACKS)
def any_vault(request: pytest.FixtureRequest, tmp_path: Path, fake_clock: FakeClock) -> VaultInfo:
    """A fresh vault for each pack in turn, its admin signed out."""
    return make_vault(tmp_path / f"data-{request.param}", request.param, fake_clock)


@pytest.fixture
def vault_factory(tmp_path: Path, fake_clock: FakeClock) -> Callable[[str], VaultInfo]:
    counter = iter(range(1000))

    def factory(pack: str) -> VaultInfo:
        return make_vault(tmp_path / f"data-{pack}-{next(counter)}", pack, fake_clock)

    return factory


@pytest.fixture
def vt_vault(vault_factory: Callable[[str], VaultInfo]) -> VaultInfo:
    return vault_factory("vt")


@pytest.fixture
def ct_vault(vault_factory: Callable[[str], VaultInfo]) -> VaultInfo:
    return vault_factory("ct")


@pytest.fixture
def mo_vault(vault_factory: Callable[[str], VaultInfo]) -> VaultInfo:
    return vault_factory("mo")


@pytest.fixture
def admin_session(any_vault: VaultInfo) -> Iterator[Session]:
    session = any_vault.sign_in()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture(autouse=True)
def _cheap_password_history(monkeypatch: pytest.MonkeyPatch) -> None:
    """The password-history verifier is an Argon2id hash as costly as an unlock; in
    this process the tests use a cheap one (each hash carries its own parameters, so
    the check itself is unchanged). Command-line children keep the real cost."""
    from argon2 import PasswordHasher

    from app.security import users

    monkeypatch.setattr(users, "_HISTORY_HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
