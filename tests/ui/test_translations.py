"""The Spanish catalogue is complete, compiled and faithful to the source strings.

lupdate is run over every module under ui/ into a scratch catalogue; each string it
finds must have a finished Spanish text in the shipped .ts, that text must keep the
source's placeholders, mnemonic, markup and line breaks, and the shipped .qm must
answer with the same texts (so a .ts edited without recompiling is caught).
Strings that reach Qt through a small helper (``tr = ...translate``, a module-level
``def tr(text)``) are checked by their run-time context, which lupdate cannot see.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "ui"
TS = REPO / "resources" / "translations" / "hmis_intake_es.ts"
QM = REPO / "resources" / "translations" / "hmis_intake_es.qm"

Key = tuple[str, str, str]  # context, source, disambiguation


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    finished: bool
    where: str


def _relative(path: Path) -> str:
    """A location in a .ts is relative to the .ts itself; name it from the repository."""
    resolved = path.resolve()
    return resolved.relative_to(REPO).as_posix() if resolved.is_relative_to(REPO) else str(resolved)


def read_catalogue(path: Path) -> dict[Key, Message]:
    messages: dict[Key, Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: [{name}] {source!r} has no <translation>"
            location = message.find("location")
            where = (f"{_relative(path.parent / location.get('filename', ''))}:{location.get('line', '?')}"
                     if location is not None else path.name)
            messages[(name, source, comment)] = Message(
                name, source, comment, translation.text or "",
                translation.get("type") not in ("unfinished", "vanished", "obsolete"), where)
    return messages


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, Message]:
    """What lupdate finds in the interface today."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    out = tmp_path_factory.mktemp("lupdate") / "fresh_es.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    run = subprocess.run([str(lupdate), *sources, "-ts", str(out), "-target-language", "es", "-no-obsolete"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    return read_catalogue(out)


@pytest.fixture(scope="module")
def shipped() -> dict[Key, Message]:
    return read_catalogue(TS)


@pytest.fixture(scope="module")
def compiled(qapp: QCoreApplication) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM.name} does not load"
    return translator


def test_lupdate_reads_every_interface_package(fresh: dict[Key, Message]) -> None:
    """Guards the checks below against passing on an empty scan."""
    files = {m.where.split(":")[0].split("/")[1] for m in fresh.values() if m.where.startswith("ui/")}
    assert {"export", "profile", "search", "setup", "signin", "sync", "widgets", "wizard"} <= files
    assert {"SyncWindow", "MainMenus", "OptionsPage", "SetupWindow"} <= {m.context for m in fresh.values()}


def test_every_interface_string_has_a_finished_spanish_translation(fresh: dict[Key, Message],
                                                                   shipped: dict[Key, Message]) -> None:
    stale = [f"{m.where} [{m.context}] {m.source!r}" for key, m in fresh.items()
             if key not in shipped or not shipped[key].finished or not shipped[key].translation.strip()]
    assert stale == [], ("untranslated interface strings; run resources/translations/update.sh and translate "
                         "them:\n" + "\n".join(stale))


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _has_mnemonic(text: str) -> bool:
    return bool(re.search(r"&[^&\s]", text.replace("&&", "")))


def faults(source: str, translation: str) -> list[str]:
    found = []
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
        found.append("placeholders differ")
    if sorted(_TAG.findall(source)) != sorted(_TAG.findall(translation)):
        found.append("markup differs")
    if _has_mnemonic(source) != _has_mnemonic(translation):
        found.append("mnemonic added or lost")
    if source.count("\n") != translation.count("\n"):
        found.append("line breaks differ")
    if source.endswith("\u2026") != translation.endswith("\u2026"):
        found.append("trailing \u2026 added or lost")
    return found


def test_a_wrong_translation_is_caught() -> None:
    assert faults("Sent {n}: {new} new", "Enviados {n}: {nuevos} nuevos") == ["placeholders differ"]
    assert faults("{n:.0f} KiB", "{n} KiB") == ["placeholders differ"]
    assert faults("<b>New here?</b> Try it", "¿Es nuevo? Pruébelo") == ["markup differs"]
    assert faults("&Save", "Guardar") == ["mnemonic added or lost"]
    assert faults("&Browse\u2026", "&Examinar") == ["trailing \u2026 added or lost"]
    assert faults("R && D", "I && D") == []


def test_translations_keep_placeholders_mnemonics_and_markup(shipped: dict[Key, Message]) -> None:
    problems = [f"[{m.context}] {m.source!r} -> {m.translation!r}: {', '.join(faults(m.source, m.translation))}"
                for m in shipped.values() if m.finished and faults(m.source, m.translation)]
    assert problems == [], "\n".join(problems)


def test_the_compiled_catalogue_gives_the_same_texts_as_the_source(shipped: dict[Key, Message],
                                                                  compiled: QTranslator) -> None:
    finished = [m for m in shipped.values() if m.finished]
    assert len({m.context for m in finished}) > 40, "every context is looked up, not a sample"
    differ = [f"[{m.context}] {m.source!r}: .qm has {answer!r}" for m in finished
              if (answer := compiled.translate(m.context, m.source, m.comment or None)) != m.translation]
    assert differ == [], (f"{QM.name} is out of date with {TS.name}; run resources/translations/update.sh:\n"
                          + "\n".join(differ[:20]))


def _helper_strings(path: Path) -> Iterator[tuple[str, str, int]]:
    """(context, text, line) for strings translated through a helper in one module:
    ``def tr(text): return QCoreApplication.translate("Ctx", text)`` called as
    ``tr("...")``, ``tr = QCoreApplication.translate`` called as ``tr("Ctx", "...")``,
    and direct ``QCoreApplication.translate("Ctx", "...")`` calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def is_translate(node: ast.expr) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "translate" and \
            isinstance(node.value, ast.Name) and node.value.id in ("QCoreApplication", "QApplication")

    one_arg: dict[str, str] = {}
    two_args: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
            if (len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Call)
                    and is_translate(body[0].value.func) and len(body[0].value.args) == 2):
                context, text = body[0].value.args
                if (isinstance(context, ast.Constant) and isinstance(text, ast.Name)
                        and text.id == node.args.args[-1].arg):
                    one_arg[node.name] = str(context.value)
        if isinstance(node, ast.Assign) and is_translate(node.value):
            two_args.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in one_arg and len(literals) >= 1 and literals[0] == getattr(node.args[0], "value", None):
            yield one_arg[name], literals[0], node.lineno
        elif (name in two_args or is_translate(node.func)) and len(literals) >= 2:
            yield literals[0], literals[1], node.lineno


def test_strings_translated_through_helpers_reach_spanish(compiled: QTranslator) -> None:
    found = [(path.relative_to(REPO), *hit) for path in sorted(UI.rglob("*.py")) for hit in _helper_strings(path)]
    assert len({context for _p, context, _t, _l in found}) >= 4, "the helpers were found"
    missing = [f"{path}:{line} [{context}] {text!r}" for path, context, text, line in found
               if not compiled.translate(context, text)]
    assert missing == [], ("no Spanish for these at run time (update.sh drops what lupdate cannot see):\n"
                           + "\n".join(missing))


def test_search_result_headers_reach_spanish(qapp: QCoreApplication, compiled: QTranslator) -> None:
    """The headers come from an enum's values through ``self.tr(value)``."""
    from ui.search.people_model import Column, PeopleModel

    model = PeopleModel(tuple(Column))
    qapp.installTranslator(compiled)
    try:
        headers = [model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                   for i in range(model.columnCount())]
    finally:
        qapp.removeTranslator(compiled)
    assert headers == ["Nombre", "Fecha de nacimiento", "SSN", "Edad", "Último contacto"]


def test_lupdate_sees_a_context_for_every_string(fresh: dict[Key, Message]) -> None:
    orphans = [f"{m.where} {m.source!r}" for m in fresh.values() if not m.context]
    assert orphans == [], ("lupdate cannot tell the context of these; use self.tr() in the class or "
                           "QCoreApplication.translate(\"Context\", \"...\") with literal strings:\n"
                           + "\n".join(orphans))
