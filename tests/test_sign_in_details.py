"""CT-403-2, MO-PWD-5: ``hmis-intake`` never takes a sign-in detail where others can see
it. A password or code given as an option is in the process list and the shell history;
one in an environment variable is readable by other programs. Both are refused, as real
processes, before anything is read or signed in, and the refusal never repeats the value.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, REPO_ROOT, VaultInfo, child_env, cli_command, make_vault, run_cli

from app.packs import available_packs, load_pack
from app.sign_in_details import name_on_lock_screen
from ui.cli import build_parser
from ui.cli_secrets import secret_option


@pytest.fixture
def mo_vault(tmp_path: Path) -> VaultInfo:
    return make_vault(tmp_path / "vault", "mo")


def _audit_count(info: VaultInfo) -> int:
    session = info.sign_in()
    try:
        return int(session.conn.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    finally:
        session.close()


def _sentence_without(text: str, secret: str) -> bool:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return len(lines) == 1 and lines[0].endswith(".") and "Traceback" not in text and secret not in text


@pytest.mark.parametrize("given", [
    ["status", "--user", ADMIN_USER, "--password", ADMIN_PASSWORD],
    ["status", "--user", ADMIN_USER, f"--password={ADMIN_PASSWORD}"],
    ["search", "x", "--user", ADMIN_USER, "--pw", ADMIN_PASSWORD],
    ["change-password", "--user", ADMIN_USER, "--new-password", ADMIN_PASSWORD],
    ["recover", "--user", ADMIN_USER, "--recovery-key", ADMIN_PASSWORD],
    ["enroll", "--server", "http://127.0.0.1:9", "--code", ADMIN_PASSWORD, "--user", ADMIN_USER, "--password-stdin"],
    ["user", "add", "jo.lead", "--role", "agency_admin", "--lead-grant", ADMIN_PASSWORD,
     "--user", ADMIN_USER, "--password-stdin"],
    ["user", "add", "jo.lead", "--role", "agency_admin", f"--lead-grant={ADMIN_PASSWORD}",
     "--user", ADMIN_USER, "--password-stdin"],
])
def test_ct_403_2_mo_pwd_5_a_secret_on_the_command_line_is_refused_unused(mo_vault: VaultInfo,
                                                                            given: list[str]) -> None:
    first = _audit_count(mo_vault)
    before = _audit_count(mo_vault)
    own = before - first  # what one count's own sign-in adds to the trail
    done = run_cli(mo_vault.data_dir, *given, password=ADMIN_PASSWORD)
    assert done.returncode == 2, done.stderr
    assert _sentence_without(done.stderr, ADMIN_PASSWORD), done.stderr
    assert "process list" in done.stderr and "--password-stdin" in done.stderr
    assert ADMIN_PASSWORD not in done.stdout
    assert _audit_count(mo_vault) == before + own, "no sign-in or anything else was recorded for the command"


@pytest.mark.parametrize("variable", ["HMIS_INTAKE_PASSWORD", "HMIS_PASSWORD", "HMIS_INTAKE_ENROLLMENT_CODE"])
def test_ct_403_2_mo_pwd_5_a_secret_in_the_environment_is_refused_even_with_the_right_password(
    mo_vault: VaultInfo, variable: str
) -> None:
    env = child_env()
    env[variable] = ADMIN_PASSWORD
    done = subprocess.run([*cli_command(), "--data-dir", str(mo_vault.data_dir), "status", "--user", ADMIN_USER,
                           "--password-stdin"], input=ADMIN_PASSWORD + "\n", capture_output=True, text=True,
                          env=env, cwd=str(REPO_ROOT), timeout=60)
    assert done.returncode == 2, done.stderr
    assert _sentence_without(done.stderr, ADMIN_PASSWORD) and variable in done.stderr
    assert "environment" in done.stderr and done.stdout == ""
    # The same command with the variable gone signs in: the refusal was the variable's.
    assert run_cli(mo_vault.data_dir, "status", "--user", ADMIN_USER, "--password-stdin",
                   password=ADMIN_PASSWORD).returncode == 0


def test_ct_403_2_mo_pwd_5_the_enrollment_code_is_read_from_standard_input(mo_vault: VaultInfo) -> None:
    """Without the code's line ``enroll`` says where it goes; with it the code reaches the
    server check (here the plain-http refusal for a remote address)."""
    missing = run_cli(mo_vault.data_dir, "enroll", "--server", "https://127.0.0.1:9", "--credential-store", "vault",
                      "--user", ADMIN_USER, "--password-stdin", password=ADMIN_PASSWORD)
    assert missing.returncode == 2 and "enrollment code" in missing.stderr and "standard input" in missing.stderr
    assert _sentence_without(missing.stderr, ADMIN_PASSWORD)
    given = run_cli(mo_vault.data_dir, "enroll", "--server", "http://192.0.2.10:8080", "--credential-store", "vault",
                    "--user", ADMIN_USER, "--password-stdin", stdin=f"{ADMIN_PASSWORD}\nK7QM-2WXC-HPRT\n")
    assert given.returncode == 2 and "https" in given.stderr and "K7QM" not in given.stderr + given.stdout


def test_ct_403_2_mo_pwd_5_the_leads_grant_code_is_read_from_standard_input(mo_vault: VaultInfo) -> None:
    """``user add --lead-grant-stdin`` without the code's line says where it goes and adds
    no one; the refusal of ``--lead-grant CODE`` names the option to use instead."""
    missing = run_cli(mo_vault.data_dir, "user", "add", "jo.lead", "--role", "agency_admin", "--lead-grant-stdin",
                      "--user", ADMIN_USER, "--password-stdin", password=ADMIN_PASSWORD)
    assert missing.returncode == 2, missing.stderr
    assert "grant code" in missing.stderr and "standard input" in missing.stderr
    assert _sentence_without(missing.stderr, ADMIN_PASSWORD)
    listed = run_cli(mo_vault.data_dir, "user", "list", "--user", ADMIN_USER, "--password-stdin",
                     password=ADMIN_PASSWORD)
    assert listed.returncode == 0 and "jo.lead" not in listed.stdout
    refused = run_cli(mo_vault.data_dir, "user", "add", "jo.lead", "--role", "agency_admin", "--lead-grant",
                      "K7QM-2WXC-HPRT", "--user", ADMIN_USER, "--password-stdin", password=ADMIN_PASSWORD)
    assert refused.returncode == 2 and "--lead-grant-stdin" in refused.stderr
    assert _sentence_without(refused.stderr, "K7QM")


def test_ct_403_2_mo_pwd_5_no_option_of_the_command_carries_a_secret() -> None:
    """Every option of every subcommand, by name: only --password-stdin mentions a
    password, and the refusal never catches an option the command has."""
    parser = build_parser()
    seen: set[str] = set()

    def walk(p: object) -> None:
        for action in getattr(p, "_actions", []):
            seen.update(s for s in action.option_strings if s.startswith("--"))
            for child in (getattr(action, "choices", None) or {}).values() if isinstance(
                    getattr(action, "choices", None), dict) else ():
                walk(child)

    walk(parser)
    assert "--password-stdin" in seen and "--server" in seen and "--coc-code" in seen
    assert [o for o in sorted(seen) if secret_option([o])] == []
    assert "--lead-grant-stdin" in seen
    for secret in ("--password", "--code", "--pw", "--passwd", "--recovery-key", "--enrollment-code", "--secret",
                   "--lead-grant", "--grant-code"):
        assert secret not in seen and secret_option([secret]) == secret


def test_ct_403_2_mo_pwd_5_ct_and_mo_keep_user_names_off_the_lock_screen_and_vt_keeps_its_own() -> None:
    shown = {pack: load_pack(pack).user_access.sign_in_names_shown for pack in available_packs()}
    assert shown == {"ct": False, "mo": False, "vt": True}
    assert name_on_lock_screen(load_pack("mo"), "wren.admin") == ""
    assert name_on_lock_screen(load_pack("vt"), "wren.admin") == "wren.admin"
