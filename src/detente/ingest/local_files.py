"""Local files and folders: each file goes to the reader its extension or content calls for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from detente.ingest.csv_reader import read_csv
from detente.ingest.feed_reader import read_feed
from detente.ingest.fetch import Fetcher
from detente.ingest.files import os_reason, read_bounded
from detente.ingest.html_reader import read_html_file
from detente.ingest.jsonl_reader import read_json_document, read_jsonl
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem
from detente.ingest.sniff import kind_of_file
from detente.ingest.text_reader import read_text_file
from detente.ingest.warc_reader import read_warc
from detente.models import Article, IngestError

SNIFF_BYTES = 4096


def files_in(folder: Path) -> Iterator[Path]:
    """Every file under the folder, in sorted order, leaving out hidden files and folders.

    A dangling link is listed too, so that it is reported rather than silently missed.
    """
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() or (path.is_symlink() and not path.exists()):
            yield path


def read_file(path: Path, options: IngestOptions, fetcher: Fetcher) -> Iterator[Article | IngestError]:
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as error:
        yield IngestError(str(path), os_reason(error))
        return
    kind = kind_of_file(path, head)
    try:
        if kind == "warc":
            yield from read_warc(path, options)
        elif kind == "jsonl":
            yield from read_jsonl(path, options)
        elif kind == "json":
            yield from read_json_document(path, options)
        elif kind == "csv":
            yield from read_csv(path, options)
        elif kind == "feed":
            data = read_bounded(path, options.max_bytes)
            yield from read_feed(data, feed=str(path), fetcher=fetcher)
        elif kind == "html":
            yield read_html_file(path, options)
        elif kind == "gzip":
            yield IngestError(str(path), "gzip file that is not a WARC archive")
        else:
            yield read_text_file(path, options)
    except SourceProblem as problem:
        yield IngestError(str(path), problem.reason)
