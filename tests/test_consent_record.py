"""The stored consent is complete and bound to what was shown (schema 8).

Every fact that made a consent valid is stored (CT-207-7 phone first contact,
CT-207-8 release, VT-3.4-2 DV permissions, VT-3.4-14 signer and emancipation, the
language, what is shared), with the id, version and SHA-256 of the exact oral
explanation and consent text shown, the consent text rendered with the sharing
choices filled in. Real vaults, real forms files, the real command.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ADMIN_PASSWORD, AGENCY, VaultInfo, auth, run_cli, synthetic_person

from app.catalog import (
    LANGUAGES,
    ConsentChoices,
    TextParties,
    load_consent_texts,
    render_consent_text,
    render_script_text,
    rendering,
    text_sha256,
)
from app.clock import FakeClock
from app.consents import record_consent, stored_consents
from app.intake import IntakeRefused, parse_document, save_intake
from app.intake.document import ConsentInput
from app.people import insert_person
from app.session import Session
from app.vault.connection import transaction
from app.vault.migrations import MIGRATIONS
from app.vault.vault import Vault, unlock_recovery

FORMS = Path(__file__).resolve().parent.parent / "forms"
SHIPPED = FORMS / "intake"
NEW_COLUMNS = (
    "shared_information", "first_contact_by_phone", "release_to_share_signed", "possible_dv_victim",
    "dv_permission_to_enter", "dv_permission_to_share", "signer", "guardian_name", "emancipated", "language",
    "script_id", "script_version", "script_sha256", "consent_text_id", "consent_text_version",
    "consent_text_sha256", "consent_time",
)


def example(pack: str) -> dict[str, Any]:
    return json.loads((SHIPPED / f"example-{pack}.json").read_text("utf-8"))


def consent_rows(session: Session, personal_id: str | None = None) -> list[dict[str, Any]]:
    cursor = session.conn.execute(
        "SELECT * FROM consent" + (" WHERE personal_id = ?" if personal_id else "") + " ORDER BY created_at",
        (personal_id,) if personal_id else ())
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def full_choices(method: str, sharing: str = "shared") -> ConsentChoices:
    return ConsentChoices(method, sharing, date(2026, 3, 1), ("Harbor Light Pantry", "Riverbend Clinic"),
                          ("name and date of birth",), date(2027, 3, 1), "Pim Witnessby", "10:15")


PARTIES = TextParties("Riverbend Test Shelter", "Quinn Staffer", "Wren Quillbarrow")


# -- rendering -------------------------------------------------------------------------------


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("method", ["written", "verbal", "declined"])
def test_rendered_consent_has_no_blank_once_the_choices_are_made(pack: str, lang: str, method: str) -> None:
    """Issue 10 point 3: the text signed is complete: with whom, what, until when."""
    rendered = render_consent_text(pack, lang, full_choices(method), PARTIES)
    assert rendered.blanks == () and rendered.complete
    assert "\u2014" not in rendered.text and "{" not in rendered.text
    assert rendered.text_id == f"{pack}/{lang}/consent"
    assert rendered.version == load_consent_texts(pack, lang).version
    assert rendered.sha256 == text_sha256(rendered.text)
    if method != "declined":
        assert "2027-03-01" in rendered.text or pack == "vt"  # Vermont's consent has no end date
        uses = {p for t in (load_consent_texts(pack, lang).written.agreements) for p in ("shared_with",)
                if "{shared_with}" in t.text}
        if uses and method == "written":
            assert "Harbor Light Pantry, Riverbend Clinic" in rendered.text


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_a_declined_consent_has_no_expiry_sentence(pack: str) -> None:
    rendered = render_consent_text(pack, "en", full_choices("declined"), PARTIES)
    assert "2027-03-01" not in rendered.text
    assert load_consent_texts(pack, "en").declined.title in rendered.text
    assert load_consent_texts(pack, "en").sharing.title not in rendered.text


def test_ct_207_8_not_shared_leaves_out_the_release_to_share() -> None:
    shared = render_consent_text("ct", "en", full_choices("written", "shared"), PARTIES)
    private = render_consent_text("ct", "en", full_choices("written", "not_shared"), PARTIES)
    release = "may be shared electronically with other CT HMIS agencies"
    assert release in shared.text and release not in private.text
    assert shared.sha256 != private.sha256
    assert "only Riverbend Test Shelter can see it" in private.text


def test_missing_choices_are_named_as_blanks() -> None:
    rendered = render_consent_text("ct", "en", ConsentChoices("written", "shared", date(2026, 3, 1)), PARTIES)
    assert "expiry_date" in rendered.blanks and "shared_with" in rendered.blanks
    assert "shared_information" not in rendered.blanks  # the pack's wording of what is shared
    assert not rendered.complete and "\u2014" in rendered.text


def test_script_text_has_every_point_and_no_staff_note() -> None:
    script = render_script_text("mo", "es", PARTIES)
    model = rendering.load_script("mo", "es")
    assert script.text_id == "mo/es/oral_explanation" and script.version == model.version
    assert all(point.title.replace("{agency}", PARTIES.agency) in script.text for point in model.points)
    assert model.staff_note not in script.text and script.blanks == ()


# -- storing -----------------------------------------------------------------------------------


def test_vt_3_4_14_guardian_and_vt_3_4_2_dv_permissions_are_stored(vault_factory: Callable[[str], VaultInfo]) -> None:
    """VT-3.4-2, VT-3.4-14: the DV permissions, the guardian who signed for a minor,
    the language and what is shared are in the stored consent."""
    session = vault_factory("vt").sign_in()
    try:
        doc = example("vt")
        doc["consent"].update(sharing="shared", shared_with=["Harbor Light Pantry"],
                              shared_information=["name and date of birth"], possible_dv_victim=True,
                              expires_on="2027-03-01",
                              dv_permission_to_enter=True, dv_permission_to_share=True, release_to_share_signed=True)
        child = json.loads(json.dumps(doc["members"][0]))
        child["client"].update(FirstName="Tansy", DOB="2015-06-01")
        child["enrollment"]["RelationshipToHoH"] = 2
        child["consent"] = dict(doc["consent"], signer="guardian", guardian_name="Wren Quillbarrow")
        doc["members"].append(child)
        covered = json.loads(json.dumps(doc["members"][0]))  # no consent of their own: the head's covers them
        covered["client"].update(FirstName="Bramble", DOB="2017-09-09")
        covered["enrollment"]["RelationshipToHoH"] = 2
        doc["members"].append(covered)
        result = save_intake(session, parse_document(doc))
        head, kid, younger = (consent_rows(session, pid)[0] for pid in result.personal_ids)
        assert younger["signer"] == "guardian" and younger["guardian_name"] == "Wren Quillbarrow"
        assert (head["possible_dv_victim"], head["dv_permission_to_enter"], head["dv_permission_to_share"]) == (1, 1, 1)
        assert head["signer"] == "client" and head["guardian_name"] is None
        assert kid["signer"] == "guardian" and kid["guardian_name"] == "Wren Quillbarrow"
        assert head["language"] == "es" and head["release_to_share_signed"] == 1
        assert json.loads(head["shared_information"]) == ["name and date of birth"]
        assert head["script_id"] == "vt/es/oral_explanation" and head["consent_text_id"] == "vt/es/consent"
        expected = render_consent_text("vt", "es", ConsentChoices(
            "written", "shared", date(2026, 3, 1), ("Harbor Light Pantry",), ("name and date of birth",),
            date(2027, 3, 1)), TextParties(AGENCY, session.user.display_name, "Wren Quillbarrow"))
        assert head["consent_text_sha256"] == expected.sha256
        assert head["consent_text_version"] == expected.version
        assert head["script_sha256"] == render_script_text("vt", "es", TextParties(AGENCY)).sha256
        # The written text names no client, so the guardian signed the same text.
        assert kid["consent_text_sha256"] == expected.sha256
    finally:
        session.close()


def test_ct_207_7_phone_first_contact_is_stored(vault_factory: Callable[[str], VaultInfo]) -> None:
    session = vault_factory("ct").sign_in()
    try:
        doc = example("ct")
        doc["consent"] = {"method": "verbal", "sharing": "not_shared", "signed_on": "2026-03-01",
                          "first_contact_by_phone": True, "verbal_reason": "First call on the helpline",
                          "witness": "Pim Witnessby", "consent_time": "10:15"}
        result = save_intake(session, parse_document(doc))
        row = consent_rows(session, result.personal_ids[0])[0]
        assert row["first_contact_by_phone"] == 1 and row["method"] == "verbal" and row["consent_time"] == "10:15"
        assert row["release_to_share_signed"] == 0 and row["shared_information"] == "[]"
        assert row["consent_text_sha256"] == render_consent_text("ct", "en", ConsentChoices(
            "verbal", "not_shared", date(2026, 3, 1), expires_on=date(2027, 2, 28) if row["expires_on"] else None,
            witness="Pim Witnessby", consent_time="10:15"),
            TextParties(AGENCY, session.user.display_name, "Sorrel Brackenfold")).sha256
    finally:
        session.close()


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_every_shipped_example_stores_a_complete_consent(pack: str, vault_factory: Callable[[str], VaultInfo],
                                                         tmp_path: Path) -> None:
    """Through the real command: import-intake stores every schema-8 field."""
    info = vault_factory(pack)
    file = tmp_path / "one.json"
    file.write_text(json.dumps(example(pack)), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(file), *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 0, result.stdout + result.stderr
    session = info.sign_in()
    try:
        rows = consent_rows(session)
        assert rows
        for row in rows:
            for column in NEW_COLUMNS:
                if column not in ("guardian_name", "consent_time"):
                    assert row[column] is not None, column
            assert len(row["consent_text_sha256"]) == 64 and len(row["script_sha256"]) == 64
            assert row["signer"] in ("client", "guardian")
    finally:
        session.close()


def test_a_stated_text_hash_must_be_the_text_this_device_shows(vault_factory: Callable[[str], VaultInfo]) -> None:
    """Bound to what was shown: a document naming another consent text is refused."""
    session = vault_factory("mo").sign_in()
    try:
        doc = example("mo")
        doc["consent"]["consent_text_sha256"] = "0" * 64
        with pytest.raises(IntakeRefused) as caught:
            save_intake(session, parse_document(doc))
        assert caught.value.problems[0].path == "consent.consent_text_sha256"
        assert session.conn.execute("SELECT count(*) FROM consent").fetchone()[0] == 0
        doc["consent"]["consent_text_sha256"] = None
        doc["consent"]["consent_text_version"] = "mo-en-consent-1999.1"
        with pytest.raises(IntakeRefused):
            save_intake(session, parse_document(doc))
        # The version and hash the wizard showed are accepted.
        doc["consent"]["consent_text_version"] = load_consent_texts("mo", "en").version
        result = save_intake(session, parse_document(doc))
        assert consent_rows(session, result.personal_ids[0])[0]["consent_text_version"] == "mo-en-consent-2026.1"
    finally:
        session.close()


def test_changing_a_text_changes_the_hash_of_new_consents_only(
    vault_factory: Callable[[str], VaultInfo], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = vault_factory("mo").sign_in()
    try:
        first = save_intake(session, parse_document(example("mo")))
        before = consent_rows(session)
        root = tmp_path / "forms"
        shutil.copytree(FORMS, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        path = root / "packs" / "mo" / "en" / "consent.toml"
        text = path.read_text("utf-8")
        title = 'title = "Missouri HMIS Client Informed Consent to Share'
        assert title in text
        path.write_text(text.replace('version = "mo-en-consent-2026.1"', 'version = "mo-en-consent-2026.2"')
                        .replace(title, 'title = "Missouri HMIS Informed Consent to Share', 1), "utf-8")
        monkeypatch.setattr(rendering, "load_consent_texts",
                            lambda pack, lang, root_=None: load_consent_texts(pack, lang, root))
        later = example("mo")
        later["members"][0]["client"]["FirstName"] = "Marlowe"
        second = save_intake(session, parse_document(later))
        after = {r["consent_id"]: r for r in consent_rows(session)}
        for old in before:  # stored consents keep the hash of the text their client saw
            assert after[old["consent_id"]]["consent_text_sha256"] == old["consent_text_sha256"]
            assert after[old["consent_id"]]["consent_text_version"] == "mo-en-consent-2026.1"
        new = consent_rows(session, second.personal_ids[0])[0]
        assert new["consent_text_version"] == "mo-en-consent-2026.2"
        assert new["consent_text_sha256"] != consent_rows(session, first.personal_ids[0])[0]["consent_text_sha256"]
        assert new["script_sha256"] == consent_rows(session, first.personal_ids[0])[0]["script_sha256"]
    finally:
        session.close()


def test_a_new_consent_on_the_profile_stores_every_field(vault_factory: Callable[[str], VaultInfo]) -> None:
    session = vault_factory("ct").sign_in()
    try:
        result = save_intake(session, parse_document(example("ct")))
        pid = result.personal_ids[0]
        consent = ConsentInput(method="written", sharing="shared", signed_on=session.clock.now().date(),
                               shared_with=("Harbor Light Pantry",), expires_on=date(2027, 6, 1),
                               signature="paper_attested", release_to_share_signed=True,
                               shared_information=("name only",), language="es")
        ids = record_consent(session, pid, consent, script_acknowledged=True)
        row = next(r for r in consent_rows(session, pid) if r["consent_id"] == ids[0])
        assert row["language"] == "es" and row["release_to_share_signed"] == 1
        assert json.loads(row["shared_information"]) == ["name only"]
        assert row["consent_text_id"] == "ct/es/consent" and row["script_id"] == "ct/es/oral_explanation"
        shown = render_consent_text("ct", "es", ConsentChoices(
            "written", "shared", consent.signed_on, ("Harbor Light Pantry",), ("name only",), date(2027, 6, 1)),
            TextParties(AGENCY, session.user.display_name, "Sorrel Brackenfold"))
        assert row["consent_text_sha256"] == shown.sha256
    finally:
        session.close()


def test_consents_stored_before_schema_8_stay_readable(tmp_path: Path, fake_clock: FakeClock) -> None:
    """The migration adds nullable columns: an old consent keeps its values and has
    NULL hashes (no hash of a text nobody kept)."""
    data_dir = tmp_path / "old"
    vault, recovery = Vault.create(data_dir, "mo", fake_clock, MIGRATIONS[:7])
    try:
        with transaction(vault.conn) as conn:
            person = synthetic_person("Oldfirst", "Oldlast")
            insert_person(conn, person, "test-user", fake_clock.now_iso())
            conn.execute("INSERT INTO consent (consent_id, personal_id, method, sharing, signed_on, expires_on,"
                         " attested_by, created_at) VALUES ('c1', ?, 'written', 'shared', '2026-01-02',"
                         " '2027-01-01', 'u', '2026-01-02T10:00:00')", (person.personal_id,))
    finally:
        vault.close()
    vault = Vault.open(data_dir, unlock_recovery(data_dir, recovery), fake_clock, MIGRATIONS)
    try:
        cursor = vault.conn.execute("SELECT * FROM consent WHERE consent_id = 'c1'")
        row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
        assert (row["method"], row["sharing"], row["signed_on"]) == ("written", "shared", "2026-01-02")
        assert all(row[column] is None for column in NEW_COLUMNS)
        assert stored_consents(vault.conn, person.personal_id)[0].expires_on == date(2027, 1, 1)
    finally:
        vault.close()


def test_vt_3_4_14_an_emancipated_minor_consents_for_themselves(vault_factory: Callable[[str], VaultInfo]) -> None:
    session = vault_factory("vt").sign_in()
    try:
        doc = example("vt")
        doc["members"][0]["client"]["DOB"] = "2010-01-05"
        doc["members"][0]["emancipated"] = True
        result = save_intake(session, parse_document(doc))
        row = consent_rows(session, result.personal_ids[0])[0]
        assert row["emancipated"] == 1 and row["signer"] == "client" and row["guardian_name"] is None
    finally:
        session.close()


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_the_text_the_wizard_shows_is_the_text_the_consent_is_bound_to(
    pack: str, vault_factory: Callable[[str], VaultInfo]
) -> None:
    """``intake_texts`` renders what ``save_intake`` hashes: a document carrying the
    hashes of the texts shown is saved, and the row holds those very hashes."""
    from app.intake.consent_record import intake_texts

    session = vault_factory(pack).sign_in()
    try:
        document = example(pack)
        texts = intake_texts(session.pack, parse_document(document), session.settings.agency_name or "",
                             session.user.display_name)
        assert texts is not None
        script, consent_text = texts
        assert script is not None and consent_text.complete, consent_text.blanks
        document["consent"].update(script_sha256=script.sha256, script_version=script.version,
                                   consent_text_sha256=consent_text.sha256,
                                   consent_text_version=consent_text.version)
        result = save_intake(session, parse_document(document))
        row = consent_rows(session, result.personal_ids[0])[0]
        assert (row["script_sha256"], row["consent_text_sha256"]) == (script.sha256, consent_text.sha256)
    finally:
        session.close()


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(str.strip)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["ct", "vt", "mo"]), st.sampled_from(LANGUAGES),
       st.sampled_from(["written", "verbal", "declined"]), st.sampled_from(["shared", "not_shared"]),
       st.lists(texts, min_size=1, max_size=3), st.lists(texts, max_size=2), st.dates(), texts, texts)
def test_any_complete_choices_render_without_a_blank(pack: str, lang: str, method: str, sharing: str,
                                                     shared_with: list[str], information: list[str], day: date,
                                                     client: str, witness: str) -> None:
    choices = ConsentChoices(method, sharing, day, tuple(shared_with), tuple(information), day, witness, "09:30")
    rendered = render_consent_text(pack, lang, choices, TextParties("Riverbend Test Shelter", "Quinn", client))
    assert rendered.blanks == ()
    assert rendered.sha256 == text_sha256(rendered.text)
    assert render_consent_text(pack, lang, choices, TextParties("Riverbend Test Shelter", "Quinn", client)) == rendered
    if method == "written" and sharing == "shared" and pack in ("ct", "vt"):
        # CT-207-8, VT: whom the release names is part of what is signed.
        other = ConsentChoices(method, sharing, day, (*shared_with, "Another Pantry"), tuple(information), day)
        assert render_consent_text(pack, lang, other, TextParties("Riverbend Test Shelter", "Quinn", client)
                                   ).sha256 != rendered.sha256
