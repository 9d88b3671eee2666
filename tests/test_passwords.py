"""Password rules from the packs; each message names the broken rule (C1, S8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import ADMIN_PASSWORD, ADMIN_USER, VaultInfo

from app.clock import FakeClock
from app.errors import PasswordRejected
from app.packs import PasswordProfile, load_pack
from app.security.passwords import check_password
from app.security.users import add_user, change_own_password, generate_temporary_password
from app.session import sign_in, validate_new_password
from app.settings import Settings
from app.vault.connection import transaction

USER = "jdoe"


def profile(pack: str, name: str | None = None) -> PasswordProfile:
    return load_pack(pack).password_profile(name)


def problems(pack: str, password: str, username: str = USER, name: str | None = None,
             agency: str | None = None) -> list[str]:
    p = load_pack(pack)
    context = [p.hmis_name, *([p.vendor_name] if p.vendor_name else []), *([agency] if agency else [])]
    return check_password(password, profile(pack, name), username, context)


def accepted(pack: str, password: str, **kw: str) -> bool:
    return problems(pack, password, **kw) == []


# -- vt ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Qx7!vtr", "at least 8 characters"),
        ("qx7!vtrplm", "upper-case"),
        ("QX7!VTRPLM", "lower-case"),
        ("Qx!vtrplmz", "digit"),
        ("Qx7vtrplmz", "special character"),
    ],
)
def test_vt_2_1_12_character_classes(password: str, rule: str) -> None:
    """VT-2.1-12: at least 8 with upper, lower, digit and special; the message names the rule."""
    found = problems("vt", password)
    assert len(found) == 1, found
    assert rule in found[0]


def test_vt_2_1_12_accepts_a_compliant_password() -> None:
    assert accepted("vt", "Qx7!vtrplm")


def test_vt_2_1_13_no_dictionary_word_or_common_password() -> None:
    """VT-2.1-13: not a dictionary word nor a known-compromised password."""
    assert any("dictionary word" in m for m in problems("vt", "Harbor!2024"))
    assert any("dictionary word" in m for m in problems("vt", "Garden#2024"))
    assert any("common passwords" in m for m in problems("vt", "P@ssw0rd"))


@pytest.mark.parametrize("word", ["hmis", "Vermont", "WellSky"])
def test_vt_2_1_13_context_words(word: str) -> None:
    found = problems("vt", f"Zq7!{word}x")
    assert any("Do not include the word" in m for m in found), found


def test_vt_2_1_15_password_expires_after_45_days(vt_vault: VaultInfo, fake_clock: FakeClock) -> None:
    """VT-2.1-15 with a fake clock: day 44 is fine, day 45 needs a new password."""
    fake_clock.advance(days=44, hours=23)
    session = vt_vault.sign_in()
    try:
        assert not session.password_expired and not session.needs_new_password
    finally:
        session.close()
    fake_clock.advance(hours=1)
    session = vt_vault.sign_in()
    try:
        assert session.password_expired and session.needs_new_password
        change_own_password(session, ADMIN_PASSWORD, "Fresh!Pass77word")
        assert not session.password_expired
    finally:
        session.close()
    session = sign_in(vt_vault.data_dir, ADMIN_USER, "Fresh!Pass77word", fake_clock)
    try:
        assert not session.needs_new_password
    finally:
        session.close()


def test_vt_2_1_16_no_reuse_of_the_last_two(vt_vault: VaultInfo) -> None:
    """VT-2.1-16 (reading A10): a password may not be one of the last two chosen."""
    p0, p1, p2 = ADMIN_PASSWORD, "Second!Pass77xq", "Third!Pass88zq"
    session = vt_vault.sign_in()
    try:
        with pytest.raises(PasswordRejected, match="must differ"):
            change_own_password(session, p0, p0)
        change_own_password(session, p0, p1)
        with pytest.raises(PasswordRejected, match="not used recently"):
            change_own_password(session, p1, p0)
        change_own_password(session, p1, p2)
        with pytest.raises(PasswordRejected, match="not used recently"):
            change_own_password(session, p2, p1)
        # Two later choices (p1, p2) came after p0, so it may come back.
        change_own_password(session, p2, p0)
    finally:
        session.close()
    vt_vault.sign_in().close()


# -- mo ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Qx7vtrp", "at least 8 characters"),
        ("Qxzvtrplm", "digit"),
        ("83920174!", "letter"),
    ],
)
def test_mo_pwd_2_length_letter_and_digit(password: str, rule: str) -> None:
    """MO-PWD-2: at least 8 characters with a letter and a number."""
    found = problems("mo", password)
    assert len(found) == 1, found
    assert rule in found[0]


def test_mo_pwd_2_needs_no_case_or_special() -> None:
    assert accepted("mo", "qx7vtrplm")


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("qx7jdoe55", "user name"),
        ("qx7HMIS55", "\u201chmis\u201d"),
        ("qx7mohmis5", "\u201cmohmis\u201d"),
        ("WellSky2024q", "\u201cwellsky\u201d"),
        ("qz5servicepoint", "\u201cservicepoint\u201d"),
    ],
)
def test_mo_pwd_3_no_username_hmis_or_vendor(password: str, rule: str) -> None:
    """MO-PWD-3: not the username, the HMIS name or the vendor's name."""
    found = problems("mo", password)
    assert any(rule in m for m in found), found


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("qx7eodj55", "user name spelled backwards"),
        ("yksllew2024q", "spelled backwards"),
        ("qx7simh55", "spelled backwards"),
    ],
)
def test_mo_pwd_4_no_reversed_names(password: str, rule: str) -> None:
    """MO-PWD-4: not the username / HMIS / vendor name spelled backwards."""
    found = problems("mo", password)
    assert any(rule in m for m in found), found


@pytest.mark.parametrize("password", ["harbor2024", "Harbor2024", "2024harbor", "robrah2024",
                                      "Garden2024", "Sunshine99", "99sunshine!"])
def test_mo_pwd_4_no_dictionary_word_even_with_digits(password: str) -> None:
    """MO-PWD-4 (reading A24): digits and symbols are stripped before the dictionary check,
    and a word spelled backwards counts."""
    found = problems("mo", password)
    assert any("dictionary word" in m for m in found), found


# -- ct ------------------------------------------------------------------------------


def test_ct_208_3_nist_default_long_passphrase_no_composition() -> None:
    """CT-208-3 / A5: the product default is NIST SP 800-63B: 15+ characters, no classes."""
    assert load_pack("ct").password.default_profile == "nist"
    assert accepted("ct", "violet ladder kettle orbit")  # lower case only, no digit
    found = problems("ct", "Qx7!vtrplm")  # a fine vt password is too short here
    assert found == ["Use at least 15 characters (this has 10)."]
    assert profile("ct").expiry_days is None


def test_ct_208_3_nist_accepts_at_least_64_characters() -> None:
    assert accepted("ct", "violet ladder kettle orbit " * 2 + "calm")
    assert profile("ct").max_length >= 64


def test_ct_208_3_nist_blocklist() -> None:
    found = problems("ct", "1qaz2wsx3edc4rfv")
    assert any("common passwords" in m for m in found), found


@pytest.mark.parametrize(
    ("password", "word"),
    [
        ("my connecticut passphrase", "connecticut"),
        ("quiet ct hmis morning tea", "ct hmis"),
        ("riverbend test shelter rocks", "riverbend test shelter"),
    ],
)
def test_ct_208_3_nist_context_words(password: str, word: str) -> None:
    found = problems("ct", password, agency="Riverbend Test Shelter")
    assert any(word in m for m in found), found


def test_ct_208_3_nist_username_is_a_context_word() -> None:
    found = problems("ct", "jdoe likes long walks", username="jdoe")
    assert any("user name" in m for m in found), found


def test_ct_208_3_strict_profile() -> None:
    """CT-208-3: an agency may switch to the CoC strict profile (classes, 45 days, history 5)."""
    strict = profile("ct", "strict")
    assert strict.expiry_days == 45 and strict.history == 5
    assert any("upper-case" in m for m in problems("ct", "violet ladder kettle orbit", name="strict"))
    assert accepted("ct", "Qx7!vtrplm", name="strict")


def test_ct_agency_switches_to_strict_profile(ct_vault: VaultInfo, fake_clock: FakeClock) -> None:
    session = ct_vault.sign_in()
    try:
        with pytest.raises(PasswordRejected, match="15 characters"):
            add_user(session, "sam.short", "Sam", "case_manager", "Qx7!vtrplm",
                     access_completed_on=session.clock.now().date())
        with transaction(session.conn) as conn:
            Settings(conn).password_profile = "strict"
        add_user(session, "sam.short", "Sam", "case_manager", "Qx7!vtrplm",
                 access_completed_on=session.clock.now().date())
        with pytest.raises(PasswordRejected, match="upper-case"):
            add_user(session, "lee.long", "Lee", "case_manager", "violet ladder kettle orbit 7!",
                     access_completed_on=session.clock.now().date())
    finally:
        session.close()
    fake_clock.advance(days=46)
    session = ct_vault.sign_in()
    try:
        assert session.password_expired  # strict has expiry; the NIST default has none
    finally:
        session.close()


def test_ct_nist_default_never_expires(ct_vault: VaultInfo, fake_clock: FakeClock) -> None:
    fake_clock.advance(days=800)
    session = ct_vault.sign_in()
    try:
        assert not session.password_expired
    finally:
        session.close()


# -- the same password, three packs (conflict C1) --------------------------------------


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Qx7vTr9pLm", {"vt": False, "mo": True, "ct": False}),
        ("Qx7!vtrplm", {"vt": True, "mo": True, "ct": False}),
        ("violet ladder kettle orbit", {"vt": False, "mo": False, "ct": True}),
        ("Violet!Ladder7Kettle9", {"vt": True, "mo": True, "ct": True}),
        ("Harbor!2024", {"vt": False, "mo": False, "ct": False}),
    ],
)
def test_c1_same_password_different_packs(password: str, expected: dict[str, bool]) -> None:
    """C1: vt, mo and ct disagree on what a good password is; each pack applies its own."""
    assert {pack: accepted(pack, password) for pack in expected} == expected


def test_c1_session_level_validation_uses_the_pack() -> None:
    with pytest.raises(PasswordRejected) as caught:
        validate_new_password(load_pack("ct"), None, USER, "Qx7vTr9pLm", "Agency")
    assert caught.value.problems == ["Use at least 15 characters (this has 10)."]
    validate_new_password(load_pack("mo"), None, USER, "Qx7vTr9pLm", "Agency")


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_generated_temporary_passwords_satisfy_every_profile(pack: str) -> None:
    """VT-2.1-11: the system generates the first password; it must pass the pack's rules."""
    for name in load_pack(pack).password.profiles:
        for _ in range(30):
            password = generate_temporary_password()
            assert problems(pack, password, username="new.user", name=name) == [], password


def test_rejected_password_message_lists_every_broken_rule() -> None:
    with pytest.raises(PasswordRejected) as caught:
        validate_new_password(load_pack("vt"), None, USER, "abc", None)
    text = str(caught.value)
    for rule in ("at least 8 characters", "upper-case", "digit", "special character"):
        assert rule in text
    assert len(caught.value.problems) == 4


def test_expiry_is_measured_from_the_last_change(vt_vault: VaultInfo, fake_clock: FakeClock) -> None:
    session = vt_vault.sign_in()
    try:
        changed_at = session.user.password_changed_at
        assert changed_at == fake_clock.now()
    finally:
        session.close()
    fake_clock.set(changed_at + timedelta(days=45))
    session = vt_vault.sign_in()
    try:
        assert session.password_expired
    finally:
        session.close()
