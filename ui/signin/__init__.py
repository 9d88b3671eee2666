"""Signing in, unlocking after a lock, recovery and forced password changes."""
