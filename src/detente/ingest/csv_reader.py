"""CSV corpora with a header row naming the fields; a bad row never stops the file.

The file is streamed as UTF-8, so a corpus may be far larger than `max_bytes`,
which caps each line and each field instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from detente.ingest.corpus_record import article_from_record
from detente.ingest.files import SourceFile, os_reason
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.models import Article, IngestError


def read_csv(source: SourceFile, options: IngestOptions) -> Iterator[Article | IngestError]:
    try:
        with source.open() as probe:
            head = probe.read(65_536)
        binary = source.open()
    except OSError as error:
        yield IngestError(source.shown, os_reason(error))
        return
    if b"\x00" in head:
        binary.close()
        yield IngestError(source.shown, "binary file (contains NUL bytes)")
        return
    with io.TextIOWrapper(binary, encoding="utf-8-sig", errors="strict", newline="") as stream:
        yield from _read_rows(source, _CappedLines(stream, options.max_bytes), options)


class _CappedLines:
    """The stream's lines, each of at most `limit` characters; a longer one is skipped and
    raises once, so one line without an end never fills memory and the rows after it are read."""

    def __init__(self, stream: io.TextIOBase, limit: int) -> None:
        self._stream = stream
        self._limit = limit

    def __iter__(self) -> _CappedLines:
        return self

    def __next__(self) -> str:
        line = self._stream.readline(self._limit + 1)
        if not line:
            raise StopIteration
        if len(line) > self._limit and not line.endswith(("\n", "\r")):
            while line and not line.endswith(("\n", "\r")):
                line = self._stream.readline(self._limit)
            raise SourceProblem(f"line too large: exceeds max_bytes={self._limit} (in characters)")
        return line


def _read_rows(
    source: SourceFile, lines: _CappedLines, options: IngestOptions
) -> Iterator[Article | IngestError]:
    csv.field_size_limit(options.max_bytes)  # article texts exceed the 128 KiB default
    reader = csv.DictReader(lines, strict=True)
    try:
        columns = reader.fieldnames
    except (csv.Error, UnicodeDecodeError, SourceProblem) as error:
        yield IngestError(source.shown, f"unreadable header row: {error}")
        return
    if not columns or options.text_field not in columns:
        yield IngestError(source.shown, f"no {options.text_field!r} column in the header row")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            where = f"{source.shown}:line {reader.line_num + 1}"
            yield IngestError(where, f"not UTF-8 (byte {error.start} of a block); rest of file skipped")
            return
        except SourceProblem as problem:
            yield IngestError(f"{source.shown}:line {reader.line_num + 1}", problem.reason)
            continue
        except csv.Error as error:
            yield IngestError(f"{source.shown}:line {reader.line_num}", f"malformed CSV: {error}")
            continue
        where = f"{source.shown}:line {reader.line_num}"
        try:
            if None in row:
                raise SourceProblem("malformed CSV: more values than header columns")
            yield article_from_record(
                row, fallback_id=f"{source.name}-{reader.line_num}", options=options, found_via="csv"
            )
        except Exception as error:
            yield as_ingest_error(where, error)
