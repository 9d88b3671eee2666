"""One Alt+letter per thing on a screen.

Labels and buttons carry their mnemonic in their text, and the texts come from
translations, policy packs and the HUD catalog, so two of them can claim the same
letter in one language and not in another; Qt then only moves focus between the two
instead of acting. After a screen's texts are set, ``give_unique_mnemonics`` keeps
the first claim on each letter and moves a later one to a free letter of its own
text (as KDE's accelerator manager does), and gives a labelled field without one a
letter, so every field can be reached with Alt in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QWidget


def mnemonic_of(text: str) -> str:
    """The letter after a single ``&``, lower-cased; ``&&`` is a literal ampersand."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return "" if text[i + 1].isspace() else text[i + 1].lower()
        i += 1
    return ""


def without_mnemonic(text: str) -> str:
    """``text`` without its ``&`` marks; ``&&`` (a literal ampersand) stays."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")


def with_free_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with its mnemonic moved to a letter not in ``taken``: a word's first
    letter if one is free, else any letter or digit; without one if none is free."""
    plain = without_mnemonic(text)
    if not {c for c in plain.lower() if c.isalnum()} - taken:
        return plain  # every letter taken: the common case on a long form, so answered at once
    candidates: list[int] = []
    others: list[int] = []
    i = 0
    while i < len(plain):
        if plain.startswith("&&", i):
            i += 2
            continue
        char = plain[i]
        if char.isalnum():
            (candidates if i == 0 or not plain[i - 1].isalnum() else others).append(i)
        i += 1
    for i in candidates + others:
        if plain[i].lower() not in taken:
            return plain[:i] + "&" + plain[i:]
    return plain


@dataclass
class _Claim:
    text: Callable[[], str]
    set_text: Callable[[str], None]
    adds_missing: bool  # a buddy label without a mnemonic gets one


def _claims(widgets: Iterable[QWidget]) -> list[_Claim]:
    claims = []
    for widget in widgets:
        if isinstance(widget, QAbstractButton):
            claims.append(_Claim(widget.text, widget.setText, False))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            claims.append(_Claim(widget.text, widget.setText, True))
    return claims


def give_unique_mnemonics(window: QWidget, first: Iterable[QWidget] = ()) -> None:
    """Make every mnemonic visible in ``window`` unique; ``first`` keep theirs (Back,
    Next), then the menu bar's, then the rest in the order they were built."""
    first = list(first)
    taken: set[str] = set()
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            letter = mnemonic_of(action.text())
            if action.isVisible() and letter:
                taken.add(letter)
    kept = set(first)
    rest = [w for w in _shown_in(window) if w not in kept]
    for claim in _claims([w for w in first if w.isVisibleTo(window)] + rest):
        text = claim.text()
        letter = mnemonic_of(text)
        if letter and letter not in taken:
            taken.add(letter)
            continue
        if not letter and not claim.adds_missing:
            continue
        changed = with_free_mnemonic(text, taken)
        letter = mnemonic_of(changed)
        if letter:
            taken.add(letter)
        if changed != text:
            claim.set_text(changed)


def _shown_in(window: QWidget) -> list[QWidget]:
    """The widgets that would show in ``window``, in the order they were built (as
    ``findChildren`` gives them), without visiting what is hidden: a wizard's other
    pages and forms held ready are most of its widgets, and walking them on each
    step's change took longer than the rest of the change."""
    shown: list[QWidget] = []
    stack = [c for c in reversed(window.children()) if isinstance(c, QWidget)]
    while stack:
        widget = stack.pop()
        if widget.isHidden() or widget.isWindow():
            continue
        shown.append(widget)
        stack.extend(c for c in reversed(widget.children()) if isinstance(c, QWidget))
    return shown
