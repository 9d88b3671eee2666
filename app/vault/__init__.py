"""The encrypted store: key handling, the SQLCipher connection, migrations."""
