"""Clause conformance: which policy clauses the packs encode and the tests name.

``python -m tools.conformance`` reads every clause of ``docs/policy-clauses.md`` (a
copy of the design inventory), finds each ID in the pack files (``forms/packs/<id>/``:
pack.toml, scripts and consent texts) and in the test suite (a test's name or
docstring), and writes ``docs/policy-conformance.md``. A pack may mark a clause open
(``[[conformance.open]]`` with a reason) where it does not enforce it yet or the
desktop client cannot. ``--check`` exits 1 when the written file is stale.
``tests/test_policy_conformance.py`` fails when an ``enforce`` clause has neither
(a pack setting and a test) nor an open reason. The file ends with every ambiguity
(A1..) that flags a clause of a pack and the pack key stating that pack's reading.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAUSES = ROOT / "docs" / "policy-clauses.md"
OUTPUT = ROOT / "docs" / "policy-conformance.md"
_ROW = re.compile(r"^\| ((?:CT|VT|MO)-[0-9A-Z.\-]+) \| (ct|vt|mo) \| ([^|]*) \| ([^|]*) \| (enforce|support|show) \|"
                  r"(?: ([^|]*) \|)?")
_AMBIGUITY = re.compile(r"\bA\d+\b")


@dataclass(frozen=True)
class Clause:
    id: str
    pack: str
    source: str
    rule: str
    level: str
    flags: str = ""

    @property
    def ambiguities(self) -> list[str]:
        return _AMBIGUITY.findall(self.flags)


@dataclass
class Status:
    clause: Clause
    settings: list[str] = field(default_factory=list)  # pack files naming it
    tests: list[str] = field(default_factory=list)  # tests naming it
    open_reason: str | None = None

    @property
    def covered(self) -> bool:
        return bool(self.settings and self.tests)

    @property
    def state(self) -> str:
        if self.covered:
            return "covered"
        if self.open_reason:
            return "open"
        return "missing"


def read_clauses(path: Path = CLAUSES) -> list[Clause]:
    found = []
    for line in path.read_text("utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            found.append(Clause(*((g or "").strip() for g in match.groups())))
    return found


def _id_pattern(clause_id: str) -> re.Pattern[str]:
    return re.compile(r"(?<![0-9A-Za-z.\-])" + re.escape(clause_id) + r"(?![0-9A-Za-z])")


def _name_pattern(clause_id: str) -> re.Pattern[str]:
    """A clause as a test name spells it: MO-ROI-10 is mo_roi_10, VT-3.4-14 vt_3_4_14."""
    token = re.sub(r"[.\-]", "_", clause_id.lower())
    return re.compile(r"(?<![0-9a-z])" + re.escape(token) + r"(?![0-9])")


def pack_texts(root: Path = ROOT) -> dict[str, list[tuple[str, str]]]:
    """Each pack's files as (relative path, text)."""
    texts: dict[str, list[tuple[str, str]]] = {}
    for folder in sorted((root / "forms" / "packs").iterdir()):
        if folder.is_dir() and (folder / "pack.toml").exists():
            texts[folder.name] = [(str(p.relative_to(root)), p.read_text("utf-8"))
                                  for p in sorted(folder.rglob("*.toml"))]
    return texts


def open_clauses(root: Path = ROOT) -> dict[str, str]:
    """``[[conformance.open]]`` entries of every pack: clause ID to the stated reason."""
    reasons: dict[str, str] = {}
    for folder in sorted((root / "forms" / "packs").iterdir()):
        pack = folder / "pack.toml"
        if pack.exists():
            data = tomllib.loads(pack.read_text("utf-8"))
            for entry in data.get("conformance", {}).get("open", []):
                reasons[entry["id"]] = entry["reason"]
    return reasons


def test_texts(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(test id, name, docstring) of every test function in tests/."""
    found = []
    for path in sorted((root / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_"):
                found.append((f"{path.relative_to(root)}::{node.name}", node.name, ast.get_docstring(node) or ""))
    return found


_OPEN_ENTRY = re.compile(r'^\[\[conformance\.open\]\]\nid = "[^"\n]*"\nreason = "(?:[^"\\\n]|\\.)*"\n', re.M)


def _comments_stripped(text: str) -> str:
    """The TOML without comments or open marks: a clause named only in a comment, or
    marked open, is not a setting."""
    text = _OPEN_ENTRY.sub("", text)
    return "\n".join(line.split("#", 1)[0] if not line.lstrip().startswith("#") else "" for line in text.splitlines())


def conformance(clauses: Iterable[Clause], root: Path = ROOT) -> list[Status]:
    packs = pack_texts(root)
    reasons = open_clauses(root)
    tests = test_texts(root)
    statuses = []
    for clause in clauses:
        status = Status(clause, open_reason=reasons.get(clause.id))
        by_id = _id_pattern(clause.id)
        by_name = _name_pattern(clause.id)
        for relative, text in packs.get(clause.pack, []):
            if by_id.search(_comments_stripped(text)):
                status.settings.append(relative)
        status.tests = [test_id for test_id, name, doc in tests if by_name.search(name) or by_id.search(doc)]
        statuses.append(status)
    return statuses


def _strings(value: object, path: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


def _is_reading_key(path: str) -> bool:
    """A reading is stated under a key named ``reading``, ``readings``, ``*_reading`` or in
    the ``[readings]`` table (by ambiguity ID); a comment, a clause's source or an open
    clause's reason is not a reading."""
    last = re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]
    return path.startswith("readings.") or last in ("reading", "readings") or last.endswith("_reading")


@dataclass
class AmbiguityReading:
    ambiguity: str
    pack: str
    clauses: list[str]
    keys: list[str]  # "forms/packs/<pack>/<file>: key" stating the pack's reading


def ambiguity_readings(clauses: Iterable[Clause], root: Path = ROOT) -> list[AmbiguityReading]:
    """Every ambiguity a pack's clauses are flagged with, and the pack keys stating its reading."""
    touched: dict[tuple[str, str], list[str]] = {}
    for clause in clauses:
        for ambiguity in clause.ambiguities:
            touched.setdefault((clause.pack, ambiguity), []).append(clause.id)
    readings = []
    for (pack, ambiguity), ids in sorted(touched.items(), key=lambda item: (item[0][0], int(item[0][1][1:]))):
        token = re.compile(r"(?<![0-9A-Za-z])" + ambiguity + r"(?![0-9])")
        keys = []
        for relative, text in pack_texts(root).get(pack, []):
            for path, value in _strings(tomllib.loads(text), ""):
                if _is_reading_key(path) and (token.search(value) or path == f"readings.{ambiguity}"):
                    keys.append(f"{relative}: {path}")
        readings.append(AmbiguityReading(ambiguity, pack, ids, keys))
    return readings


def render(statuses: list[Status], readings: list[AmbiguityReading] | None = None) -> str:
    enforce = [s for s in statuses if s.clause.level == "enforce"]
    count = {state: sum(1 for s in enforce if s.state == state) for state in ("covered", "open", "missing")}
    lines = [
        "# Policy conformance",
        "",
        "Generated by `python -m tools.conformance` from `docs/policy-clauses.md` (the design",
        "inventory), the pack files in `forms/packs/` and the tests; do not edit by hand.",
        "A clause is **covered** when a pack file sets it (its ID outside a comment) and a test",
        "names it (in the test's name, e.g. `mo_roi_10`, or its docstring). A pack may mark a",
        "clause **open** with its reason (`[[conformance.open]]` in pack.toml): not done.",
        "`tests/test_policy_conformance.py` fails when an `enforce` clause is neither.",
        "",
        f"`enforce` clauses: {len(enforce)}; covered {count['covered']}, open {count['open']}, "
        f"missing {count['missing']}.",
        "",
        "| ID | level | state | pack setting | tests | open: why |",
        "|---|---|---|---|---|---|",
    ]
    for s in statuses:
        tests = "<br>".join(f"`{t}`" for t in s.tests[:4]) + (f" (+{len(s.tests) - 4})" if len(s.tests) > 4 else "")
        settings = "<br>".join(f"`{p}`" for p in s.settings)
        reason = (s.open_reason or "").replace("|", "\\|")
        lines.append(f"| {s.clause.id} | {s.clause.level} | {s.state} | {settings} | {tests} | {reason} |")
    if readings is not None:
        stated = sum(1 for r in readings if r.keys)
        lines += [
            "",
            "## Ambiguities the packs touch",
            "",
            "Each ambiguity (A1.. in `docs/policy-clauses.md`) that flags a clause of a pack, and the",
            "pack key that states the pack's reading of it (a `reading`, `readings` or `*_reading`",
            "value naming it, or `[readings]` by its ID). `tests/test_policy_conformance.py` fails",
            "when one has none.",
            "",
            f"Touched: {len(readings)}; with a stated reading {stated}.",
            "",
            "| ambiguity | pack | clauses | reading stated at |",
            "|---|---|---|---|",
        ]
        for r in readings:
            keys = "<br>".join(f"`{k}`" for k in r.keys) or "none"
            lines.append(f"| {r.ambiguity} | {r.pack} | {', '.join(r.clauses)} | {keys} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.conformance", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/policy-conformance.md is stale")
    args = parser.parse_args(argv)
    clauses = read_clauses()
    text = render(conformance(clauses), ambiguity_readings(clauses))
    if args.check:
        current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
        if current != text:
            print("docs/policy-conformance.md is out of date; run python -m tools.conformance.", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
