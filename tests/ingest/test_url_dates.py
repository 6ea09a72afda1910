"""Dates read from web addresses: inferred, and only when the page states none."""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest.article_builder import SourceFacts, build_article
from detente.ingest.url_dates import date_from_url, year_from_url

PAGE = (
    "The navies of Chile and Peru held a joint search-and-rescue drill off Arica, the two "
    "defence ministries said in a joint statement.\n\nTwo frigates and a patrol aircraft took part.\n"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://daily.example/world/2019/09/25/navies-drill", date(2019, 9, 25)),
        ("https://daily.example/2024/8/30/ministers-sign-pacts", date(2024, 8, 30)),
        ("http://wire.example/en/news/20100426/drill-closes", date(2010, 4, 26)),
        ("https://tv.example/news/20220615_20/", date(2022, 6, 15)),
        ("https://radio.example/k2/1785153-20241227.htm", date(2024, 12, 27)),
        ("https://agency.example/view/AEN20191212008700325", date(2019, 12, 12)),
        ("https://tv.example/national/na20221026160200863863930", date(2022, 10, 26)),
        ("https://press.example/en/news/yjj2022061500141/talks.html", date(2022, 6, 15)),
        ("https://daily.example/05-Nov-2020/drill-begins", date(2020, 11, 5)),
        ("https://review.example/26082018-armenia-confirms-interest/", date(2018, 8, 26)),
        ("https://teller.example/news/2020-10-02-ten-year-roadmap.rkBe.html", date(2020, 10, 2)),
        ("https://china.example/a/201912/12/WS5df.html", date(2019, 12, 12)),
        ("https://xin.example/english/2019-12/12/c_138625183.htm", date(2019, 12, 12)),
        ("https://people.example/n3/2019/0925/c90000-9618311.html", date(2019, 9, 25)),
        ("https://paper.example/world/2019/sep/25/navies-drill", date(2019, 9, 25)),
        ("https://wire.example/world/navies-drill-off-arica-2023-03-14/", date(2023, 3, 14)),
        ("https://defaiya.example/news/Defense%20News/Russia/2023/08/07/visit", date(2023, 8, 7)),
    ],
)
def test_dates_in_web_addresses(url: str, expected: date) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://agency.example/politics/1552699",
        "https://mint.example/news/india/handover-1558010138018.html",  # a millisecond clock, not a date
        "http://blog.example/2012/06/army-gets-new-ground.html",  # a month, no day
        "https://radio.example/amp/32417740.html",
        "https://ministry.example/en/news/20202/2020/steps-forward",
        "https://daily.example/?p=73641",
        "https://daily.example/2099/01/01/far-future",
        "https://daily.example/2019/02/30/no-such-day",
        "/home/analyst/pages/2019/09/25/saved.txt",  # a file path is no web address
        None,
    ],
)
def test_addresses_without_a_date(url: str | None) -> None:
    assert date_from_url(url) is None


def test_url_date_is_inferred_when_the_page_states_none() -> None:
    article = build_article(PAGE, doc_id="a", url="https://daily.example/2019/09/25/drill", found_via="html")
    assert (article.published, article.published_source) == (date(2019, 9, 25), "inferred")


def test_the_page_stated_date_outranks_the_url() -> None:
    page = f"Navies drill off Arica\n\n24 September 2019\n\n{PAGE}"
    article = build_article(page, doc_id="a", url="https://daily.example/2019/09/25/drill", found_via="html")
    assert (article.published, article.published_source) == (date(2019, 9, 24), "explicit")


def test_the_url_outranks_a_date_only_guessed_from_the_page() -> None:
    guessed = SourceFacts(published=date(2019, 1, 1), published_source="inferred")
    article = build_article(
        PAGE, doc_id="a", url="https://daily.example/2019/09/25/drill", found_via="html", known=guessed
    )
    assert (article.published, article.published_source) == (date(2019, 9, 25), "inferred")


def test_a_local_path_gives_no_date() -> None:
    article = build_article(PAGE, doc_id="a", url="/pages/2019/09/25/drill.txt", found_via="text")
    assert (article.published, article.published_source) == (None, "unknown")


@pytest.mark.parametrize(
    ("url", "year"),
    [
        ("https://fmn.example/en/news/20202/2020/steps-towards-nordic-cooperation", 2020),
        ("https://example.org/2019/defence-talks", 2019),
        ("https://example.org/news/88812/defence-talks", None),  # a story id, no year
        ("https://example.org/news/1850/defence-talks", None),  # before any news the data knows
        ("/home/me/pages/2020/talks.html", None),  # a local path says nothing about publication
        (None, None),
    ],
)
def test_the_year_a_page_is_filed_under(url, year):
    assert year_from_url(url, today=date(2026, 12, 7)) == year
