"""CSV corpora with a header row naming the fields; a bad row never stops the file.

The file is streamed as UTF-8, so a corpus may be far larger than `max_bytes`,
which caps each field instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from detente.ingest.corpus_record import article_from_record
from detente.ingest.files import os_reason
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.models import Article, IngestError


def read_csv(path: Path, options: IngestOptions) -> Iterator[Article | IngestError]:
    try:
        with path.open("rb") as probe:
            head = probe.read(65_536)
        stream = path.open(encoding="utf-8-sig", errors="strict", newline="")
    except OSError as error:
        yield IngestError(str(path), os_reason(error))
        return
    if b"\x00" in head:
        stream.close()
        yield IngestError(str(path), "binary file (contains NUL bytes)")
        return
    with stream:
        yield from _read_rows(path, stream, options)


def _read_rows(path: Path, stream: io.TextIOBase, options: IngestOptions) -> Iterator[Article | IngestError]:
    csv.field_size_limit(options.max_bytes)  # article texts exceed the 128 KiB default
    reader = csv.DictReader(stream, strict=True)
    try:
        columns = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as error:
        yield IngestError(str(path), f"unreadable header row: {error}")
        return
    if not columns or options.text_field not in columns:
        yield IngestError(str(path), f"no {options.text_field!r} column in the header row")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            where = f"{path}:line {reader.line_num + 1}"
            yield IngestError(where, f"not UTF-8 (byte {error.start} of a block); rest of file skipped")
            return
        except csv.Error as error:
            yield IngestError(f"{path}:line {reader.line_num}", f"malformed CSV: {error}")
            continue
        where = f"{path}:line {reader.line_num}"
        try:
            if None in row:
                raise SourceProblem("malformed CSV: more values than header columns")
            yield article_from_record(
                row, fallback_id=f"{path.stem}-{reader.line_num}", options=options, found_via="csv"
            )
        except Exception as error:
            yield as_ingest_error(where, error)
