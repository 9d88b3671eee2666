"""The device credential: in the OS keyring, or in the vault only when an admin chose so.

The keyring holds ``<device id>.<secret>`` (well under the 2,560 bytes S10 allows).
A backend that would store it in plaintext, or that only fails, is refused with a
clear sentence rather than used (S10; the mistake to avoid is a silent plaintext
fallback). Where no usable keyring exists the administrator may choose, explicitly,
to keep the credential inside the encrypted vault instead (``credential_store =
'vault'`` in ``sync_device``); nothing ever falls back on its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from app.settings import Settings
from app.vault.connection import Connection
from sync.errors import CertificateProblem, CredentialStoreUnavailable, NotEnrolled
from sync.protocol import DEVICE_CREDENTIAL_MAX_BYTES, DeviceCredential

log = logging.getLogger(__name__)

KEYRING_SERVICE = "hmis-intake"

# Backends that keep secrets unencrypted on disk, or that cannot keep them at all.
_REFUSED_BACKENDS: dict[tuple[str, str], str] = {
    # Said to a person in the enroll dialog: plain words, no module names.
    ("keyring.backends.fail", "Keyring"): "This computer has no password store (keyring) that can keep secrets.",
    ("keyring.backends.null", "Keyring"): "This computer's password store throws away what it is given.",
    ("keyrings.alt.file", "PlaintextKeyring"): "The only password store on this computer keeps secrets in a "
                                               "plain, unencrypted file.",
    ("keyrings.alt.file", "EncryptedKeyring"): "The only password store on this computer asks for its own "
                                               "password in a terminal, which this app cannot show.",
}


class StoreKind(str, Enum):
    KEYRING = "keyring"
    VAULT = "vault"


class CredentialStore(Protocol):
    kind: StoreKind

    def save(self, credential: DeviceCredential) -> None: ...

    def load(self) -> DeviceCredential | None: ...

    def delete(self) -> None: ...


def _leaf_backends(backend: Any) -> list[Any]:
    children = getattr(backend, "backends", None)
    if isinstance(children, list | tuple):
        return [leaf for child in children for leaf in _leaf_backends(child)]
    return [backend]


def keyring_problem() -> str | None:
    """Why the OS keyring cannot hold the credential, or ``None`` if it can."""
    try:
        import keyring
    except ImportError:
        return "This computer's password store could not be used: the keyring library is missing."
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        log.info("keyring could not be loaded: %s", type(exc).__name__)
        return "This computer's password store could not be opened."
    leaves = _leaf_backends(backend)
    if not leaves:
        return ("This computer has no password store (such as GNOME Keyring, KWallet, the macOS Keychain or "
                "the Windows Credential Locker).")
    for leaf in leaves:
        why = _REFUSED_BACKENDS.get((type(leaf).__module__, type(leaf).__name__))
        if why:
            log.info("keyring backend refused: %s.%s", type(leaf).__module__, type(leaf).__name__)
            return why
    return None


class KeyringStore:
    kind = StoreKind.KEYRING

    def __init__(self, vault_id: str) -> None:
        # One entry per vault, so two vaults on one computer keep separate devices.
        self.username = f"device-credential:{vault_id}"

    def _keyring(self) -> Any:
        problem = keyring_problem()
        if problem:
            raise CredentialStoreUnavailable(
                f"{problem} Use an OS keyring, or have an administrator choose to keep the device "
                "credential in the encrypted vault (enroll --credential-store vault)."
            )
        import keyring

        return keyring

    def save(self, credential: DeviceCredential) -> None:
        value = credential.serialize()
        if len(value.encode("utf-8")) > DEVICE_CREDENTIAL_MAX_BYTES:
            raise CredentialStoreUnavailable("The device credential is larger than the keyring allows.")
        kr = self._keyring()
        try:
            kr.set_password(KEYRING_SERVICE, self.username, value)
        except Exception as exc:
            raise CredentialStoreUnavailable(
                f"The OS keyring refused to store the device credential ({type(exc).__name__}); "
                "unlock the keyring and try again."
            ) from exc

    def load(self) -> DeviceCredential | None:
        kr = self._keyring()
        try:
            value = kr.get_password(KEYRING_SERVICE, self.username)
        except Exception as exc:
            raise CredentialStoreUnavailable(
                f"The OS keyring could not be read ({type(exc).__name__}); unlock it and try again."
            ) from exc
        if value is None:
            return None
        try:
            return DeviceCredential.parse(value)
        except ValueError:
            return None

    def delete(self) -> None:
        kr = self._keyring()
        with contextlib.suppress(Exception):
            kr.delete_password(KEYRING_SERVICE, self.username)


class VaultStore:
    """The credential in ``sync_device.vault_credential``: encrypted with the whole vault."""

    kind = StoreKind.VAULT

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def save(self, credential: DeviceCredential) -> None:
        # Called inside the enrollment transaction, after the sync_device row exists.
        self.conn.execute("UPDATE sync_device SET vault_credential = ? WHERE id = 1", (credential.serialize(),))

    def load(self) -> DeviceCredential | None:
        row = self.conn.execute("SELECT vault_credential FROM sync_device WHERE id = 1").fetchone()
        if row is None or not row[0]:
            return None
        try:
            return DeviceCredential.parse(row[0])
        except ValueError:
            return None

    def delete(self) -> None:
        self.conn.execute("UPDATE sync_device SET vault_credential = NULL WHERE id = 1")


@dataclass(frozen=True)
class DeviceEnrollment:
    server_url: str
    device_id: str
    agency: str
    credential_store: StoreKind
    enrolled_at: str


def current_enrollment(conn: Connection) -> DeviceEnrollment | None:
    row = conn.execute(
        "SELECT server_url, device_id, agency, credential_store, enrolled_at FROM sync_device WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    return DeviceEnrollment(row[0], row[1], row[2], StoreKind(row[3]), row[4])


def store_for(kind: StoreKind, conn: Connection, vault_id: str) -> CredentialStore:
    return VaultStore(conn) if kind is StoreKind.VAULT else KeyringStore(vault_id)


def stored_ca_file(conn: Connection) -> Path | None:
    """The CA file the device trusts for its server (None: the system's CAs)."""
    row = conn.execute("SELECT ca_file FROM sync_device WHERE id = 1").fetchone()
    return Path(row[0]) if row and row[0] else None


def enrolled_server(conn: Connection, vault_id: str) -> tuple[str, Path | None, DeviceCredential]:
    """What a request to the enrolled server needs: its address, its CA file, checked
    against the pin before anything is sent (nothing reaches an impostor), and the
    device credential."""
    enrollment, credential = load_credential(conn, vault_id)
    ca_file = stored_ca_file(conn)
    check_ca_pin(conn, ca_file)
    return enrollment.server_url, ca_file, credential


def load_credential(conn: Connection, vault_id: str) -> tuple[DeviceEnrollment, DeviceCredential]:
    enrollment = current_enrollment(conn)
    if enrollment is None:
        raise NotEnrolled("This device is not enrolled with a sync server yet; run 'hmis-intake enroll' first.")
    credential = store_for(enrollment.credential_store, conn, vault_id).load()
    if credential is None or credential.device_id != enrollment.device_id:
        where = "OS keyring" if enrollment.credential_store is StoreKind.KEYRING else "vault"
        raise NotEnrolled(f"The device credential is missing from the {where}; enroll the device again "
                          "with a new code.")
    return enrollment, credential


# -- The agency CA, pinned by fingerprint --------------------------------------------------
#
# The CA file is trusted by its SHA-256 fingerprint, kept inside the encrypted vault at
# enrollment, not by its path: whoever can replace the PEM on disk could otherwise send
# the device's records and credential to their own server. A CA that differs from the
# pin is refused until an administrator pins it (``hmis-intake server-pin``, audited).

#: The pin of a device that trusts the system's certificate store (no --ca-file).
SYSTEM_STORE = "system"


def ca_fingerprint(path: Path | None) -> str:
    """SHA-256 (hex) of the certificates in a PEM file, as DER in file order; comments
    and line endings do not count. ``SYSTEM_STORE`` for no file."""
    if path is None:
        return SYSTEM_STORE
    from cryptography import x509

    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise CertificateProblem(f"The CA file {Path(path).name} cannot be read.") from exc
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise CertificateProblem(f"The CA file {Path(path).name} is not a PEM certificate.") from exc
    from cryptography.hazmat.primitives.serialization import Encoding

    digest = hashlib.sha256()
    for certificate in certificates:
        digest.update(certificate.public_bytes(Encoding.DER))
    return digest.hexdigest()


def pinned_ca(conn: Connection) -> str | None:
    """The pinned fingerprint (or ``SYSTEM_STORE``); ``None`` if none was ever pinned."""
    return Settings(conn).ca_pin


def set_ca_pin(conn: Connection, fingerprint: str) -> None:
    """Call inside the transaction that enrolls or re-pins (and audits it)."""
    Settings(conn).ca_pin = fingerprint


def check_ca_pin(conn: Connection, ca_path: Path | None) -> None:
    """Refuse, before anything is sent, a CA that is not the pinned one."""
    pin = pinned_ca(conn)
    actual = ca_fingerprint(ca_path)
    if pin is None and actual == SYSTEM_STORE:
        return  # enrolled before pinning, with the system store: nothing a file could change
    if pin == actual:
        return
    given = f"The CA file {ca_path.name}" if ca_path is not None else "The system's certificate store"
    if pin is None:
        raise CertificateProblem(
            f"{given} was never pinned on this device, so nothing was sent; an administrator must pin it "
            "with 'hmis-intake server-pin --ca-file FILE'.")
    raise CertificateProblem(
        f"{given} is not the CA pinned when this device enrolled, so nothing was sent; if the agency "
        "changed its CA, an administrator can pin the new one with 'hmis-intake server-pin --ca-file FILE'.")
