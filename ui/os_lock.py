"""The operating system saying the screen locked or the machine is going to sleep.

On Linux these arrive over D-Bus, the same signals KeePassXC listens to
(``ScreenLockListenerDBus.cpp``): logind's ``PrepareForSleep`` and the session's
``Lock``, and ``ActiveChanged`` from the freedesktop and GNOME screen savers. S2
asks for a lock within 2 s of any of them. Without a bus (a container, a test, a
platform without D-Bus) the listener stays silent; the wall-clock idle check still
protects the vault.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection  # optional: absent from some Qt builds

log = logging.getLogger(__name__)

_LOGIND = "org.freedesktop.login1"
_LOGIND_PATH = "/org/freedesktop/login1"
_SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class OsLockListener(QObject):
    system_will_sleep = Signal()
    screen_did_lock = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected: list[str] = []

    def start(self) -> None:
        """Subscribe to whatever buses exist; never raises."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        # The slot arguments below: PySide6's stub types them (a C char*) as bytes, but the
        # binding takes SLOT()'s str and refuses bytes, hence the call-overload ignores.
        try:
            system = QDBusConnection.systemBus()
            if system.isConnected():
                if system.connect(_LOGIND, _LOGIND_PATH, f"{_LOGIND}.Manager", "PrepareForSleep",  # type: ignore[call-overload]
                                  self, SLOT("on_prepare_for_sleep(bool)")):
                    self.connected.append("logind.PrepareForSleep")
                session_path = self._logind_session_path(system)
                if session_path and system.connect(_LOGIND, session_path, f"{_LOGIND}.Session", "Lock",  # type: ignore[call-overload]
                                                   self, SLOT("on_session_lock()")):
                    self.connected.append("logind.Session.Lock")
            session_bus = QDBusConnection.sessionBus()
            if session_bus.isConnected():
                for service, path, interface in _SCREEN_SAVERS:
                    if session_bus.connect(service, path, interface, "ActiveChanged",  # type: ignore[call-overload]
                                           self, SLOT("on_screensaver_active_changed(bool)")):
                        self.connected.append(f"{interface}.ActiveChanged")
        except Exception as exc:
            log.info("OS lock signals unavailable (%s)", type(exc).__name__)

    @staticmethod
    def _logind_session_path(system: QDBusConnection) -> str | None:
        from PySide6.QtDBus import QDBusInterface, QDBusMessage

        manager = QDBusInterface(_LOGIND, _LOGIND_PATH, f"{_LOGIND}.Manager", system)
        if not manager.isValid():
            return None
        manager.setTimeout(500)
        session_id = os.environ.get("XDG_SESSION_ID")
        reply = (manager.call("GetSession", session_id) if session_id
                 else manager.call("GetSessionByPID", os.getpid()))
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        path = reply.arguments()[0]
        return str(path.path()) if hasattr(path, "path") else str(path)

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.system_will_sleep.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.screen_did_lock.emit()

    @Slot(bool)
    def on_screensaver_active_changed(self, active: bool) -> None:
        if active:
            self.screen_did_lock.emit()
