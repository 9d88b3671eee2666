"""Fixtures for the sync suite: a real server on loopback over SQLite or PostgreSQL,
and a real device vault. PostgreSQL runs when HMIS_TEST_POSTGRES_URL is set (see
tests/sync/postgres.sh) and is skipped, with that reason, otherwise; under CI=true a
missing URL is an error, never a skip (.ci/run starts PostgreSQL and must not stay
green when it could not)."""

from __future__ import annotations

import os

os.environ["HMIS_INTAKE_KDF_TARGET_MS"] = "0"

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine
from support import make_vault
from sync_keyring import FILE_ENV, FileKeyringForTests
from sync_support import ThreadServer, new_code

from app.session import Session
from sync.credentials import StoreKind
from sync.server import storage
from sync.service import enroll_device

POSTGRES_ENV = "HMIS_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgres"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {POSTGRES_ENV} is not set: the PostgreSQL tests must run in CI "
                        "(.ci/run starts PostgreSQL with .ci/postgres-url).", pytrace=False)
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV} (tests/sync/postgres.sh prints one)")
    url = _database_of_this_worker(url)
    engine = storage.open_engine(url)
    storage.metadata.drop_all(engine)
    engine.dispose()
    return url


def _database_of_this_worker(url: str) -> str:
    """Under pytest-xdist each worker gets a database of its own beside the given one
    (``hmis_sync_test_gw0``...), so two tests never drop each other's tables."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    base = make_url(storage.normalize_url(url))
    name = f"{base.database}_{worker}"
    admin = storage.open_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first() is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def server_engine(server_db_url: str) -> Iterator[Engine]:
    engine = storage.open_engine(server_db_url)
    storage.create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def live_server(server_engine: Engine) -> Iterator[ThreadServer]:
    server = ThreadServer(server_engine)
    yield server
    server.stop()


@pytest.fixture
def device(tmp_path: Path) -> Iterator[Session]:
    info = make_vault(tmp_path / "device", "mo")
    session = info.sign_in()
    yield session
    if session.vault.is_open:
        session.close()


@pytest.fixture
def enrolled(device: Session, live_server: ThreadServer) -> Session:
    enroll_device(device, live_server.url, new_code(live_server.engine), StoreKind.VAULT)
    return device


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv(FILE_ENV, str(path))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyringForTests())
    yield path
    keyring.set_keyring(previous)
