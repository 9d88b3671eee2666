"""Each consent message cites a clause of the pack in use, read from the pack's
``[consent.cite]``; app/ names no clause of its own. A Vermont or Missouri worker is
never shown a Connecticut clause ID."""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import ADMIN_PASSWORD, PACKS, REPO_ROOT, auth, run_cli

from app.intake import parse_document
from app.intake.validate import ProjectFacts, check_intake
from app.packs import load_pack
from app.rules.consent import RULE_KEYS, ConsentRequest, StoredConsent, decide_entry, entry_hold, evaluate_consent

CLAUSE = re.compile(r"\b(CT|VT|MO)-[0-9A-Z][0-9A-Z.]*(-[0-9A-Z.]+)*")
TODAY = date(2026, 3, 2)


def prefix(pack_id: str) -> str:
    """The jurisdiction prefix of a pack's own clauses, read from its consent clauses."""
    pack = load_pack(pack_id)
    return pack.consent.clauses[0].id.split("-")[0]


@pytest.mark.parametrize("pack_id", PACKS)
def test_each_pack_cites_every_consent_rule_with_its_own_clauses(pack_id: str) -> None:
    pack = load_pack(pack_id)
    assert set(pack.consent.cite) == set(RULE_KEYS)
    own = prefix(pack_id)
    assert all(v.startswith(own + "-") for v in pack.consent.cite.values() if v)


# The clause each pack cites when a written consent lacks its signature, a shared one
# names nobody to share with, and the oral explanation was not acknowledged.
PINNED = {
    "ct": {"signature": "CT-207-7", "shared_with": "CT-207-9", "script": "CT-207-2", "release": "CT-207-8"},
    "vt": {"signature": "VT-2.1-19", "shared_with": "VT-2.1-19", "script": "VT-2.2-5", "release": "VT-2.1-19"},
    "mo": {"signature": "MO-ROI-7", "shared_with": "MO-ROI-7", "script": "MO-ROI-7"},
}


@pytest.mark.parametrize("pack_id", PACKS)
def test_consent_problems_cite_the_pack_in_use(pack_id: str) -> None:
    """CT-207-7, CT-207-9, CT-207-2, CT-207-8; VT-2.1-19, VT-2.2-5; MO-ROI-7."""
    pack = load_pack(pack_id)
    request = ConsentRequest(method="written", sharing="shared", signed_on=TODAY, script_acknowledged=False)
    decision = evaluate_consent(pack, request, TODAY)
    cited = {p.field: p.clause for p in decision.problems}
    assert {k: cited.get(k) for k in PINNED[pack_id]} == PINNED[pack_id]
    assert all(c is None or c.startswith(prefix(pack_id) + "-") for c in cited.values())


@pytest.mark.parametrize(("pack_id", "missing", "expired"), [
    ("ct", "CT-207-1", "CT-207-9"),
    ("mo", "MO-ROI-1", "MO-ROI-10"),
])
def test_holds_cite_the_pack_in_use(pack_id: str, missing: str, expired: str) -> None:
    """CT-207-1, CT-207-9; MO-ROI-1, MO-ROI-10: the hold's clause and its sentence."""
    pack = load_pack(pack_id)
    none = entry_hold(pack, [], TODAY)
    assert none is not None and none.clause == missing and none.message.endswith(f"({missing}).")
    old = StoredConsent("written", date(2024, 1, 1), date(2024, 12, 31), None)
    lapsed = entry_hold(pack, [old], TODAY)
    assert lapsed is not None and lapsed.clause == expired and f"({expired})" in lapsed.message


def test_vt_3_4_1_no_hold_and_the_days_sharing_cites_vermont() -> None:
    """VT-3.4-1, VT-3.1-2: Vermont never holds data back; a DV program's day is Not Shared."""
    pack = load_pack("vt")
    decision = decide_entry(pack, [], TODAY, TODAY, ("dv",))
    assert decision.may_enter and decision.sharing == "not_shared" and decision.clause == "VT-3.1-2"


@pytest.mark.parametrize(("pack_id", "clause"), [("ct", "CT-207-1"), ("mo", "MO-ROI-1")])
def test_an_intake_without_consent_cites_the_pack_in_use(pack_id: str, clause: str) -> None:
    """CT-207-1, MO-ROI-1: "record the client's consent before any data"."""
    doc: dict[str, Any] = json.loads((REPO_ROOT / "forms" / "intake" / f"example-{pack_id}.json").read_text("utf-8"))
    del doc["consent"]
    problems, _ = check_intake(load_pack(pack_id), parse_document(doc), ProjectFacts("p", 4, ()), TODAY)
    assert next(p.clause for p in problems if p.path.endswith("consent")) == clause


@pytest.mark.parametrize("pack_id", PACKS)
def test_import_intake_messages_name_only_the_packs_own_clauses(vault_factory: Any, tmp_path: Path,
                                                               pack_id: str) -> None:
    """From outside: an unsigned written consent is refused with this pack's clause and
    with no other jurisdiction's (CT-207-7 / VT-2.1-19 / MO-ROI-7)."""
    info = vault_factory(pack_id)
    doc: dict[str, Any] = json.loads((REPO_ROOT / "forms" / "intake" / f"example-{pack_id}.json").read_text("utf-8"))
    doc["consent"].update(method="written")
    doc["consent"].pop("signature", None)
    doc["consent"].pop("verbal_reason", None)
    path = tmp_path / "unsigned.json"
    path.write_text(json.dumps(doc), "utf-8")
    result = run_cli(info.data_dir, "import-intake", str(path), *auth(), password=ADMIN_PASSWORD)
    assert result.returncode == 1, result.stdout + result.stderr
    named = {m.group(0) for m in CLAUSE.finditer(result.stdout)}
    assert PINNED[pack_id]["signature"] in named
    assert named and all(c.startswith(prefix(pack_id) + "-") for c in named)


def _literals(path: Path) -> list[tuple[int, str]]:
    """String literals that are not docstrings (comments are not in the tree at all)."""
    tree = ast.parse(path.read_text("utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def test_app_cites_no_clause_of_its_own() -> None:
    """Clause IDs in messages come from pack data; app/ keeps them to comments and
    docstrings (the one exception shows the format of an ID in a format error)."""
    found = [f"{path.relative_to(REPO_ROOT)}:{line}: {text[:60]}"
             for path in sorted((REPO_ROOT / "app").rglob("*.py"))
             for line, text in _literals(path)
             if CLAUSE.search(text) and "is not a clause ID like" not in text]
    assert found == []
