"""A broken forms file gives one readable sentence: the file, the line (syntax) or the
key path (schema, references), and what is wrong. Files are synthetic, in tmp_path."""

from __future__ import annotations

import textwrap
from importlib.resources import files
from pathlib import Path

import pytest

from app.catalog import (
    FormsError,
    check_pack_languages,
    load_consent_texts,
    load_questions,
    load_script,
)

LISTS = """\
[lists."1.6"]
name = "Missing data"
codes = [
  { code = 8, label = { en = "Client doesn't know", es = "El cliente no sabe" } },
  { code = 9, label = { en = "Client prefers not to answer", es = "El cliente prefiere no responder" } },
  { code = 99, label = { en = "Data not collected", es = "Datos no recopilados" } },
]

[lists."1.8"]
name = "No / Yes"
codes = [
  { code = 0, label = { en = "No", es = "No" } },
  { code = 1, label = { en = "Yes", es = "Sí" } },
]
extends = ["1.6"]

[lists."1.10"]
name = "No / Yes only"
base = "1.8"
include = [0, 1]
"""

QUESTIONS = """\
[section]
id = "basic"
order = 10
title = { en = "Basic", es = "Básico" }

[questions.FirstName]
element = "3.01"
record = "Client"
type = "text"
max_length = 50
subjects = "all"
stages = [1, 2]
project_types = "all"
label = { en = "First name", es = "Nombre" }

[questions.VeteranStatus]
element = "3.07"
record = "Client"
type = "choice"
list = "1.8"
required = true
subjects = "adults"
stages = [1]
project_types = "all"
label = { en = "Veteran status", es = "Condición de veterano" }

[questions.DisablingCondition]
element = "3.08"
record = "Enrollment"
type = "choice"
list = "1.8"
required = true
subjects = "all"
stages = [1]
project_types = [0, 4]
label = { en = "Disabling condition", es = "Condición discapacitante" }
show_if = { field = "VeteranStatus", in = [0, 1] }
"""


def write_questions(root: Path, questions: str = QUESTIONS, lists: str = LISTS) -> Path:
    folder = root / "questions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "code_lists.toml").write_text(lists, "utf-8")
    (folder / "10_basic.toml").write_text(questions, "utf-8")
    return root


def error_for(root: Path) -> FormsError:
    with pytest.raises(FormsError) as caught:
        load_questions(root)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    return caught.value


def test_the_synthetic_catalog_loads(tmp_path: Path) -> None:
    catalog = load_questions(write_questions(tmp_path))
    assert [q.field for q in catalog.questions] == [
        "FirstName",
        "VeteranStatus",
        "DisablingCondition",
    ]
    assert catalog.code_list("1.10").values == (0, 1)
    assert load_questions(str(tmp_path)).questions == catalog.questions


# ------------------------------------------------------------------ syntax


def test_toml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    broken = QUESTIONS.replace('type = "text"', 'type = "text', 1)
    line = QUESTIONS.splitlines().index('type = "text"') + 1
    error = error_for(write_questions(tmp_path, broken))
    assert error.file.endswith("questions/10_basic.toml")
    assert error.line == line
    assert str(error).startswith(f"{tmp_path}/questions/10_basic.toml, line {line}, column ")
    assert "TOML syntax error" in str(error)


def test_syntax_error_at_the_end_of_the_file(tmp_path: Path) -> None:
    error = error_for(write_questions(tmp_path, QUESTIONS + 'help = { en = "x"'))
    assert error.line == len(QUESTIONS.splitlines()) + 1


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    write_questions(tmp_path)
    (tmp_path / "questions" / "10_basic.toml").write_bytes(b'title = "caf\xe9"\n')
    assert "not UTF-8" in str(error_for(tmp_path))


def test_missing_questions_folder(tmp_path: Path) -> None:
    assert "questions folder does not exist" in str(error_for(tmp_path))


# ------------------------------------------------------------------ schema


def test_wrong_type_names_the_key_path(tmp_path: Path) -> None:
    broken = QUESTIONS.replace("max_length = 50", 'max_length = "fifty"')
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.FirstName.max_length"
    assert "10_basic.toml, at questions.FirstName.max_length: " in str(error)
    assert "'fifty'" in str(error)


def test_missing_spanish_label_names_the_key_path(tmp_path: Path) -> None:
    broken = QUESTIONS.replace(
        'label = { en = "First name", es = "Nombre" }', 'label = { en = "First name" }'
    )
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.FirstName.label.es"
    assert "required key is missing" in str(error)


def test_misspelt_key_is_rejected(tmp_path: Path) -> None:
    broken = QUESTIONS.replace('subjects = "adults"', 'subjects = "adults"\nsubjekts = "all"')
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.VeteranStatus.subjekts"
    assert "not part of the schema" in str(error)


def test_bad_enum_value(tmp_path: Path) -> None:
    broken = QUESTIONS.replace('subjects = "adults"', 'subjects = "grownups"')
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.VeteranStatus.subjects"
    assert "'grownups'" in str(error)


def test_unknown_project_type_code(tmp_path: Path) -> None:
    broken = QUESTIONS.replace("project_types = [0, 4]", "project_types = [0, 5]")
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.DisablingCondition.project_types[1]"


def test_choice_without_list(tmp_path: Path) -> None:
    broken = QUESTIONS.replace(
        'list = "1.8"\nrequired = true\nsubjects = "adults"', 'required = true\nsubjects = "adults"'
    )
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.VeteranStatus"
    assert "needs 'list'" in str(error)


def test_malformed_condition(tmp_path: Path) -> None:
    broken = QUESTIONS.replace(
        'show_if = { field = "VeteranStatus", in = [0, 1] }', 'show_if = { when = "VeteranStatus" }'
    )
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.DisablingCondition.show_if"
    assert "'field' (with 'in')" in str(error)


def test_list_key_path_is_quoted(tmp_path: Path) -> None:
    broken = LISTS.replace('es = "El cliente prefiere no responder"', 'es = ""')
    error = error_for(write_questions(tmp_path, lists=broken))
    assert error.key_path == 'lists."1.6".codes[1].label.es'
    assert "must not be empty" in str(error)


# -------------------------------------------------------------- references


def test_unknown_code_list_reference(tmp_path: Path) -> None:
    broken = QUESTIONS.replace(
        'list = "1.8"\nrequired = true\nsubjects = "adults"',
        'list = "9.99"\nrequired = true\nsubjects = "adults"',
    )
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.VeteranStatus.list"
    assert "unknown code list '9.99'" in str(error)
    assert error.file.endswith("10_basic.toml")


def test_unknown_base_list(tmp_path: Path) -> None:
    error = error_for(
        write_questions(tmp_path, lists=LISTS.replace('base = "1.8"', 'base = "1.9"'))
    )
    assert error.key_path == 'lists."1.10".base'
    assert "unknown code list '1.9'" in str(error)


def test_included_code_missing_from_base(tmp_path: Path) -> None:
    error = error_for(
        write_questions(tmp_path, lists=LISTS.replace("include = [0, 1]", "include = [0, 7]"))
    )
    assert error.key_path == 'lists."1.10".include[1]'
    assert "code 7" in str(error)


def test_lists_extending_each_other_in_a_loop(tmp_path: Path) -> None:
    looped = LISTS.replace(
        'es = "Datos no recopilados" } },\n]\n',
        'es = "Datos no recopilados" } },\n]\nextends = ["1.8"]\n',
        1,
    )
    assert "loop" in str(error_for(write_questions(tmp_path, lists=looped)))


def test_duplicate_code(tmp_path: Path) -> None:
    duplicated = LISTS.replace(
        '{ code = 1, label = { en = "Yes"', '{ code = 8, label = { en = "Yes"'
    )
    error = error_for(write_questions(tmp_path, lists=duplicated))
    assert "code 8 appears twice" in str(error)


def test_required_choice_must_offer_99(tmp_path: Path) -> None:
    broken = QUESTIONS.replace(
        'list = "1.8"\nrequired = true\nsubjects = "adults"',
        'list = "1.10"\nrequired = true\nsubjects = "adults"',
    )
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.VeteranStatus.list"
    assert "99" in str(error)


def test_condition_on_unknown_column(tmp_path: Path) -> None:
    broken = QUESTIONS.replace('field = "VeteranStatus"', 'field = "VeteranStatos"')
    error = error_for(write_questions(tmp_path, broken))
    assert error.key_path == "questions.DisablingCondition.show_if"
    assert "VeteranStatos" in str(error)


def test_condition_on_a_code_the_list_lacks(tmp_path: Path) -> None:
    broken = QUESTIONS.replace("in = [0, 1]", "in = [0, 4]")
    error = error_for(write_questions(tmp_path, broken))
    assert "code 4 is not a response of VeteranStatus" in str(error)


def test_same_column_in_two_files(tmp_path: Path) -> None:
    write_questions(tmp_path)
    extra = QUESTIONS.replace('id = "basic"', 'id = "more"')
    (tmp_path / "questions" / "20_more.toml").write_text(extra, "utf-8")
    error = error_for(tmp_path)
    assert error.file.endswith("20_more.toml")
    assert "already asked in" in str(error) and "10_basic.toml" in str(error)


def test_field_key_inside_a_question_is_rejected(tmp_path: Path) -> None:
    broken = QUESTIONS.replace('element = "3.01"', 'field = "Other"\nelement = "3.01"', 1)
    assert error_for(write_questions(tmp_path, broken)).key_path == "questions.FirstName.field"


# ------------------------------------------------------------- pack texts


def copy_shipped_pack(root: Path, pack: str) -> Path:
    """The shipped pack's script and consent files, copied for breaking."""
    for lang in ("en", "es"):
        target = root / "packs" / pack / lang
        target.mkdir(parents=True, exist_ok=True)
        for name in ("oral_explanation.toml", "consent.toml"):
            source = files("forms").joinpath("packs", pack, lang, name)
            (target / name).write_text(source.read_text("utf-8"), "utf-8")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_copied_pack_loads(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    assert load_script("ct", "es", root) == load_script("ct", "es")
    check_pack_languages("ct", root)


def test_spanish_missing_a_point_is_caught(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    path = root / "packs" / "ct" / "es" / "oral_explanation.toml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.rindex("[[points]]")], "utf-8")
    with pytest.raises(FormsError) as caught:
        check_pack_languages("ct", root)
    assert caught.value.file.endswith("packs/ct/es/oral_explanation.toml")
    assert caught.value.key_path == "points"
    assert "has 4 entries where the English file has 5" in str(caught.value)


def test_spanish_with_a_different_item_id_is_caught(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    edit(
        root / "packs" / "ct" / "es" / "oral_explanation.toml", 'id = "needs"', 'id = "necesidades"'
    )
    with pytest.raises(FormsError, match=r"at points\[1\]\.items\[0\]\.id: has 'necesidades'"):
        check_pack_languages("ct", root)


def test_spanish_dropping_a_placeholder_is_caught(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "mo")
    edit(
        root / "packs" / "mo" / "es" / "consent.toml",
        "termina el {expiry_date}",
        "termina en un año",
    )
    with pytest.raises(
        FormsError, match=r"consent\.toml, at written\.body\[2\]: uses placeholders"
    ):
        check_pack_languages("mo", root)


def test_unknown_placeholder(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    edit(
        root / "packs" / "ct" / "en" / "oral_explanation.toml",
        "how {agency} uses it",
        "how {agnecy} uses it",
    )
    with pytest.raises(FormsError) as caught:
        load_script("ct", "en", root)
    assert caught.value.key_path == "intro"
    assert "unknown placeholder {agnecy}" in str(caught.value)


def test_clause_from_another_jurisdiction(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "vt")
    edit(
        root / "packs" / "vt" / "en" / "consent.toml",
        'clause = "VT-3.1-4"',
        'clause = "MO-RIGHTS-4"',
    )
    with pytest.raises(FormsError) as caught:
        load_consent_texts("vt", "en", root)
    assert caught.value.key_path == "revocation.clause"
    assert "another jurisdiction" in str(caught.value)


def test_malformed_clause_and_source(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    path = root / "packs" / "ct" / "en" / "oral_explanation.toml"
    edit(path, 'clause = "CT-207-3"', 'clause = "CT 207.3"')
    with pytest.raises(FormsError, match=r"at points\[0\]\.clause: 'CT 207\.3' is not a clause ID"):
        load_script("ct", "en", root)
    edit(path, 'clause = "CT 207.3"', 'clause = "CT-207-3"')
    edit(path, 'source = "000_48f610224bf6eebd.txt · P207', 'source = "the CT manual')
    with pytest.raises(FormsError, match=r"at points\[0\]\.source: .* is not a source"):
        load_script("ct", "en", root)


def test_file_in_the_wrong_folder(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    edit(root / "packs" / "ct" / "es" / "consent.toml", 'lang = "es"', 'lang = "en"')
    with pytest.raises(
        FormsError, match=r"at lang: the file says language 'en' but is in the 'es' folder"
    ):
        load_consent_texts("ct", "es", root)


def test_script_syntax_error_names_the_line(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "mo")
    path = root / "packs" / "mo" / "en" / "oral_explanation.toml"
    lines = path.read_text("utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith("title = "))
    lines[target] = 'title = "About Missouri HMIS'
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(FormsError) as caught:
        load_script("mo", "en", root)
    assert caught.value.line == target + 1
    assert "packs/mo/en/oral_explanation.toml, line" in str(caught.value)


def test_sharing_levels_must_be_shared_and_not_shared(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "vt")
    edit(root / "packs" / "vt" / "en" / "consent.toml", 'id = "not_shared"', 'id = "private"')
    with pytest.raises(FormsError, match=r"at sharing\.levels\[1\]\.id: "):
        load_consent_texts("vt", "en", root)


def test_bad_pack_id_is_not_a_path(tmp_path: Path) -> None:
    with pytest.raises(FormsError, match="is not a pack id"):
        load_script("../ct", "en", tmp_path)


def test_script_point_ids_are_unique(tmp_path: Path) -> None:
    root = copy_shipped_pack(tmp_path, "ct")
    edit(
        root / "packs" / "ct" / "en" / "oral_explanation.toml", 'id = "security"', 'id = "privacy"'
    )
    with pytest.raises(FormsError, match="point id 'privacy' is used twice"):
        load_script("ct", "en", root)


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_a_message_is_one_sentence(tmp_path: Path, pack: str) -> None:
    root = copy_shipped_pack(tmp_path, pack)
    (root / "packs" / pack / "en" / "consent.toml").write_text(
        textwrap.dedent(
            f"""\
            pack = "{pack}"
            lang = "en"
            title = "Consent"
            """
        ),
        "utf-8",
    )
    with pytest.raises(FormsError) as caught:
        load_consent_texts(pack, "en", root)
    message = str(caught.value)
    assert message.count(". ") == 0 and message.endswith(".")
    assert "more problems in this file" in message
