"""Strict intake documents.

The document is a typed model that refuses unknown fields with their path; every
malformed input is a clear refusal of that document, never an unexpected error; a
file of N documents reports N outcomes; a document is saved once. Driven through
the model (with hypothesis) and through the real ``hmis-intake import-intake``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ADMIN_PASSWORD, VaultInfo, auth, run_cli

from app.intake import DocumentError, IntakeRefused, parse_document, save_intake
from app.intake.document import CLIENT_FIELDS, ENROLLMENT_FIELDS
from app.intake.importer import Unreadable, parse_documents_text
from app.session import Session

FORMS = Path(__file__).resolve().parent.parent / "forms" / "intake"
SCHEMA = json.loads((FORMS / "intake-document.schema.json").read_text("utf-8"))


def example(pack: str = "mo") -> dict[str, Any]:
    return json.loads((FORMS / f"example-{pack}.json").read_text("utf-8"))


def refusal(document: Any) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse_document(document)
    return caught.value


# -- the model ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("where", "path"), [
    ([], "possible_dv_victim"),
    (["members", 0], "members[0].possible_dv_victim"),
    (["members", 0, "client"], "members[0].client.possible_dv_victim"),
    (["members", 0, "enrollment"], "members[0].enrollment.possible_dv_victim"),
    (["oral_explanation"], "oral_explanation.possible_dv_victim"),
    (["consent"], None),  # its right place: accepted
])
def test_vt_3_4_2_dv_flag_out_of_place_is_refused_with_its_path(where: list[str | int], path: str | None) -> None:
    """VT-3.4-2: ``possible_dv_victim`` one level too high must not skip the DV check."""
    document = example("vt")
    target: Any = document
    for key in where:
        target = target[key]
    target["possible_dv_victim"] = True
    if path is None:
        assert parse_document(document).consent.possible_dv_victim is True  # type: ignore[union-attr]
        return
    error = refusal(document)
    assert error.path == path
    assert "is not a field of" in str(error) and "where it is placed" in str(error)


@pytest.mark.parametrize(("change", "path", "words"), [
    (lambda d: d["members"][0]["client"].update(FirstName=12345), "members[0].client.FirstName", "must be a text"),
    (lambda d: d["members"][0]["client"].update(Sex=10**40), "members[0].client.Sex", "too large"),
    (lambda d: d["members"][0]["client"].update(Sex=1e400), "members[0].client.Sex", "whole number"),
    (lambda d: d["members"][0]["client"].update(Sex=True), "members[0].client.Sex", "whole number"),
    (lambda d: d["members"][0]["enrollment"].update(EntryDate=None), "members[0].enrollment.EntryDate", "date"),
    (lambda d: d["members"][0]["enrollment"].update(EntryDate=""), "members[0].enrollment.EntryDate", "real date"),
    (lambda d: d["members"][0]["enrollment"].update(EntryDate="2026-02-30"), "members[0].enrollment.EntryDate",
     "real date"),
    (lambda d: d["members"][0]["client"].update(LastName="Quill\ud800"), "members[0].client.LastName",
     "broken character"),
    (lambda d: d["members"][0]["client"].update(LastName="Quill\x00"), "members[0].client.LastName",
     "control character"),
    (lambda d: d["members"][0]["client"].update(FirstName="W" * 51), "members[0].client.FirstName", "too long"),
    (lambda d: d.update(members=[]), "members", "at least one household member"),
    (lambda d: d.update(members=[d["members"][0]] * 31), "members", "split the household"),
    (lambda d: d["members"].__setitem__(0, "Wren"), "members[0]", "must be an object"),
    (lambda d: d["consent"].update(method="maybe"), "consent.method", '"written", "verbal" or "declined"'),
    (lambda d: d["consent"].update(signed_on=None), "consent.signed_on", "date"),
    (lambda d: d["consent"].update(signer="aunt"), "consent.signer", '"client" or "guardian"'),
    (lambda d: d["consent"].update(guardian_name="Ada Guardian"), "consent.guardian_name", "guardian"),
    (lambda d: d["consent"].update(signer="client", signer_is_guardian=True), "consent.signer_is_guardian",
     "contradicts"),
    (lambda d: d["consent"].update(consent_time="25:00"), "consent.consent_time", "HH:MM"),
    (lambda d: d["consent"].update(shared_with="everyone"), "consent.shared_with", "must be a list"),
    (lambda d: d.update(collected_at=""), "collected_at", "date and time"),
    (lambda d: d.update(document_id="../../etc"), "document_id", "letters, digits"),
    (lambda d: d.update(format="hmis-intake/intake-v9"), "format", "hmis-intake/intake-v1"),
    (lambda d: d.update(project_id="   "), "project_id", "must not be empty"),
])
def test_malformed_values_are_refused_with_their_path(change: Callable[[dict[str, Any]], Any], path: str,
                                                      words: str) -> None:
    document = example("mo")
    change(document)
    error = refusal(document)
    assert error.path == path, str(error)
    assert words in str(error)
    assert "\ud800" not in str(error) and "Quill" not in str(error)  # the value is never quoted


@pytest.mark.parametrize("value", [None, [], "document", 7, True, [example()]])
def test_a_non_object_is_refused(value: Any) -> None:
    assert str(refusal(value)) == "The document must be a JSON object."


def test_every_problem_is_listed_with_its_path() -> None:
    document = example("mo")
    document["members"][0]["client"].update(FirstName=1, Sex="male")
    document["surprise"] = 1
    paths = {path for path, _ in refusal(document).problems}
    assert {"members[0].client.FirstName", "members[0].client.Sex", "surprise"} <= paths


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_the_schema_and_the_model_agree_on_the_examples(pack: str) -> None:
    document = example(pack)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    parsed = parse_document(document)
    assert parsed.document_id == document["document_id"]
    assert parsed.consent is not None and parsed.consent.language == document["consent"]["language"]


def test_schema_lists_every_model_field() -> None:
    """Each field the model accepts is in the schema, and the reverse."""
    from app.intake.document_model import ClientModel, ConsentModel, DocumentModel, EnrollmentModel, MemberModel

    defs = SCHEMA["$defs"]
    member = defs["member"]["properties"]
    assert set(DocumentModel.model_fields) == set(SCHEMA["properties"])
    assert set(ConsentModel.model_fields) == set(defs["consent"]["properties"])
    assert set(MemberModel.model_fields) == set(member)
    assert set(ClientModel.model_fields) == set(member["client"]["properties"]) == set(CLIENT_FIELDS)
    assert set(EnrollmentModel.model_fields) == set(member["enrollment"]["properties"]) == set(ENROLLMENT_FIELDS)


# -- property-based ----------------------------------------------------------------------------

names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=50)
codes = st.integers(-(2**31), 2**31 - 1)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Documents the model must accept: any known field, any value of its kind."""
    members = []
    for _ in range(draw(st.integers(1, 3))):
        client = draw(st.fixed_dictionaries({}, optional={
            "FirstName": st.one_of(st.none(), names), "LastName": st.one_of(st.none(), names),
            "Sex": st.one_of(st.none(), codes), "DOB": st.one_of(st.none(), dates),
            "NameDataQuality": codes, "White": codes}))
        enrollment = draw(st.fixed_dictionaries({}, optional={
            "EntryDate": dates, "RelationshipToHoH": st.one_of(st.none(), codes),
            "LivingSituation": st.one_of(st.none(), codes)}))
        member: dict[str, Any] = {"client": client, "enrollment": enrollment}
        if draw(st.booleans()):
            member["emancipated"] = draw(st.booleans())
        members.append(member)
    consent = draw(st.fixed_dictionaries(
        {"method": st.sampled_from(["written", "verbal", "declined"]), "signed_on": dates},
        optional={"sharing": st.sampled_from(["shared", "not_shared"]), "shared_with": st.lists(names, max_size=3),
                  "shared_information": st.lists(names, max_size=3), "signer": st.sampled_from(["client", None]),
                  "possible_dv_victim": st.booleans(), "language": st.sampled_from(["en", "es"]),
                  "expires_on": st.one_of(st.none(), dates)}))
    return {"format": "hmis-intake/intake-v1", "project_id": draw(names.filter(str.strip)),
            "collected_at": "2026-03-01T10:00:00Z", "consent": consent, "members": members}


@settings(max_examples=150, deadline=None)
@given(valid_documents())
def test_valid_documents_are_read_exactly(document: dict[str, Any]) -> None:
    """Any known field with a value of its kind is read as given (codes and dates are
    then the rules' business, as the schema's enums are)."""
    parsed = parse_document(document)
    assert [m.client for m in parsed.members] == [m["client"] for m in document["members"]]
    assert [m.enrollment for m in parsed.members] == [m["enrollment"] for m in document["members"]]
    assert parsed.consent is not None and parsed.consent.method == document["consent"]["method"]
    assert list(parsed.consent.shared_with) == document["consent"].get("shared_with", [])


def _objects(document: Any, path: list[str | int]) -> Iterator[list[str | int]]:
    if isinstance(document, dict):
        yield path
        for key, value in document.items():
            yield from _objects(value, [*path, key])
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _objects(value, [*path, index])


@settings(max_examples=150, deadline=None)
@given(valid_documents(), st.data(), st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=3,
                                             max_size=12))
def test_an_unknown_field_anywhere_is_refused_with_its_path(document: dict[str, Any], data: st.DataObject,
                                                            key: str) -> None:
    places = [p for p in _objects(document, []) if key not in _known_at(p)]
    place = data.draw(st.sampled_from(places))
    target: Any = document
    for step in place:
        target = target[step]
    target[key] = data.draw(st.one_of(st.none(), st.booleans(), names))
    error = refusal(document)
    assert any(path.endswith(key) for path, _ in error.problems), error.problems


def _known_at(path: list[str | int]) -> set[str]:
    from app.intake.document_model import ClientModel, ConsentModel, DocumentModel, EnrollmentModel, MemberModel

    last = next((p for p in reversed(path) if isinstance(p, str)), None)
    model = {None: DocumentModel, "consent": ConsentModel, "client": ClientModel, "enrollment": EnrollmentModel,
             "members": MemberModel}.get(last, DocumentModel)
    return set(model.model_fields)


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
                      st.sampled_from(["", "2026-03-01", "\ud800", "x" * 600, "written", "guardian"]))
json_values = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=10)


@settings(max_examples=200, deadline=None)
@given(valid_documents(), st.data(), json_values)
def test_any_value_anywhere_is_read_or_refused_never_an_error(document: dict[str, Any], data: st.DataObject,
                                                              value: Any) -> None:
    places = [p for p in _objects(document, []) if p] + [[]]
    place = data.draw(st.sampled_from(places))
    key = data.draw(st.sampled_from(sorted(_known_at(place))))
    target: Any = document
    for step in place:
        target = target[step]
    target[key] = value
    try:
        parse_document(document)
    except DocumentError as exc:
        assert exc.problems and all(isinstance(m, str) and m for _, m in exc.problems)


@pytest.fixture
def mo_session(mo_vault: VaultInfo) -> Iterator[Session]:
    session = mo_vault.sign_in()
    try:
        yield session
    finally:
        session.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["FirstName", "LastName", "SSN", "DOB", "Sex", "White"]), json_values),
                min_size=1, max_size=3))
def test_what_the_model_accepts_the_vault_saves_or_the_rules_refuse(mo_session: Session,
                                                                    changes: list[tuple[str, Any]]) -> None:
    document = example("mo")
    for field, value in changes:
        document["members"][0]["client"][field] = value
    before = mo_session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    try:
        doc = parse_document(document)
    except DocumentError:
        return
    try:
        result = save_intake(mo_session, doc)
    except IntakeRefused:
        assert mo_session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == before
        return
    assert mo_session.conn.execute("SELECT count(*) FROM person").fetchone()[0] == before + len(result.personal_ids)


# -- reading a file ----------------------------------------------------------------------------


def test_each_document_of_an_array_is_read_on_its_own() -> None:
    good = json.dumps(example())
    deep = "[" * 5000 + "]" * 5000
    text = f"[{good}, {deep}, {{\"format\": tru}}, 5, {good}]"
    items = parse_documents_text(text)
    assert len(items) == 5
    assert isinstance(items[0], dict) and isinstance(items[4], dict) and items[3] == 5
    assert isinstance(items[1], Unreadable) and "nested too deeply" in items[1].reason
    assert isinstance(items[2], Unreadable) and "not valid JSON" in items[2].reason


def test_a_cut_short_array_keeps_the_documents_before_the_cut() -> None:
    good = json.dumps(example())
    items = parse_documents_text(f"[{good}, {good[: len(good) // 2]}")
    assert isinstance(items[0], dict)
    assert isinstance(items[1], Unreadable) and "cut short" in items[1].reason
    assert len(items) == 2


# -- the command -------------------------------------------------------------------------------


def _import(info: VaultInfo, file: Path, *extra: str) -> Any:
    return run_cli(info.data_dir, "import-intake", str(file), *extra, *auth(), password=ADMIN_PASSWORD)


def _people(info: VaultInfo) -> int:
    session = info.sign_in()
    try:
        return int(session.conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        session.close()


def test_import_reports_one_outcome_per_document_and_never_a_traceback(
    vault_factory: Callable[[str], VaultInfo], tmp_path: Path
) -> None:
    info = vault_factory("mo")
    good = example()
    second = example()
    second["document_id"] = "mo-paper-2026-0002"
    second["members"] = second["members"][:1]
    malformed: list[Any] = []
    for change in (
        lambda d: d["members"][0]["client"].update(FirstName=42),
        lambda d: d["members"][0]["client"].update(Sex=10**30),
        lambda d: d["members"][0]["enrollment"].update(EntryDate=None),
        lambda d: d["members"][0]["enrollment"].update(EntryDate=""),
        lambda d: d["members"][0]["client"].update(LastName="Quill\ud800"),
        lambda d: d.update(possible_dv_victim=True),
    ):
        doc = example()
        doc.pop("document_id")
        change(doc)
        malformed.append(doc)
    parts = [json.dumps(good)] + [json.dumps(d) for d in malformed] + ['"not a document"', "[" * 3000 + "]" * 3000,
                                                                    json.dumps(second)]
    file = tmp_path / "batch.json"
    file.write_text("[" + ",\n".join(parts) + "]", "utf-8")
    result = _import(info, file)
    lines = [line for line in result.stdout.splitlines() if line.startswith("Document ")]
    assert len(lines) == len(parts) == 10
    assert lines[0].startswith("Document 1: saved") and lines[-1].startswith("Document 10: saved")
    assert all(": refused" in line for line in lines[1:-1])
    assert "members[0].client.FirstName" in result.stdout and "members[0].enrollment.EntryDate" in result.stdout
    assert "possible_dv_victim: is not a field of the document" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr and result.stderr == ""
    assert "2 saved, 0 already imported, 8 refused." in result.stdout
    assert result.returncode == 1
    assert _people(info) == len(good["members"]) + 1


def test_reimporting_a_file_saves_nothing_twice(vault_factory: Callable[[str], VaultInfo], tmp_path: Path) -> None:
    info = vault_factory("mo")
    with_id = example()
    without_id = example()
    without_id.pop("document_id")
    without_id["members"] = without_id["members"][:1]
    without_id["members"][0]["client"]["FirstName"] = "Odalys"
    file = tmp_path / "two.json"
    file.write_text(json.dumps([with_id, without_id]), "utf-8")
    first = _import(info, file)
    assert first.returncode == 0 and "2 saved" in first.stdout
    people = _people(info)
    again = _import(info, file, "--json")
    assert again.returncode == 0, again.stdout
    outcomes = again.json()
    assert [o["status"] for o in outcomes] == ["already_imported", "already_imported"]
    assert outcomes[0]["document_id"] == with_id["document_id"]
    assert _people(info) == people
    # A corrected document under the same id is not a new household either.
    with_id["members"][0]["client"]["FirstName"] = "Marlo"
    file.write_text(json.dumps(with_id), "utf-8")
    third = _import(info, file)
    assert "Document 1: already imported" in third.stdout and "with other contents" in third.stdout
    assert third.returncode == 0 and _people(info) == people
    # ...but a corrected form still hears what is wrong with it.
    with_id["members"][0]["client"]["DOB"] = "2099-02-30"
    file.write_text(json.dumps(with_id), "utf-8")
    fourth = _import(info, file)
    assert "Document 1: refused" in fourth.stdout and "members[0].client.DOB" in fourth.stdout


def test_a_saved_document_is_reported_when_a_later_one_is_cut_short(
    vault_factory: Callable[[str], VaultInfo], tmp_path: Path
) -> None:
    info = vault_factory("mo")
    good = json.dumps(example())
    file = tmp_path / "cut.json"
    file.write_text(f"[{good}, {good[:200]}", "utf-8")
    result = _import(info, file, "--json")
    outcomes = result.json()
    assert [o["status"] for o in outcomes] == ["saved", "refused"]
    assert "cut short" in outcomes[1]["problems"][0]
    assert result.returncode == 1 and _people(info) == len(example()["members"])


def test_one_deeply_nested_document_is_one_sentence(vault_factory: Callable[[str], VaultInfo],
                                                    tmp_path: Path) -> None:
    info = vault_factory("mo")
    file = tmp_path / "deep.json"
    file.write_text('{"format": ' + "[" * 100000 + "]" * 100000 + "}", "utf-8")
    result = _import(info, file)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("nested too deeply to be an intake document.")
    assert len(result.stderr.strip().splitlines()) == 1
