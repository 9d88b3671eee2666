"""What the sync server says, in the interface language.

The server, and the headless command that prints its sentences, speak English. A screen
words the server's answers itself, from what they carry that does not depend on a
language, never by parsing the English: a role grant refusal's reason code
(``sync.protocol.GrantRefusalReason``, VT-2.1-4) and the other devices' names and times
a session report lists (MO-PWD-6, reading A25). lupdate files these under ``ServerText``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.packs import SessionPolicy
from sync.errors import GrantRefused
from sync.protocol import OpenSession
from ui.core_text import core_text

# A plain name lupdate reads as QCoreApplication.translate(context, text).
translate = QCoreApplication.translate


def grant_refusal_text(reason: str) -> str | None:
    """The refusal of the HMIS Lead's grant code for ``reason``; None for a reason this
    version does not know (a newer server's), so the server's own sentence is shown."""
    texts = {
        "not_valid": translate("ServerText", "This grant code is not valid for this device's agency; check it or "
                                             "ask the HMIS Lead for a new one."),
        "used": translate("ServerText", "This grant code was already used; ask the HMIS Lead for a new one."),
        "expired": translate("ServerText", "This grant code has expired; ask the HMIS Lead for a new one."),
        "other_user_or_role": translate("ServerText", "This grant code was issued for another user name or role; "
                                                      "check both, or ask the HMIS Lead for a new one."),
        "malformed": translate("ServerText", "The grant code is empty, too long or has control characters; "
                                             "check it."),
    }
    return texts.get(reason)


def error_text(error: Exception) -> str:
    """A refusal from the core or the server, as a screen shows it."""
    if isinstance(error, GrantRefused):
        worded = grant_refusal_text(error.reason)
        if worded is not None:
            return worded
    return core_text(str(error))


def elsewhere_text(policy: SessionPolicy, elsewhere: tuple[OpenSession, ...]) -> str:
    """MO-PWD-6: one sentence naming the same user's live sessions on the agency's other
    devices (by their enrolled name) and when each was last seen; empty when none.
    ``sync.sessions.elsewhere_warning`` is the command's English of the same."""
    if not elsewhere:
        return ""
    seen = "; ".join(
        translate("ServerText", "{device}, last seen {time} UTC").format(
            device=s.device_name or s.device_id, time=s.last_seen[:16].replace("T", " "))
        for s in elsewhere)
    return translate("ServerText", "This user is also signed in on another device of the agency ({devices}); sign "
                                   "out there, since one user may be signed in at one place at a time "
                                   "({clauses}).").format(devices=seen, clauses=policy.cited())
