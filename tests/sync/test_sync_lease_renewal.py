"""A sync run renews its lease after every batch, but writes the renewal (an fsync'd
commit) only once a tenth of the lease has passed since the last write."""

from __future__ import annotations

from app.clock import FakeClock
from app.session import Session
from sync.store import LEASE_SECONDS, SyncLease, current_lease


def _expiry(session: Session) -> str:
    lease = current_lease(session.conn)
    assert lease is not None
    return lease.expires_at


def test_a_renewal_moments_after_the_last_write_does_not_write_and_a_later_one_does(device: Session) -> None:
    clock = device.clock
    assert isinstance(clock, FakeClock)
    lease = SyncLease(device.conn, clock)
    assert lease.acquire() is None
    first = _expiry(device)
    clock.advance(seconds=LEASE_SECONDS // 10 - 1)
    assert lease.renew() and _expiry(device) == first
    clock.advance(seconds=2)
    assert lease.renew() and _expiry(device) > first
    lease.release()
    assert current_lease(device.conn) is None


def test_a_lease_taken_after_it_expired_is_noticed_at_the_next_renewal(device: Session) -> None:
    clock = device.clock
    assert isinstance(clock, FakeClock)
    lease = SyncLease(device.conn, clock)
    assert lease.acquire() is None
    clock.advance(seconds=LEASE_SECONDS + 1)
    other = SyncLease(device.conn, clock)
    assert other.acquire() is None
    assert not lease.renew() and not lease.held
    other.release()
