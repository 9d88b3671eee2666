"""The second factor from the real ``hmis-intake`` command (issue 12 item 12, CT-GOV-1):
``user totp-enroll``, the code as the second line of standard input, ``user totp-reset``."""

from __future__ import annotations

from datetime import UTC, datetime

from support import ADMIN_PASSWORD, VaultInfo, auth, read_keys, run_cli, single_sentence

from app.security import totp


def _code(secret: str) -> str:
    return totp.code_at(secret, datetime.now(UTC))  # the child runs on the system clock


def test_enrol_then_sign_in_with_the_code_on_the_second_line(ct_vault: VaultInfo) -> None:
    enrolled = run_cli(ct_vault.data_dir, "user", "totp-enroll", ct_vault.user, "--json", *auth(),
                       password=ADMIN_PASSWORD)
    assert enrolled.returncode == 0, enrolled.stderr
    data = enrolled.json()
    assert data["otpauth_uri"].startswith("otpauth://totp/") and len(data["recovery_codes"]) == totp.RECOVERY_CODES
    assert data["secret"] not in (ct_vault.data_dir / "vault.keys").read_text()
    assert any(s.get("second_factor") for s in read_keys(ct_vault.data_dir)["slots"].values())

    missing = run_cli(ct_vault.data_dir, "user", "list", *auth(), password=ADMIN_PASSWORD)
    assert missing.returncode != 0 and single_sentence(missing.stderr)
    assert "code" in missing.stderr

    wrong = run_cli(ct_vault.data_dir, "user", "list", *auth(),
                    stdin=f"{ADMIN_PASSWORD}\n{'000000' if _code(data['secret']) != '000000' else '111111'}\n")
    assert wrong.returncode != 0 and single_sentence(wrong.stderr) and "code is wrong" in wrong.stderr

    listed = run_cli(ct_vault.data_dir, "user", "list", "--json", *auth(),
                     stdin=f"{ADMIN_PASSWORD}\n{_code(data['secret'])}\n")
    assert listed.returncode == 0, listed.stderr
    assert [u["username"] for u in listed.json()] == [ct_vault.user]

    recovered = run_cli(ct_vault.data_dir, "user", "totp-reset", ct_vault.user, *auth(),
                        stdin=f"{ADMIN_PASSWORD}\n{data['recovery_codes'][0]}\n")
    assert recovered.returncode == 0, recovered.stderr
    assert "Removed the second factor" in recovered.stdout
    plain = run_cli(ct_vault.data_dir, "user", "list", *auth(), password=ADMIN_PASSWORD)
    assert plain.returncode == 0, plain.stderr


def test_change_password_reads_the_code_between_the_passwords(ct_vault: VaultInfo) -> None:
    enrolled = run_cli(ct_vault.data_dir, "user", "totp-enroll", ct_vault.user, "--json", *auth(),
                       password=ADMIN_PASSWORD)
    secret, recovery = enrolled.json()["secret"], enrolled.json()["recovery_codes"]
    new_password = "Copper!Meadow8Violet4Kite"
    changed = run_cli(ct_vault.data_dir, "change-password", *auth(),
                      stdin=f"{ADMIN_PASSWORD}\n{_code(secret)}\n{new_password}\n")
    assert changed.returncode == 0, changed.stderr
    again = run_cli(ct_vault.data_dir, "user", "list", *auth(), stdin=f"{new_password}\n{recovery[1]}\n")
    assert again.returncode == 0, again.stderr
