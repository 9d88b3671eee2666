"""The core's messages in the interface language.

``app/`` speaks English and knows no Qt; its user-facing sentences are listed here
(fixed ones as they are, ones with a value as a pattern and a template), so lupdate
puts them in the catalogue under the ``CoreText`` context and ``core_text`` returns
the translation. A clause ID in parentheses at the end is kept as it is; a message
not listed is shown as the core wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_FIXED = (
    QT_TRANSLATE_NOOP("CoreText", "Enter a name, or choose why it is missing."),
    QT_TRANSLATE_NOOP("CoreText", "Use at most 50 characters."),
    QT_TRANSLATE_NOOP("CoreText", "Enter the SSN, or choose why it is missing."),
    QT_TRANSLATE_NOOP("CoreText", "Enter the date of birth, or choose why it is missing."),
    QT_TRANSLATE_NOOP("CoreText", "This is not one of the answers HUD defines for this question."),
    QT_TRANSLATE_NOOP("CoreText", "Enter a real date as YYYY-MM-DD."),
    QT_TRANSLATE_NOOP("CoreText", "This date cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "This is not in the expected form."),
    QT_TRANSLATE_NOOP("CoreText", "Use digits only: all 9 digits, or the last 4."),
    QT_TRANSLATE_NOOP("CoreText", "The last 4 digits of an SSN are never 0000."),
    QT_TRANSLATE_NOOP("CoreText", "No SSN starts with 000, 666 or 9; check the first 3 digits."),
    QT_TRANSLATE_NOOP("CoreText", "The middle 2 digits of an SSN are never 00."),
    QT_TRANSLATE_NOOP("CoreText", "This is a placeholder number, not a real SSN."),
    QT_TRANSLATE_NOOP("CoreText", "That date does not exist; check the month and day."),
    QT_TRANSLATE_NOOP("CoreText", "Write the date as YYYY-MM-DD or MM/DD/YYYY."),
    QT_TRANSLATE_NOOP("CoreText", "A date of birth cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "That record does not exist on this device."),
    QT_TRANSLATE_NOOP("CoreText", "\u201cFull SSN reported\u201d needs all 9 digits; enter them, or choose "
                                  "\u201cApproximate or partial SSN reported\u201d."),
    QT_TRANSLATE_NOOP("CoreText", "An SSN was entered but its data quality says the client did not give one; "
                                  "clear the number or choose its data quality again."),
)

# (the core's sentence as a pattern, the template translated; the groups fill {0}, {1}…)
_PATTERNS = (
    (r"An SSN has 9 digits \(this has (\d+)\); or enter only the last 4\.",
     QT_TRANSLATE_NOOP("CoreText", "An SSN has 9 digits (this has {0}); or enter only the last 4.")),
    (r"Use at most (\d+) characters\.", QT_TRANSLATE_NOOP("CoreText", "Use at most {0} characters.")),
)

_CLAUSE = re.compile(r"^(.*?)( \([A-Z][A-Z0-9.]*-[A-Z0-9.-]+(?:, [A-Z][A-Z0-9.]*-[A-Z0-9.-]+)*\))?$", re.S)
_KNOWN = frozenset(_FIXED)


def _one(sentence: str) -> str:
    if sentence in _KNOWN:
        return QCoreApplication.translate("CoreText", sentence)
    for pattern, template in _PATTERNS:
        match = re.fullmatch(pattern, sentence)
        if match:
            return QCoreApplication.translate("CoreText", template).format(*match.groups())
    return sentence


def core_text(message: str) -> str:
    """``message`` from ``app/`` in the interface language; a trailing clause ID stays."""
    match = _CLAUSE.match(message)
    body, clause = (match.group(1), match.group(2) or "") if match else (message, "")
    return _one(body) + clause
