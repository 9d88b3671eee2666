"""Key derivation and key wrapping, designed like a password manager's.

One random 256-bit data key opens the SQLCipher database as a raw key, so SQLCipher
runs no KDF of its own on open. Each user's password unwraps their own copy of that
key through Argon2id; the recovery key (256 random bits) unwraps another copy through
HKDF, because a key that long needs no stretching. Changing a password therefore
re-wraps 32 bytes and never re-encrypts the database.
"""

from __future__ import annotations

import base64
import secrets
import time
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

DATA_KEY_BYTES = 32
NONCE_BYTES = 12

# The floor below which a vault refuses to open (a downgraded key file is an attack,
# as Bitwarden's KDF check treats it): Bitwarden's Argon2id default.
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_TIME_COST = 3
FLOOR_PARALLELISM = 4
# Tuning raises time_cost until one derivation takes at least this long on this machine.
TARGET_SECONDS = 0.5
MAX_TIME_COST = 64



class UnwrapFailed(Exception):
    """The key-encryption key did not open the wrapped key (wrong secret or tampering)."""


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes

    def meets_floor(self) -> bool:
        return (
            self.memory_kib >= FLOOR_MEMORY_KIB
            and self.time_cost >= FLOOR_TIME_COST
            and self.parallelism >= FLOOR_PARALLELISM
            and len(self.salt) >= 16
        )

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["salt"] = b64(self.salt)
        d["alg"] = "argon2id"
        return d

    @classmethod
    def from_json(cls, d: dict[str, object]) -> Argon2Params:
        if d.get("alg") != "argon2id":
            raise ValueError("unknown KDF")
        return cls(
            # Values from the key file's JSON (object); int() raises on one that is not a number.
            memory_kib=int(d["memory_kib"]),  # type: ignore[call-overload]
            time_cost=int(d["time_cost"]),  # type: ignore[call-overload]
            parallelism=int(d["parallelism"]),  # type: ignore[call-overload]
            salt=unb64(str(d["salt"])),
        )


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(DATA_KEY_BYTES))


def derive_password_kek(password: str, params: Argon2Params) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def derive_recovery_kek(recovery_secret: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"hmis-intake recovery v1"
    ).derive(recovery_secret)


def _fastest_run(params: Argon2Params, runs: int = 2) -> float:
    """The fastest of a few runs: other load only ever slows a run down, so the
    minimum is the best estimate of what this machine can do (and an attacker's)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        derive_password_kek("calibration", params)
        best = min(best, time.perf_counter() - started)
    return best


def calibrate_params(target_seconds: float | None = None) -> Argon2Params:
    """Pick Argon2id parameters that take 0.5-1 s here (KeePassXC tunes by time too).

    Memory and lanes stay at the floor; only the pass count grows, so an old laptop
    with little memory is not pushed into swap. The pass count is refined a few times
    towards the middle of the range, since cost is not exactly linear in passes.
    A target of 0 gives the floor parameters at once (still well above OWASP's
    minimum); only ``app.settings.kdf_target_seconds`` asks for a target other than
    the production one, and only in tests and demo vaults.
    """
    salt = secrets.token_bytes(16)
    if target_seconds is None:
        target_seconds = TARGET_SECONDS
    params = Argon2Params(FLOOR_MEMORY_KIB, FLOOR_TIME_COST, FLOOR_PARALLELISM, salt)
    if target_seconds <= 0:
        return params
    aim = target_seconds * 1.4  # 0.7 s for the 0.5 s floor: room for noise on both sides
    passes = FLOOR_TIME_COST
    for _ in range(4):
        elapsed = _fastest_run(Argon2Params(FLOOR_MEMORY_KIB, passes, FLOOR_PARALLELISM, salt))
        if target_seconds <= elapsed <= target_seconds * 2:
            break
        passes = max(FLOOR_TIME_COST, min(MAX_TIME_COST, round(passes * aim / max(elapsed, 1e-3))))
    return Argon2Params(FLOOR_MEMORY_KIB, passes, FLOOR_PARALLELISM, salt)


def wrap_key(kek: bytes, data_key: bytes | bytearray, aad: bytes) -> str:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return b64(nonce + AESGCM(kek).encrypt(nonce, bytes(data_key), aad))


def unwrap_key(kek: bytes, wrapped: str, aad: bytes) -> bytearray:
    try:
        blob = unb64(wrapped)
        nonce, body = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
        return bytearray(AESGCM(kek).decrypt(nonce, body, aad))
    except (InvalidTag, ValueError) as exc:
        raise UnwrapFailed() from exc


def zero(buffer: bytearray | None) -> None:
    """Overwrite a key buffer in place before it is dropped."""
    if buffer is None:
        return
    for i in range(len(buffer)):
        buffer[i] = 0


# Recovery keys are shown to a person once and typed back later, so they use
# Crockford-style base32 without look-alike letters, in groups of five.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_recovery_secret() -> bytes:
    return secrets.token_bytes(25)  # 200 bits: 40 base32 characters


def format_recovery_key(secret: bytes) -> str:
    value = int.from_bytes(secret, "big")
    chars = []
    for _ in range(len(secret) * 8 // 5):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def parse_recovery_key(text: str) -> bytes:
    cleaned = text.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != 40 or any(c not in _ALPHABET for c in cleaned):
        raise ValueError("A recovery key is 40 letters and digits in groups of five.")
    value = 0
    for c in cleaned:
        value = (value << 5) | _ALPHABET.index(c)
    return value.to_bytes(25, "big")


# -- per-user key pairs (key rotation without knowing anyone's password) ------------
#
# A slot wraps the user's X25519 private key under their password's KEK; the data key
# is sealed to the user's public key. Rotating the data key seals the new key to every
# remaining public key, so nobody's password is needed and a removed user, who never
# held another user's private key, cannot open the new envelope.

_SEAL_INFO = b"hmis-intake seal v2"
_MAC_INFO = b"hmis-intake keyfile mac v2"


def new_keypair() -> tuple[bytearray, bytes]:
    """A fresh X25519 pair: (private key bytes, public key bytes)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

    private = X25519PrivateKey.generate()
    raw = bytearray(private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return raw, public


def _seal_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
                info=_SEAL_INFO).derive(shared)


def seal(public: bytes, data_key: bytes | bytearray, aad: bytes) -> str:
    """ECIES-style: an ephemeral X25519 exchange, HKDF, AES-256-GCM."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    epub = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(NONCE_BYTES)
    body = AESGCM(_seal_key(shared, epub, public)).encrypt(nonce, bytes(data_key), aad)
    return b64(epub + nonce + body)


def unseal(private: bytes | bytearray, sealed: str, aad: bytes) -> bytearray:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    try:
        key = X25519PrivateKey.from_private_bytes(bytes(private))
        public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        blob = unb64(sealed)
        epub, nonce, body = blob[:32], blob[32 : 32 + NONCE_BYTES], blob[32 + NONCE_BYTES :]
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        shared = key.exchange(X25519PublicKey.from_public_bytes(epub))
        return bytearray(AESGCM(_seal_key(shared, epub, public)).decrypt(nonce, body, aad))
    except (InvalidTag, ValueError) as exc:
        raise UnwrapFailed() from exc


def keyfile_mac_key(data_key: bytes | bytearray) -> bytes:
    """The key that signs the key file; only someone holding the data key can derive it."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_MAC_INFO).derive(bytes(data_key))
