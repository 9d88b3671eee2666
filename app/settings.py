"""Device settings kept inside the vault: every key is spelled here, once, with its type
and its default; no other module reads or writes the ``setting`` table.

Each setting is a typed descriptor on ``Settings``: reading parses the stored text,
writing serializes it, and ``None`` (for a setting whose default is ``None``) deletes
the row. Values are stored as they always were (flags as "1"/"0", numbers as digits,
lists and maps as JSON), so a vault written by an older version reads unchanged.

A stored value that does not parse raises ``BadSetting``, a one-sentence error that
names the key and never the value. The table lives inside the encrypted vault and only
this code writes it, so an unreadable value means damage or tampering; several keys
guard security checks (the key file's sequence number and signature, the sync CA pin),
and quietly falling back to a default there would switch a check off.

The key-derivation test switch (``HMIS_INTAKE_KDF_TARGET_MS``) is read here too, and
honoured only in test mode (turned on by a call from the test and benchmark harnesses,
never by the environment alone) or for a demo vault; anywhere else it is ignored and
the refusal is logged, so a stray variable on a worker's laptop cannot cheapen the KDF.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from app.errors import VaultCorrupt

if TYPE_CHECKING:
    from app.vault.connection import Connection

log = logging.getLogger(__name__)

T = TypeVar("T")


class BadSetting(VaultCorrupt):
    """A stored setting does not parse as its type (the message names the key only)."""

    def __init__(self, key: str, kind: str) -> None:
        self.key = key
        super().__init__(f"The vault's setting {key!r} does not hold a readable {kind}; the vault may be damaged.")


# -- the table ------------------------------------------------------------------------

def _read(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _write(conn: Connection, key: str, text: str | None) -> None:
    if text is None:
        conn.execute("DELETE FROM setting WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, text),
        )


# -- parse and serialize, one pair per type --------------------------------------------

class Kind(Generic[T]):
    """How one type is stored: ``parse`` raises ValueError on text it cannot read."""

    def __init__(self, name: str, parse: Callable[[str], T], serialize: Callable[[T], str]) -> None:
        self.name = name
        self.parse = parse
        self.serialize = serialize


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("1", "true"):
        return True
    if lowered in ("0", "false", ""):
        return False
    raise ValueError("not a flag")


def _parse_int(text: str) -> int:
    if not re.fullmatch(r"-?\d+", text.strip()):
        raise ValueError("not a whole number")
    return int(text)


def _json_of(check: Callable[[Any], T]) -> Callable[[str], T]:
    def parse(text: str) -> T:
        return check(json.loads(text))
    return parse


def _str_int_map(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        raise ValueError("not a map of whole numbers")
    return {str(k): int(v) for k, v in value.items()}


def _object_list(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError("not a list of objects")
    return list(value)


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return dict(value)


def _text(text: str) -> str:
    return text


def _matching(pattern: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not re.fullmatch(pattern, text):
            raise ValueError("does not match")
        return text
    return parse


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError("not one of the choices")
        return text
    return parse


def _sorted_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


BOOL: Kind[bool] = Kind("flag", _parse_bool, lambda v: "1" if v else "0")
INT: Kind[int] = Kind("whole number", _parse_int, lambda v: str(int(v)))
TEXT: Kind[str] = Kind("text", _text, str)
DATE: Kind[date] = Kind("date", date.fromisoformat, date.isoformat)
HOURS_BY_KEY: Kind[dict[str, int]] = Kind("JSON map of whole numbers", _json_of(_str_int_map), _sorted_json)
OBJECT_LIST: Kind[list[dict[str, Any]]] = Kind("JSON list", _json_of(_object_list), json.dumps)
OBJECT: Kind[dict[str, Any]] = Kind("JSON object", _json_of(_object), _sorted_json)


def pattern(name: str, regex: str) -> Kind[str]:
    return Kind(name, _matching(regex), str)


def choice(*choices: str) -> Kind[str]:
    return Kind("choice of " + "/".join(choices), _choice(choices), str)


def _parse(kind: Kind[T], key: str, text: str) -> T:
    try:
        return kind.parse(text)
    except (ValueError, TypeError) as exc:
        raise BadSetting(key, kind.name) from exc


# -- descriptors -----------------------------------------------------------------------

class Setting(Generic[T]):
    """A key with a type and no default: reads ``None`` when unset; assigning ``None`` unsets it."""

    def __init__(self, key: str, kind: Kind[T]) -> None:
        self.key = key
        self.kind = kind

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Setting[T]: ...
    @overload
    def __get__(self, obj: Settings, objtype: type | None = None) -> T | None: ...

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Setting[T] | T | None:
        if obj is None:
            return self
        text = _read(obj.conn, self.key)
        return None if text is None else _parse(self.kind, self.key, text)

    def __set__(self, obj: Settings, value: T | None) -> None:
        _write(obj.conn, self.key, None if value is None else self.kind.serialize(value))


class Defaulted(Generic[T]):
    """A key with a type and a default, read when the key is unset."""

    def __init__(self, key: str, kind: Kind[T], default: T) -> None:
        self.key = key
        self.kind = kind
        self.default = default

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Defaulted[T]: ...
    @overload
    def __get__(self, obj: Settings, objtype: type | None = None) -> T: ...

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Defaulted[T] | T:
        if obj is None:
            return self
        text = _read(obj.conn, self.key)
        return self.default if text is None else _parse(self.kind, self.key, text)

    def __set__(self, obj: Settings, value: T | None) -> None:
        """``None`` unsets the key, so it reads as the default again."""
        _write(obj.conn, self.key, None if value is None else self.kind.serialize(value))


class PerId(Generic[T]):
    """One key per id under a common prefix (a user's second factor, say)."""

    def __init__(self, prefix: str, kind: Kind[T]) -> None:
        self.prefix = prefix
        self.kind = kind

    def get(self, conn: Connection, ident: str) -> T | None:
        key = self.prefix + ident
        text = _read(conn, key)
        return None if text is None else _parse(self.kind, key, text)

    def put(self, conn: Connection, ident: str, value: T | None) -> None:
        _write(conn, self.prefix + ident, None if value is None else self.kind.serialize(value))

    def ids(self, conn: Connection) -> Iterator[str]:
        rows = conn.execute("SELECT key FROM setting WHERE substr(key, 1, ?) = ?",
                            (len(self.prefix), self.prefix)).fetchall()
        return (str(r[0])[len(self.prefix):] for r in rows)


class Settings:
    """The vault's settings, each key spelled once. ``Settings(conn).agency_name``."""

    # The device and its agency
    pack = Setting("pack", TEXT)
    agency_name = Setting("agency_name", TEXT)
    password_profile = Setting("password_profile", TEXT)
    idle_lock_minutes = Setting("idle_lock_minutes", INT)
    language = Setting("language", pattern("language code", r"[a-z]{2,3}"))  # None: the system's
    is_demo = Defaulted("is_demo", BOOL, False)
    # A comparable database (app.victim_service)
    victim_service_provider = Defaulted("victim_service_provider", BOOL, False)
    # Printed on every consent form (MO-RIGHTS-6); empty text is stored as unset
    agency_contact = Setting("agency_contact", TEXT)
    grievance_contact = Setting("grievance_contact", TEXT)
    # CT-302-1, A4: the agency's own timeliness windows by HUD project type, in hours
    timeliness_hours = Defaulted("timeliness_hours_by_project_type", HOURS_BY_KEY, {})
    # The administrator's retention rule (days after exit); None: purging is off
    purge_after_exit_days = Setting("retention.purge_after_exit_days", INT)
    # MO-ROI-6, A19: the agency's choice of one ROI per project or per agency, where the
    # pack lets the agency choose (consent.roi_scope_agency_choice); None: the pack's
    roi_scope = Setting("consent.roi_scope", choice("agency", "project"))

    # Sync
    server_url = Setting("server_url", TEXT)
    ca_pin = Setting("sync.ca_sha256", TEXT)  # the pinned CA fingerprint, or sync.credentials.SYSTEM_STORE
    sync_interrupted_seen = Setting("sync_interrupted_seen", TEXT)  # the lease owner last reported
    exports_in_progress = Defaulted("exports_in_progress", OBJECT_LIST, [])
    # Acknowledged outbox rows deleted (the sync deletes each once acknowledged), still counted as acknowledged
    acknowledged_pruned = Defaulted("outbox.acknowledged_pruned", INT, 0)

    # The key file's mirror in the database (app.vault.keyauth)
    keyfile_seq = Setting("keyfile_seq", INT)
    keyfile_signed = Defaulted("keyfile_signed", BOOL, False)
    keyfile_kdf_profile = Setting("keyfile_kdf_profile", OBJECT)

    # A user's TOTP secret and recovery codes (app.security.totp), JSON text per user id
    totp = PerId("second_factor.totp.", TEXT)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn


# -- the key-derivation test switch -------------------------------------------------------

# Milliseconds one Argon2id derivation should take; "0" uses the floor parameters.
KDF_TARGET_ENV = "HMIS_INTAKE_KDF_TARGET_MS"
_test_mode = False


def enable_test_mode() -> None:
    """Called by the test harness (tests/conftest.py and, in its child processes,
    tests/child_site/sitecustomize.py) and the benchmarks: only then is
    ``HMIS_INTAKE_KDF_TARGET_MS`` honoured for a vault that is not a demo."""
    global _test_mode
    _test_mode = True


def in_test_mode() -> bool:
    return _test_mode


def kdf_target_seconds(*, demo: bool = False) -> float | None:
    """The KDF time target the test switch asks for, or ``None`` for the production one.

    Honoured in test mode or for a demo vault (which holds only made-up people and is
    deleted at exit); otherwise ignored with a log line (no data: the variable's name)."""
    raw = os.environ.get(KDF_TARGET_ENV)
    if raw is None:
        return None
    if not (_test_mode or demo):
        log.warning("%s is ignored outside tests and demo vaults; the calibrated key-derivation cost is used.",
                    KDF_TARGET_ENV)
        return None
    try:
        return max(0.0, _parse_int(raw) / 1000)
    except ValueError:
        log.warning("%s is not a whole number of milliseconds; the calibrated key-derivation cost is used.",
                    KDF_TARGET_ENV)
        return None
