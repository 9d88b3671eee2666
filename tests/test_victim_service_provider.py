"""A victim service provider's device is a comparable database (VT-3.5-1, MO-VSP-1):
records are kept and exported for the agency's own database, but the device never
enrolls with or syncs to the central HMIS and never writes a CoC-wide file. Driven
from the command, on real vaults and the reference server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ADMIN_PASSWORD, REPO_ROOT, auth, make_vault, run_cli


def _vault(tmp_path: Path, pack: str):
    info = make_vault(tmp_path / pack, pack)
    doc = json.loads((REPO_ROOT / "forms" / "intake" / f"example-{pack}.json").read_text("utf-8"))
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), "utf-8")
    saved = run_cli(info.data_dir, "import-intake", str(path), *auth(), password=ADMIN_PASSWORD)
    assert saved.returncode == 0, saved.stdout + saved.stderr
    return info


@pytest.mark.parametrize(("pack", "clause"), [("vt", "VT-3.5-1"), ("mo", "MO-VSP-1")])
def test_vt_3_5_1_mo_vsp_1_a_victim_service_provider_never_feeds_hmis(tmp_path: Path, pack: str,
                                                                     clause: str) -> None:
    info = _vault(tmp_path, pack)
    shown = run_cli(info.data_dir, "victim-service-provider", "show", "--json", *auth(), password=ADMIN_PASSWORD)
    assert shown.returncode == 0 and shown.json() == {"victim_service_provider": False}
    turned = run_cli(info.data_dir, "victim-service-provider", "on", *auth(), password=ADMIN_PASSWORD)
    assert turned.returncode == 0, turned.stderr

    enroll = run_cli(info.data_dir, "enroll", "--server", "http://127.0.0.1:9", "--credential-store", "vault",
                     *auth(), stdin=f"{ADMIN_PASSWORD}\nNOT-SPENT\n")
    assert enroll.returncode == 20 and clause in enroll.stderr and "comparable database" in enroll.stderr
    assert "Traceback" not in enroll.stderr and len(enroll.stderr.strip().splitlines()) == 1

    coc = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "coc.zip"), "--destination", "coc",
                  *auth(), password=ADMIN_PASSWORD)
    assert coc.returncode == 20 and clause in coc.stderr and not (tmp_path / "coc.zip").exists()
    own = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "own.zip"), "--destination", "agency",
                  *auth(), password=ADMIN_PASSWORD)
    assert own.returncode == 0, own.stderr
    assert (tmp_path / "own.zip").exists(), "the agency's comparable database still gets its file"

    off = run_cli(info.data_dir, "victim-service-provider", "off", *auth(), password=ADMIN_PASSWORD)
    assert off.returncode == 0
    again = run_cli(info.data_dir, "export-hmis-csv", str(tmp_path / "coc.zip"), "--destination", "coc",
                    *auth(), password=ADMIN_PASSWORD)
    assert again.returncode in (0, 1) and (tmp_path / "coc.zip").exists()


def test_each_change_of_the_setting_is_audited(tmp_path: Path) -> None:
    info = _vault(tmp_path, "vt")
    assert run_cli(info.data_dir, "victim-service-provider", "on", *auth(), password=ADMIN_PASSWORD).returncode == 0
    session = info.sign_in()
    try:
        events = session.conn.execute("SELECT detail FROM audit_event WHERE action ="
                                      " 'device.victim_service_provider_set'").fetchall()
    finally:
        session.close()
    assert [json.loads(e[0]) for e in events] == [{"victim_service_provider": True}]
