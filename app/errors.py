"""Errors a person can act on. Each message is one plain sentence with no personal data.

The command line prints ``str(error)`` and exits non-zero; the GUI shows it next to
the field or on the screen it concerns. Anything else escaping is a bug.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is safe and useful to show as it is."""

    exit_code = 1


class VaultNotFound(UserFacingError):
    exit_code = 3


class VaultExists(UserFacingError):
    exit_code = 3


class VaultCorrupt(UserFacingError):
    exit_code = 4


class BadCredentials(UserFacingError):
    exit_code = 5


class AccountLocked(UserFacingError):
    exit_code = 6


class AccountDisabled(UserFacingError):
    exit_code = 6


class PasswordRejected(UserFacingError):
    """A new password broke a rule of the pack; the message names the rule."""

    exit_code = 7

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


class PermissionDenied(UserFacingError):
    exit_code = 8


class ConflictOfInterest(PermissionDenied):
    """VT-2.1-8: a user may not open or change their own or their family's record."""


class PackError(UserFacingError):
    exit_code = 9


class ValidationError(UserFacingError):
    """A field-level problem: ``field`` says where the message belongs."""

    exit_code = 10

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class SecondFactorNeeded(UserFacingError):
    """The password was right and this user also gives a one-time code."""
