"""The package installs the ordinary way: the wheel that ``pip`` builds holds every
data file the programs read (vault migrations, packs and questions, translations,
icons), and the installed commands work from a fresh environment outside the
checkout.

The fresh environment reuses the dependencies already installed for the tests
(a ``.pth`` line naming their folder, which does not run their ``.pth`` files, so
the checkout's editable install is not picked up) and installs the wheel itself
with ``--no-deps``. It runs in CI with the rest of the suite; it takes about a minute.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support import ADMIN_PASSWORD, ADMIN_USER, CHILD_SITE, REPO_ROOT

pytestmark = pytest.mark.packaging

DATA_FILES = ("app/vault/migrations/v001_initial.sql", "forms/packs/vt/pack.toml",
              "forms/packs/mo/es/consent.toml", "forms/questions/code_lists.toml",
              "forms/intake/intake-document.schema.json", "resources/translations/hmis_intake_es.qm",
              "resources/icons/hmis-intake.svg")


def _run(argv: list[str], cwd: Path, stdin: str = "", timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env["HMIS_INTAKE_KDF_TARGET_MS"] = "0"
    env["PYTHONPATH"] = str(CHILD_SITE)  # test mode only: the app itself comes from the wheel
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(argv, cwd=str(cwd), input=stdin, capture_output=True, text=True, env=env,
                          timeout=timeout)


def _ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, (f"exit {proc.returncode}\nstdout:\n{proc.stdout[-3000:]}"
                                  f"\nstderr:\n{proc.stderr[-3000:]}")
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a clean copy of the sources: a ``build/`` folder or ``*.egg-info``
    left in the checkout by an earlier build would otherwise lend the wheel its files."""
    source = tmp_path_factory.mktemp("source") / "hmis-intake"
    shutil.copytree(REPO_ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis",
        "tmp", "screenshots"))
    out = tmp_path_factory.mktemp("wheelhouse")
    _ok(_run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out),
              str(source)], cwd=out))
    (found,) = out.glob("hmis_intake-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the checkout with only the wheel installed
    (dependencies borrowed from the test environment); returns its bin folder."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent))
    python = venv / "bin" / "python"
    site = Path(_ok(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         cwd=venv.parent)).strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _ok(_run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
              "--quiet", str(wheel)], cwd=venv.parent))
    return venv / "bin"


def test_the_wheel_holds_every_data_file(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = [name for name in DATA_FILES if name not in names]
    assert not missing, f"the wheel lacks {missing}"
    shipped_sql = {name for name in names if name.startswith("app/vault/migrations/") and name.endswith(".sql")}
    in_checkout = {f"app/vault/migrations/{path.name}" for path in (REPO_ROOT / "app/vault/migrations").glob("*.sql")}
    assert shipped_sql == in_checkout
    for folder in ("forms", "resources"):
        for path in (REPO_ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                assert path.relative_to(REPO_ROOT).as_posix() in names, f"the wheel lacks {path.name}"


def test_the_installed_commands_run_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    python = str(installed / "python")
    where = _ok(_run([python, "-c", "import app, forms; print(app.__file__); print(forms.__file__)"], cwd=work))
    assert str(REPO_ROOT) not in where, "the fresh environment imported the checkout"

    cli = str(installed / "hmis-intake")
    data = tmp_path / "vault"
    auth = ["--user", ADMIN_USER, "--password-stdin"]
    password = ADMIN_PASSWORD + "\n"
    _ok(_run([cli, "--data-dir", str(data), "init", "--access-completed", "today",
              "--pack", "vt", "--agency", "Wheelwright Test Agency",
              *auth], cwd=work, stdin=password))
    assert "Added 25 synthetic people" in _ok(_run([cli, "--data-dir", str(data), "demo-data", "--clients", "25",
                                                     "--seed", "7", *auth], cwd=work, stdin=password))
    _ok(_run([cli, "--data-dir", str(data), "search", "a", "--json", *auth], cwd=work, stdin=password))
    export = work / "export.zip"
    _ok(_run([cli, "--data-dir", str(data), "export-hmis-csv", str(export), "--destination", "coc",
              *auth], cwd=work, stdin=password))
    with zipfile.ZipFile(export) as archive:
        assert "Client.csv" in archive.namelist()

    server = str(installed / "hmis-intake-server")
    code = _ok(_run([server, "enrollment-code", "--db", f"sqlite:///{tmp_path / 'server.db'}",
                     "--agency", "Wheelwright Test Agency"], cwd=work))
    assert code.strip().splitlines()[-1].strip()
