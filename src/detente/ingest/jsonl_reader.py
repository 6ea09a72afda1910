"""JSON Lines corpora (and plain JSON documents): article objects; a bad one never stops the file.

The file is streamed, so a corpus may be far larger than `max_bytes`, which caps
each line instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from detente.ingest.corpus_record import article_from_record
from detente.ingest.decoding import decode_text
from detente.ingest.files import SourceFile, os_reason
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.models import Article, IngestError

FIELD_PROBE = 5  # records without the text field before the field name is taken to be wrong


def read_jsonl(source: SourceFile, options: IngestOptions) -> Iterator[Article | IngestError]:
    try:
        stream = source.open()
    except OSError as error:
        yield IngestError(source.shown, os_reason(error))
        return
    later_shard = source.span is not None and source.span[0] > 0  # the first shard probes the field
    with stream:
        found_any = later_shard
        field_seen = later_shard
        held: list[IngestError] = []  # records lacking the text field, until one has it
        first_fields: list[str] = []
        first_line = source.span[2] if source.span else 1
        for number, raw in enumerate(_lines(stream, options.max_bytes), start=first_line):
            where = f"{source.shown}:line {number}"
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
                    yield _misnamed_field(source.shown, options.text_field, first_fields)
                    return
                continue
            if not field_seen:
                field_seen = True
                yield from held
            try:
                yield article_from_record(
                    record, fallback_id=f"{source.name}-{number}", options=options, found_via="jsonl"
                )
            except Exception as error:
                yield as_ingest_error(where, error)
        if not found_any:
            yield IngestError(source.shown, "empty file")
        elif held and not field_seen:
            yield _misnamed_field(source.shown, options.text_field, first_fields)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of at most `max_bytes` + 1 bytes: a longer one is cut there (and refused as too
    large) and the rest of it skipped, so one line without an end never fills memory."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):
                rest = stream.readline(max_bytes)
        yield line


def _misnamed_field(shown: str, text_field: str, fields: list[str]) -> IngestError:
    """A wrong field name is one line for the file, not one per record."""
    return IngestError(
        shown,
        f"no {text_field!r} field in its records (the first has: {', '.join(fields) or 'no fields'});"
        " name the text field with --text-field",
    )


def read_json_document(source: SourceFile, options: IngestOptions) -> Iterator[Article | IngestError]:
    """A .json file: one article object, or an array of them."""
    try:
        document = json.loads(decode_text(source.read(options.max_bytes)))
    except SourceProblem as problem:
        yield IngestError(source.shown, problem.reason)
        return
    except json.JSONDecodeError as error:
        yield IngestError(source.shown, f"malformed JSON: {error.msg} at line {error.lineno}")
        return
    except RecursionError:
        yield IngestError(source.shown, "malformed JSON: nested too deeply")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        where = f"{source.shown}:record {number}"
        if not isinstance(record, dict):
            yield IngestError(where, f"expected a JSON object, found {type(record).__name__}")
            continue
        try:
            fallback = source.name if len(records) == 1 else f"{source.name}-{number}"
            yield article_from_record(record, fallback_id=fallback, options=options, found_via="jsonl")
        except Exception as error:
            yield as_ingest_error(where, error)


def _parse_line(raw: bytes, number: int, max_bytes: int) -> dict[str, object]:
    if len(raw) > max_bytes:
        raise SourceProblem(f"line too large: exceeds max_bytes={max_bytes}")
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SourceProblem(f"not UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise SourceProblem(f"malformed JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise SourceProblem("malformed JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise SourceProblem(f"expected a JSON object, found {type(record).__name__}")
    return record
