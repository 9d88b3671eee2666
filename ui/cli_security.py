"""``hmis-intake rotate-key``: a new data key for the vault.

For an administrator after a laptop or a key file may have been copied, or after a
user left: the database is re-encrypted under a new key, which is sealed for every
remaining user and the recovery key; old copies of ``vault.keys`` no longer open it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO


def cmd_rotate_key(args: argparse.Namespace, out: TextIO,
                   open_session: Callable[[argparse.Namespace], Any]) -> int:
    from app.security.users import rotate_key

    session = open_session(args)
    try:
        new_recovery = rotate_key(session)
        needing_reset = sum(1 for s in session.vault.keyfile.slots.values()
                            if s.withdrawn_reason == "key_rotated")
    finally:
        session.close()
    if args.json:
        json.dump({"rotated": True, "new_recovery_key": new_recovery,
                   "users_needing_reset": needing_reset}, out)
        out.write("\n")
        return 0
    out.write("The vault has a new data key; copies of the old key file no longer open it.\n")
    if needing_reset:
        out.write(f"{needing_reset} user(s) who had not signed in since the key file was upgraded "
                  "need a password reset by an administrator.\n")
    if new_recovery:
        out.write("The old recovery key no longer works; the new one is:\n\n"
                  f"    {new_recovery}\n\nWrite it down and keep it locked away, apart from this device.\n")
    return 0


def register(subparsers: Any, add_auth: Callable[[argparse.ArgumentParser], None],
             open_session: Callable[[argparse.Namespace], Any]) -> None:
    p = subparsers.add_parser("rotate-key", help="re-encrypt the vault under a new data key (administrators)")
    p.add_argument("--json", action="store_true")
    add_auth(p)
    p.set_defaults(func=lambda args, out: cmd_rotate_key(args, out, open_session))
