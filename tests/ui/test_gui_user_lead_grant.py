"""VT-2.1-4 in Tools › Users: the HMIS Lead's grant code field shows only for a role the
Lead gives; without a code such a role is refused beside the field, and with the code the
Lead's server (the real reference server on loopback) issued, the user is added."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, VT_PASSWORD, make_vault
from sync_gui_support import server_on_loopback
from sync_support import new_code

from app.clock import FakeClock
from app.security.role_grants import grants_of
from app.session import sign_in
from sync.credentials import StoreKind
from sync.server.role_grants import new_role_grant
from sync.service import enroll_device
from ui.admin.users_dialog import UsersDialog

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
