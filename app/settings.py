"""Device settings kept inside the vault, each key spelled once here with its default."""

from __future__ import annotations

from app.vault.connection import Connection


class _Setting:
    def __init__(self, key: str, default: str | None = None) -> None:
        self.key = key
        self.default = default

    def __get__(self, obj: Settings, objtype: type | None = None) -> str | None:
        row = obj.conn.execute("SELECT value FROM setting WHERE key = ?", (self.key,)).fetchone()
        return row[0] if row else self.default

    def __set__(self, obj: Settings, value: str | None) -> None:
        if value is None:
            obj.conn.execute("DELETE FROM setting WHERE key = ?", (self.key,))
        else:
            obj.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (self.key, str(value)),
            )


class _IntSetting(_Setting):
    def __get__(self, obj: Settings, objtype: type | None = None) -> int | None:  # type: ignore[override]
        value = super().__get__(obj, objtype)
        return int(value) if value is not None else None

    def __set__(self, obj: Settings, value: int | None) -> None:  # type: ignore[override]
        super().__set__(obj, None if value is None else str(int(value)))


class Settings:
    pack = _Setting("pack")
    agency_name = _Setting("agency_name")
    password_profile = _Setting("password_profile")
    idle_lock_minutes = _IntSetting("idle_lock_minutes")
    language = _Setting("language")  # None: follow the system language
    server_url = _Setting("server_url")
    is_demo = _Setting("is_demo")
    victim_service_provider = _Setting("victim_service_provider")  # "1": a comparable database (app.victim_service)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
