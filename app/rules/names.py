"""Name folding and nickname equivalence, shared by search and duplicate matching."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Formal name -> common short forms. Kept to frequent English and Spanish forms.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "william": ("bill", "will", "billy", "liam", "willie"),
    "robert": ("bob", "rob", "bobby", "robbie", "bert"),
    "elizabeth": ("liz", "beth", "betty", "eliza", "lisa", "libby"),
    "margaret": ("maggie", "peggy", "meg", "marge"),
    "richard": ("rick", "dick", "rich", "ricky"),
    "katherine": ("kate", "katie", "kathy", "kat"),
    "catherine": ("cathy", "kate", "katie", "cat"),
    "james": ("jim", "jimmy", "jamie"),
    "joseph": ("joe", "joey"),
    "jennifer": ("jen", "jenny"),
    "michael": ("mike", "mikey", "mick"),
    "christopher": ("chris", "kit"),
    "alexander": ("alex", "sandy", "xander"),
    "alexandra": ("alex", "sandra", "lexi"),
    "anthony": ("tony",),
    "daniel": ("dan", "danny"),
    "patricia": ("pat", "patty", "trish"),
    "patrick": ("pat", "paddy"),
    "thomas": ("tom", "tommy"),
    "samuel": ("sam", "sammy"),
    "samantha": ("sam", "sammy"),
    "jonathan": ("jon", "johnny"),
    "john": ("jack", "johnny"),
    "edward": ("ed", "eddie", "ted", "ned"),
    "deborah": ("deb", "debbie"),
    "rebecca": ("becky", "becca"),
    "victoria": ("vicky", "tori"),
    "francisco": ("paco", "pancho", "frank"),
    "jose": ("pepe",),
    "guadalupe": ("lupe", "lupita"),
    "dolores": ("lola",),
    "enrique": ("kike",),
    "ignacio": ("nacho",),
}

_CANONICAL: dict[str, str] = {}
for formal, shorts in NICKNAMES.items():
    _CANONICAL.setdefault(formal, formal)
    for short in shorts:
        _CANONICAL.setdefault(short, formal)


def fold(text: str) -> str:
    """Lower case without accents: 'José' and 'Jose' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text)) if text else []


def canonical(name: str) -> str:
    return _CANONICAL.get(name, name)


def nickname_forms(name: str) -> tuple[str, ...]:
    return NICKNAMES.get(name, ())


def same_given_name(a: str, b: str) -> bool:
    """True when one is a known short form of the other ('Bill' / 'William')."""
    return a == b or canonical(a) == canonical(b) or a in NICKNAMES.get(b, ()) or b in NICKNAMES.get(a, ())
