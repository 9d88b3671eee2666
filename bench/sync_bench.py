"""Sync throughput on loopback: the engine vs a bare ``requests`` loop, same records.

    .venv/bin/python bench/sync_bench.py [--people 10000] [--batch-size 100]

Makes a throwaway vault with N synthetic people (``demo-data``), starts the reference
server (``hmis-intake-server serve``, SQLite) as its own process, and prints records
per second for (1) ``hmis-intake``'s sync engine — reading the encrypted outbox,
sending, and committing per-record results and batch history — and (2) the same
batches posted by a plain ``requests`` loop to a fresh server database, with nothing
recorded on the device. Loopback shows client and server overhead, not WAN speed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is not measured here
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

import bench  # noqa: E402, F401 - test mode (bench/__init__.py), so the switch above is honoured
from app.demo import add_demo_people  # noqa: E402
from app.session import initialize  # noqa: E402
from sync.credentials import StoreKind, load_credential  # noqa: E402
from sync.server import storage  # noqa: E402
from sync.service import SyncJob, enroll_device  # noqa: E402

USER = "bench.admin"
PASSWORD = "Bench!Harbor7Lantern9"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, db: Path) -> None:
        self.db_url = f"sqlite:///{db}"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).parent / "hmis-intake-server"
        argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "sync.server_cli"]
        self.proc = subprocess.Popen(
            [*argv, "serve", "--db", self.db_url, "--port", str(self.port), "--log-level", "warning"],
            cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        self.stop()
        raise SystemExit("The server did not start.")

    def code(self) -> str:
        engine = storage.open_engine(self.db_url)
        try:
            return storage.new_enrollment_code(engine, "Bench Agency")
        finally:
            engine.dispose()

    def received(self) -> int:
        engine = storage.open_engine(self.db_url)
        try:
            return storage.received_count(engine)
        finally:
            engine.dispose()

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hmis-sync-bench-") as tmp:
        folder = Path(tmp)
        session, _ = initialize(folder / "device", "mo", USER, PASSWORD, agency_name="Bench Agency",
                                access_completed_on=date.today())
        try:
            add_demo_people(session, args.people, seed=1)
            rows = session.conn.execute(
                "SELECT idempotency_key, entity, entity_id, operation, collected_at, payload FROM outbox"
                " ORDER BY deadline_at, id"
            ).fetchall()

            # (1) The engine.
            engine_server = Server(folder / "engine-server.db")
            try:
                enroll_device(session, engine_server.url, engine_server.code(), StoreKind.VAULT)
                started = time.perf_counter()
                report = SyncJob(session, batch_size=args.batch_size).run()
                engine_seconds = time.perf_counter() - started
                assert report.complete and report.accepted == len(rows), report
                assert engine_server.received() == len(rows)
            finally:
                engine_server.stop()

            # (2) The same records, batched the same way, by a bare requests loop.
            bare_server = Server(folder / "bare-server.db")
            try:
                enroll_device(session, bare_server.url, bare_server.code(), StoreKind.VAULT)
                _, credential = load_credential(session.conn, str(session.vault.keyfile.vault_id))
                records = [
                    {"idempotency_key": k, "entity": e, "entity_id": i, "operation": o, "collected_at": c,
                     "payload": json.loads(p)}
                    for k, e, i, o, c, p in rows
                ]
                http = requests.Session()
                headers = {"Authorization": credential.header()}
                started = time.perf_counter()
                for start in range(0, len(records), args.batch_size):
                    body = {"protocol_version": 1, "batch_id": str(uuid.uuid4()),
                            "records": records[start:start + args.batch_size]}
                    reply = http.post(bare_server.url + "/v1/batches", json=body, headers=headers, timeout=60)
                    reply.raise_for_status()
                bare_seconds = time.perf_counter() - started
                assert bare_server.received() == len(rows)
            finally:
                bare_server.stop()
        finally:
            session.close()

    n = len(rows)
    print(f"sync of {n} records ({args.people} people) on loopback, batches of {args.batch_size}, SQLite server:")
    print(f"  hmis-intake sync engine : {n / engine_seconds:8.0f} records/s  ({engine_seconds:.2f} s)")
    print(f"  bare requests loop      : {n / bare_seconds:8.0f} records/s  ({bare_seconds:.2f} s)")
    print(f"  engine / bare           : {bare_seconds / engine_seconds:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
