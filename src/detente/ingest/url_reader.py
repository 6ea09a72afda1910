"""A web address given as a source: a feed is read item by item, anything else as one page."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from detente.ingest.feed_reader import read_feed
from detente.ingest.fetch import Fetcher
from detente.ingest.html_reader import article_from_html, decode_html
from detente.ingest.problems import SourceProblem
from detente.ingest.sniff import kind_of_bytes
from detente.models import Article, IngestError


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | IngestError]:
    try:
        fetched = fetcher.get(url)
    except SourceProblem as problem:
        yield IngestError(url, problem.reason)
        return
    kind = kind_of_bytes(fetched.content[:4096], fetched.content_type)
    if kind == "feed":
        yield from read_feed(fetched.content, feed=url, fetcher=fetcher, base_url=fetched.url)
        return
    if kind != "html":
        yield IngestError(url, f"not an HTML page or a feed ({fetched.content_type or 'no content type'})")
        return
    try:
        html = decode_html(fetched.content, fetched.charset)
        yield article_from_html(html, doc_id=page_doc_id(fetched.url), url=fetched.url, found_via="html")
    except SourceProblem as problem:
        yield IngestError(url, problem.reason)


def page_doc_id(url: str) -> str:
    """Pages have no file stem: a stable hash of the address stands in for one."""
    return "url-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
