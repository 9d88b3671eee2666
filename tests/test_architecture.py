"""Imports point inward (style.md, "Shape" 1): app/ and forms/ import no Qt and
nothing from ui/ or sync/; sync/ imports no Qt widgets; the CLI imports no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, module: str | None = None) -> set[str]:
    """Every module ``path`` imports, relative imports resolved to their absolute name
    (``from ..server import storage`` in ``sync/hmis_csv/x.py`` is ``sync.server``)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    package = (module or module_name(path)).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                anchor = package[:len(package) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def test_relative_imports_are_resolved(tmp_path: Path) -> None:
    """The checks below cannot be dodged with a relative import."""
    sample = tmp_path / "probe.py"
    sample.write_text("from ..server import storage\nfrom . import columns\n", "utf-8")
    assert {"sync.server", "sync.server.storage", "sync.hmis_csv", "sync.hmis_csv.columns"} <= \
        imported_modules(sample, "sync.hmis_csv.probe")


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in python_files(package):
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


@pytest.mark.parametrize("package", ["app", "forms"])
def test_core_imports_no_qt_ui_or_sync(package: str) -> None:
    assert python_files("app"), "the core package should exist"
    assert offenders(package, ("PySide6", "shiboken6", "ui", "sync")) == []


def test_sync_imports_no_widgets_or_ui() -> None:
    assert offenders("sync", ("PySide6.QtWidgets", "PySide6.QtGui", "ui")) == []


def test_cli_imports_no_qt_at_module_level() -> None:
    tree = ast.parse((ROOT / "ui" / "cli.py").read_text("utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = {a.name for n in top_level if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in top_level if isinstance(n, ast.ImportFrom)}
    assert not {n for n in names if n.startswith(("PySide6", "ui."))}


def test_build_spec_bundles_the_data_packages() -> None:
    spec = (ROOT / "build.spec").read_text("utf-8")
    for package in ("forms", "resources"):
        assert f'package_data("{package}")' in spec
    assert "COLLECT(" in spec, "the bundle must be one-folder"


def server_side(path: Path) -> bool:
    """The reference central server and the export from its records."""
    rel = path.relative_to(ROOT).as_posix()
    return rel.startswith(("sync/server/", "sync/hmis_csv/server_")) or rel == "sync/server_cli.py"


def test_device_code_does_not_import_the_server() -> None:
    """The laptop's code never loads the central server (its storage, its web app):
    the GUI stays light and a device bug cannot reach the server's tables."""
    found = [
        f"{p.relative_to(ROOT)} imports {name}"
        for package in ("app", "ui", "sync")
        for p in python_files(package) if not server_side(p)
        for name in imported_modules(p)
        if name == "sync.server" or name.startswith(("sync.server.", "sync.hmis_csv.server_"))
    ]
    assert found == []


def code_lines(path: Path) -> int:
    """Lines that hold code: no blank lines, comments or docstrings."""
    source = path.read_text("utf-8")
    tree = ast.parse(source)
    doc_lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and \
                    isinstance(first.value.value, str):
                doc_lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return sum(1 for number, line in enumerate(source.splitlines(), 1)
               if line.strip() and not line.strip().startswith("#") and number not in doc_lines)


def test_code_lines_are_counted_without_blanks_comments_and_docstrings(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc.\n\nMore."""\n\n# a comment\nx = 1\n\n\ndef f():\n    """Doc."""\n    return x\n')
    assert code_lines(sample) == 3


def test_no_module_is_a_god_file() -> None:
    long = [
        f"{p.relative_to(ROOT)} ({n} code lines)"
        for package in ("app", "ui", "sync")
        for p in python_files(package)
        if (n := code_lines(p)) > 500
    ]
    assert long == []
