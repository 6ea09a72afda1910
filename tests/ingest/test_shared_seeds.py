"""The five seed articles and the background corpus from ../shared (skipped when it is absent)."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import collect, shared_path

pytestmark = pytest.mark.shared

EXPECTED_DATES = {
    "000_09ec347bbbf63c13": date(2025, 11, 15),
    "001_063081cd1be553f0": date(2025, 7, 25),
    "002_94f67eff76453fdf": date(2022, 12, 15),
    "003_32837fedfa6ca9c8": date(2023, 11, 2),
    "004_4089aef8d3b393d2": None,
}


@pytest.fixture(scope="module")
def seeds() -> dict:
    articles, errors = collect([str(shared_path("seeds"))])
    assert errors == []
    return {article.doc_id: article for article in articles}


def test_publication_dates_and_how_they_were_found(seeds: dict) -> None:
    assert {doc_id: seeds[doc_id].published for doc_id in EXPECTED_DATES} == EXPECTED_DATES
    for doc_id, expected in EXPECTED_DATES.items():
        assert seeds[doc_id].published_source == ("explicit" if expected else "unknown"), doc_id


def test_date_marker_is_not_in_the_text(seeds: dict) -> None:
    assert seeds["001_063081cd1be553f0"].text.startswith("Pakistan and Tajikistan have agreed")


def test_related_headlines_do_not_reach_extraction(seeds: dict) -> None:
    text = seeds["002_94f67eff76453fdf"].text
    assert "CENTCOM" not in text and "More From" not in text
    assert text.rstrip().endswith("He invited the Minister for Defence to visit Tajikistan soon.")
    assert "This understanding came during a meeting between President of Tajikistan" in text
    cpc = seeds["003_32837fedfa6ca9c8"].text
    assert "Related Articles" not in cpc and "South Caucasus: Disruption" not in cpc
    assert cpc.rstrip().endswith("prioritizing its own security concerns.")


def test_titles_and_outlets(seeds: dict) -> None:
    assert seeds["002_94f67eff76453fdf"].title.startswith("Pakistan, Tajikistan")
    assert seeds["002_94f67eff76453fdf"].source_name == "APP"
    assert seeds["003_32837fedfa6ca9c8"].title == "Iranian Defense Minister Visits Tajikistan"
    assert seeds["000_09ec347bbbf63c13"].source_name == "SouthAsianDesk"
    assert "Follow SouthAsianDesk" not in seeds["000_09ec347bbbf63c13"].text


def test_article_bodies_are_kept_whole(seeds: dict) -> None:
    for doc_id, article in seeds.items():
        raw = (shared_path("seeds") / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert len(article.text) > 0.6 * len(raw.strip()) or doc_id.startswith("002"), doc_id
    assert "Zardari reaffirmed readiness for expanded cooperation" in seeds["000_09ec347bbbf63c13"].text


def test_background_corpus_reads_without_errors() -> None:
    articles, errors = collect([str(shared_path("corpora", "background-news.jsonl"))])
    assert errors == []
    assert len(articles) > 1000
    assert len({a.doc_id for a in articles}) == len(articles)
    assert all(a.text.strip() and a.found_via == "jsonl" for a in articles)


def test_every_gold_evidence_survives_ingest(seeds: dict) -> None:
    import json

    for doc_id, article in seeds.items():
        gold = json.loads((shared_path("gold", "seeds") / f"{doc_id}.json").read_text(encoding="utf-8"))
        missing = [event["evidence"] for event in gold["events"] if event["evidence"] not in article.text]
        assert missing == [], doc_id
