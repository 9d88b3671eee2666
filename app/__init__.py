"""HMIS Intake core: domain, vault, rules and documents. No Qt widgets here."""

__version__ = "0.1.0"
