"""HUD HMIS CSV (FY2026 v1.0) as code: the file and column specification, the
HUD code lists, value formatting, a row writer with the spec's quoting, an
atomic zip assembler, and a checker for finished exports.

The export itself (:mod:`~sync.hmis_csv.export`) builds on these modules over
any record source (:mod:`~sync.hmis_csv.source`); only
:mod:`~sync.hmis_csv.vault_source` reads the device's vault, and only
:mod:`~sync.hmis_csv.server_source` what the central server received. Nothing
here uses Qt.
"""

from sync.hmis_csv.columns import CSV_VERSION, FILES, Column, FileSpec, Kind, file_spec

__all__ = ["CSV_VERSION", "FILES", "Column", "FileSpec", "Kind", "file_spec"]
