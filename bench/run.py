"""Benchmarks for the vault core and the windows on it. Prints figures; asserts nothing.

    .venv/bin/python -m bench.run                 # everything (about 3-7 minutes)
    .venv/bin/python -m bench.run --sizes 1000,10000 --queries 100
    .venv/bin/python -m bench.run --no-ui         # the core only

Every figure comes from the production code paths (``initialize``, ``sign_in``,
``add_demo_people``, ``find_people``) on real SQLCipher files in a temporary folder;
the window figures (``bench.ui_bench``) drive the real main window and wizard offscreen.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from app.settings import KDF_TARGET_ENV
from app.vault import crypto

USER = "bench.admin"
PASSWORD = "Quiet!Harbor7Lantern9"
RESULTS: dict[str, Any] = {}


def line(label: str, value: str) -> None:
    print(f"  {label:<52} {value}", flush=True)


def ms(seconds: float) -> str:
    if seconds < 1e-4:
        return f"{seconds * 1e6:9.2f} µs"
    return f"{seconds * 1000:9.2f} ms"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@contextmanager
def kdf_target(value: str | None) -> Iterator[None]:
    """``None`` = production calibration (0.5-1 s); "0" = the floor parameters."""
    old = os.environ.get(KDF_TARGET_ENV)
    if value is None:
        os.environ.pop(KDF_TARGET_ENV, None)
    else:
        os.environ[KDF_TARGET_ENV] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(KDF_TARGET_ENV, None)
        else:
            os.environ[KDF_TARGET_ENV] = old


def bench_kdf() -> None:
    print("Argon2id key derivation", flush=True)
    with kdf_target(None):
        started = time.perf_counter()
        calibrated = crypto.calibrate_params()
        calibration = time.perf_counter() - started
    floor = crypto.Argon2Params(crypto.FLOOR_MEMORY_KIB, crypto.FLOOR_TIME_COST,
                                crypto.FLOOR_PARALLELISM, os.urandom(16))
    t_cal = median_time(lambda: crypto.derive_password_kek(PASSWORD, calibrated), 3)
    t_floor = median_time(lambda: crypto.derive_password_kek(PASSWORD, floor), 5)
    line(f"calibrated ({calibrated.memory_kib // 1024} MiB, t={calibrated.time_cost}, "
         f"p={calibrated.parallelism})", ms(t_cal))
    line(f"floor ({floor.memory_kib // 1024} MiB, t={floor.time_cost}, p={floor.parallelism})", ms(t_floor))
    line("calibration itself (once, at init)", ms(calibration))
    RESULTS["kdf"] = {"calibrated_time_cost": calibrated.time_cost, "calibrated_s": t_cal,
                      "floor_s": t_floor, "calibration_s": calibration}


def bench_unlock(root: Path) -> None:
    from app.demo import add_demo_people
    from app.search_service import find_people
    from app.session import initialize, sign_in

    print("Unlock to first query (1,000 people)", flush=True)
    for label, target in (("calibrated KDF", None), ("floor KDF", "0")):
        data_dir = root / f"unlock-{target or 'calibrated'}"
        with kdf_target(target):
            session, _ = initialize(data_dir, "ct", USER, PASSWORD, agency_name="Bench Agency",
                                    access_completed_on=date.today())
        add_demo_people(session, 1000, seed=3)
        session.close()

        def unlock_and_query(data_dir: Path = data_dir) -> None:
            s = sign_in(data_dir, USER, PASSWORD)
            try:
                find_people(s, "moss")
            finally:
                s.close()

        t = median_time(unlock_and_query, 3)
        line(label, ms(t))
        RESULTS.setdefault("unlock_to_first_query_s", {})[label] = t


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def bench_size(root: Path, size: int, queries: int, rng: random.Random) -> None:
    from app.demo import add_demo_people
    from app.search_service import find_people
    from app.session import initialize, sign_in

    print(f"{size:,} people", flush=True)
    data_dir = root / f"people-{size}"
    with kdf_target("0"):
        session, _ = initialize(data_dir, "ct", USER, PASSWORD, agency_name="Bench Agency",
                                access_completed_on=date.today())
    started = time.perf_counter()
    add_demo_people(session, size, seed=size)
    insert_s = time.perf_counter() - started
    line("demo-data insert", f"{insert_s:9.2f} s  ({size / insert_s:,.0f} people/s)")
    conn = session.conn
    rows = conn.execute(
        "SELECT first_name, last_name, dob, ssn FROM person ORDER BY random() LIMIT ?", (queries,)
    ).fetchall()
    session.close()
    db_mb = (data_dir / "vault.db").stat().st_size / 1e6
    line("database size", f"{db_mb:9.1f} MB")
    entry: dict[str, Any] = {"insert_s": insert_s, "insert_rate": size / insert_s, "db_mb": db_mb}

    # A fresh sign-in, as at the start of a day; the first query is timed on its own.
    session = sign_in(data_dir, USER, PASSWORD)
    try:
        started = time.perf_counter()
        find_people(session, rows[0][1])
        entry["first_query_s"] = time.perf_counter() - started
        line("first query after unlock", ms(entry["first_query_s"]))
        kinds: dict[str, list[str]] = {
            "name (last name)": [r[1] for r in rows],
            "name (first + last)": [f"{r[0]} {r[1]}" for r in rows],
            "partial name (3 letters)": [r[1][:3] for r in rows],
            "DOB (YYYY-MM-DD)": [r[2] for r in rows],
            "DOB (MM/DD/YYYY)": [f"{r[2][5:7]}/{r[2][8:10]}/{r[2][:4]}" for r in rows],
            "SSN last 4": [r[3][-4:] for r in rows if r[3]],
        }
        for kind, texts in kinds.items():
            rng.shuffle(texts)
            times = []
            hits = 0
            for text in texts:
                t0 = time.perf_counter()
                hits += len(find_people(session, text))
                times.append(time.perf_counter() - t0)
            p50, p95 = percentile(times, 50), percentile(times, 95)
            line(f"search {kind}: p50 / p95",
                 f"{p50 * 1000:7.2f} / {p95 * 1000:7.2f} ms  ({hits / len(texts):.1f} hits avg)")
            entry.setdefault("search_ms", {})[kind] = {"p50": p50 * 1000, "p95": p95 * 1000}

        if size >= 100_000 or size == max(SIZES):
            for pragma in ("quick_check", "integrity_check", "cipher_integrity_check"):
                conn = session.conn
                t0 = time.perf_counter()
                result = conn.execute(f"PRAGMA {pragma}").fetchall()
                elapsed = time.perf_counter() - t0
                ok = result in ([("ok",)], [])
                line(f"startup PRAGMA {pragma}", f"{ms(elapsed)}  ({'clean' if ok else result[:3]})")
                entry.setdefault("checks_s", {})[pragma] = elapsed
    finally:
        session.close()
    RESULTS.setdefault("sizes", {})[str(size)] = entry


def bench_rewrap(root: Path) -> None:
    """A password change re-wraps 32 bytes: everything apart from the KDF."""
    from app.session import initialize
    from app.vault.keyfile import KeyFile

    print("Password change = re-wrap of the data key", flush=True)
    data_dir = root / "rewrap"
    with kdf_target("0"):
        session, _ = initialize(data_dir, "ct", USER, PASSWORD, agency_name="Bench Agency",
                                access_completed_on=date.today())
    try:
        vault = session.vault
        keyfile: KeyFile = vault.keyfile
        slot_id = keyfile.slot_id(USER)
        kek = os.urandom(32)
        key = crypto.new_data_key()
        aad = keyfile.aad(slot_id)
        t_wrap = median_time(lambda: crypto.wrap_key(kek, key, aad), 200)
        t_save = median_time(vault.save_keyfile, 20)
        params = crypto.Argon2Params.from_json(keyfile.slots[slot_id].kdf or {})
        t_kdf = median_time(lambda: crypto.derive_password_kek("New!Password99x", params), 3)
        db_before = (data_dir / "vault.db").stat()
        # The whole set_password_slot with the KDF swapped for its result: what a
        # password change costs apart from the one derivation.
        real_kdf = crypto.derive_password_kek
        crypto.derive_password_kek = lambda password, params: kek  # type: ignore[assignment]
        try:
            t_rest = median_time(lambda: vault.set_password_slot(slot_id, "New!Password99x"), 20)
        finally:
            crypto.derive_password_kek = real_kdf  # type: ignore[assignment]
        line("AES-256-GCM wrap of the 32-byte key", ms(t_wrap))
        line("key file write (temp file, fsync, rename, fsync dir)", ms(t_save))
        line("whole re-wrap apart from the KDF", ms(t_rest))
        line("(the KDF at the floor, for comparison)", ms(t_kdf))
        db_after = (data_dir / "vault.db").stat()
        line("database file rewritten", "no" if db_before.st_ino == db_after.st_ino else "yes")
        RESULTS["rewrap"] = {"wrap_s": t_wrap, "keyfile_save_s": t_save,
                             "rewrap_minus_kdf_s": t_rest, "kdf_s": t_kdf}
        key[:] = b"\0" * len(key)
    finally:
        session.close()


def bench_ui(root: Path, queries: int) -> None:
    """The main window and the intake wizard on the vaults built above (``bench.ui_bench``):
    those of 10,000 people or more, else the largest."""
    from bench import ui_bench

    sizes = [s for s in SIZES if s >= 10_000] or [max(SIZES)]
    vaults = [(size, root / f"people-{size}") for size in sizes]
    RESULTS["ui"] = ui_bench.run(vaults, queries=min(queries, 20))


SIZES: tuple[int, ...] = (1_000, 10_000, 100_000)


def main(argv: list[str] | None = None) -> int:
    global SIZES
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="comma-separated numbers of people (default 1000,10000,100000)")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind and size")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="build the vaults here and keep them")
    parser.add_argument("--no-ui", action="store_true", help="skip the main window and wizard figures")
    args = parser.parse_args(argv)
    SIZES = tuple(int(s) for s in args.sizes.split(",") if s.strip())

    from app.vault.connection import check_sqlcipher

    started = time.perf_counter()
    print(f"HMIS Intake core benchmarks - SQLCipher {check_sqlcipher()}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs", flush=True)
    rng = random.Random(20260101)
    with tempfile.TemporaryDirectory(prefix="hmis-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        bench_kdf()
        bench_unlock(root)
        bench_rewrap(root)
        for size in SIZES:
            bench_size(root, size, args.queries, rng)
        if not args.no_ui:
            bench_ui(root, args.queries)
    total = time.perf_counter() - started
    print(f"Done in {total:.0f} s.", flush=True)
    RESULTS["total_s"] = total
    if args.json:
        args.json.write_text(json.dumps(RESULTS, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
