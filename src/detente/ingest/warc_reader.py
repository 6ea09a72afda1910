"""WARC archives (Common Crawl CC-NEWS and the like): one Article per HTML response record.

An archive is streamed record by record, so multi-gigabyte files never sit in memory;
`max_bytes` caps each record's payload rather than the archive. Request, metadata and
non-HTML records, and responses that are not a success, are not articles and are
skipped silently.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from detente.ingest.files import SourceFile, os_reason
from detente.ingest.html_reader import article_from_html, decode_html
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.ingest.sniff import kind_of_bytes
from detente.models import Article, IngestError

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: SourceFile, options: IngestOptions) -> Iterator[Article | IngestError]:
    archive = source.shown
    try:
        stream = source.open()
    except OSError as error:
        yield IngestError(archive, os_reason(error))
        return
    with stream:
        # warcio falls back to reading anything as an ARC file; only real WARCs are wanted
        kind = kind_of_bytes(stream.read(4096))
        stream.seek(0)
        if kind != "warc":
            what = "a gzip file" if kind == "gzip" else "a file"
            yield IngestError(archive, f"not a readable WARC archive: {what} without a WARC/ header")
            return
        yield from _read_records(stream, archive, options)


def _read_records(stream: BinaryIO, archive: str, options: IngestOptions) -> Iterator[Article | IngestError]:
    """Records until the end or the first broken one: after that, record boundaries are lost.

    Reading a record can break the archive; making an article of it can only fail that record.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    known = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)
    archive_iterator = ArchiveIterator(stream)
    reader = archive_iterator.reader  # every header line warcio reads comes through it: cap them
    reader.readline = functools.partial(_capped_readline, reader.readline, options.max_bytes)
    records = iter(archive_iterator)
    previous_id: str | None = None
    while True:
        record_id: str | None = None
        try:
            record = next(records)
            record_id = record.rec_headers.get_header("WARC-Record-ID") or "(no WARC-Record-ID)"
            if record.rec_type is None:
                raise ValueError("no WARC-Type header")
            page = _html_page(record, options.max_bytes)
        except StopIteration:
            return
        except SourceProblem as problem:
            yield IngestError(f"{archive} record {record_id}", problem.reason)
            previous_id = record_id
            continue
        except Exception as error:  # warcio fails on malformed headers in many ways, all fatal
            reason = _describe(error) if isinstance(error, known) else f"malformed ({type(error).__name__})"
            yield IngestError(_where(archive, record_id, previous_id), f"broken record: {reason}")
            return
        previous_id = record_id
        if page is None:
            continue
        try:
            yield _page_article(record, *page)
        except Exception as error:
            yield as_ingest_error(f"{archive} record {record_id}", error)


def _capped_readline(readline: Callable[[int | None], bytes], cap: int, length: int | None = None) -> bytes:
    """A line of at most `cap` bytes (warcio reads a header line whole: one with no end would be
    read to the end of the file); a longer one breaks the archive."""
    want = cap + 1 if not length or length < 0 else min(length, cap + 1)
    line = b""
    while len(line) < want:
        piece = readline(want - len(line))
        if not piece:
            break
        line += piece
        if line.endswith(b"\n"):
            break
    if len(line) > cap:
        raise ValueError(f"a header line longer than max_bytes={cap}")
    return line


def _where(archive: str, record_id: str | None, previous_id: str | None) -> str:
    """The record that broke, or the one it followed when its own header was unreadable."""
    if record_id:
        return f"{archive} record {record_id}"
    return f"{archive} record after {previous_id}" if previous_id else archive


def _describe(error: Exception) -> str:
    """The first line of warcio's message, printable and short (it may quote binary garbage)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    detail = "".join(ch if ch.isprintable() else "?" for ch in lines[0])[:80] if lines else ""
    return detail or type(error).__name__


def _html_page(record: ArcWarcRecord, max_bytes: int) -> tuple[bytes, str] | None:
    """The payload and content type of a successful HTML response; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise SourceProblem(f"record payload too large: exceeds max_bytes={max_bytes}")
    return payload, content_type


def _page_article(record: ArcWarcRecord, payload: bytes, content_type: str) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI")
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
