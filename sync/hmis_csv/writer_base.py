"""Writing HMIS CSV files and assembling them into an export zip.

:class:`CsvFileWriter` writes one file: the spec's header, then rows given as
dicts keyed by column name, with the quoting the specification asks for
(reference §3.1 "Types"): strings always double-quoted with ``"`` doubled,
integers, amounts, dates and timestamps bare, null as an empty cell.

:class:`ExportZipWriter` assembles the 24 files into one zip at the caller's
path. Every file is present even when it has no rows (header only), names
inside the zip are the spec's, and the zip appears atomically: it is built in
a temporary file beside the destination, fsynced, then moved into place with
``os.replace``, so a crash never leaves a half-written export under the chosen
name (style guide, "Careful files").
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TextIO

from app.fileio import fsync_dir
from sync.hmis_csv import code_lists
from sync.hmis_csv.columns import FILES, Column, FileSpec, Kind, file_spec, max_length_for
from sync.hmis_csv.values import FORBIDDEN_TABLE, ValueFormatError, format_cell

__all__ = ["CsvFileWriter", "ExportZipWriter", "RowError", "render_csv", "write_export_zip"]

#: CSV record separator: RFC 4180's CRLF, which every HMIS importer reads.
LINE_END = "\r\n"
#: zlib's fastest level: CSV text still shrinks about fivefold (12% larger than at the
#: default 6) in a third of the time, and the zip is a transport read once by an importer.
COMPRESS_LEVEL = 1
#: Distinct values a column's memo of formatted cells holds before it is dropped.
_MEMO_LIMIT = 512


class RowError(ValueError):
    """A row that cannot be written as given; names the file, row and column."""

    def __init__(self, file: str, row: int, column: str | None, reason: str) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.reason = reason
        where = f"{file} row {row}" + (f", column {column}" if column else "")
        super().__init__(f"{where}: {reason}")


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


#: A cell formatter for the common case of a column: the finished cell text, or ``None``
#: when the value needs :func:`~sync.hmis_csv.values.format_cell` (other types, text that
#: is not plain ASCII, a value the column refuses, which then raises with its reason).
Fast = Callable[[object], str | None]


def _fast_text(limit: int | None) -> Fast:
    def cell(value: object) -> str | None:
        # Plain printable ASCII is what clean_text leaves alone but for < > [ ] { } and
        # surrounding spaces; anything else takes the full path.
        if value.__class__ is not str or not value.isascii() or not value.isprintable():
            return None
        text: str = value.translate(FORBIDDEN_TABLE).strip()
        if not text or (limit is not None and len(text) > limit):
            return None
        return '"' + text.replace('"', '""') + '"'
    return cell


def _fast_integer(column: Column) -> Fast:
    code_list = code_lists.get(column.code_list) if column.code_list is not None else None
    codes = code_list.codes if code_list is not None else None

    def cell(value: object) -> str | None:
        if value.__class__ is not int or value < 0:
            return None
        if codes is not None and value not in codes:
            return None
        return str(value)
    return cell


def _fast_date(value: object) -> str | None:
    return value.isoformat() if value.__class__ is date else None


def _fast_timestamp(value: object) -> str | None:
    if value.__class__ is not datetime:
        return None
    moment: datetime = value
    if moment.tzinfo is not None:  # local time of the exporting machine, as format_timestamp
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.isoformat(" ", "seconds")


def _no_fast(value: object) -> str | None:
    return None


def _fast_formatter(column: Column, limit: int | None) -> Fast:
    """What :meth:`CsvFileWriter._cell` would return for the common values of ``column``
    (``tests/test_hmis_csv_writer_memo.py`` holds the two to the same text)."""
    if column.kind is Kind.STRING:
        return _fast_text(limit)
    if column.kind is Kind.INTEGER:
        return _fast_integer(column)
    if column.kind is Kind.DATE:
        return _fast_date
    if column.kind is Kind.TIMESTAMP:
        return _fast_timestamp
    return _no_fast


class CsvFileWriter:
    """Writes one HMIS CSV file to a text stream opened with ``newline=""``.

    The header is written on construction. Rows are mappings from column name
    to value (see :func:`~sync.hmis_csv.values.format_cell` for accepted types);
    a missing key means null. A row with a key that is not a column of the file,
    an empty non-nullable column, or a value the column cannot hold raises
    :class:`RowError` before anything of that row is written.

    ``hash_status`` is the export's HashStatus; under 4 the Client name and SSN
    columns accept their hashed lengths.
    """

    def __init__(self, spec: FileSpec, stream: TextIO, *, hash_status: int | None = None) -> None:
        self.spec = spec
        self._stream = stream
        self._limits: tuple[int | None, ...] = tuple(
            max_length_for(spec, column, hash_status) for column in spec.columns
        )
        # Per column, in order: its name, the column, its length limit and the memo of
        # cells already formatted for it (see write_row).
        self._plan: tuple[tuple[str, Column, int | None, dict[tuple[type, object], str], Fast], ...] = tuple(
            (column.name, column, limit, {}, _fast_formatter(column, limit))
            for column, limit in zip(spec.columns, self._limits, strict=True)
        )
        self._order: tuple[str, ...] = tuple(column.name for column in spec.columns)
        self._names = frozenset(self._order)
        self._required = tuple(i for i, column in enumerate(spec.columns) if not column.nullable)
        self._memo_off: set[str] = set()
        self.rows_written = 0
        stream.write(",".join(spec.header) + LINE_END)

    def _cell(self, column: Column, limit: int | None, value: object, row_number: int) -> str:
        if value is None:  # most cells of a real export are null: skip formatting them
            if not column.nullable:
                raise RowError(self.spec.filename, row_number, column.name, "must not be empty")
            return ""
        try:
            text = format_cell(column, value, max_length=limit)
        except ValueFormatError as error:
            raise RowError(self.spec.filename, row_number, column.name, str(error)) from None
        if text == "":
            if not column.nullable:
                raise RowError(self.spec.filename, row_number, column.name, "must not be empty")
            return ""
        return _quote(text) if column.quoted else text

    def write_row(self, row: Mapping[str, object]) -> None:
        """Append one row. Row numbers in errors count the header as row 1, like a spreadsheet."""
        row_number = self.rows_written + 2
        if not self._names.issuperset(row):
            unknown = [key for key in row if not self.spec.has_column(key)]
            raise RowError(
                self.spec.filename, row_number, unknown[0],
                f"not a column of {self.spec.filename} (unknown: {', '.join(sorted(unknown))})",
            )
        values = list(map(row.get, self._order))
        for index in self._required:
            if values[index] is None:
                raise RowError(self.spec.filename, row_number, self._order[index], "must not be empty")
        cells = [""] * len(values)  # most cells of a real export are null
        plan = self._plan
        memo_off = self._memo_off
        for index, value in enumerate(values):
            if value is None:
                continue
            name, column, limit, memo, fast = plan[index]
            if name in memo_off:
                cells[index] = fast(value) or self._cell(column, limit, value, row_number)
                continue
            # Codes, dates and the few user and project IDs repeat on every row: a cell
            # formatted once is looked up after. A column whose values hardly repeat
            # (IDs, names, timestamps) fills its memo and stops using it.
            key = (value.__class__, value)
            try:
                text = memo.get(key)
            except TypeError:  # not hashable: not a type a cell accepts, _cell says why
                cells[index] = self._cell(column, limit, value, row_number)
                continue
            if text is None:
                text = fast(value) or self._cell(column, limit, value, row_number)
                if len(memo) < _MEMO_LIMIT:
                    memo[key] = text
                else:
                    memo.clear()
                    memo_off.add(name)
            cells[index] = text
        self._stream.write(",".join(cells) + LINE_END)
        self.rows_written += 1

    def write_rows(self, rows: Iterable[Mapping[str, object]]) -> int:
        """Append every row; returns how many were written by this call."""
        before = self.rows_written
        for row in rows:
            self.write_row(row)
        return self.rows_written - before


def render_csv(spec: FileSpec, rows: Iterable[Mapping[str, object]], *, hash_status: int | None = None) -> bytes:
    """One complete file as UTF-8 bytes (no byte-order mark), for tests and small exports."""
    buffer = io.StringIO(newline="")
    CsvFileWriter(spec, buffer, hash_status=hash_status).write_rows(rows)
    return buffer.getvalue().encode("utf-8")


class ExportZipWriter:
    """Builds an export zip at ``path`` atomically.

    Use as a context manager::

        with ExportZipWriter(path, hash_status=1) as export:
            with export.open_file("Export") as csv_file:
                csv_file.write_row({...})
            export.write_file("Client", client_rows)

    Files may be written in any order, each at most once, one at a time. On a
    clean exit the files not written get a header-only entry, the zip is
    completed, fsynced and renamed onto ``path`` (replacing any old file). If
    the block raises, the temporary file is removed and ``path`` is untouched.
    The file is created with owner-only permissions since it holds personal data.
    """

    def __init__(self, path: str | os.PathLike[str], *, hash_status: int | None = None) -> None:
        self.path = Path(path)
        self.hash_status = hash_status
        self._written: set[str] = set()
        self._temp_path: Path | None = None
        self._raw: BinaryIO | None = None
        self._zip: zipfile.ZipFile | None = None
        self._file_open = False

    def __enter__(self) -> ExportZipWriter:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        self._temp_path = Path(temp_name)
        try:
            self._raw = os.fdopen(descriptor, "w+b")
            self._zip = zipfile.ZipFile(self._raw, "w", compression=zipfile.ZIP_DEFLATED,
                                        compresslevel=COMPRESS_LEVEL)
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self._discard()
            return
        try:
            self._finish()
        except BaseException:
            self._discard()
            raise

    @contextmanager
    def open_file(self, name: str) -> Iterator[CsvFileWriter]:
        """A :class:`CsvFileWriter` for one file of the export (``"Client"`` or ``"Client.csv"``)."""
        spec = file_spec(name)
        if self._zip is None:
            raise RuntimeError("ExportZipWriter must be entered with 'with' before writing")
        if self._file_open:
            raise RuntimeError("finish the open file before starting another")
        if spec.name in self._written:
            raise RuntimeError(f"{spec.filename} has already been written to this export")
        self._written.add(spec.name)
        self._file_open = True
        try:
            with self._zip.open(spec.filename, "w") as entry, io.TextIOWrapper(entry, encoding="utf-8",
                                                                                  newline="") as text:
                yield CsvFileWriter(spec, text, hash_status=self.hash_status)
        finally:
            self._file_open = False

    def write_file(self, name: str, rows: Iterable[Mapping[str, object]]) -> int:
        """Write a whole file from ``rows``; returns the number of rows."""
        with self.open_file(name) as writer:
            return writer.write_rows(rows)

    def _finish(self) -> None:
        assert self._zip is not None and self._raw is not None and self._temp_path is not None
        for spec in FILES:
            if spec.name not in self._written:
                self.write_file(spec.name, ())
        self._zip.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self._temp_path, self.path)
        self._temp_path = None
        fsync_dir(self.path.parent)

    def _discard(self) -> None:
        for closer in (self._zip, self._raw):
            if closer is not None:
                with suppress(Exception):
                    closer.close()
        if self._temp_path is not None:
            self._temp_path.unlink(missing_ok=True)
            self._temp_path = None


def write_export_zip(
    path: str | os.PathLike[str],
    rows_by_file: Mapping[str, Iterable[Mapping[str, object]]],
    *,
    hash_status: int | None = None,
) -> None:
    """Write a complete export in one call: ``rows_by_file`` maps file names to rows;
    files not named are written header-only. Entries follow the spec's file order."""
    unknown = [name for name in rows_by_file if name.removesuffix(".csv") not in {s.name for s in FILES}]
    if unknown:
        raise KeyError(f"not HMIS CSV files: {', '.join(sorted(unknown))}")
    by_spec = {file_spec(name).name: rows for name, rows in rows_by_file.items()}
    with ExportZipWriter(path, hash_status=hash_status) as export:
        for spec in FILES:
            export.write_file(spec.name, by_spec.get(spec.name, ()))
