"""The outlet shown for a source: a known outlet for its domain, its own metadata, or the domain."""

from __future__ import annotations

import pytest

from detente.query.outlets import DOMAIN, KNOWN, METADATA, outlet_of, web_domain


@pytest.mark.parametrize(
    ("url", "stated", "name", "found"),
    [
        ("https://www.foxnews.com/world/nato-minister", "indian", "Fox News", KNOWN),
        ("https://edition.cnn.com/2025/01/01/a.html", None, "CNN", KNOWN),
        (
            "https://en.dailypakistan.com.pk/05-Nov-2020/drill",
            "Daily Pakistan Global",
            "Daily Pakistan",
            KNOWN,
        ),
        ("https://www.dawn.example/news/1", "Dawn", "Dawn", METADATA),
        ("https://asiaplustj.example/en/news", "Asia Plus", "Asia Plus", METADATA),
        ("https://mypeoples.example/2025/08/13/story", "indian", "mypeoples.example", DOMAIN),
        ("../shared/seeds/000_09ec347bbbf63c13.txt", "SouthAsianDesk", "SouthAsianDesk", METADATA),
        (None, None, None, None),
        ("javascript:alert(1)", None, None, None),
    ],
)
def test_the_surest_name_wins_and_says_where_it_came_from(url, stated, name, found) -> None:
    outlet = outlet_of(url, stated)
    assert (outlet.name, outlet.found) == (name, found)


def test_domains_come_only_from_web_urls() -> None:
    assert web_domain("HTTPS://WWW.Dawn.com:443/news") == "dawn.com"
    assert web_domain("file:///tmp/a.html") is None
    assert web_domain("/tmp/a.txt") is None
