"""CT-403-2, MO-PWD-5: nothing the device writes or prints holds a sign-in detail.

A whole session runs as real ``hmis-intake`` processes, every one with its home, config,
cache, data and temporary folders inside the test's folder: init, an administrator adding
a user (a temporary password), the user's first password change and sign-in, an intake,
enrollment with the reference server on loopback (the one-time code on standard input),
sync, an HMIS CSV export, a consent PDF, a record copy, a wrong password and a refused
one on the command line. Then every file anywhere under the test's folder (vault folder,
settings, exports, PDFs, the server's database), every cell of every table of the vault,
and everything the processes wrote to stdout and stderr are searched for each secret.
"""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

from pypdf import PdfReader
from support import REPO_ROOT, child_env, cli_command, files_under, role_of_kind
from sync_support import HERE, ThreadServer, new_code

from app.session import sign_in
from sync.server import schema as server_schema

FORMS = REPO_ROOT / "forms" / "intake"
ADMIN = "wren.admin"
ADMIN_SECRET = "Bramble!Otter7Copper9"
WORKER = "juniper.worker"
WORKER_SECRET = "Saffron!Heron4Pebble8"


class Session:
    """Runs ``hmis-intake`` with every folder a process could write to under ``root``,
    and keeps what each run printed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data_dir = root / "device"
        self.printed: list[tuple[str, str]] = []  # (what ran, stdout + stderr)
        self.env = child_env()
        self.env["PYTHONPATH"] = str(HERE) + os.pathsep + self.env["PYTHONPATH"]
        for name, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "home/.config"), ("XDG_DATA_HOME", "home/.local"),
                          ("XDG_CACHE_HOME", "home/.cache"), ("XDG_STATE_HOME", "home/.state"),
                          ("TMPDIR", "tmp")):
            (root / sub).mkdir(parents=True, exist_ok=True)
            self.env[name] = str(root / sub)

    def run(self, *args: str, stdin: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*cli_command(), "--data-dir", str(self.data_dir), *args], input=stdin,
                              capture_output=True, text=True, env=self.env, cwd=str(self.root), timeout=120)
        self.printed.append((" ".join(args[:2]), done.stdout + done.stderr))
        if ok:
            assert done.returncode == 0, (args, done.stderr)
        return done

    def admin(self, *args: str, extra: str = "") -> subprocess.CompletedProcess[str]:
        return self.run(*args, "--user", ADMIN, "--password-stdin", stdin=f"{ADMIN_SECRET}\n{extra}")


def _readable(path: Path) -> bytes:
    """The file's bytes, with what a zip or a PDF holds compressed opened up."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [archive.read(name) for name in archive.namelist()]
        assert members, path
        data += b"".join(members)
    if path.suffix == ".pdf":
        text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
        assert text.strip(), path
        data += text.encode("utf-8")
    return data


def test_ct_403_2_mo_pwd_5_no_file_log_output_or_vault_row_holds_a_sign_in_detail(
    tmp_path: Path, live_server: ThreadServer
) -> None:
    s = Session(tmp_path)
    s.admin("init", "--pack", "mo", "--agency", "Riverbend Test Shelter", "--access-completed", "today")
    added = s.admin("user", "add", WORKER, "--role", role_of_kind("mo", "case_manager"),
                    "--access-completed", "today")
    temporary = added.stdout.strip().splitlines()[-1].strip()
    assert len(temporary) >= 12 and temporary not in (ADMIN_SECRET, WORKER_SECRET)
    s.run("change-password", "--user", WORKER, "--password-stdin", stdin=f"{temporary}\n{WORKER_SECRET}\n")
    s.run("status", "--user", WORKER, "--password-stdin", stdin=f"{WORKER_SECRET}\n")

    s.admin("import-intake", str(FORMS / "example-mo.json"))
    people = json.loads(s.admin("search", "Marlowe", "--json").stdout)
    personal_id = people[0]["personal_id"]
    consents = json.loads(s.admin("consent", "list", personal_id, "--json").stdout)
    exports = tmp_path / "exports"
    exports.mkdir()
    s.admin("consent", "pdf", consents[0]["consent_id"], str(exports / "consent.pdf"))
    s.admin("record-copy", personal_id, str(exports / "copy.pdf"))

    code = new_code(live_server.engine)
    s.admin("enroll", "--server", live_server.url, "--credential-store", "vault", extra=f"{code}\n")
    s.admin("sync")
    s.admin("export-hmis-csv", str(exports / "hmis.zip"), "--destination", "agency")

    wrong = s.run("status", "--user", ADMIN, "--password-stdin", stdin=f"{WORKER_SECRET}x\n", ok=False)
    assert wrong.returncode != 0
    on_argv = s.run("status", "--user", ADMIN, f"--password={ADMIN_SECRET}", stdin="", ok=False)
    assert on_argv.returncode == 2
    in_env = dict(s.env, HMIS_INTAKE_PASSWORD=ADMIN_SECRET)
    refused = subprocess.run([*cli_command(), "--data-dir", str(s.data_dir), "status", "--user", ADMIN,
                              "--password-stdin"], input=f"{ADMIN_SECRET}\n", capture_output=True, text=True,
                             env=in_env, cwd=str(tmp_path), timeout=60)
    assert refused.returncode == 2
    s.printed.append(("status with the password in the environment", refused.stdout + refused.stderr))

    secrets = {"the administrator's password": ADMIN_SECRET, "the user's password": WORKER_SECRET,
               "the enrollment code": code, "the temporary password": temporary}
    written = files_under(tmp_path)
    assert any(p.name == "vault.keys" for p in written) and any(p.suffix == ".pdf" for p in written)
    assert (exports / "hmis.zip").is_file()
    if live_server.engine.dialect.name == "sqlite":  # the server's file is scanned with the others
        assert any(p.name == "server.db" for p in written)
    for path in written:
        data = _readable(path)
        for what, secret in secrets.items():
            for form in (secret.encode("utf-8"), secret.encode("utf-16-le"), secret.upper().encode("utf-8")):
                assert form not in data, f"{what} is in {path.relative_to(tmp_path)}"

    # The server's database, whichever it is: every cell of every table.
    with live_server.engine.connect() as server_db:
        for server_table in server_schema.metadata.sorted_tables:
            for server_row in server_db.execute(server_table.select()):
                cells = " ".join(c.decode("latin-1") if isinstance(c, bytes) else str(c) for c in server_row)
                for what, secret in secrets.items():
                    assert secret not in cells, f"{what} is in the server table {server_table.name}"

    # Inside the vault: every cell of every table (the audit trail and settings too).
    session = sign_in(s.data_dir, ADMIN, ADMIN_SECRET)
    try:
        tables = [r[0] for r in session.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "audit_event" in tables or any("audit" in t for t in tables)
        for table in tables:
            for row in session.conn.execute(f'SELECT * FROM "{table}"'):
                cells = " ".join(c.decode("latin-1") if isinstance(c, bytes) else str(c) for c in row)
                for what, secret in secrets.items():
                    assert secret not in cells, f"{what} is in the vault table {table}"
    finally:
        session.close()
    # Printed: no password or code ever, the temporary password once, to the administrator who set it.
    for ran, text in s.printed:
        for what in ("the administrator's password", "the user's password", "the enrollment code"):
            assert secrets[what] not in text, f"{what} was printed by {ran}"
    shown = [ran for ran, text in s.printed if temporary in text]
    assert shown == ["user add"], f"the temporary password was shown by {shown}"
