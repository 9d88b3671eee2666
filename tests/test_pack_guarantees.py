"""What the core does in every pack (app/packs.py GUARANTEES): each pack names the
clauses a guarantee meets, and these tests drive the guarantees that no other test
names a clause for."""

from __future__ import annotations

import pytest
from support import (
    ADMIN_PASSWORD,
    ON_FILE,
    PACKS,
    REPO_ROOT,
    USER_PASSWORD,
    VaultInfo,
    add_ready_user,
    auth,
    files_under,
    run_cli,
    single_sentence,
    synthetic_person,
)

from app.drafts import discard_draft, list_drafts, save_draft
from app.errors import PackError
from app.packs import GUARANTEES, load_pack, parse_pack
from app.people import save_new_person
from app.security.users import add_user, list_users


def test_every_pack_names_only_known_guarantees_and_a_stray_one_is_refused() -> None:
    for pack_id in PACKS:
        named = [g.id for g in load_pack(pack_id).guarantees]
        assert named and set(named) <= set(GUARANTEES) and len(named) == len(set(named)), pack_id
    source = (REPO_ROOT / "forms" / "packs" / "ct" / "pack.toml").read_text("utf-8")
    source += '\n[[guarantees]]\nid = "passwords_are_optional"\nclauses = [{ id = "CT-107-2", source = "s" }]\n'
    with pytest.raises(PackError, match="guarantees"):
        parse_pack(source, "stray.toml")


def _needles(*words: str) -> list[bytes]:
    return [w.encode(enc) for w in words for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def test_vt_2_1_14_no_password_reaches_the_disk(vt_vault: VaultInfo) -> None:
    """VT-2.1-14: passwords are not stored on the computer, only keys wrapped by them;
    both the administrator's and a new user's password open the vault yet appear in no
    file of the data folder."""
    add_ready_user(vt_vault, "wren.worker", "case_manager")
    session = vt_vault.sign_in("wren.worker", USER_PASSWORD)
    session.close()
    files = files_under(vt_vault.data_dir)
    assert any(p.name == "vault.keys" for p in files)
    hits = [(p.name, n) for p in files for n in _needles(ADMIN_PASSWORD, USER_PASSWORD) if n in p.read_bytes()]
    assert hits == []


def test_mo_pwd_1_no_command_reads_client_data_without_a_user_name_and_password(mo_vault: VaultInfo) -> None:
    """MO-PWD-1: the vault opens only with a user name and the right password; without
    one the command says so in one sentence and shows nothing."""
    session = mo_vault.sign_in()
    try:
        save_new_person(session, synthetic_person("Ottoline", "Brackwaterly"), basis=ON_FILE)
    finally:
        session.close()
    for password in (None, "", "Not!TheRightOne99"):
        refused = run_cli(mo_vault.data_dir, "search", "Brackwaterly", "--json", *auth(), password=password)
        assert refused.returncode != 0 and refused.stdout == "", password
        assert single_sentence(refused.stderr) and "Brackwaterly" not in refused.stderr
    no_user = run_cli(mo_vault.data_dir, "search", "Brackwaterly", "--json", "--password-stdin",
                      password=ADMIN_PASSWORD)
    assert no_user.returncode != 0 and no_user.stdout == ""
    found = run_cli(mo_vault.data_dir, "search", "Brackwaterly", "--json", *auth(), password=ADMIN_PASSWORD)
    assert found.returncode == 0, found.stderr
    assert [p["last_name"] for p in found.json()] == ["Brackwaterly"]


def test_ct_107_2_each_user_holds_exactly_one_role_of_the_pack(ct_vault: VaultInfo) -> None:
    """CT-107-2: one designated access level per user, and only one the pack defines."""
    session = ct_vault.sign_in()
    try:
        add_user(session, "hollis.helper", "Hollis", "volunteer", USER_PASSWORD,
                 access_completed_on=session.clock.now().date())
        with pytest.raises(PackError):
            add_user(session, "hollis.other", "Hollis", "superuser", USER_PASSWORD,
                     access_completed_on=session.clock.now().date())
        roles = {u.username: u.role for u in list_users(session)}
    finally:
        session.close()
    pack_roles = {r.id for r in load_pack("ct").roles}
    assert roles["hollis.helper"] == "volunteer"
    assert "hollis.other" not in roles
    assert all(isinstance(role, str) and role in pack_roles for role in roles.values())



def test_vt_3_1_10_every_access_to_a_draft_is_audited_without_its_content(vt_vault: VaultInfo) -> None:
    """VT-3.1-10: saving, reading back and discarding a draft are audit events under the
    user who did it; the event names the draft, never what it holds."""
    session = vt_vault.sign_in()
    try:
        draft_id = save_draft(session, "intake", {"first_name": "Draftwyn", "typed": "half a sentence"})
        save_draft(session, "intake", {"first_name": "Draftwyn", "typed": "more"}, draft_id)
        assert [d.draft_id for d in list_drafts(session)] == [draft_id]
        discard_draft(session, draft_id)
        discard_draft(session, draft_id)  # already gone: nothing was accessed
        rows = session.conn.execute(
            "SELECT user_id, action, detail FROM audit_event WHERE entity = 'draft' AND entity_id = ?"
            " ORDER BY seq", (draft_id,)).fetchall()
        user_id = session.user.user_id
    finally:
        session.close()
    assert [action for _, action, _ in rows] == ["draft.saved", "draft.saved", "draft.read", "draft.discarded"]
    assert {user for user, _, _ in rows} == {user_id}
    assert not any("Draftwyn" in detail or "sentence" in detail for _, _, detail in rows)


def test_mo_tx_1_files_a_user_might_attach_carry_no_personal_data_in_their_names(mo_vault: VaultInfo) -> None:
    """MO-TX-1: the device sends no e-mail; the files a user may attach to one (a consent
    form, a record copy, the HMIS CSV zip) are named without personal data."""
    from datetime import date

    from records_support import consent_ids, save_example

    from app.documents.service import consent_document, record_copy_document
    from sync.hmis_csv.device_export import suggested_file_name

    head = save_example(mo_vault).personal_ids[0]
    session = mo_vault.sign_in()
    try:
        person = session.conn.execute("SELECT first_name, last_name, dob, ssn FROM person WHERE personal_id = ?",
                                      (head,)).fetchone()
        names = [consent_document(session, consent_ids(mo_vault, head)[0]).file_name,
                 record_copy_document(session, head).file_name,
                 suggested_file_name(session.settings.agency_name, "mo", date(2026, 12, 4))]
    finally:
        session.close()
    needles = [str(v).lower() for v in person if v] + [head.lower()]
    assert len(needles) >= 3
    for name in names:
        assert name.endswith((".pdf", ".zip")) and not any(n in name.lower() for n in needles), name
