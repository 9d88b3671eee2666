"""The headless interface exactly as product.md gives it, through the real console script."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    ON_FILE,
    CliResult,
    VaultInfo,
    auth,
    make_vault,
    run_cli,
    single_sentence,
    synthetic_person,
)

from app.clock import FakeClock
from app.errors import AccountLocked, BadCredentials, PasswordRejected, VaultNotFound
from app.people import save_new_person
from app.session import sign_in
from ui.cli import EXIT_USAGE, build_parser

RECOVERY_KEY = re.compile(r"\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){7}\b")

KNOWN = [
    # first, last, dob, ssn
    ("Wilhelmina", "Quorndale", "1979-11-23", "900114471"),
    ("Bartholomew", "Quorndale", "1983-02-14", "900228812"),
    ("Ottoline", "Fernwhistle", "2001-07-04", "900331239"),
]


def assert_user_error(result: CliResult, code: int | None = None) -> None:
    assert result.returncode != 0
    if code is not None:
        assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert single_sentence(result.stderr), repr(result.stderr)
    assert result.stdout == ""


@pytest.fixture(scope="module")
def people_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[VaultInfo, dict[str, str]]]:
    """A ct vault with three known people (module-wide: every test here only reads it)."""
    info = make_vault(tmp_path_factory.mktemp("cli") / "data", "ct",
                      FakeClock(datetime.now(UTC).replace(microsecond=0)))
    ids: dict[str, str] = {}
    session = info.sign_in()
    try:
        for first, last, dob, ssn in KNOWN:
            ids[first] = save_new_person(session, synthetic_person(first, last, dob=dob, ssn=ssn), basis=ON_FILE)
    finally:
        session.close()
    yield info, ids


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_init_prints_a_recovery_key(tmp_path: Path, pack: str) -> None:
    data_dir = tmp_path / "data"
    result = run_cli(data_dir, "init", "--access-completed", "today",
                     "--pack", pack, "--user", ADMIN_USER, "--password-stdin",
                     password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    keys = RECOVERY_KEY.findall(result.stdout)
    assert len(keys) == 1
    assert ADMIN_PASSWORD not in result.stdout + result.stderr
    assert (data_dir / "vault.db").exists() and (data_dir / "vault.keys").exists()
    session = sign_in(data_dir, ADMIN_USER, ADMIN_PASSWORD)
    try:
        assert session.pack.id == pack
        assert session.can("users.manage")
    finally:
        session.close()


def test_init_json_is_only_json(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "d", "init", "--access-completed", "today",
                     "--pack", "vt", *auth(), "--json", password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pack"] == "vt" and RECOVERY_KEY.fullmatch(data["recovery_key"])


def test_init_refuses_a_weak_password_and_creates_nothing(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "d", "init", "--access-completed", "today",
                     "--pack", "ct", *auth(), password="short1!A")
    assert_user_error(result, PasswordRejected.exit_code)
    assert "15 characters" in result.stderr
    assert not (tmp_path / "d" / "vault.db").exists()
    assert not (tmp_path / "d" / "vault.keys").exists()


def test_init_twice_is_refused(tmp_path: Path) -> None:
    assert run_cli(tmp_path / "d", "init", "--access-completed", "today",
                   "--pack", "mo", *auth(), password=ADMIN_PASSWORD).returncode == 0
    again = run_cli(tmp_path / "d", "init", "--access-completed", "today",
                    "--pack", "mo", *auth(), password=ADMIN_PASSWORD)
    assert_user_error(again, 3)


def test_demo_data_adds_exactly_n(mo_vault: VaultInfo) -> None:
    data_dir = mo_vault.data_dir
    for n in (37, 0, 6):
        result = run_cli(data_dir, "demo-data", "--clients", str(n), *auth(), password=ADMIN_PASSWORD)
        assert result.returncode == 0, result.stderr
        assert f"Added {n} " in result.stdout
    status = run_cli(data_dir, "status", "--json", *auth(), password=ADMIN_PASSWORD)
    session = sign_in(data_dir, ADMIN_USER, ADMIN_PASSWORD)
    try:
        conn = session.conn
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 43
        # Each person, enrollment and consent is queued, and each project once.
        queued = conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        assert status.json()["pending"] == queued
        people = conn.execute("SELECT count(*) FROM outbox WHERE entity = 'person'").fetchone()[0]
        assert people == 43
        assert conn.execute("SELECT count(*) FROM person WHERE is_demo = 1").fetchone()[0] == 43
        # In households, with an enrollment and a consent each, in the device's projects.
        assert conn.execute("SELECT count(DISTINCT personal_id) FROM enrollment").fetchone()[0] == 43
        assert conn.execute("SELECT count(DISTINCT personal_id) FROM consent").fetchone()[0] == 43
        assert conn.execute(
            "SELECT count(*) FROM enrollment WHERE project_id NOT IN (SELECT project_id FROM project)"
        ).fetchone()[0] == 0
        # Never a whole SSN: only the last four digits (HUD's partial SSN, quality 2).
        assert conn.execute(
            "SELECT count(*) FROM person WHERE ssn IS NOT NULL AND (ssn NOT LIKE 'xxxxx____' OR ssn_data_quality != 2)"
        ).fetchone()[0] == 0
        # Every demo household went through the intake gate (its answer kept per enrollment).
        assert conn.execute("SELECT count(*) FROM consent_gate_decision WHERE kind = 'intake'").fetchone()[0] == 43
    finally:
        session.close()


def test_demo_data_refuses_a_negative_count(people_vault: tuple[VaultInfo, dict[str, str]]) -> None:
    info, _ = people_vault
    result = run_cli(info.data_dir, "demo-data", "--clients", "-3", *auth(), password=ADMIN_PASSWORD)
    assert_user_error(result, EXIT_USAGE)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Quorndale", {"Wilhelmina", "Bartholomew"}),
        ("quorn", {"Wilhelmina", "Bartholomew"}),
        ("wilh quor", {"Wilhelmina"}),
        ("1979-11-23", {"Wilhelmina"}),
        ("11/23/1979", {"Wilhelmina"}),
        ("1239", {"Ottoline"}),
        ("Nobodyhere", set()),
    ],
)
def test_search_json(people_vault: tuple[VaultInfo, dict[str, str]], query: str, expected: set[str]) -> None:
    info, ids = people_vault
    result = run_cli(info.data_dir, "search", query, "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1  # one JSON document and nothing else
    hits = json.loads(result.stdout)
    assert isinstance(hits, list)
    assert {h["first_name"] for h in hits} == expected
    by_first = {first: (last, dob) for first, last, dob, _ in KNOWN}
    for hit in hits:
        assert {"personal_id", "first_name", "last_name", "dob"} <= set(hit)
        assert hit["personal_id"] == ids[hit["first_name"]]
        assert (hit["last_name"], hit["dob"]) == by_first[hit["first_name"]]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit["dob"])


def test_search_for_people_is_readable(people_vault: tuple[VaultInfo, dict[str, str]]) -> None:
    info, ids = people_vault
    result = run_cli(info.data_dir, "search", "Fernwhistle", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "Fernwhistle, Ottoline" in result.stdout and ids["Ottoline"] in result.stdout
    assert "900331239" not in result.stdout  # the full SSN is never printed


def test_status_json(people_vault: tuple[VaultInfo, dict[str, str]]) -> None:
    info, _ = people_vault
    result = run_cli(info.data_dir, "status", "--json", *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pending"] == len(KNOWN)
    assert data["window_hours"] == 72
    assert isinstance(data["oldest_pending_hours"], (int, float)) and data["oldest_pending_hours"] >= 0


def test_status_on_an_empty_vault(tmp_path: Path) -> None:
    assert run_cli(tmp_path / "d", "init", "--access-completed", "today",
                   "--pack", "vt", *auth(), password=ADMIN_PASSWORD).returncode == 0
    data = run_cli(tmp_path / "d", "status", "--json", *auth(), password=ADMIN_PASSWORD).json()
    assert (data["pending"], data["oldest_pending_hours"], data["window_hours"]) == (0, None, 120)


def test_wrong_password(people_vault: tuple[VaultInfo, dict[str, str]]) -> None:
    info, _ = people_vault
    result = run_cli(info.data_dir, "search", "x", "--json", *auth(), password="Not!TheRightOne99")
    assert_user_error(result, BadCredentials.exit_code)
    # Let the shared vault start clean again.
    sign_in(info.data_dir, ADMIN_USER, ADMIN_PASSWORD, info.clock).close()


def test_locked_account(vt_vault: VaultInfo) -> None:
    for _ in range(3):
        with pytest.raises((BadCredentials, AccountLocked)):
            sign_in(vt_vault.data_dir, ADMIN_USER, "Not!TheRightOne99", vt_vault.clock)
    result = run_cli(vt_vault.data_dir, "status", "--json", *auth(), password=ADMIN_PASSWORD)
    assert_user_error(result, AccountLocked.exit_code)


def test_missing_vault(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "none", "search", "x", "--json", *auth(), password=ADMIN_PASSWORD)
    assert_user_error(result, VaultNotFound.exit_code)
    assert not (tmp_path / "none" / "vault.db").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["init", "--access-completed", "today", "--pack", "zz", "--user", "a", "--password-stdin"],
        ["init", "--user", "a", "--password-stdin"],
        ["demo-data", "--clients", "many", "--user", "a", "--password-stdin"],
        ["search", "--user", "a", "--password-stdin"],
        ["status", "--json", "--user", "a", "--password-stdin", "--frobnicate"],
        ["no-such-command"],
        ["status", "--user", "a", "--password", ADMIN_PASSWORD],
        ["search", "x", "--user", "a", "--password-stdin", ADMIN_PASSWORD],
        ["status", "--user", "a", f"--password={ADMIN_PASSWORD}"],
        ["status", "--user", "a", f"--password-stdin={ADMIN_PASSWORD}"],
        ["status", "--user", "a", "--pass", ADMIN_PASSWORD],
    ],
)
def test_bad_arguments(people_vault: tuple[VaultInfo, dict[str, str]], args: list[str]) -> None:
    info, _ = people_vault
    result = run_cli(info.data_dir, *args, password=ADMIN_PASSWORD)
    assert_user_error(result, EXIT_USAGE)
    assert ADMIN_PASSWORD not in result.stderr


@pytest.mark.parametrize("command", [["status", "--json"], ["search", "x"], ["demo-data", "--clients", "1"]])
def test_empty_stdin(people_vault: tuple[VaultInfo, dict[str, str]], command: list[str]) -> None:
    info, _ = people_vault
    result = run_cli(info.data_dir, *command, *auth(), stdin="")
    assert_user_error(result, EXIT_USAGE)
    assert "standard input" in result.stderr


def test_init_with_empty_stdin_creates_nothing(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "d", "init", "--access-completed", "today", "--pack", "vt", *auth(), stdin="")
    assert_user_error(result, EXIT_USAGE)
    assert not (tmp_path / "d" / "vault.keys").exists()


def test_without_password_stdin_the_password_is_not_read(people_vault: tuple[VaultInfo, dict[str, str]]) -> None:
    info, _ = people_vault
    result = run_cli(info.data_dir, "status", "--user", ADMIN_USER, password=ADMIN_PASSWORD)
    assert_user_error(result, EXIT_USAGE)
    assert "--password-stdin" in result.stderr


def test_no_option_takes_a_password_from_argv() -> None:
    """Passwords come from stdin only: no option anywhere takes one as a value."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    seen = 0
    for name, command in sub.choices.items():
        for action in command._actions:
            for option in action.option_strings:
                if "password" in option or "secret" in option or "key" in option:
                    seen += 1
                    assert option == "--password-stdin", (name, option)
                    assert action.nargs == 0, (name, option)
    assert seen >= 4


def test_version() -> None:
    result = run_cli(None, "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("hmis-intake ")


def test_search_piped_into_a_closed_reader_ends_quietly(tmp_path: Path) -> None:
    """``search … | head -1``: the reader closing early is no error to report."""
    import subprocess

    from support import child_env, cli_command, make_vault

    info = make_vault(tmp_path / "vault", "mo")
    run_cli(info.data_dir, "demo-data", "--clients", "3000", *auth(), password=info.password)
    proc = subprocess.Popen(
        [*cli_command(), "--data-dir", str(info.data_dir), "search", "1", "--limit", "3000", *auth()],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(),
    )
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write((info.password + "\n").encode())
    proc.stdin.close()
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Unexpected error" not in err and "Traceback" not in err
