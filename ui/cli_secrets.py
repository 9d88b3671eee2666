"""Sign-in details never on the command line or in the environment (CT-403-2, MO-PWD-5).

A password, a second factor's code, a recovery key, a device enrollment code or the HMIS
Lead's role grant code typed as a command-line option is shown to every user of the
computer by the process list and kept in the shell's history file; one in an environment
variable is readable by other programs and often lands in scripts and logs. Both are
"written where others can see it", so ``hmis-intake`` refuses them, in one sentence that
never repeats the value, before it parses anything else. Secrets come from standard input
(``--password-stdin``) or a prompt that does not echo (``getpass``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence

from app.errors import UserFacingError

# The one option allowed to mention a password: it carries none.
_ALLOWED = frozenset({"--password-stdin"})
# An option whose name says it carries a secret (``--password X``, ``--pw=X``, ``--code X``).
# ``--coc-code`` and the like name no secret; ``code`` alone or with ``enrollment``/``totp``/
# ``recovery`` does.
_SECRET_OPTION = re.compile(
    r"--(?:[a-z-]*-)?(?:pass(?:word|wd|phrase)?|pwd?|secret|token|recovery-(?:key|code)s?)(?:-[a-z-]*)?"
    r"|--(?:(?:enrol(?:l)?(?:ment)?|totp|otp|one-time|two-step|auth|sign-in)-)?code"
    r"|--(?:t?otp|recovery)"
    r"|--(?:[a-z-]*-)?grant(?:-code)?"  # the HMIS Lead's one-time role grant code
)
# An environment variable of this program whose name says it carries a secret.
_SECRET_ENV = re.compile(r"HMIS[A-Z0-9_]*?(?:PASS|PWD|_PW\b|_PW_|SECRET|TOKEN|RECOVERY|ENROL|OTP|GRANT|(?:^|_)CODE)")


class SecretOnCommandLine(UserFacingError):
    """A sign-in detail was given where others can see it; ``str()`` is the one sentence."""

    exit_code = 2  # a usage mistake, as argparse's own


def secret_option(argv: Sequence[str]) -> str | None:
    """The first option of ``argv`` that would carry a secret, by its name alone."""
    for word in argv:
        if word == "--":
            return None
        name = word.split("=", 1)[0].lower()
        if name.startswith("--") and name not in _ALLOWED and _SECRET_OPTION.fullmatch(name):
            return name
    return None


def secret_variables(environ: Mapping[str, str]) -> list[str]:
    """The names of set environment variables of this program that would carry a secret."""
    return sorted(name for name, value in environ.items()
                  if value and _SECRET_ENV.match(name.upper()))


def check_no_secret_given(argv: Sequence[str], environ: Mapping[str, str]) -> None:
    """CT-403-2, MO-PWD-5: refuse a sign-in detail on the command line or in the environment."""
    option = secret_option(argv)
    if option is not None:
        raise SecretOnCommandLine(
            f"{option} is refused: a password or code on the command line is shown to others in the "
            "process list and kept in the shell history (change it if it was real), so give --password-stdin "
            "and type it at the prompt or pipe it in (an enrollment code, or the HMIS Lead's grant code with "
            "--lead-grant-stdin, goes on the line after the password)."
        )
    names = secret_variables(environ)
    if names:
        raise SecretOnCommandLine(
            f"{', '.join(names)} is refused: hmis-intake reads no password or code from the environment, "
            "where other programs can read it, so unset it and give --password-stdin instead."
        )


def read_secret_line(prompt: str, missing: str) -> str:
    """A one-time code that follows the password: the next line of standard input, or a
    prompt that does not echo at a terminal. ``missing`` is the sentence for no code."""
    import getpass

    from ui.cli import CliError

    if sys.stdin is not None and sys.stdin.isatty():
        code = getpass.getpass(prompt)
    else:
        code = sys.stdin.readline() if sys.stdin is not None else ""
    if not code.strip():
        raise CliError(missing)
    return code.strip()
