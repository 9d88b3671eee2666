"""Every figure beside a baseline measured in the same run, in one table.

    .venv/bin/python -m bench                          # 1,000 / 10,000 / 100,000 people
    .venv/bin/python -m bench --sizes 1000,10000       # a quicker run
    .venv/bin/python -m bench --sizes 200 --quick      # seconds: every row, few repeats
    .venv/bin/python -m bench --markdown docs/performance.md   # also write the table there
    .venv/bin/python -m bench.run                      # the older detailed core figures

For each size a vault of synthetic people (``app.demo``, pack ``mo``) is built and
each figure is measured through the production code paths, and its baseline - the
same work with nothing of HMIS Intake around it (plain SQLite, ``csv``, a bare
``requests`` loop, a bare PySide6 window) - right beside it, so a loaded machine
slows both. The ratio is figure / baseline (for sync: engine records/s / bare
records/s). The last column gives, at the largest size, how the figure grew with the
number of people: the exponent k in figure ~ people^k between the smallest and the
largest size (1 = linear; above 1.15 is flagged as faster than linear).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("HMIS_INTAKE_KDF_TARGET_MS", "0")  # unlock speed is bench.run's
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = (1_000, 10_000, 100_000)


@dataclass
class Figure:
    label: str
    baseline_label: str
    unit: str  # "s", "ms", "B", "MiB", "rec/s"
    values: dict[int, tuple[float, float]] = field(default_factory=dict)  # size -> (figure, baseline)
    cost: dict[int, float] = field(default_factory=dict)  # size -> what grows (time or bytes)
    per_size: bool = True


class Table:
    def __init__(self) -> None:
        self.figures: dict[str, Figure] = {}

    def put(self, label: str, baseline_label: str, unit: str, size: int, value: float, baseline: float,
            cost: float | None = None, per_size: bool = True) -> None:
        figure = self.figures.setdefault(label, Figure(label, baseline_label, unit, per_size=per_size))
        figure.values[size] = (value, baseline)
        figure.cost[size] = value if cost is None else cost
        print(f"  {label} ({size:,}): {_fmt(value, unit)} vs {_fmt(baseline, unit)}", file=sys.stderr, flush=True)

    def rows(self) -> list[list[str]]:
        out = []
        for figure in self.figures.values():
            sizes = sorted(figure.values)
            for size in sizes:
                value, baseline = figure.values[size]
                ratio = value / baseline if baseline else float("nan")
                growth = _growth(figure) if size == sizes[-1] else ""
                out.append([figure.label, f"{size:,}" if figure.per_size else "-", _fmt(value, figure.unit),
                            figure.baseline_label, _fmt(baseline, figure.unit), f"{ratio:.2f}x", growth])
        return out

    def markdown(self) -> str:
        head = ["figure", "people", "value", "baseline (same run)", "baseline", "ratio", "growth"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows()]
        return "\n".join(lines)

    def faster_than_linear(self) -> list[str]:
        return [f.label for f in self.figures.values() if _exponent(f) is not None and _exponent(f) > 1.15]


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "B":
        return f"{value:,.0f} B"
    if unit == "MiB":
        return f"{value / 2**20:.0f} MiB"
    if unit == "rec/s":
        return f"{value:,.0f} rec/s"
    return f"{value:.3g}"


def _exponent(figure: Figure) -> float | None:
    sizes = sorted(figure.cost)
    if not figure.per_size or len(sizes) < 2:
        return None
    low, high = figure.cost[sizes[0]], figure.cost[sizes[-1]]
    if low <= 0 or high <= 0:
        return None
    return math.log(high / low) / math.log(sizes[-1] / sizes[0])


def _growth(figure: Figure) -> str:
    k = _exponent(figure)
    if k is None:
        return ""
    word = "faster than linear" if k > 1.15 else ("linear" if k >= 0.85 else "sub-linear")
    return f"k={k:.2f} {word}"



def one_size(table: Table, size: int, work: Path, args: argparse.Namespace, rng: random.Random) -> None:
    from app.demo import add_demo_people
    from app.session import initialize, sign_in
    from bench.figures import (
        PASSWORD,
        USER,
        consent_pdf,
        export,
        gui,
        outbox_status,
        save,
        search,
        sync,
        vault_bytes,
    )

    print(f"{size:,} people", file=sys.stderr, flush=True)
    data_dir = work / f"people-{size}"
    session, _ = initialize(data_dir, "mo", USER, PASSWORD, agency_name="Bench Agency",
                            access_completed_on=date.today())
    try:
        add_demo_people(session, size, seed=size)
    finally:
        session.close()
    plain = work / f"plain-{size}.db"
    search(table, size, data_dir, work, args.queries, rng)
    session = sign_in(data_dir, USER, PASSWORD)
    try:
        vault_bytes(table, size, session, plain, work, "vault bytes per person, unsent")
        outbox_status(table, size, session, plain, args.repeat * 10)
        export(table, size, session, work)
        save(table, size, session, plain, args.saves, rng)
        consent_pdf(table, size, session, args.repeat * 3)
        sync(table, size, session, work)
        vault_bytes(table, size, session, plain, work, "vault bytes per person, after sync")
        vault_bytes(table, size, session, plain, work, "vault bytes per person, after sync + VACUUM",
                    vacuum=True)
    finally:
        session.close()
    gui(table, size, data_dir, args.repeat)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", {kib / 2**20:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ", load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return (f"{os.cpu_count()} CPUs ({cpu}){ram}{load}; Python {sys.version.split()[0]}; "
            f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="comma-separated numbers of people (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="few repeats: to see every row work, not to compare")
    parser.add_argument("--queries", type=int, help="searches per kind and size (default 100; 5 with --quick)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--markdown", type=Path, help="also write the machine line and the table to this file,"
                        " between the bench markers")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    args.queries = args.queries or (5 if args.quick else 100)
    args.saves = 2 if args.quick else 5
    args.repeat = 1 if args.quick else 3
    rng = random.Random(20261205)
    table = Table()
    started = time.perf_counter()
    before = machine()
    with tempfile.TemporaryDirectory(prefix="hmis-bench-table-") as tmp:
        from bench.figures import import_times

        import_times(table, args.repeat)
        for size in sizes:
            one_size(table, size, Path(tmp), args, rng)
    print(f"HMIS Intake: every figure beside its baseline - {before}")
    print()
    text = table.markdown()
    print(text)
    print()
    faster = table.faster_than_linear()
    growth = ("Faster than linear: " + ", ".join(faster) + ".") if faster else (
        "Nothing grows faster than linear." if len(sizes) > 1 else "Growth needs two sizes or more.")
    print(growth)
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    if args.json:
        args.json.write_text(json.dumps({f.label: {"baseline": f.baseline_label, "unit": f.unit,
                                                   "values": f.values} for f in table.figures.values()},
                                        indent=1))
    if args.markdown:
        write_markdown(args.markdown, f"Measured {before}.\n\n{text}\n\n{growth}\n")
    return 0


START, END = "<!-- bench:table -->", "<!-- /bench:table -->"


def write_markdown(path: Path, block: str) -> None:
    old = path.read_text() if path.exists() else f"{START}\n{END}\n"
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n{block}{END}{tail}")


if __name__ == "__main__":
    sys.exit(main())
