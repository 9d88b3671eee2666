"""VT-2.1-4 in Tools › Users: the HMIS Lead's grant code field shows only for a role the
Lead gives; without a code such a role is refused beside the field, and with the code the
Lead's server (the real reference server on loopback) issued, the user is added."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gui_support import ADMIN, VT_PASSWORD, make_vault
from PySide6.QtWidgets import QApplication
from sqlalchemy import update
from sync_gui_support import server_on_loopback
from sync_support import new_code

from app.clock import FakeClock
from app.security.role_grants import grants_of
from app.session import sign_in
from sync.credentials import StoreKind
from sync.server import storage
from sync.server.role_grants import new_role_grant
from sync.server.schema import role_grant
from sync.service import enroll_device
from ui.admin.users_dialog import UsersDialog
from ui.i18n import set_language
from ui.widgets.secret_field import is_secret

AGENCY = "Test Agency"


def _names(dialog: UsersDialog) -> set[str]:
    return {dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())}


def test_vt_2_1_4_users_dialog_asks_the_lead_for_roles_above_case_manager_iii(qtbot, tmp_path: Path,
                                                                             clock: FakeClock) -> None:
    """VT-2.1-4: Case Manager III needs no code; Agency Administrator shows the code field,
    is refused there without a code (citing the clause) and added with the Lead's code."""
    vault = make_vault(tmp_path / "device", clock, pack="vt", password=VT_PASSWORD)
    session = sign_in(vault.data_dir, ADMIN, VT_PASSWORD, clock)
    with server_on_loopback(tmp_path) as (server, engine):
        try:
            enroll_device(session, server.url, new_code(engine, AGENCY), StoreKind.VAULT)
            dialog = UsersDialog(session)
            qtbot.addWidget(dialog)
            dialog.show()
            grant_field = dialog.fields["lead_grant"]
            dialog.role.setCurrentIndex(dialog.role.findData("case_manager_3"))
            assert not dialog.lead_grant.isVisible() and not grant_field.label.isVisible()
            dialog.role.setCurrentIndex(dialog.role.findData("agency_admin"))
            assert dialog.lead_grant.isVisible() and grant_field.label.isVisible()
            assert is_secret(dialog.lead_grant), "CT-403-2, MO-PWD-5: the code is masked like an enrollment code"

            dialog.username.setText("jo.lead")
            dialog.display_name.setText("Jo Lead")
            dialog.add_button.click()
            refusal = grant_field.message.text()
            assert "VT-2.1-4" in refusal and "HMIS Lead" in refusal
            assert "jo.lead" not in _names(dialog)

            dialog.lead_grant.setText(new_role_grant(engine, AGENCY, "jo.lead", "agency_admin"))
            dialog.add_button.click()
            assert "Added jo.lead" in dialog.message.text(), grant_field.message.text()
            assert "jo.lead" in _names(dialog) and dialog.lead_grant.text() == ""
            user_id = session.conn.execute("SELECT user_id FROM app_user WHERE username = 'jo.lead'").fetchone()[0]
            assert [g.role for g in grants_of(session.conn, user_id)] == ["agency_admin"]
        finally:
            session.close()


def test_vt_2_1_4_the_servers_refusals_of_a_grant_read_in_spanish(qtbot, tmp_path: Path, clock: FakeClock) -> None:
    """VT-2.1-4: a used and an expired grant code, and one for another user, are refused
    beside the code field in Spanish, worded on the device from the server's reason (the
    English sentence stays the command's); no user is added."""
    vault = make_vault(tmp_path / "device", clock, pack="vt", password=VT_PASSWORD)
    session = sign_in(vault.data_dir, ADMIN, VT_PASSWORD, clock)
    app = QApplication.instance()
    with server_on_loopback(tmp_path) as (server, engine):
        try:
            enroll_device(session, server.url, new_code(engine, AGENCY), StoreKind.VAULT)
            used = new_role_grant(engine, AGENCY, "kim.used", "agency_admin")
            with engine.begin() as conn:
                conn.execute(update(role_grant).values(used_at="2026-01-01T00:00:00Z", device_id="elsewhere"))
            expired = new_role_grant(engine, AGENCY, "kim.used", "agency_admin", ttl=timedelta(minutes=30),
                                     now=storage.utc_now() - timedelta(hours=1))
            for_other = new_role_grant(engine, AGENCY, "lee.other", "agency_admin")
            set_language(app, "es")
            dialog = UsersDialog(session)
            qtbot.addWidget(dialog)
            dialog.show()
            dialog.role.setCurrentIndex(dialog.role.findData("agency_admin"))
            dialog.username.setText("kim.used")
            shown = {}
            for name, code in (("used", used), ("expired", expired), ("other", for_other)):
                dialog.lead_grant.setText(code)
                dialog.add_button.click()
                shown[name] = dialog.fields["lead_grant"].message.text()
        finally:
            set_language(app, "en")
            session.close()
    assert shown == {
        "used": "Este código de concesión ya se usó; pida uno nuevo a la agencia líder de HMIS.",
        "expired": "Este código de concesión ha caducado; pida uno nuevo a la agencia líder de HMIS.",
        "other": "Este código de concesión se emitió para otro nombre de usuario u otro rol; compruebe ambos o pida "
                 "uno nuevo a la agencia líder de HMIS.",
    }
    assert "kim.used" not in _names(dialog)
