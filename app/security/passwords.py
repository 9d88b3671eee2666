"""Password rules from the pack; each message names the rule that was broken.

Word lists come from zxcvbn's ranked lists (30,000 common passwords; English words
from Wikipedia and film subtitles), so blocklist and dictionary checks need no
download and behave the same offline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from app.packs import PasswordProfile

_SPECIAL = re.compile(r"[^\w\s]|_")
_MIN_DICTIONARY_WORD = 4


@cache
def _common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


@cache
def _english_words() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    # zxcvbn keeps each word only in the list where it ranks best, so common words
    # such as "garden" or "sunshine" are in the passwords list and nowhere else.
    words = (
        set(FREQUENCY_LISTS["english_wikipedia"])
        | set(FREQUENCY_LISTS["us_tv_and_film"])
        | set(FREQUENCY_LISTS["passwords"])
    )
    return frozenset(w for w in words if len(w) >= _MIN_DICTIONARY_WORD and w.isalpha())


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


# Character classes a profile may require: (profile flag, test, message).
_REQUIRED_CHARACTERS: tuple[tuple[str, Callable[[str], bool], str], ...] = (
    ("require_upper", lambda p: any(c.isupper() for c in p), "Include an upper-case letter."),
    ("require_lower", lambda p: any(c.islower() for c in p), "Include a lower-case letter."),
    ("require_letter", lambda p: any(c.isalpha() for c in p), "Include at least one letter."),
    ("require_digit", lambda p: any(c.isdigit() for c in p), "Include at least one digit."),
    ("require_special", lambda p: bool(_SPECIAL.search(p)), "Include a special character such as ! # % or *."),
)


def _length_problems(password: str, profile: PasswordProfile) -> list[str]:
    problems: list[str] = []
    if len(password) < profile.min_length:
        problems.append(f"Use at least {profile.min_length} characters (this has {len(password)}).")
    if len(password) > profile.max_length:
        problems.append(f"Use at most {profile.max_length} characters.")
    return problems


def _character_problems(password: str, profile: PasswordProfile) -> list[str]:
    return [message for flag, present, message in _REQUIRED_CHARACTERS
            if getattr(profile, flag) and not present(password)]


def _username_problems(folded: str, profile: PasswordProfile, username: str) -> list[str]:
    user = _fold(username).strip()
    if not (profile.forbid_username and user and len(user) >= 3):
        return []
    if user in folded:
        return ["Do not include your user name."]
    if profile.forbid_reversed_words and user[::-1] in folded:
        return ["Do not include your user name spelled backwards."]
    return []


def _word_problems(folded: str, profile: PasswordProfile, context_words: Iterable[str]) -> list[str]:
    words = [w for w in (_fold(w) for w in profile.forbid_words) if w]
    words += [w for w in (_fold(w) for w in context_words) if len(w) >= 3]
    spaceless = folded.replace(" ", "")
    problems: list[str] = []
    for word in words:
        compact = word.replace(" ", "")
        if word in folded or compact in spaceless:
            problems.append(f"Do not include the word \u201c{word}\u201d.")
        elif profile.forbid_reversed_words and compact[::-1] in spaceless:
            problems.append(f"Do not include \u201c{word}\u201d spelled backwards.")
    return problems


def _common_word_problems(password: str, folded: str, profile: PasswordProfile) -> list[str]:
    problems: list[str] = []
    if profile.forbid_dictionary_word:
        # MO-PWD-4 / A24: a required digit would defeat a plain comparison, so the
        # letters are compared with digits and symbols stripped.
        letters = "".join(c for c in folded if c.isalpha())
        if letters and (letters in _english_words() or letters[::-1] in _english_words()):
            problems.append("Do not use a dictionary word, forwards or backwards, even with digits added.")
    if profile.blocklist and (folded in _common_passwords() or password.lower() in _common_passwords()):
        problems.append("This password is on the list of common passwords; choose another.")
    return problems


def check_password(
    password: str,
    profile: PasswordProfile,
    username: str = "",
    context_words: Iterable[str] = (),
) -> list[str]:
    """Every rule the password breaks, as sentences; empty when it is acceptable."""
    folded = _fold(password)
    return (
        _length_problems(password, profile)
        + _character_problems(password, profile)
        + _username_problems(folded, profile, username)
        + _word_problems(folded, profile, context_words)
        + _common_word_problems(password, folded, profile)
    )
