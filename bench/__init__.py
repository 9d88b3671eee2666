"""Benchmarks of the vault core; run with ``python -m bench``."""

from app.settings import enable_test_mode

# The benchmarks are a harness like the tests: HMIS_INTAKE_KDF_TARGET_MS (which they set
# to skip Argon2id calibration where unlock speed is not what they measure) is honoured
# only in test mode (app.settings). bench.run measures the calibrated cost on its own.
enable_test_mode()
