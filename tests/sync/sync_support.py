"""Helpers for the sync tests: a real server on loopback (thread or process), devices
with records in their outbox, and checks on both ends."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import uvicorn
from sqlalchemy import Engine, text
from support import ADMIN_PASSWORD, REPO_ROOT, child_env, cli_command

from app.outbox import enqueue, pruned_count
from app.people import person_payload
from app.session import Session
from app.vault.connection import transaction
from sync.server import storage
from sync.server.app import create_app

HERE = Path(__file__).resolve().parent


def wait_until(predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class ThreadServer:
    """The real FastAPI app under uvicorn in a thread, on a loopback socket."""

    def __init__(self, engine: Engine, ssl_certfile: Path | None = None, ssl_keyfile: Path | None = None,
                 wrap: Callable[[Any], Any] | None = None, api_docs: bool = False, port: int = 0) -> None:
        self.engine = engine
        self.app = create_app(engine, api_docs=api_docs)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        self.port = sock.getsockname()[1]
        scheme = "https" if ssl_certfile else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            wrap(self.app) if wrap else self.app, log_level="warning", lifespan="off",
            ssl_certfile=str(ssl_certfile) if ssl_certfile else None,
            ssl_keyfile=str(ssl_keyfile) if ssl_keyfile else None,
            timeout_graceful_shutdown=2,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        wait_until(lambda: self.server.started, 15, "the server to start")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


class ProcessServer:
    """``hmis-intake-server serve`` as a real process, which a test can kill -9."""

    def __init__(self, db_url: str, port: int, log: Path, extra: tuple[str, ...] = ()) -> None:
        self.extra = extra
        self.db_url = db_url
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        server = Path(sys.executable).parent / "hmis-intake-server"
        argv = [str(server)] if server.exists() else [sys.executable, "-m", "sync.server_cli"]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [*argv, "serve", "--db", self.db_url, "--host", "127.0.0.1", "--port", str(self.port),
                 "--log-level", "warning", *self.extra],
                stdout=log, stderr=log, env=child_env(), cwd=str(REPO_ROOT),
            )

        def healthy() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                return requests.get(self.url + "/v1/health", timeout=1).status_code == 200
            except requests.RequestException:
                return False

        wait_until(healthy, 30, "the server process to answer")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=15)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- device side ---------------------------------------------------------------------


def add_outbox_records(session: Session, count: int, hours_ago: Callable[[int], float] = lambda i: 1.0,
                       entity: str = "person") -> list[str]:
    """``count`` synthetic person records, collected ``hours_ago(i)`` hours before now."""
    from app.domain.person import Person

    now = session.clock.now()
    window = session.pack.timeliness.window_hours
    keys = []
    with transaction(session.conn) as conn:
        for i in range(count):
            person = Person(first_name=f"Synth{i}", last_name="Testperson", name_data_quality=1,
                            dob="1980-01-01", dob_data_quality=1, is_demo=True)
            collected = now - dt.timedelta(hours=hours_ago(i))
            keys.append(enqueue(conn, entity, person.personal_id, "upsert", person_payload(person),
                                collected, window, now))
    return keys


def outbox_states(session: Session) -> dict[str, int]:
    return dict(session.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())


def outbox_keys(session: Session, state: str | None = None) -> set[str]:
    if state is None:
        rows = session.conn.execute("SELECT idempotency_key FROM outbox").fetchall()
    else:
        rows = session.conn.execute("SELECT idempotency_key FROM outbox WHERE state = ?", (state,)).fetchall()
    return {r[0] for r in rows}


def server_keys(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT idempotency_key FROM received_record"))]


def acknowledged_total(session: Session) -> int:
    """The device's acknowledged count as the status shows it: the acknowledged rows
    still in the outbox (an older version's) and those deleted once acknowledged."""
    return outbox_states(session).get("acknowledged", 0) + pruned_count(session.conn)


def assert_exactly_once(engine: Engine, session: Session) -> None:
    """Every device record is on the server exactly once and the device has nothing
    pending: the server holds each key once, as many keys as the device counts
    acknowledged, and none the device still keeps (an acknowledged row is deleted)."""
    keys = server_keys(engine)
    assert len(keys) == len(set(keys))
    assert len(keys) == acknowledged_total(session)
    assert not set(keys) & outbox_keys(session)
    assert outbox_states(session).get("pending", 0) == 0
    with engine.connect() as conn:
        entities = conn.execute(text("SELECT count(*) FROM entity_state")).scalar_one()
        distinct = conn.execute(
            text("SELECT count(*) FROM (SELECT DISTINCT entity, entity_id FROM received_record) AS d")
        ).scalar_one()
    assert entities == distinct


def run_device_cli(data_dir: Path, *args: str, password: str = ADMIN_PASSWORD,
                   extra_env: dict[str, str] | None = None, timeout: float = 90,
                   code: str | None = None) -> subprocess.CompletedProcess[str]:
    """``code``: an enrollment code, on the line of standard input after the password."""
    env = child_env()
    env["PYTHONPATH"] = str(HERE) + os.pathsep + env["PYTHONPATH"]
    env.update(extra_env or {})
    return subprocess.run(
        [*cli_command(), "--data-dir", str(data_dir), *args],
        input=password + "\n" + ("" if code is None else code + "\n"),
        capture_output=True, text=True, env=env, cwd=str(REPO_ROOT), timeout=timeout,
    )


def new_code(engine: Engine, agency: str = "Riverbend Test Shelter", **kwargs: Any) -> str:
    return storage.new_enrollment_code(engine, agency, **kwargs)


@dataclass
class Cert:
    cert: Path
    key: Path


def self_signed_cert(folder: Path) -> Cert:
    """A self-signed CA-style certificate for 127.0.0.1, made here (no network)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hmis-intake test server")])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return Cert(cert_path, key_path)
