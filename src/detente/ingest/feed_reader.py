"""RSS and Atom feeds: every item's linked page is fetched and read as HTML.

The feed states each item's title and date, so those are kept (the date as
explicit) and the page's own metadata only fills what the feed left out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import urljoin

from detente.ingest.article_builder import SourceFacts
from detente.ingest.fetch import Fetcher
from detente.ingest.html_reader import article_from_html, decode_html
from detente.ingest.problems import SourceProblem, as_ingest_error
from detente.ingest.sniff import kind_of_bytes
from detente.models import Article, IngestError


def read_feed(
    data: bytes, *, feed: str, fetcher: Fetcher, base_url: str | None = None
) -> Iterator[Article | IngestError]:
    """Articles of one feed document; `feed` names it in errors, `base_url` resolves relative links."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed: {problem}" if problem else "feed has no items"
        yield IngestError(feed, reason)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    base_url = base_url or parsed.feed.get("link")  # a saved feed's relative links
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link:
            yield IngestError(f"{feed} item {number}", "feed item has no link")
            continue
        link = urljoin(base_url or "", link)
        try:
            yield _item_article(entry, link, outlet, fetcher)
        except Exception as error:
            yield as_ingest_error(link, error)


def _item_article(entry: Mapping[str, Any], link: str, outlet: str | None, fetcher: Fetcher) -> Article:
    fetched = fetcher.get(link)
    if kind_of_bytes(fetched.content[:4096], fetched.content_type) != "html":
        raise SourceProblem(f"linked page is not HTML ({fetched.content_type or 'no content type'})")
    published = _entry_date(entry)
    known = SourceFacts(
        title=(entry.get("title") or "").strip() or None,
        published=published,
        published_source="explicit" if published else "unknown",
        source_name=outlet,
    )
    return article_from_html(
        decode_html(fetched.content, fetched.charset),
        doc_id=feed_item_id(entry, link),
        url=fetched.url,
        found_via="feed",
        known=known,
    )


def feed_item_id(entry: Mapping[str, Any], link: str) -> str:
    """A stable id from the item's guid (its link when it has none), hashed to a safe token."""
    key = (entry.get("id") or "").strip() or link
    return "feed-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None
