"""Helpers the tests share: the real ``hmis-intake`` command and real vaults on disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.clock import Clock, FakeClock
from app.domain.person import Person
from app.session import Session, initialize, sign_in

PACKS: tuple[str, ...] = ("ct", "vt", "mo")
ADMIN_USER = "quinn.admin"
# Satisfies every shipped default profile: vt classes, mo letter+digit with no
# dictionary word, ct's 15-character passphrase minimum.
ADMIN_PASSWORD = "Quiet!Harbor7Lantern9"
AGENCY = "Riverbend Test Shelter"
REPO_ROOT = Path(__file__).resolve().parent.parent
# Holds the sitecustomize that turns on test mode in every child (app.settings).
CHILD_SITE = Path(__file__).resolve().parent / "child_site"


def cli_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m ui.cli``."""
    bindir = Path(sys.executable).parent
    found = shutil.which("hmis-intake", path=str(bindir))
    if found:
        return [found]
    return [sys.executable, "-m", "ui.cli"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["HMIS_INTAKE_KDF_TARGET_MS"] = "0"
    env.pop("HMIS_INTAKE_DEBUG", None)
    env["PYTHONPATH"] = os.pathsep.join((str(CHILD_SITE), str(REPO_ROOT), env.get("PYTHONPATH", "")))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(
    data_dir: Path | None,
    *args: str,
    password: str | None = None,
    stdin: str | None = None,
    timeout: float = 60,
) -> CliResult:
    """Run ``hmis-intake [--data-dir D] ARGS`` as a real subprocess.

    ``password`` is written as the first line of standard input; ``stdin`` gives the
    whole of standard input instead (an empty string means empty input).
    """
    argv = cli_command()
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    argv += list(args)
    if stdin is None:
        stdin = "" if password is None else password + "\n"
    proc = subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=str(REPO_ROOT),
        timeout=timeout,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def auth(user: str = ADMIN_USER) -> list[str]:
    return ["--user", user, "--password-stdin"]


@dataclass
class VaultInfo:
    data_dir: Path
    pack: str
    user: str
    password: str
    recovery_key: str
    clock: Clock

    def sign_in(self, user: str | None = None, password: str | None = None) -> Session:
        return sign_in(self.data_dir, user or self.user, password or self.password, self.clock)


def make_vault(data_dir: Path, pack: str, clock: Clock | None = None) -> VaultInfo:
    clock = clock or FakeClock(datetime.now(UTC).replace(microsecond=0))
    session, recovery = initialize(
        data_dir, pack, ADMIN_USER, ADMIN_PASSWORD, agency_name=AGENCY, clock=clock,
        access_completed_on=clock.now().date(),
    )
    session.close()
    return VaultInfo(data_dir, pack, ADMIN_USER, ADMIN_PASSWORD, recovery, clock)


def renew_access(info: VaultInfo, user: str | None = None) -> None:
    """Record the pack's agreements and trainings again for ``user`` (the administrator)
    on the vault clock's day, for a test that moved the clock past their renewal; the
    administrator signs in with client records closed and records them (user_access)."""
    from app.user_access import record

    session = info.sign_in()
    try:
        record(session, user or info.user, [r.id for r in session.pack.user_access.requirements],
               session.clock.now().date())
    finally:
        session.close()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def single_sentence(text: str) -> bool:
    """One line of prose ending in a full stop, with no traceback."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return len(lines) == 1 and lines[0].rstrip().endswith((".", ")")) and "Traceback" not in text




def data_key_of(info: VaultInfo) -> bytearray:
    """The raw data key, unwrapped with the recovery key (touches no failure counter)."""
    from app.vault.vault import unlock_recovery

    return unlock_recovery(info.data_dir, info.recovery_key).data_key


def synthetic_person(first: str = "Testfirst", last: str = "Testlast", **fields: Any) -> Person:
    return Person(first_name=first, last_name=last, name_data_quality=1, **fields)


def read_keys(data_dir: Path) -> dict[str, Any]:
    return json.loads((data_dir / "vault.keys").read_text("utf-8"))


def write_keys(data_dir: Path, data: dict[str, Any]) -> None:
    (data_dir / "vault.keys").write_text(json.dumps(data, indent=1), "utf-8")


USER_PASSWORD = "Violet!Ladder7Kettle9"


def role_of_kind(pack: str, kind: str) -> str:
    from app.packs import load_pack

    return next(r.id for r in load_pack(pack).roles if r.kind == kind)


def granted_by_lead(username: str, role_id: str) -> Any:
    """The HMIS Lead's grant for a role only the Lead gives (VT-2.1-4), as the Lead's
    server confirms it, for a test about something else; the redemption itself is driven
    against a real server in tests/sync/test_lead_role_grants.py."""
    from app.security.role_grants import LeadGrant

    return LeadGrant("test-grant", username, role_id, AGENCY, "2026-01-01T00:00:00+00:00", "lead.test")


def add_ready_user(info: VaultInfo, username: str, kind: str, password: str = USER_PASSWORD) -> None:
    """An admin adds the user with ``password``, already past its first change (the
    first-change flow itself is tested in test_users)."""
    from app.security.users import add_user
    from app.vault.connection import transaction

    admin = info.sign_in()
    try:
        user_id = add_user(admin, username, username.title(), role_of_kind(info.pack, kind), password,
                           access_completed_on=admin.clock.now().date(), lead_grant=granted_by_lead)
        with transaction(admin.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0 WHERE user_id = ?", (user_id,))
    finally:
        admin.close()


def _on_file() -> Any:
    from app.consent_gate import ConsentBasis
    from app.rules.consent import StoredConsent

    return ConsentBasis((StoredConsent("written", date(1900, 1, 1), date(9999, 12, 31), None),))


# The consent basis of a test person who is not the subject of a consent test: a
# written consent given on paper, covering every day (app.consent_gate).
ON_FILE = _on_file()
