"""`read_sources`: any mix of files, folders, stdin and web addresses as one stream of Articles.

The contract is that nothing raises out of the iterator: every failure becomes one
IngestError naming the source, and the next source is read.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from detente.ingest.article_builder import build_article
from detente.ingest.decoding import decode_text
from detente.ingest.fetch import Fetcher
from detente.ingest.files import display_path
from detente.ingest.html_reader import article_from_html
from detente.ingest.local_files import LocalSource, plan_local, read_local
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.ingest.sniff import kind_of_bytes
from detente.ingest.url_reader import read_url
from detente.models import Article, IngestError

STDIN = "-"


def read_sources(
    sources: Iterable[str], options: IngestOptions | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[Article | IngestError]:
    """Articles and errors, source by source, folders in sorted order; `stdin` overrides sys.stdin."""
    options = options or IngestOptions()
    sources = list(sources)
    local = plan_local([s for s in sources if s != STDIN and not _is_url(s)], options)
    with Fetcher(options) as fetcher:
        for source in sources:
            yield from _guarded(display_path(source), _read_one(source, options, fetcher, stdin, local))


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read_one(
    source: str,
    options: IngestOptions,
    fetcher: Fetcher,
    stdin: BinaryIO | None,
    local: dict[str, LocalSource],
) -> Iterator[Article | IngestError]:
    if source == STDIN:
        yield read_stdin(stdin or sys.stdin.buffer, options)
    elif _is_url(source):
        yield from read_url(source, fetcher)
    elif source in local:
        yield from read_local(local[source], options, fetcher)
    else:
        yield IngestError(display_path(source), "no such file or folder")


def _guarded(source: str, items: Iterator[Article | IngestError]) -> Iterator[Article | IngestError]:
    """Turn whatever escapes a reader into one IngestError, so one bad source never ends the run."""
    try:
        yield from items
    except Exception as error:
        yield as_ingest_error(source, error)


def read_stdin(stream: BinaryIO, options: IngestOptions) -> Article:
    """Standard input as one article: HTML when it looks like HTML, else plain text."""
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise SourceProblem(f"standard input too large: exceeds max_bytes={options.max_bytes}", STDIN)
    try:
        text = decode_text(data, what="input")
    except SourceProblem as problem:
        raise SourceProblem(problem.reason, STDIN) from None
    doc_id = "stdin-" + hashlib.sha256(data).hexdigest()[:12]
    if kind_of_bytes(data[:4096]) == "html":
        return article_from_html(text, doc_id=doc_id, url=None, found_via="stdin")
    return build_article(text, doc_id=doc_id, url=None, found_via="stdin")
