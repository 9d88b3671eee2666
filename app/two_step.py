"""The second step of signing in: the one-time code after the password.

``app.session.begin_sign_in`` opens the vault with the password (the secret is inside
it, so it cannot be checked sooner) and hands back a ``PendingSignIn``; no ``Session``
reaches the UI or a command until ``finish`` has checked the code. The attempt was
counted as a failure before the password was tried, and for a user with a second
factor it stays counted until the code is right too: quitting at the code prompt or
typing a wrong code is a failed attempt toward the pack's lockout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.clock import Clock
from app.errors import AccountLocked, BadCredentials, SecondFactorNeeded
from app.packs import Pack
from app.security import totp
from app.vault.connection import transaction
from app.vault.vault import Vault

if TYPE_CHECKING:
    from app.session import Session, SignedInUser

Code = str | Callable[[], str] | None


@dataclass
class PendingSignIn:
    vault: Vault
    pack: Pack
    user: SignedInUser
    clock: Clock
    slot_id: str
    needs_code: bool

    def cancel(self) -> None:
        """Close the vault; the attempt stays counted."""
        self.vault.close()

    def finish(self, code: Code = None) -> Session:
        """The session, once the code (if this user needs one) is right. ``code`` may
        be a function, called only when a code is needed (the command line's second
        line of standard input)."""
        from app.session import _after_unlock

        how = None
        if self.needs_code:
            try:
                text = code() if callable(code) else code
                if text is None or not text.strip():
                    raise SecondFactorNeeded(
                        "This account also needs the 6-digit code from its authenticator app.")
                how = self._check(text)
            except BaseException:
                self.vault.close()
                raise
        try:
            session = _after_unlock(self.vault, self.pack, self.user, self.clock, "password")
        except BaseException:
            self.vault.close()
            raise
        if how == "recovery_code":
            left = totp.recovery_codes_left(session)
            session.warnings.append(
                f"You signed in with a recovery code; {left} unused recovery code{'s' if left != 1 else ''} left.")
        return session

    def _check(self, code: str) -> str:
        keyfile, slot_id, now = self.vault.keyfile, self.slot_id, self.clock.now()
        slot = keyfile.slots.get(slot_id)
        if slot is None or not slot.second_factor:
            # The key file lost its flag (edited, or an old copy): count the attempt now.
            keyfile.record_failure(slot_id, now)
            self.vault.save_keyfile(anchor=False)
        with transaction(self.vault.conn) as conn:
            how = totp.check_and_spend(conn, self.user.user_id, code, now)
            if how is not None:
                totp.audit_use(conn, self.user.user_id, how, self.clock)
        if how is None:
            failures = keyfile.slots[slot_id].failures if slot_id in keyfile.slots else 0
            limit = self.pack.lockout.withdraw_after
            if failures >= limit:
                self.vault.withdraw_slot(slot_id, "failed_attempts")
                raise AccountLocked(
                    f"Wrong code. After {failures} failed sign-ins this account is now locked;"
                    " an administrator must reset its password.")
            left = limit - failures
            hint = f" {left} attempt{'s' if left != 1 else ''} left before the account locks." if left <= 3 else ""
            raise BadCredentials(f"The code is wrong or was already used; sign in again.{hint}")
        keyfile.forget_failure(slot_id)
        self.vault.save_keyfile(anchor=False)
        return how
