"""JSON Lines corpora (and plain JSON documents): article objects; a bad one never stops the file.

The file is streamed, so a corpus may be far larger than `max_bytes`, which caps
each line instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from detente.ingest.corpus_record import article_from_record
from detente.ingest.decoding import decode_text
from detente.ingest.files import os_reason, read_bounded
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.models import Article, IngestError

FIELD_PROBE = 5  # records without the text field before the field name is taken to be wrong


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[Article | IngestError]:
    try:
        stream = path.open("rb")
    except OSError as error:
        yield IngestError(str(path), os_reason(error))
        return
    with stream:
        found_any = False
        field_seen = False
        held: list[IngestError] = []  # records lacking the text field, until one has it
        first_fields: list[str] = []
        for number, raw in enumerate(stream, start=1):
            where = f"{path}:line {number}"
            if not raw.strip():
                continue
            found_any = True
            try:
                record = _parse_line(raw, number, options.max_bytes)
            except Exception as error:
                yield as_ingest_error(where, error)
                continue
            if not field_seen and options.text_field not in record:
                first_fields = first_fields or sorted(record)
                held.append(IngestError(where, f"no text in field {options.text_field!r}"))
                if len(held) == FIELD_PROBE:
                    yield _misnamed_field(path, options.text_field, first_fields)
                    return
                continue
            if not field_seen:
                field_seen = True
                yield from held
            try:
                yield article_from_record(
                    record, fallback_id=f"{path.stem}-{number}", options=options, found_via="jsonl"
                )
            except Exception as error:
                yield as_ingest_error(where, error)
        if not found_any:
            yield IngestError(str(path), "empty file")
        elif held and not field_seen:
            yield _misnamed_field(path, options.text_field, first_fields)


def _misnamed_field(path: Path, text_field: str, fields: list[str]) -> IngestError:
    """A wrong field name is one line for the file, not one per record."""
    return IngestError(
        str(path),
        f"no {text_field!r} field in its records (the first has: {', '.join(fields) or 'no fields'});"
        " name the text field with --text-field",
    )


def read_json_document(path: Path, options: IngestOptions) -> Iterator[Article | IngestError]:
    """A .json file: one article object, or an array of them."""
    try:
        document = json.loads(decode_text(read_bounded(path, options.max_bytes)))
    except SourceProblem as problem:
        yield IngestError(str(path), problem.reason)
        return
    except json.JSONDecodeError as error:
        yield IngestError(str(path), f"malformed JSON: {error.msg} at line {error.lineno}")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        where = f"{path}:record {number}"
        if not isinstance(record, dict):
            yield IngestError(where, f"expected a JSON object, found {type(record).__name__}")
            continue
        try:
            fallback = path.stem if len(records) == 1 else f"{path.stem}-{number}"
            yield article_from_record(record, fallback_id=fallback, options=options, found_via="jsonl")
        except Exception as error:
            yield as_ingest_error(where, error)


def _parse_line(raw: bytes, number: int, max_bytes: int) -> dict[str, object]:
    if len(raw) > max_bytes:
        raise SourceProblem(f"line too large: {len(raw)} bytes exceeds max_bytes={max_bytes}")
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SourceProblem(f"not UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise SourceProblem(f"malformed JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise SourceProblem(f"expected a JSON object, found {type(record).__name__}")
    return record
