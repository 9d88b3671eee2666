"""Child process: sign in as a user (the same ``app.session.sign_in`` the window and the
command use), say so, and stay signed in until standard input closes or a line
arrives; then sign out. A test kills it with SIGKILL to see what a crash leaves.

argv: DATA_DIR USER; the password is the first line of stdin.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    from app.errors import UserFacingError
    from app.session import sign_in

    data_dir, user = sys.argv[1:3]
    password = sys.stdin.readline().rstrip("\n")
    try:
        session = sign_in(Path(data_dir), user, password)
    except UserFacingError as exc:
        print(f"refused: {exc}", flush=True)
        return 6
    print("signed in", flush=True)
    sys.stdin.readline()
    session.close()
    print("signed out", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
