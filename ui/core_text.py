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
    QT_TRANSLATE_NOOP("CoreText", "A date of birth must be in 1900 or later."),
    QT_TRANSLATE_NOOP("CoreText", "That enrollment does not exist on this device."),
    QT_TRANSLATE_NOOP("CoreText", "The contact date cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "The service date cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "The exit date cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "This device does not record that record type; record it in HMIS."),
    QT_TRANSLATE_NOOP("CoreText", "This enrollment already has an exit."),
    # What may leave the device (app/releases.py, sync/reports/).
    QT_TRANSLATE_NOOP("CoreText", "Identifying client-level data may not go to an outside entity without the CoC's "
                                  "approval; give its reference or export de-identified data."),
    QT_TRANSLATE_NOOP("CoreText", "The report's end date is before its start date."),
    QT_TRANSLATE_NOOP("CoreText", "The report is written as CSV or PDF; end the file name with .csv or .pdf."),
    QT_TRANSLATE_NOOP("CoreText", "The report path is a folder; give a file name such as report.csv."),
    QT_TRANSLATE_NOOP("CoreText", "The folder for the report does not exist."),
    QT_TRANSLATE_NOOP("CoreText", "Describe the destination when it is \u201cOther\u201d."),
    QT_TRANSLATE_NOOP("CoreText", "That consent does not exist on this device."),
    QT_TRANSLATE_NOOP("CoreText", "This consent was already revoked."),
    QT_TRANSLATE_NOOP("CoreText", "A refusal cannot be revoked; record a new consent if the client changed their "
                                  "mind."),
    QT_TRANSLATE_NOOP("CoreText", "A revocation cannot take effect in the future."),
    QT_TRANSLATE_NOOP("CoreText", "Choose written, verbal or declined."),
    QT_TRANSLATE_NOOP("CoreText", "Choose Shared or Not Shared."),
    QT_TRANSLATE_NOOP("CoreText", "The signature is not a PNG image; capture it again."),
    QT_TRANSLATE_NOOP("CoreText", "That person does not exist on this device."),
    QT_TRANSLATE_NOOP("CoreText", "Write the note before saving it."),
    QT_TRANSLATE_NOOP("CoreText", "Give the reason the note should be deleted."),
    QT_TRANSLATE_NOOP("CoreText", "The note being amended does not belong to this client."),
    QT_TRANSLATE_NOOP("CoreText", "This person has no consent in force."),
    QT_TRANSLATE_NOOP("CoreText", "A change of consent cannot take effect in the future."),
    QT_TRANSLATE_NOOP("CoreText", "This person's information is already Not Shared."),
    QT_TRANSLATE_NOOP("CoreText", "The client's latest decision is a refusal; there is no consent to change."),
    QT_TRANSLATE_NOOP("CoreText", "Give a quantity from 1 to 99."),
    QT_TRANSLATE_NOOP("CoreText", "This agency does not list that service."),
    QT_TRANSLATE_NOOP("CoreText", "This project does not give that service; choose one from the list for this "
                                  "enrollment's project."),
    QT_TRANSLATE_NOOP("CoreText", "A name needs at least one letter."),
    QT_TRANSLATE_NOOP("CoreText", "The collection time cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "Choose an answer; \u201cClient doesn't know\u201d and "
                                  "\u201cClient prefers not to answer\u201d are accepted."),
    QT_TRANSLATE_NOOP("CoreText", "This project does not exist on this device."),
    QT_TRANSLATE_NOOP("CoreText", "That person is not on this device."),
    QT_TRANSLATE_NOOP("CoreText", "The date of birth is after the project start."),
    QT_TRANSLATE_NOOP("CoreText", "Without the client's consent no data can be entered."),
    QT_TRANSLATE_NOOP("CoreText", "Enter the Continuum of Care code, such as NY-600; the project's CoC code "
                                  "fills it in when the project has one."),
    QT_TRANSLATE_NOOP("CoreText", "Go through every point of the oral explanation with the client first."),
    QT_TRANSLATE_NOOP("CoreText", "The consent date cannot be in the future."),
    QT_TRANSLATE_NOOP("CoreText", "Sharing needs its own signed release of information."),
    QT_TRANSLATE_NOOP("CoreText", "Say with whom the information is shared."),
    QT_TRANSLATE_NOOP("CoreText", "The expiry date is before the signing date."),
    QT_TRANSLATE_NOOP("CoreText", "Tell the client when the release expires and record the date."),
    QT_TRANSLATE_NOOP("CoreText", "Capture the client's signature, or attest that they signed the paper form."),
    QT_TRANSLATE_NOOP("CoreText", "The client may be a victim of domestic violence: ask explicitly whether their "
                                  "information may be entered."),
    QT_TRANSLATE_NOOP("CoreText", "The client may be a victim of domestic violence: ask explicitly whether their "
                                  "information may be shared."),
    QT_TRANSLATE_NOOP("CoreText", "This policy pack does not accept verbal consent."),
    QT_TRANSLATE_NOOP("CoreText", "Say why written consent was not possible."),
    QT_TRANSLATE_NOOP("CoreText", "Verbal consent is accepted only when the first contact is by phone; get "
                                  "written consent."),
    QT_TRANSLATE_NOOP("CoreText", "No consent is recorded for this client; record one before entering more data."),
    QT_TRANSLATE_NOOP("CoreText", "The client declined consent, so no data can be entered; record a new consent "
                                  "if they change their mind."),
    QT_TRANSLATE_NOOP("CoreText", "The household declined consent to share, so its record is locked Not Shared."),
    QT_TRANSLATE_NOOP("CoreText", "This client's releases of information cover other projects only; record a "
                                  "release for this project before entering data in it."),
    QT_TRANSLATE_NOOP("CoreText", "\u201cFull SSN reported\u201d needs all 9 digits; enter them, or choose "
                                  "\u201cApproximate or partial SSN reported\u201d."),
    QT_TRANSLATE_NOOP("CoreText", "An SSN was entered but its data quality says the client did not give one; "
                                  "clear the number or choose its data quality again."),
    QT_TRANSLATE_NOOP("CoreText", "This user is already signed in on this device, in another window or a command; "
                                  "sign out there first, since one user may be signed in at one place at a time."),
)

# (the core's sentence as a pattern, the template translated; the groups fill {0}, {1}…)
_PATTERNS = (
    (r"Only the HMIS Lead gives the (.+) role \(([A-Z0-9., -]+)\): ask the HMIS Lead for a one-time grant code "
     r"for this user and give it with the role\.",
     QT_TRANSLATE_NOOP("CoreText", "Only the HMIS Lead gives the {0} role ({1}): ask the HMIS Lead for a one-time "
                                   "grant code for this user and give it with the role.")),
    (r"The CoC approval reference must be up to (\d+) letters, digits, spaces and \. _ / # : - characters\.",
     QT_TRANSLATE_NOOP("CoreText", "The CoC approval reference must be up to {0} letters, digits, spaces and "
                                   ". _ / # : - characters.")),
    (r"An SSN has 9 digits \(this has (\d+)\); or enter only the last 4\.",
     QT_TRANSLATE_NOOP("CoreText", "An SSN has 9 digits (this has {0}); or enter only the last 4.")),
    (r"Use at most (\d+) characters\.", QT_TRANSLATE_NOOP("CoreText", "Use at most {0} characters.")),
    (r"The contact date cannot be before the project start \((\S+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The contact date cannot be before the project start ({0}).")),
    (r"The service date cannot be before the project start \((\S+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The service date cannot be before the project start ({0}).")),
    (r"The exit date cannot be before the project start \((\S+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The exit date cannot be before the project start ({0}).")),
    (r"The service date cannot be after the project exit \((\S+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The service date cannot be after the project exit ({0}).")),
    (r"A revocation cannot take effect before the consent was signed \((\S+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "A revocation cannot take effect before the consent was signed ({0}).")),
    (r"A change of consent cannot take effect before it was signed \((\S+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "A change of consent cannot take effect before it was signed ({0}).")),
    (r"A household has exactly one head of household \(this one has (\d+)\)\.",
     QT_TRANSLATE_NOOP("CoreText", "A household has exactly one head of household (this one has {0}).")),
    (r"No release of information covers (\S+); data for a day outside every release needs the HMIS helpdesk "
     r"first\.", QT_TRANSLATE_NOOP("CoreText", "No release of information covers {0}; data for a day outside every "
                                               "release needs the HMIS helpdesk first.")),
    (r"A person under (\d+) cannot give consent unless emancipated; a parent or legal guardian must sign\.",
     QT_TRANSLATE_NOOP("CoreText", "A person under {0} cannot give consent unless emancipated; a parent or legal "
                                   "guardian must sign.")),
    (r"Consent was revoked on (\S+); record a new consent before entering more data\.",
     QT_TRANSLATE_NOOP("CoreText", "Consent was revoked on {0}; record a new consent before entering more data.")),
    (r"The release of information expired on (\S+); record a new consent before entering more data\.",
     QT_TRANSLATE_NOOP("CoreText", "The release of information expired on {0}; record a new consent before "
                                   "entering more data.")),
    (r"This program serves (.+) clients, so records stay Not Shared\.",
     QT_TRANSLATE_NOOP("CoreText", "This program serves {0} clients, so records stay Not Shared.")),
    (r"No release covers (\S+), so that day's data is Not Shared\.",
     QT_TRANSLATE_NOOP("CoreText", "No release covers {0}, so that day's data is Not Shared.")),
    (r"The written consent signed (\S+) covers (\S+) \(Shared\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The written consent signed {0} covers {1} (Shared).")),
    (r"The written consent signed (\S+) covers (\S+) \(Not Shared\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The written consent signed {0} covers {1} (Not Shared).")),
    (r"The verbal consent signed (\S+) covers (\S+) \(Shared\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The verbal consent signed {0} covers {1} (Shared).")),
    (r"The verbal consent signed (\S+) covers (\S+) \(Not Shared\)\.",
     QT_TRANSLATE_NOOP("CoreText", "The verbal consent signed {0} covers {1} (Not Shared).")),
)

# The packs' role names (pack data, shown on the Users screen and the status line).
ROLE_NAMES = (
    QT_TRANSLATE_NOOP("CoreText", "Agency Administrator"),
    QT_TRANSLATE_NOOP("CoreText", "Agency Data Coordinator"),
    QT_TRANSLATE_NOOP("CoreText", "Agency Security Coordinator"),
    QT_TRANSLATE_NOOP("CoreText", "Agency Staff"),
    QT_TRANSLATE_NOOP("CoreText", "Case Manager (full access)"),
    QT_TRANSLATE_NOOP("CoreText", "Case Manager I"),
    QT_TRANSLATE_NOOP("CoreText", "Case Manager II"),
    QT_TRANSLATE_NOOP("CoreText", "Case Manager III"),
    QT_TRANSLATE_NOOP("CoreText", "Case Manager"),
    QT_TRANSLATE_NOOP("CoreText", "Data Coordinator"),
    QT_TRANSLATE_NOOP("CoreText", "HMIS Data Coordinator"),
    QT_TRANSLATE_NOOP("CoreText", "Reporting only"),
    QT_TRANSLATE_NOOP("CoreText", "System Operator"),
    QT_TRANSLATE_NOOP("CoreText", "View only"),
    QT_TRANSLATE_NOOP("CoreText", "Volunteer or Intern"),
    QT_TRANSLATE_NOOP("CoreText", "Volunteer"),
)

_CLAUSE = re.compile(r"^(.*?)( \([A-Z][A-Z0-9.]*-[A-Z0-9.-]+(?:, [A-Z][A-Z0-9.]*-[A-Z0-9.-]+)*\)\.?)?$", re.S)
_KNOWN = frozenset(_FIXED) | frozenset(ROLE_NAMES)


def _one(sentence: str) -> str | None:
    if sentence in _KNOWN:
        return QCoreApplication.translate("CoreText", sentence)
    for pattern, template in _PATTERNS:
        match = re.fullmatch(pattern, sentence)
        if match:
            return QCoreApplication.translate("CoreText", str(template)).format(*match.groups())
    return None


def _sentence(sentence: str) -> str:
    """One sentence, also when the core left off its full stop (a hold's reason)."""
    found = _one(sentence)
    if found is None and sentence and not sentence.endswith("."):
        dotted = _one(sentence + ".")
        found = dotted[:-1] if dotted is not None and dotted.endswith(".") else dotted
    return sentence if found is None else found


def role_name(name: str) -> str:
    """A pack's role name in the interface language."""
    return QCoreApplication.translate("CoreText", name) if name in _KNOWN else name


def core_text(message: str) -> str:
    """``message`` from ``app/`` in the interface language; a trailing clause ID stays."""
    match = _CLAUSE.match(message)
    body, clause = (match.group(1), match.group(2) or "") if match else (message, "")
    return _sentence(body) + clause
