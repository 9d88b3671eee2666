"""When and how the app locks (reference S1-S5).

When: after the vault's idle minutes of no input in our windows, measured in wall
time by ``app.security.idle.IdleClock`` (S1); when the OS locks the screen or goes
to sleep (S2); on "Lock now" (Ctrl+L, from any window including a modal dialog);
and on quit. A Qt timer does not count sleep (KeePassXC #2014), so besides the
1-second check the event filter tests the deadline on the first paint, show,
activation or input after a resume and locks before the window draws anything.

How (S3, S4), in this order and never cancelled by a dialog:
1. every open draft source (a form with unsaved typing) is written to an encrypted
   draft in the vault;
2. every dialog and popup is closed, after its fields are emptied;
3. the session is locked: the connection closes and the key buffer is zeroed;
4. every window holding client data clears its models and fields and hides;
5. background jobs of the session (a sync) are cancelled and waited for, so their
   second connection and its copy of the key close too; the sync engine commits
   each batch it finished, so nothing is lost;
6. the clipboard is cleared if it still holds what we put there (S5);
7. ``session_did_lock`` tells the controller to show the unlock screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from app.clock import Clock, system_clock
from app.security.idle import CHECK_INTERVAL_MS, IdleClock
from ui.clipboard import ClipboardGuard
from ui.os_lock import OsLockListener
from ui.widgets.app_events import AppEvents

if TYPE_CHECKING:  # the vault core loads after the sign-in window is up
    from app.session import Session

log = logging.getLogger(__name__)

LOCK_SHORTCUT = QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_L)

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})
# What a window receives first after the machine wakes up: the deadline is checked
# here, before any pixel of client data is drawn again.
_WAKE_EVENTS = frozenset({
    QEvent.Type.Paint, QEvent.Type.UpdateRequest, QEvent.Type.Show, QEvent.Type.Expose,
    QEvent.Type.WindowActivate, QEvent.Type.ActivationChange, QEvent.Type.ApplicationStateChange,
    QEvent.Type.ApplicationActivate, QEvent.Type.FocusIn,
})


class LockReason(Enum):
    IDLE = "idle"
    MANUAL = "manual"
    SCREEN_LOCK = "screen_lock"
    SLEEP = "sleep"
    QUIT = "quit"


@dataclass(frozen=True)
class LockReport:
    reason: LockReason
    user_id: str
    username: str
    draft_ids: tuple[str, ...]
    idle_minutes: float


@runtime_checkable
class DraftSource(Protocol):
    """A window with typing that must survive a lock."""

    draft_kind: str
    draft_id: str | None

    def draft_payload(self) -> dict[str, Any] | None: ...


@runtime_checkable
class HoldsClientData(Protocol):
    def clear_client_data(self) -> None: ...


class StopsAtLock(Protocol):
    """Background work of the session on its own vault connection."""

    def stop_for_lock(self) -> None: ...


class LockController(QObject):
    session_did_lock = Signal(object)  # LockReport

    def __init__(self, app: QApplication, clipboard: ClipboardGuard, clock: Clock = system_clock,
                 os_listener: OsLockListener | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._clipboard = clipboard
        self._clock = clock
        self._session: Session | None = None
        self._idle: IdleClock | None = None
        self._locking = False
        self._jobs: list[StopsAtLock] = []
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(CHECK_INTERVAL_MS)
        self.check_timer.timeout.connect(self._check_deadline)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(LOCK_SHORTCUT)
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock(LockReason.MANUAL))
        if os_listener is not None:
            os_listener.system_will_sleep.connect(lambda: self.lock(LockReason.SLEEP))
            os_listener.screen_did_lock.connect(lambda: self.lock(LockReason.SCREEN_LOCK))
        AppEvents.of(app).add(self, _INPUT_EVENTS | _WAKE_EVENTS, self.handle_event)

    @property
    def is_armed(self) -> bool:
        return self._session is not None

    @property
    def idle_clock(self) -> IdleClock | None:
        return self._idle

    def arm(self, session: Session) -> None:
        """Start guarding a freshly unlocked session with the vault's idle minutes."""
        minutes = session.settings.idle_lock_minutes or session.pack.idle_lock.default_minutes
        self._idle = IdleClock(minutes, self._clock)
        self._session = session
        self.check_timer.start()

    def add_job(self, job: StopsAtLock) -> None:
        """Background work that ends with the current session (step 5)."""
        self._jobs.append(job)

    def _check_deadline(self) -> None:
        if self._idle is not None and self._idle.expired():
            self.lock(LockReason.IDLE)

    def handle_event(self, watched: QObject, event: QEvent) -> bool:
        """Input, or what a window receives after a wake (``AppEvents`` sends only those)."""
        if self._session is None or self._locking or self._idle is None:
            return False
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if self._idle.expired():
                # Input that arrives after the deadline must not reach the window.
                self.lock(LockReason.IDLE)
                return True
            if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and _is_lock_key(event):
                self.lock(LockReason.MANUAL)
                return True
            self._idle.touch()
            return False
        if kind in _WAKE_EVENTS and self._idle.expired():
            self.lock(LockReason.IDLE)
            return kind in (QEvent.Type.Paint, QEvent.Type.UpdateRequest)
        return False

    def lock(self, reason: LockReason) -> None:
        session = self._session
        if session is None or self._locking:
            return
        self._locking = True
        self._session = None
        self.check_timer.stop()
        idle_minutes = self._idle.timeout.total_seconds() / 60 if self._idle else 0.0
        self._idle = None
        try:
            draft_ids = self._save_drafts(session)
            self._close_dialogs()
            _end_session(session)
            self._clear_windows()
            self._stop_jobs()
            self._clipboard.clear_if_ours()
        finally:
            self._locking = False
        self.session_did_lock.emit(LockReport(reason, session.user.user_id, session.user.username,
                                              tuple(draft_ids), idle_minutes))

    def _save_drafts(self, session: Session) -> list[str]:
        saved: list[str] = []
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or not isinstance(widget, DraftSource):
                continue
            payload = widget.draft_payload()
            if payload is None:
                continue
            try:
                from app.drafts import save_draft

                widget.draft_id = save_draft(session, widget.draft_kind, payload, widget.draft_id)
            except Exception as exc:
                log.error("could not keep a draft at lock: %s", type(exc).__name__)
                continue
            saved.append(widget.draft_id)
        return saved

    @staticmethod
    def _close_dialogs() -> None:
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
            if QApplication.activePopupWidget() is popup:
                popup.hide()
                break
        # Innermost first, so a dialog opened from another dialog closes before its parent.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        for dialog in reversed(dialogs):
            close_for_lock = getattr(dialog, "close_for_lock", None)
            if callable(close_for_lock):
                close_for_lock()
            else:
                dialog.done(QDialog.DialogCode.Rejected)
            dialog.hide()

    def _stop_jobs(self) -> None:
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            try:
                job.stop_for_lock()
            except Exception as exc:
                log.error("a background job did not stop cleanly at lock: %s", type(exc).__name__)

    @staticmethod
    def _clear_windows() -> None:
        for widget in QApplication.topLevelWidgets():
            # A window cleared earlier in this loop may delete one built ahead (never shown).
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, HoldsClientData):
                widget.clear_client_data()
                widget.hide()


def _is_lock_key(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent):
        return False
    return QKeySequence(event.keyCombination()).matches(LOCK_SHORTCUT) == QKeySequence.SequenceMatch.ExactMatch


def _end_session(session: Session) -> None:
    """``Session.lock`` writes an audit event first; if that write fails the database
    must still close and the key still be zeroed."""
    try:
        session.lock()
    except Exception as exc:
        log.error("audit write at lock failed: %s", type(exc).__name__)
        session.vault.close()
