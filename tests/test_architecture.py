"""Imports point inward (style.md, "Shape" 1): app/ and forms/ import no Qt and
nothing from ui/ or sync/; sync/ imports no Qt widgets; the CLI imports no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


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
    assert not {n for n in names if n.startswith("PySide6") or n.startswith("ui.")}


def test_build_spec_bundles_the_data_packages() -> None:
    spec = (ROOT / "build.spec").read_text("utf-8")
    for package in ("forms", "resources"):
        assert f'package_data("{package}")' in spec
    assert "COLLECT(" in spec, "the bundle must be one-folder"


def test_no_module_is_a_god_file() -> None:
    long = [
        f"{p.relative_to(ROOT)} ({n} lines)"
        for package in ("app", "ui", "sync")
        for p in python_files(package)
        if (n := len(p.read_text("utf-8").splitlines())) > 600
    ]
    assert long == []
