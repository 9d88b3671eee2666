"""The Export HMIS CSV dialog (Tools menu, roles with ``export.hmis_csv``)."""
