"""HTML pages: main text with trafilatura, title and site name from the page's metadata."""

from __future__ import annotations

import logging
import re

from detente.ingest.article_builder import SourceFacts, build_article
from detente.ingest.decoding import decode_text
from detente.ingest.files import SourceFile
from detente.ingest.html_dates import publication_date
from detente.ingest.manifest import listed_facts
from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem
from detente.models import Article

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2})(?![a-zA-Z])", re.I)


def read_html_file(source: SourceFile, options: IngestOptions) -> Article:
    html = decode_html(source.read(options.max_bytes))
    url, known = listed_facts(options.manifest, source.name)
    return article_from_html(html, doc_id=source.name, url=url or source.shown, found_via="html", known=known)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The declared charset when it decodes cleanly, else the same rules as plain text."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, what="page")


def article_from_html(
    html: str,
    *,
    doc_id: str,
    url: str | None,
    found_via: str,
    known: SourceFacts | None = None,
) -> Article:
    """`url` is the provenance (a web address also helps date inference).

    `known` carries what a feed entry already said; the page's own metadata fills the gaps.
    """
    import trafilatura

    _quiet_extractors()
    web_url = url if url and url.startswith(("http://", "https://")) else None
    document = trafilatura.bare_extraction(
        html, url=web_url, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not (document.text or "").strip():
        document = trafilatura.bare_extraction(
            html, url=web_url, with_metadata=True, include_comments=False, favor_recall=True
        )
    if document is None or not (document.text or "").strip():
        raise SourceProblem("no extractable article text in the HTML")
    known = known or SourceFacts()
    facts = SourceFacts(
        title=known.title or _clean(document.title),
        published=known.published,
        published_source=known.published_source,
        source_name=known.source_name or _clean(document.sitename),
        language=declared_language(html),
    )
    if facts.published_source != "explicit":
        found, how = publication_date(html, web_url)
        if found and (how == "explicit" or facts.published is None):
            facts.published, facts.published_source = found, how
    return build_article(document.text, doc_id=doc_id, url=url, found_via=found_via, known=facts)


def declared_language(html: str) -> str | None:
    """The two-letter code of `<html lang="fr-FR">`, the page's own statement of its language."""
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else None


def _quiet_extractors() -> None:
    """trafilatura and htmldate log a warning for every thin page; a batch reports those as errors."""
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
