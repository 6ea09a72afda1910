"""WARC archives (Common Crawl CC-NEWS and the like): one Article per HTML response record.

An archive is streamed record by record, so multi-gigabyte files never sit in memory;
`max_bytes` caps each record's payload rather than the archive. Request, metadata and
non-HTML records, and responses that are not a success, are not articles and are
skipped silently.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from detente.ingest.html_reader import article_from_html, decode_html
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem
from detente.models import Article, IngestError

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, options: IngestOptions) -> Iterator[Article | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    archive = str(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield IngestError(archive, f"unreadable: {error.strerror or error}")
        return
    with stream:
        records = iter(ArchiveIterator(stream))
        position = 0
        last_id = "none yet"
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as error:
                reason = _load_failure(error, position)
                yield IngestError(archive if position == 0 else f"{archive} after record {last_id}", reason)
                return
            position += 1
            last_id = record.rec_headers.get_header("WARC-Record-ID") or f"#{position}"
            try:
                article = _record_article(record, options)
            except SourceProblem as problem:
                yield IngestError(f"{archive} record {last_id}", problem.reason)
            except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as error:
                yield IngestError(f"{archive} record {last_id}", f"broken record: {error}")
                return
            else:
                if article is not None:
                    yield article


def _load_failure(error: Exception, position: int) -> str:
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    if position == 0:
        return f"not a readable WARC archive: {detail}"
    return f"broken record {position + 1}: {detail}"


def _record_article(record: ArcWarcRecord, options: IngestOptions) -> Article | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        raise SourceProblem(f"record payload too large: exceeds max_bytes={options.max_bytes}")
    html = decode_html(payload, _charset(content_type))
    return article_from_html(html, doc_id=record_doc_id(record, uri), url=uri, found_via="warc")


def record_doc_id(record: ArcWarcRecord, uri: str | None) -> str:
    """The WARC-Record-ID made safe for file names and URLs, else a stable hash of the target URI."""
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    cleaned = re.sub(r"^urn:uuid:", "", record_id.strip().strip("<>"), flags=re.I)
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", cleaned).strip("-")
    if cleaned:
        return cleaned
    return "warc-" + hashlib.sha256((uri or "").encode("utf-8")).hexdigest()[:16]


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type)
    return match.group(1) if match else None
