""""Try with demo data": a throwaway vault a newcomer can explore in one click.

It is a real vault (same encryption, same code as ``hmis-intake demo-data``) in a
fresh private temporary folder, filled with clearly synthetic people
(``app.demo``: a normal week's records, a few overdue on purpose), flagged ``is_demo``
in its settings, and deleted when the app exits.
No Qt here: this runs on a worker thread.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock, system_clock
from app.demo import add_demo_people
from app.errors import PasswordRejected
from app.packs import load_pack
from app.session import Session, initialize, validate_new_password

DEMO_USERNAME = "demo"
DEMO_DISPLAY_NAME = "Demo administrator"
DEMO_AGENCY = "Demo Outreach Agency"
DEMO_PEOPLE = 300
DEMO_SEED = 2026


@dataclass
class DemoVault:
    root: Path
    data_dir: Path
    username: str
    password: str

    @classmethod
    def create(cls, pack_id: str, clock: Clock = system_clock, people: int = DEMO_PEOPLE,
               parent_dir: Path | None = None,
               progress: Callable[[int, int], None] | None = None) -> tuple[DemoVault, Session]:
        """``progress(done, total)`` after each household (called on this thread)."""
        root = Path(tempfile.mkdtemp(prefix="hmis-intake-demo-", dir=parent_dir))
        demo = cls(root, root / "vault", DEMO_USERNAME, _demo_password(pack_id))
        try:
            session, _recovery_key = initialize(
                demo.data_dir, pack_id, demo.username, demo.password, DEMO_DISPLAY_NAME, DEMO_AGENCY,
                # A demo vault's administrator is synthetic too: the pack's agreements and
                # trainings are recorded as done so the demo opens on its clients.
                clock=clock, demo=True, access_completed_on=clock.now().date())
            try:
                add_demo_people(session, people, DEMO_SEED, week=True, progress=progress)
            except BaseException:
                session.close()
                raise
        except BaseException:
            demo.discard()
            raise
        return demo, session

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


# No 0/O, 1/l/I: the password is read off the screen and typed by hand.
_READABLE = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _demo_password(pack_id: str) -> str:
    """A random password the pack accepts; shown on the demo's unlock screen, since
    the vault holds only made-up people and is deleted at exit."""
    pack = load_pack(pack_id)
    while True:
        candidate = "-".join("".join(secrets.choice(_READABLE) for _ in range(4)) for _ in range(4))
        try:
            validate_new_password(pack, None, DEMO_USERNAME, candidate, DEMO_AGENCY)
        except PasswordRejected:
            continue
        return candidate
