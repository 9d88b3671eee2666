"""Synchronisation with the central HMIS: outbox, transport and the HMIS CSV interchange."""
