"""Feeds and page URLs against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.ingest import IngestOptions

from .helpers import MEETING_PARAGRAPHS, LocalSite, Route, article_html, collect


def _rss(site: LocalSite, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link><guid>{guid}</guid>"
        "<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>"
        for title, path, guid in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Steppe Courier</title><link>{site.base}</link>{entries}</channel></rss>"
    ).encode()


def _page(title: str) -> Route:
    return Route(article_html(title, MEETING_PARAGRAPHS, site_name="Steppe Courier Online").encode())


def test_feed_items_are_fetched_and_failing_items_reported(site: LocalSite) -> None:
    site.routes["/good"] = _page("Ministers meet in Astana")
    site.routes["/moved"] = Route(b"", status=301, location="/good-2")
    site.routes["/good-2"] = _page("Drills announced")
    site.routes["/slow"] = Route(_page("Slow page").body, delay=2.0)
    site.routes["/feed.xml"] = Route(
        _rss(
            site,
            [
                ("Ministers meet in Astana", "/good", "item-1"),
                ("Missing page", "/missing", "item-2"),
                ("Slow page", "/slow", "item-3"),
                ("Drills announced", "/moved", "item-4"),
            ],
        ),
        content_type="application/rss+xml",
    )
    options = IngestOptions(fetch_timeout=0.5, user_agent="detente-test/1.0 (+tests)")
    articles, errors = collect([site.url("/feed.xml")], options)
    assert [a.title for a in articles] == ["Ministers meet in Astana", "Drills announced"]
    first, moved = articles
    assert first.found_via == "feed" and first.url == site.url("/good")
    assert first.source_name == "Steppe Courier"  # the feed names the outlet
    assert (first.published, first.published_source) == (date(2024, 3, 5), "explicit")
    assert first.doc_id.startswith("feed-") and first.doc_id != moved.doc_id
    assert moved.url == site.url("/good-2")  # redirects followed, final address recorded
    assert [(e.source, e.reason) for e in errors] == [
        (site.url("/missing"), "HTTP 404 Not Found"),
        (site.url("/slow"), "timed out after 0.5s"),
    ]
    assert set(site.user_agents) == {"detente-test/1.0 (+tests)"}


def test_feed_ids_are_stable_across_runs(site: LocalSite) -> None:
    site.routes["/a"] = _page("Story A")
    site.routes["/feed"] = Route(_rss(site, [("Story A", "/a", "guid-a")]), content_type="text/xml")
    first, _ = collect([site.url("/feed")])
    again, _ = collect([site.url("/feed")])
    assert first[0].doc_id == again[0].doc_id


def test_atom_feed_file_with_links_to_the_server(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/story"] = _page("Naval talks")
    feed = tmp_path / "news.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Caspian Wire</title><id>urn:caspian</id><updated>2024-03-06T00:00:00Z</updated>"
        f'<entry><title>Naval talks</title><link href="{site.url("/story")}"/><id>urn:story:1</id>'
        "<updated>2024-03-06T09:00:00Z</updated></entry></feed>",
        encoding="utf-8",
    )
    [article], errors = collect([str(feed)])
    assert errors == []
    assert (article.title, article.source_name, article.published) == (
        "Naval talks",
        "Caspian Wire",
        date(2024, 3, 6),
    )


def test_oversized_page_is_refused(site: LocalSite) -> None:
    site.routes["/huge"] = Route(article_html("Huge", MEETING_PARAGRAPHS * 50).encode())
    articles, errors = collect([site.url("/huge")], IngestOptions(max_bytes=2_000))
    assert articles == []
    [error] = errors
    assert error.source == site.url("/huge") and "too large" in error.reason


def test_single_page_url(site: LocalSite) -> None:
    site.routes["/news/2024/03/05/ministers"] = _page("Ministers meet")
    url = site.url("/news/2024/03/05/ministers")
    [article], errors = collect([url])
    assert errors == []
    assert article.url == url and article.found_via == "html" and article.doc_id.startswith("url-")
    assert article.source_name == "Steppe Courier Online"
    assert (article.published, article.published_source) == (date(2024, 3, 5), "inferred")


def test_unreachable_url_is_one_error() -> None:
    articles, errors = collect(["http://127.0.0.1:9/nothing-listens-here"], IngestOptions(fetch_timeout=1))
    assert articles == []
    [error] = errors
    assert error.source == "http://127.0.0.1:9/nothing-listens-here" and "could not fetch" in error.reason


def test_feed_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Nothing here", encoding="utf-8")
    articles, errors = collect([str(path)])
    assert articles == []
    assert len(errors) == 1 and errors[0].source == str(path)
