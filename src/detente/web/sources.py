"""How one report of an event is introduced on the event page: outlet, title, link, date and how
each was found, so an analyst can judge the source before reading it."""

from __future__ import annotations

from typing import Any

from detente.web.dates import day_label
from detente.web.rendering import web_url

LEAD_WORDS = 14  # words of the article's opening shown when it has no title
DATE_FOUND = {
    "explicit": "stated on the page",
    "inferred": "inferred from the URL or the page",
    "unknown": "not found",
}


def _lead(text: str | None) -> str | None:
    """The article's opening words, for a source stored without a title (plain-text files)."""
    words = (text or "").split()
    if not words:
        return None
    head = " ".join(words[:LEAD_WORDS])
    return head + ("…" if len(words) > LEAD_WORDS else "")


def source_view(source: dict[str, Any]) -> dict[str, Any]:
    """The header facts of one source, each with where it came from."""
    title = (source.get("title") or "").strip() or None
    url = web_url(source.get("url"))
    stated = (source.get("outlet") or "").strip() or None
    outlet = source.get("outlet_name")
    published = source.get("published")
    how = source.get("published_source") or "unknown"
    return {
        "title": title,
        "lead": None if title else _lead(source.get("text")) or source.get("evidence"),
        "outlet": outlet,
        "outlet_from": source.get("outlet_from"),
        "credited": stated if stated and stated != outlet else None,
        "url": url,
        "location": None if url else source.get("url"),  # a file path: shown, never linked
        "published": day_label(published) if published else None,
        "published_how": DATE_FOUND.get(how, how) if published else None,
    }
