"""Sync throughput on loopback: the engine vs a bare ``requests`` loop, same records.

    .venv/bin/python bench/sync_bench.py [--people 10000] [--batch-size 100] [--rounds 3] [--profile FILE]

Makes a throwaway vault with N synthetic people (``demo-data``), starts the reference
server (``hmis-intake-server serve``, SQLite) as its own process, and prints records
per second for (1) ``hmis-intake``'s sync engine — reading the encrypted outbox,
sending, and committing per-record results and batch history — and (2) the same
batches posted by a plain ``requests`` loop to a fresh server database, with nothing
recorded on the device. Loopback shows client and server overhead, not WAN speed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is not measured here
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

import bench  # noqa: E402, F401 - test mode (bench/__init__.py), so the switch above is honoured
from app.demo import add_demo_people  # noqa: E402
from app.session import Session, initialize, sign_in  # noqa: E402
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
    def __init__(self, db: Path, apart: bool = False) -> None:
        self.db_url = f"sqlite:///{db}"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).parent / "hmis-intake-server"
        argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "sync.server_cli"]
        self.proc = subprocess.Popen(
            [*argv, "serve", "--db", self.db_url, "--port", str(self.port), "--log-level", "warning"],
            cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # Apart: its own session, so on Linux its own scheduling group (autogroup), as
            # if on another computer; otherwise it shares this process's group, and every
            # CPU second the client spends is one the server does not get.
            start_new_session=apart,
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


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Timing:
    seconds: float
    client_cpu: float  # this process, every thread
    server_cpu: float


def _pending(session: Session) -> list[tuple[str, str, str, str, str, str]]:
    return session.conn.execute(
        "SELECT idempotency_key, entity, entity_id, operation, collected_at, payload FROM outbox"
        " WHERE state = 'pending' ORDER BY deadline_at, id"
    ).fetchall()


def run_engine(session: Session, folder: Path, batch_size: int, profile: Path | None = None,
               apart: bool = False) -> Timing:
    """One sync of the session's outbox by the engine (``SyncJob``) to a fresh server."""
    count = len(_pending(session))
    server = Server(folder / f"engine-{uuid.uuid4().hex[:8]}.db", apart)
    try:
        enroll_device(session, server.url, server.code(), StoreKind.VAULT)
        job = SyncJob(session, batch_size=batch_size)
        profiler = cProfile.Profile() if profile else None
        cpu, server_cpu, started = time.process_time(), _cpu_seconds(server.proc.pid), time.perf_counter()
        if profiler is not None:
            profiler.enable()
        report = job.run()
        if profiler is not None:
            profiler.disable()
        timing = Timing(time.perf_counter() - started, time.process_time() - cpu,
                        _cpu_seconds(server.proc.pid) - server_cpu)
        if profiler is not None and profile is not None:
            profiler.dump_stats(str(profile))
        assert report.complete and report.accepted == count, report
        assert server.received() == count
    finally:
        server.stop()
    return timing


def run_bare(session: Session, folder: Path, batch_size: int,
             rows: list[tuple[str, str, str, str, str, str]], apart: bool = False) -> Timing:
    """The same records, batched the same way, posted by a bare ``requests`` loop to a
    fresh server, with nothing recorded on the device."""
    server = Server(folder / f"bare-{uuid.uuid4().hex[:8]}.db", apart)
    try:
        enroll_device(session, server.url, server.code(), StoreKind.VAULT)
        _, credential = load_credential(session.conn, str(session.vault.keyfile.vault_id))
        records = [
            {"idempotency_key": k, "entity": e, "entity_id": i, "operation": o, "collected_at": c,
             "payload": json.loads(p)}
            for k, e, i, o, c, p in rows
        ]
        http = requests.Session()
        headers = {"Authorization": credential.header()}
        cpu, server_cpu, started = time.process_time(), _cpu_seconds(server.proc.pid), time.perf_counter()
        for start in range(0, len(records), batch_size):
            body = {"protocol_version": 1, "batch_id": str(uuid.uuid4()),
                    "records": records[start:start + batch_size]}
            reply = http.post(server.url + "/v1/batches", json=body, headers=headers, timeout=60)
            reply.raise_for_status()
        timing = Timing(time.perf_counter() - started, time.process_time() - cpu,
                        _cpu_seconds(server.proc.pid) - server_cpu)
        assert server.received() == len(rows)
    finally:
        server.stop()
    return timing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=1,
                        help="engine and bare loop this many times, alternating, each on a fresh copy of one "
                             "vault and fresh servers; the medians are printed (a shared machine varies a lot)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write cProfile statistics of the (first) engine run to this file")
    parser.add_argument("--server-apart", action="store_true",
                        help="start the server in its own session (on Linux its own CPU scheduling group), as a "
                             "server on another computer would be; by default it competes with the client for CPU")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hmis-sync-bench-") as tmp:
        folder = Path(tmp)
        session, _ = initialize(folder / "device", "mo", USER, PASSWORD, agency_name="Bench Agency",
                                access_completed_on=date.today())
        try:
            add_demo_people(session, args.people, seed=1)
        finally:
            session.close()
        rows: list[tuple[str, str, str, str, str, str]] = []
        engine: list[Timing] = []
        bare: list[Timing] = []
        loads: list[float] = []
        for index in range(args.rounds):
            copy = folder / f"round-{index}"
            shutil.copytree(folder / "device", copy)
            session = sign_in(copy, USER, PASSWORD)
            try:
                rows = _pending(session)
                order = ("engine", "bare") if index % 2 == 0 else ("bare", "engine")
                for which in order:
                    loads.append(os.getloadavg()[0])
                    if which == "engine":
                        engine.append(run_engine(session, folder, args.batch_size,
                                                 args.profile if index == 0 else None, args.server_apart))
                    else:
                        bare.append(run_bare(session, folder, args.batch_size, rows, args.server_apart))
            finally:
                session.close()
            shutil.rmtree(copy)

    n = len(rows)
    print(f"sync of {n} records ({args.people} people) on loopback, batches of {args.batch_size}, SQLite server"
          f"{' in its own scheduling group' if args.server_apart else ''},"
          f" {args.rounds} round(s), load average {min(loads):.1f}-{max(loads):.1f}:")
    for name, runs in (("hmis-intake sync engine", engine), ("bare requests loop", bare)):
        print(f"  {name:24}: {n / statistics.median(t.seconds for t in runs):8.0f} records/s"
              f"  ({', '.join(f'{t.seconds:.2f}' for t in runs)} s;"
              f" client CPU {statistics.median(t.client_cpu for t in runs):.2f} s,"
              f" server CPU {statistics.median(t.server_cpu for t in runs):.2f} s)")
    ratios = [b.seconds / e.seconds for e, b in zip(engine, bare, strict=True)]
    print(f"  engine / bare           : {statistics.median(ratios):8.2f}"
          f"  (each round: {', '.join(f'{r:.2f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
