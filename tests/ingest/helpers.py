"""Fixture articles and small helpers the ingest tests share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from detente.ingest import IngestOptions, read_sources
from detente.models import Article, IngestError

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    location: str | None = None


@dataclass
class LocalSite:
    """A real HTTP server on 127.0.0.1 whose pages the test defines."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    user_agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent: test skipped")
    return path


def article_html(
    title: str,
    paragraphs: list[str],
    *,
    published: str | None = None,
    site_name: str | None = None,
    canonical: str | None = None,
) -> str:
    """A news page with navigation, a related-links box and a footer around the article."""
    meta = []
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{site_name}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>{''.join(meta)}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/a'>Floods close mountain road</a></li>"
        "<li><a href='/b'>Football cup final tickets sold out</a></li></ul></aside>"
        "<footer>© Example Media. All rights reserved.</footer></body></html>"
    )


MEETING_PARAGRAPHS = [
    "The defence ministers of Kazakhstan and Mongolia met in Astana on Tuesday to review military "
    "cooperation and plans for a joint peacekeeping exercise next summer.",
    "The two ministers signed a protocol on military education under which Mongolian officers will "
    "study at the Kazakh National Defence University, the ministry said in a statement.",
    "Both sides also discussed border security and the exchange of information on terrorist threats "
    "in the region, according to the statement released after the talks.",
]


def collect(
    sources: list[str], options: IngestOptions | None = None, **kwargs: object
) -> tuple[list[Article], list[IngestError]]:
    """Articles and errors of a read, split."""
    items = list(read_sources(sources, options, **kwargs))
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, IngestError)]
    assert len(articles) + len(errors) == len(items)
    return articles, errors
