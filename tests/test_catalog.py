"""The shipped forms catalog: every file loads, both languages are complete, the
HUD codes are HUD's (FY2026), and each pack's script covers its manual."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.catalog import (
    LANGUAGES,
    ConsentTexts,
    DataCollectionStage,
    FormsError,
    OralScript,
    ProjectType,
    QuestionType,
    Record,
    available_languages,
    available_packs,
    check_pack_languages,
    load_consent_texts,
    load_questions,
    load_script,
    render_text,
    validate_forms,
)
from app.catalog.common import placeholders_in
from app.errors import UserFacingError

PACKS = ("ct", "mo", "vt")

#: Policy files per jurisdiction (policies/README.md).
POLICY_FILES = {
    "ct": ("000", "001", "003"),
    "vt": ("002",),
    "mo": ("004",),
}

#: HMIS CSV FY2026 v1.0 columns of the files the questions fill (reference §3.2).
CSV_COLUMNS: dict[Record, frozenset[str]] = {
    Record.CLIENT: frozenset([
        "PersonalID", "FirstName", "MiddleName", "LastName", "NameSuffix", "NameDataQuality", "SSN",
        "SSNDataQuality", "DOB", "DOBDataQuality", "Sex", "AmIndAKNative", "Asian", "BlackAfAmerican",
        "HispanicLatinao", "MidEastNAfrican", "NativeHIPacific", "White", "RaceNone", "AdditionalRaceEthnicity",
        "VeteranStatus"
    ]),
    Record.ENROLLMENT: frozenset([
        "EnrollmentID", "PersonalID", "ProjectID", "EntryDate", "HouseholdID", "RelationshipToHoH",
        "EnrollmentCoC", "LivingSituation", "RentalSubsidyType", "LengthOfStay", "LOSUnderThreshold",
        "PreviousStreetESSH", "DateToStreetESSH", "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears",
        "DisablingCondition", "DateOfEngagement", "MoveInDate"
    ]),
    Record.EXIT: frozenset([
        "ExitID", "EnrollmentID", "PersonalID", "ExitDate", "Destination", "DestinationSubsidyType",
        "OtherDestination"
    ]),
    Record.CURRENT_LIVING_SITUATION: frozenset([
        "CurrentLivingSitID", "EnrollmentID", "PersonalID", "InformationDate", "CurrentLivingSituation",
        "CLSSubsidyType", "VerifiedBy", "LeaveSituation14Days", "SubsequentResidence", "ResourcesToObtain",
        "LeaseOwn60Day", "MovedTwoOrMore", "LocationDetails"
    ]),
}

HOMELESS = {116, 101, 118}
INSTITUTIONAL = {215, 206, 207, 225, 204, 205}
TEMPORARY_PC = {302, 329, 314, 332, 335, 336}
PERMANENT_PCD = {410, 411, 421, 435}
MISSING = {8, 9, 99}


# ------------------------------------------------------------------- loading


def test_every_shipped_file_loads_and_languages_agree() -> None:
    validate_forms()


def test_the_three_packs_ship_english_and_spanish() -> None:
    assert available_packs() == PACKS
    for pack in PACKS:
        assert available_languages(pack) == LANGUAGES == ("en", "es")


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_files_load(pack: str, lang: str) -> None:
    script = load_script(pack, lang)
    consent = load_consent_texts(pack, lang)
    assert isinstance(script, OralScript) and isinstance(consent, ConsentTexts)
    assert (script.pack, script.lang, consent.pack, consent.lang) == (pack, lang, pack, lang)


def test_no_language_fallback() -> None:
    """Consent in a language the client does not read is no consent (MO-NOTICE-2)."""
    with pytest.raises(
        FormsError, match=r"packs/ct/fr/oral_explanation\.toml: the file does not exist"
    ):
        load_script("ct", "fr")


def test_forms_error_is_a_user_facing_error() -> None:
    assert issubclass(FormsError, UserFacingError)


def test_catalog_imports_no_qt() -> None:
    code = (
        "import sys, app.catalog\n"
        "app.catalog.load_questions()\n"
        "outer = ('PySide6', 'shiboken6', 'ui', 'sync')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in outer]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------ both languages


def test_every_question_label_is_translated() -> None:
    catalog = load_questions()
    texts = [s.section.title for s in catalog.sections]
    for question in catalog.questions:
        texts.append(question.label)
        if question.help is not None:
            texts.append(question.help)
    for code_list in catalog.lists.values():
        texts.extend(code.label for code in code_list.codes)
        texts.extend(code_list.groups.values())
    for text in texts:
        assert text.en.strip() and text.es.strip()
        if text.en != "No":
            assert text.es != text.en, f"untranslated: {text.en!r}"


@pytest.mark.parametrize("pack", PACKS)
def test_spanish_mirrors_english(pack: str) -> None:
    check_pack_languages(pack)


def _texts(model: object) -> list[str]:
    """Every translated string in a script or consent model, in order."""
    from pydantic import BaseModel

    found: list[str] = []
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            if name in {"id", "clause", "related", "source", "pack", "lang", "applies_to"}:
                continue
            found.extend(_texts(getattr(model, name)))
    elif isinstance(model, tuple):
        for item in model:
            found.extend(_texts(item))
    elif isinstance(model, str):
        found.append(model)
    return found


@pytest.mark.parametrize("pack", PACKS)
def test_spanish_is_actually_spanish(pack: str) -> None:
    for loader in (load_script, load_consent_texts):
        english, spanish = _texts(loader(pack, "en")), _texts(loader(pack, "es"))
        assert len(english) == len(spanish)
        for en, es in zip(english, spanish, strict=True):
            if en in {"Verbal Consent"}:
                continue
            assert en != es, f"{pack}: untranslated text {en!r}"
            assert placeholders_in(en) == placeholders_in(es)


# ----------------------------------------------------------- scripts: policy


#: CT policy 207, "Oral Explanation": five points with every sub-point.
CT_207_POINTS = {
    "what-is-hmis": {"computer-system"},
    "why-we-use-it": {"needs", "planning", "federal-mandate"},
    "security": {"who-may-see"},
    "privacy": {
        "no-release-without-written-consent",
        "right-not-to-answer",
        "encrypted-transfer",
        "right-to-know-changes",
        "secure-connection",
    },
    "benefits": {"services-offered", "housing-resources"},
}

#: A word each CT sub-point must say in English, so an id cannot hide other text.
CT_207_WORDS = {
    "computer-system": "computer system",
    "needs": "need",
    "planning": "plan",
    "federal-mandate": "federal",
    "who-may-see": "Only staff",
    "no-release-without-written-consent": "in writing",
    "right-not-to-answer": "do not have to answer",
    "encrypted-transfer": "encrypted",
    "right-to-know-changes": "who added, changed or deleted",
    "secure-connection": "secure connection",
    "services-offered": "services",
    "housing-resources": "permanent housing",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ct_script_has_every_point_and_sub_point_of_policy_207(lang: str) -> None:
    """CT-207-3: what HMIS is, why, security, privacy protection, benefits."""
    script = load_script("ct", lang)
    assert [p.id for p in script.points] == list(CT_207_POINTS)
    for point in script.points:
        assert point.clause == "CT-207-3"
        assert point.source.startswith("000_48f610224bf6eebd.txt · P207 Oral explanation, point")
        assert {item.id for item in point.items} == CT_207_POINTS[point.id]
    if lang == "en":
        for point in script.points:
            for item in point.items:
                assert CT_207_WORDS[item.id] in item.text, item.id


def test_ct_script_sub_points_name_their_narrower_clauses() -> None:
    script = load_script("ct", "en")
    clauses = {item.id: item.clause for p in script.points for item in p.items}
    assert clauses["who-may-see"] == "CT-207-4"
    assert clauses["right-not-to-answer"] == "CT-207-5"
    assert clauses["right-to-know-changes"] == "CT-207-6"


def test_vt_script_follows_the_baseline_privacy_notice() -> None:
    script = load_script("vt", "en")
    clauses = {p.clause for p in script.points} | {
        i.clause for p in script.points for i in p.items if i.clause
    }
    assert {
        "VT-3.4-1",  # collection with consent assumed
        "VT-3.4-3",  # uses and disclosures
        "VT-3.4-16",  # the policy on request
        "VT-3.1-1",  # Not Shared by default
        "VT-3.1-4",  # back to Not Shared on request
        "VT-3.4-2",  # explicit permission for victims
        "VT-3.4-14",  # minors cannot consent
        "VT-3.4-7",  # inspect and copy
        "VT-3.4-8",  # correction
        "VT-3.4-18",  # complaints
    } <= clauses
    assert "60 days" in script.point("your-rights").items[0].text


@pytest.mark.parametrize(
    ("lang", "five_days", "verbal"),
    [("en", "5 business days", "Verbal Consent"), ("es", "5 días hábiles", "Verbal Consent")],
)
def test_mo_script_covers_roi_and_client_rights(lang: str, five_days: str, verbal: str) -> None:
    script = load_script("mo", lang)
    clauses = {p.clause for p in script.points} | {
        i.clause for p in script.points for i in p.items if i.clause
    }
    assert {
        "MO-ROI-1",
        "MO-ROI-3",
        "MO-ROI-8",
        "MO-ROI-9",
        "MO-ROI-10",
        "MO-RIGHTS-1",
        "MO-RIGHTS-2",
        "MO-RIGHTS-3",
        "MO-RIGHTS-4",
        "MO-RIGHTS-5",
        "MO-RIGHTS-6",
    } <= clauses
    copy = script.point("your-record").items[0]
    assert five_days in copy.text
    assert verbal in script.point("release-of-information").items[-1].text
    assert "{grievance_contact}" in script.point("grievance").items[0].text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mo_verbal_consent_signature_line_reads_verbal_consent(lang: str) -> None:
    """MO-ROI-9: the signature line says "Verbal Consent", in either language."""
    assert load_consent_texts("mo", lang).verbal.signature_line == "Verbal Consent"


@pytest.mark.parametrize("pack", PACKS)
def test_consent_texts_have_every_part(pack: str) -> None:
    consent = load_consent_texts(pack, "en")
    assert consent.written.agreements
    assert {level.id for level in consent.sharing.levels} == {"shared", "not_shared"}
    assert consent.declined.body and consent.revocation.body
    assert consent.verbal.attestation


def test_ct_written_consent_separates_entering_from_sharing() -> None:
    """CT-207-8: the release to share is separate from the consent to enter data."""
    agreements = load_consent_texts("ct", "en").written.agreements
    assert [(a.id, a.clause) for a in agreements] == [
        ("enter-data", "CT-207-7"),
        ("share-data", "CT-207-8"),
    ]
    share = agreements[1].text
    assert placeholders_in(share) == {
        "shared_information",
        "shared_with",
        "expiry_date",
    }  # CT-207-9


def test_mo_declining_keeps_services_and_locks_the_household() -> None:
    declined = " ".join(load_consent_texts("mo", "en").declined.body)
    assert "still get services" in declined  # MO-RIGHTS-3
    assert "locked" in declined  # MO-ROI-8


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_cite_the_packs_own_policy_file(pack: str, lang: str) -> None:
    script, consent = load_script(pack, lang), load_consent_texts(pack, lang)
    sources = [p.source for p in script.points]
    sections = (
        consent.written,
        consent.verbal,
        consent.declined,
        consent.sharing,
        consent.revocation,
    )
    sources += [s.source for s in sections]
    sources += [a.source for a in consent.written.agreements]
    sources += [n.source for n in consent.notices]
    for source in sources:
        assert source[:3] in POLICY_FILES[pack], source


def test_render_text_fills_placeholders_and_refuses_blanks() -> None:
    text = load_consent_texts("ct", "en").written.agreements[0].text
    assert render_text(text, {"agency": "Harbor House"}) == (
        "I agree that Harbor House may enter my information into CT HMIS."
    )
    with pytest.raises(KeyError, match="agency"):
        render_text(text, {})


# ---------------------------------------------------------------- HUD codes


def codes(field: str) -> tuple[int, ...]:
    return load_questions().codes_for(field).values


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("NameDataQuality", (1, 2, 8, 9, 99)),
        ("SSNDataQuality", (1, 2, 8, 9, 99)),
        ("DOBDataQuality", (1, 2, 8, 9, 99)),
        ("RelationshipToHoH", (1, 2, 3, 4, 5, 99)),
        ("Sex", (0, 1, 8, 9, 99)),
        ("VeteranStatus", (0, 1, 8, 9, 99)),
        ("DisablingCondition", (0, 1, 8, 9, 99)),
        ("RaceNone", (8, 9, 99)),
        ("LengthOfStay", (10, 11, 2, 3, 4, 5, 8, 9, 99)),
        ("LOSUnderThreshold", (0, 1, 99)),
        ("PreviousStreetESSH", (0, 1, 99)),
        ("TimesHomelessPastThreeYears", (1, 2, 3, 4, 8, 9, 99)),
        ("MonthsHomelessPastThreeYears", (*range(101, 114), 8, 9, 99)),
        ("LeaveSituation14Days", (0, 1, 8, 9, 99)),
        ("RentalSubsidyType", (428, 419, 431, 433, 434, 420, 436, 437, 438, 439, 440)),
    ],
)
def test_hud_codes(field: str, expected: tuple[int, ...]) -> None:
    assert codes(field) == expected


@pytest.mark.parametrize(
    "field",
    [
        "AmIndAKNative",
        "Asian",
        "BlackAfAmerican",
        "HispanicLatinao",
        "MidEastNAfrican",
        "NativeHIPacific",
        "White",
    ],
)
def test_race_and_ethnicity_are_seven_yes_no_flags(field: str) -> None:
    question = load_questions().question(field)
    assert question.kind is QuestionType.FLAG
    assert codes(field) == (0, 1)


def test_living_situation_lists_follow_section_2_4() -> None:
    prior = set(codes("LivingSituation"))
    current = set(codes("CurrentLivingSituation"))
    destination = set(codes("Destination"))
    assert prior == HOMELESS | INSTITUTIONAL | TEMPORARY_PC | PERMANENT_PCD | MISSING
    assert current == prior | {17, 37}
    assert destination == (
        HOMELESS
        | INSTITUTIONAL
        | {302, 329, 314, 332, 312, 313, 327}
        | PERMANENT_PCD
        | {422, 423, 426}
        | {17, 24, 30}
        | MISSING
    )


def test_living_situation_labels_and_groups() -> None:
    catalog = load_questions()
    full = catalog.code_list("3.12.1")
    assert full.get(116).group == "homeless"
    assert full.get(207).group == "institutional"
    assert full.get(435).group == "permanent"
    assert full.label(8, "en") == "Client doesn't know"
    assert full.label(9, "es") == "El cliente prefiere no responder"
    assert catalog.codes_for("Destination").get(24).label.en == "Deceased"


def test_every_required_choice_offers_data_not_collected() -> None:
    """HUD: the UI must offer 99 wherever a choice is forced."""
    for question in load_questions().questions:
        if question.kind is QuestionType.CHOICE and question.required:
            assert 99 in codes(question.field), question.field


def test_client_answer_lists_offer_doesnt_know_and_prefers_not() -> None:
    """Every list where HUD has 8 / 9 offers them (not 3.15, 1.7 or 3.12.A)."""
    without = {
        "RelationshipToHoH",
        "LOSUnderThreshold",
        "PreviousStreetESSH",
        "RentalSubsidyType",
        "CLSSubsidyType",
        "DestinationSubsidyType",
    }
    for question in load_questions().questions:
        if question.kind is QuestionType.CHOICE and question.field not in without:
            assert {8, 9, 99} <= set(codes(question.field)), question.field


def test_fields_are_hmis_csv_columns_of_their_file() -> None:
    for question in load_questions().questions:
        assert question.field in CSV_COLUMNS[question.record], question.field


def test_fy2026_sex_replaces_gender() -> None:
    fields = {q.field for q in load_questions().questions}
    assert "Sex" in fields and "HispanicLatinao" in fields
    assert not fields & {"Woman", "Man", "NonBinary", "GenderNone", "HispanicLatinaeo"}


def test_every_universal_element_is_asked() -> None:
    """CT-301-1, VT-2.1-18, MO-DC-1: every HUD universal data element is asked."""
    elements = {q.element for q in load_questions().questions}
    assert {
        "3.01",
        "3.02",
        "3.03",
        "3.04",
        "4.21",
        "3.07",
        "3.08",
        "3.10",
        "3.11",
        "3.12",
        "3.15",
        "3.16",
        "3.917",
        "4.12",
        "4.13",
    } <= elements


def test_project_type_and_stage_enums_match_hud_lists() -> None:
    catalog = load_questions()
    assert catalog.code_list("2.02.6").values == tuple(ProjectType)
    assert catalog.code_list("5.03.1").values == tuple(DataCollectionStage)


def test_text_patterns() -> None:
    catalog = load_questions()
    import re

    ssn = catalog.question("SSN")
    assert ssn.pattern and re.match(ssn.pattern, "12345xxxx") and not re.match(ssn.pattern, "1234")
    coc = catalog.question("EnrollmentCoC")
    assert coc.pattern and re.match(coc.pattern, "CT-505") and not re.match(coc.pattern, "CT505")
