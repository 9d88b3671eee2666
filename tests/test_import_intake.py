"""Paper-form transcription: the shipped schema and examples, the import command, and
property-based tests that malformed documents never crash and never store half a
household."""

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
from app.intake.importer import import_documents
from app.session import Session

FORMS = Path(__file__).resolve().parent.parent / "forms" / "intake"
SCHEMA = json.loads((FORMS / "intake-document.schema.json").read_text("utf-8"))


@pytest.mark.parametrize("pack", ["ct", "vt", "mo"])
def test_each_pack_example_matches_the_schema_and_imports(pack: str, vault_factory: Callable[[str], VaultInfo]) -> None:
    example = json.loads((FORMS / f"example-{pack}.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(example)
    session = vault_factory(pack).sign_in()
    try:
        outcomes = import_documents(session, [example])
        assert outcomes[0].saved, outcomes[0].problems
        assert outcomes[0].people == len(example["members"])
    finally:
        session.close()


def test_import_command_reports_each_refused_document(vault_factory: Callable[[str], VaultInfo],
                                                      tmp_path: Path) -> None:
    info = vault_factory("mo")
    good = json.loads((FORMS / "example-mo.json").read_text("utf-8"))
    bad = json.loads(json.dumps(good))
    bad["members"][0]["client"]["DOB"] = "2099-02-30"
    file = tmp_path / "batch.json"
    file.write_text(json.dumps([good, bad, {"format": "nope"}]), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(file), *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 1
    assert "Document 1: saved" in result.stdout
    assert "Document 2: refused" in result.stdout and "members[0].client.DOB" in result.stdout
    assert "Document 3: refused" in result.stdout and "format" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_import_of_a_missing_or_broken_file_is_one_sentence(vault_factory: Callable[[str], VaultInfo],
                                                            tmp_path: Path) -> None:
    info = vault_factory("mo")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hmis-intake/intake-v1", "members": [', "utf-8")
    for target in (broken, tmp_path / "missing.json"):
        result = run_cli(info.data_dir, "import-intake", str(target), *auth(), password=ADMIN_PASSWORD)
        assert result.returncode != 0
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


@pytest.fixture
def mo_session(mo_vault: VaultInfo) -> Iterator[Session]:
    session = mo_vault.sign_in()
    try:
        yield session
    finally:
        session.close()


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-5, 500), st.text(max_size=12),
                      st.sampled_from(["2026-03-01", "1980-02-29", "xxxxx1234", "123456789", "shared", "written"]))
json_values = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)


def mutate(document: dict[str, Any], path: list[str | int], value: Any) -> dict[str, Any]:
    """The document with one field replaced; unchanged when an earlier change already
    removed the place this one points at."""
    copy = json.loads(json.dumps(document))
    target: Any = copy
    try:
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    except (KeyError, IndexError, TypeError):
        return document
    return copy


FIELD_PATHS: list[list[str | int]] = [
    ["project_id"], ["collected_at"], ["consent", "method"], ["consent", "signed_on"], ["consent", "sharing"],
    ["members", 0, "client", "DOB"], ["members", 0, "client", "SSN"], ["members", 0, "client", "Sex"],
    ["members", 0, "enrollment", "RelationshipToHoH"], ["members", 1, "enrollment", "EntryDate"],
    ["members", 1, "client", "FirstName"], ["members", 0, "enrollment", "LivingSituation"], ["members"],
    ["oral_explanation"], ["members", 1, "consent"],
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(range(len(FIELD_PATHS))), json_values), min_size=1, max_size=3))
def test_malformed_documents_never_crash_nor_store_half_a_household(
    mo_session: Session, changes: list[tuple[int, Any]]
) -> None:
    document = json.loads((FORMS / "example-mo.json").read_text("utf-8"))
    for index, value in changes:
        document = mutate(document, FIELD_PATHS[index], value)
    before = mo_session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    try:
        result = save_intake(mo_session, parse_document(document))
    except (DocumentError, IntakeRefused):
        after = mo_session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
        assert after == before, "a refused intake stored part of a household"
        return
    after = mo_session.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert after - before == len(result.personal_ids) - sum(
        1 for m in document["members"] if isinstance(m, dict) and m.get("link_personal_id"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(json_values)
def test_arbitrary_json_never_crashes_the_parser(value: Any) -> None:
    try:
        parse_document(value)
    except DocumentError as exc:
        assert str(exc)
