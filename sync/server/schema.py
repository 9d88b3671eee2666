"""The server's tables (SQLAlchemy Core), on one ``MetaData`` that ``create_schema``
creates on SQLite and PostgreSQL alike. New tables only, never a changed column, so a
database made by an older version gets them from ``create_all``."""

from __future__ import annotations

from sqlalchemy import Column, Index, MetaData, String, Table, Text

metadata = MetaData()

enrollment_code = Table(
    "enrollment_code", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("agency", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(64)),
)

device = Table(
    "device", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("agency", String(200), nullable=False),
    Column("name", String(100), nullable=False),
    Column("app_version", String(40), nullable=False),
    Column("secret_hash", String(64), nullable=False),  # sha256 of a 256-bit random secret
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

# Every record ever accepted, keyed by its idempotency key: the log that makes a
# retried record a duplicate instead of a second apply.
received_record = Table(
    "received_record", metadata,
    Column("idempotency_key", String(255), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("batch_id", String(64), nullable=False),
    Column("entity", String(64), nullable=False),
    Column("entity_id", String(255), nullable=False),
    Column("operation", String(16), nullable=False),
    Column("collected_at", String(40), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Index("received_record_entity", "entity", "entity_id"),
)

# The latest state of each entity: what an HMIS CSV export reads. The newest
# collection time wins, so an old edit arriving late never overwrites a newer one.
entity_state = Table(
    "entity_state", metadata,
    Column("entity", String(64), primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("operation", String(16), nullable=False),
    Column("collected_at", String(40), nullable=False),
    Column("idempotency_key", String(255), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("payload", Text, nullable=False),
)

# Whose each record is: the agency (and device) whose batch first carried its
# (entity, entity_id). Only devices of that agency may change or delete it afterwards;
# another agency's device sending the same ID (guessed or copied) is refused for that
# record. A table of its own, so a database made before it gets it from create_all.
record_owner = Table(
    "record_owner", metadata,
    Column("entity", String(64), primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("agency", String(200), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("claimed_at", String(40), nullable=False),
)

# The newest audit chain head each device reported with a batch: a later batch whose
# head is behind it (a lower sequence number, or the same one with another hash) means
# the device's audit trail was cut or rewritten, and is refused.
device_audit_head = Table(
    "device_audit_head", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("seq", String(20), nullable=False),  # decimal text: portable, no BIGINT quirks
    Column("hash", String(64), nullable=False),
    Column("reported_at", String(40), nullable=False),
)

# VT-2.1-4: a role the HMIS Lead gives, as a one-time grant code for one user and role at
# one agency (``hmis-intake-server grant-role``); only its hash is kept. A device of that
# agency redeems it once, before it expires (``POST /v1/role-grants``).
role_grant = Table(
    "role_grant", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("grant_id", String(64), nullable=False, unique=True),
    Column("agency", String(200), nullable=False),
    Column("username", String(100), nullable=False),
    Column("role", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(64)),
)

# MO-PWD-6 (A25): each user's open session per device, as the devices report it at
# sign-in, sign-out and every sync. ``user_key`` is the sign-in name, case-folded (staff
# data, never a client's); a session is live while ``last_seen`` is recent enough.
user_session = Table(
    "user_session", metadata,
    Column("agency", String(200), primary_key=True),
    Column("user_key", String(150), primary_key=True),
    Column("device_id", String(64), primary_key=True),
    Column("since", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
    Column("signed_out_at", String(40)),
)

# Every time a device reported a user signed in while another device of the same agency
# held a live session of that user: the administrator's overlap report.
session_overlap = Table(
    "session_overlap", metadata,
    Column("agency", String(200), primary_key=True),
    Column("user_key", String(150), primary_key=True),
    Column("device_id", String(64), primary_key=True),
    Column("other_device_id", String(64), primary_key=True),
    Column("first_seen", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
)
