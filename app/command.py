"""How a headless command ends, shared by ``hmis-intake`` (ui/cli.py) and
``hmis-intake-server`` (sync/server_cli.py): a user's mistake is one sentence on
stderr and its exit code, never a traceback; an unexpected error names only its type
(its text may quote personal data) unless HMIS_INTAKE_DEBUG is set."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

DEBUG_ENV = "HMIS_INTAKE_DEBUG"
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_UNEXPECTED = 70


def run_command(body: Callable[[], int], user_errors: tuple[type[Exception], ...], *,
                interrupted: str = "", unexpected_note: str = "") -> int:
    """Run ``body`` with private file permissions and turn what it raises into an exit
    code. ``user_errors`` carry their message and ``exit_code`` (default 1);
    ``interrupted`` is printed on Ctrl-C; ``unexpected_note`` follows the error's type."""
    os.umask(0o077)
    try:
        return body()
    except user_errors as exc:
        print(str(exc), file=sys.stderr)
        code: int = getattr(exc, "exit_code", 1)
        return code
    except KeyboardInterrupt:
        if interrupted:
            print(interrupted, file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``search … | head``): not an error worth a message.
        # Point stdout at /dev/null so the interpreter's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        print(f"Unexpected error ({type(exc).__name__}); {unexpected_note}"
              f"{'S' if unexpected_note else 's'}et {DEBUG_ENV}=1 to see details.", file=sys.stderr)
        return EXIT_UNEXPECTED
