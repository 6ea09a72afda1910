"""Publication dates of HTML pages via htmldate, with how each was found.

Choice: a date the publisher put in the page's markup (meta tags, JSON-LD
`datePublished`, `<time>` elements) counts as *explicit*: the page states it for
machines just as a dateline states it for readers. A date htmldate only reaches from
the URL or by guessing from free text counts as *inferred*. To tell the two apart
without relying on htmldate's private helpers, htmldate is first run on a copy of the
page that holds only that markup, then (if that finds nothing) on the whole page.
"""

from __future__ import annotations

from datetime import date

from detente.models import PublishedSource

_METADATA_XPATH = "//meta | //script[@type='application/ld+json'] | //time | //abbr[@class]"


def publication_date(html: str, url: str | None) -> tuple[date | None, PublishedSource]:
    stated = _find(_metadata_only(html), url=None, extensive=False)
    if stated:
        return stated, "explicit"
    guessed = _find(html, url=url, extensive=True)
    return (guessed, "inferred") if guessed else (None, "unknown")


def _metadata_only(html: str) -> str:
    """A page made of the original's date-bearing markup alone (no canonical link, no body text)."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return "<html></html>"
    parts = [
        lxml.html.tostring(element, encoding="unicode", with_tail=False)
        for element in tree.xpath(_METADATA_XPATH)
    ]
    return "<html><head>" + "".join(parts) + "</head><body></body></html>"


def _find(html: str, *, url: str | None, extensive: bool) -> date | None:
    from htmldate import find_date

    try:
        found = find_date(html, url=url, extensive_search=extensive, original_date=True)
    except (ValueError, TypeError):
        return None
    return date.fromisoformat(found) if found else None
