"""Sign-in details are never kept or shown where others can see them (CT-403-2, MO-PWD-5).

The device cannot see a note on a desk, but it can make sure it never writes down or
displays a sign-in detail itself. A password, code or key is only ever typed into a
masked field or standard input, and only an Argon2id-wrapped key reaches the disk
(``passwords_never_stored``). A user name is half of a sign-in: a pack that says so
(``[user_access] sign_in_names_shown = false``) keeps every name off the sign-in screen,
the lock screen included, so a locked, unattended screen shows nobody's.
"""

from __future__ import annotations

from app.packs import Pack


def name_on_lock_screen(pack: Pack, username: str) -> str:
    """The user name the lock screen keeps in its field for ``username``'s unlock:
    the name itself, or nothing where the pack shows no sign-in names (CT-403-2, MO-PWD-5)."""
    return username if pack.user_access.sign_in_names_shown else ""
