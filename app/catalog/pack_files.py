"""Read a pack's scripts and consent texts, and check its languages agree.

There is no language fallback: the oral explanation and consent must be given in a
language the client understands (CT-207-3; MO-NOTICE-2 on other languages), so a
language without its own files cannot be chosen, and every shipped language must
carry the same points, clauses, sources and placeholders as English.
"""

from __future__ import annotations

import functools
from importlib.resources.abc import Traversable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from app.catalog.common import (
    LANGUAGES,
    FormsRoot,
    placeholders_in,
    read_toml,
    resolve_root,
)
from app.catalog.errors import FormsError, schema_error
from app.catalog.scripts import ConsentTexts, OralScript, clause_ids

PACKS_DIR = "packs"
SCRIPT_FILE = "oral_explanation.toml"
CONSENT_FILE = "consent.toml"
REFERENCE_LANGUAGE = "en"

#: Keys whose values must be identical in every language: they identify a point or
#: trace it to policy; everything else is translated text.
_STRUCTURAL_KEYS = frozenset({"id", "clause", "related", "source", "pack", "applies_to"})
_PER_LANGUAGE_KEYS = frozenset({"lang", "version"})

_M = TypeVar("_M", OralScript, ConsentTexts)


def load_script(pack_id: str, lang: str, root: Traversable | str | None = None) -> OralScript:
    """The oral-explanation script of ``pack_id`` in ``lang``."""
    if root is None:
        return _shipped_script(pack_id, lang)
    return _read(resolve_root(root), OralScript, SCRIPT_FILE, pack_id, lang)


def load_consent_texts(
    pack_id: str, lang: str, root: Traversable | str | None = None
) -> ConsentTexts:
    """The consent / release-of-information texts of ``pack_id`` in ``lang``."""
    if root is None:
        return _shipped_consent(pack_id, lang)
    return _read(resolve_root(root), ConsentTexts, CONSENT_FILE, pack_id, lang)


@functools.lru_cache(maxsize=32)
def _shipped_script(pack_id: str, lang: str) -> OralScript:
    return _read(resolve_root(None), OralScript, SCRIPT_FILE, pack_id, lang)


@functools.lru_cache(maxsize=32)
def _shipped_consent(pack_id: str, lang: str) -> ConsentTexts:
    return _read(resolve_root(None), ConsentTexts, CONSENT_FILE, pack_id, lang)


def available_packs(root: Traversable | str | None = None) -> tuple[str, ...]:
    """Pack ids that ship an English oral-explanation script."""
    forms = resolve_root(root)
    packs, _ = forms.file(PACKS_DIR)
    if not packs.is_dir():
        return ()
    return tuple(
        sorted(
            p.name
            for p in packs.iterdir()
            if p.is_dir() and p.joinpath(REFERENCE_LANGUAGE, SCRIPT_FILE).is_file()
        )
    )


def available_languages(pack_id: str, root: Traversable | str | None = None) -> tuple[str, ...]:
    """Languages in which ``pack_id`` has both its script and its consent texts."""
    forms = resolve_root(root)
    pack, _ = forms.file(PACKS_DIR, pack_id)
    if not pack.is_dir():
        return ()
    found = {
        d.name
        for d in pack.iterdir()
        if d.is_dir() and d.joinpath(SCRIPT_FILE).is_file() and d.joinpath(CONSENT_FILE).is_file()
    }
    return tuple(lang for lang in (*LANGUAGES, *sorted(found - set(LANGUAGES))) if lang in found)


def check_pack_languages(pack_id: str, root: Traversable | str | None = None) -> None:
    """Raise FormsError unless every shipped language mirrors the English files.

    Mirrors means the same points, items, sections, agreements and notices, with the
    same ids, clauses and sources, and the same placeholders in each text.
    """
    forms = resolve_root(root)
    _check_languages(forms, OralScript, SCRIPT_FILE, pack_id)
    _check_languages(forms, ConsentTexts, CONSENT_FILE, pack_id)


def _check_languages(forms: FormsRoot, model: type[_M], file_name: str, pack_id: str) -> None:
    reference = _read(forms, model, file_name, pack_id, REFERENCE_LANGUAGE)
    for lang in LANGUAGES:
        if lang == REFERENCE_LANGUAGE:
            continue
        other = _read(forms, model, file_name, pack_id, lang)
        problem = _first_difference(reference, other, "")
        if problem is not None:
            _, shown = forms.file(PACKS_DIR, pack_id, lang, file_name)
            path, what = problem
            raise FormsError(shown, what, key_path=path or None)


def _read(forms: FormsRoot, model: type[_M], file_name: str, pack_id: str, lang: str) -> _M:
    _, packs_shown = forms.file(PACKS_DIR)
    if not pack_id.isidentifier() or not pack_id.islower():
        raise FormsError(packs_shown, f"'{pack_id}' is not a pack id like 'ct'")
    if len(lang) != 2 or not lang.isalpha() or not lang.islower():
        raise FormsError(packs_shown, f"'{lang}' is not a two-letter language code like 'en'")
    node, shown = forms.file(PACKS_DIR, pack_id, lang, file_name)
    raw = read_toml(node, shown)
    try:
        loaded = model.model_validate(raw)
    except ValidationError as exc:
        raise schema_error(shown, exc) from None
    if loaded.pack != pack_id:
        raise FormsError(
            shown,
            f"the file says pack '{loaded.pack}' but is in the '{pack_id}' folder",
            key_path="pack",
        )
    if loaded.lang != lang:
        raise FormsError(
            shown,
            f"the file says language '{loaded.lang}' but is in the '{lang}' folder",
            key_path="lang",
        )
    prefix = pack_id.upper() + "-"
    for path, clause in clause_ids(loaded):
        if not clause.startswith(prefix):
            raise FormsError(
                shown,
                f"clause '{clause}' belongs to another jurisdiction; the {pack_id} pack cites "
                f"{prefix}… clauses only",
                key_path=path,
            )
    return loaded


def _first_difference(a: object, b: object, path: str) -> tuple[str, str] | None:
    """Where ``b`` stops mirroring ``a``: ``(key path, what differs)``, or None."""
    if isinstance(a, BaseModel) and isinstance(b, BaseModel):
        return _model_difference(a, b, path)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return _tuple_difference(a, b, path)
    return _value_difference(a, b, path)


def _model_difference(a: BaseModel, b: BaseModel, path: str) -> tuple[str, str] | None:
    for name in type(a).model_fields:
        if name in _PER_LANGUAGE_KEYS:
            continue
        child = f"{path}.{name}" if path else name
        left, right = getattr(a, name), getattr(b, name)
        if name in _STRUCTURAL_KEYS:
            if left != right:
                return child, f"has {right!r} where the English file has {left!r}"
            continue
        found = _first_difference(left, right, child)
        if found is not None:
            return found
    return None


def _tuple_difference(a: tuple[object, ...], b: tuple[object, ...], path: str) -> tuple[str, str] | None:
    if len(a) != len(b):
        return path, f"has {len(b)} entries where the English file has {len(a)}"
    for index, (left, right) in enumerate(zip(a, b, strict=True)):
        found = _first_difference(left, right, f"{path}[{index}]")
        if found is not None:
            return found
    return None


def _value_difference(a: object, b: object, path: str) -> tuple[str, str] | None:
    if a is None or b is None:
        if (a is None) == (b is None):
            return None
        if b is None:
            return path, "is missing but the English file has it"
        return path, "is set but the English file leaves it out"
    if isinstance(a, str) and isinstance(b, str):
        if placeholders_in(a) != placeholders_in(b):
            return path, (
                f"uses placeholders {_names(placeholders_in(b))} where the English file uses "
                f"{_names(placeholders_in(a))}"
            )
        return None
    if a != b:
        return path, "holds a different value"
    return None


def _names(names: frozenset[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "none"
