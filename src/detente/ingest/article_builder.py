"""One place that turns extracted text plus what the source said about it into an Article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.ingest.chrome import strip_chrome
from detente.ingest.mojibake import repair_mojibake
from detente.ingest.problems import SourceProblem
from detente.ingest.url_dates import with_url_date
from detente.models import Article, IngestError, PublishedSource


@dataclass
class SourceFacts:
    """What the container (HTML metadata, corpus fields, feed entry, URL) says about an article."""

    title: str | None = None
    published: date | None = None
    published_source: PublishedSource = "unknown"
    source_name: str | None = None
    language: str | None = None  # ISO 639-1, when the page declares it


def build_article(
    text: str,
    *,
    doc_id: str,
    url: str | None,
    found_via: str,
    known: SourceFacts | None = None,
) -> Article:
    """Strip the chrome, then combine the source's facts with what the page itself states.

    A date the source states outranks one the page text states, which outranks a date
    only inferred: the more direct the statement, the more it is trusted. Among inferred
    dates, one read from the article's web address comes first (the outlet filed the story
    under it), then the source's guess, then the page's.
    """
    known = known or SourceFacts()
    cleaned = strip_chrome(repair_mojibake(text), title=known.title)
    if not cleaned.text.strip():
        raise SourceProblem("no article text (empty after removing page chrome)")
    page = cleaned.facts
    published, published_source = known.published, known.published_source
    stated_by_page = page.published_source == "explicit"
    page_outranks = published is None or (published_source != "explicit" and stated_by_page)
    if page.published and page_outranks:
        published, published_source = page.published, page.published_source
    published, published_source = with_url_date(published, published_source, url)
    return Article(
        doc_id=doc_id,
        text=cleaned.text,
        title=repair_mojibake(known.title) if known.title else page.title,
        url=url,
        published=published,
        published_source=published_source,
        source_name=known.source_name or page.source_name,
        language=known.language or "en",
        found_via=found_via,
    )


def article_from_text(
    text: str,
    *,
    doc_id: str,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    source_name: str | None = None,
    found_via: str = "text",
) -> Article | IngestError:
    """An article from text already in memory (the API's ingest), read exactly as the same text in
    a file would be, so both give the same content hash: a byte order mark dropped, page chrome
    stripped. A date given with it is explicit. Text with no article in it is an IngestError."""
    known = SourceFacts(
        title=title,
        published=published,
        published_source="explicit" if published else "unknown",
        source_name=source_name,
    )
    try:
        return build_article(
            text.removeprefix("\ufeff"), doc_id=doc_id, url=url, found_via=found_via, known=known
        )
    except SourceProblem as problem:
        return IngestError(doc_id, problem.reason)
