"""Benchmarks of the vault core; run with ``python -m bench``."""
