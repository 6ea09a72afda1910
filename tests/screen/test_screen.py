"""The screen keeps defence-diplomacy news and drops general news, on text we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.models import Article
from detente.screen import Screen

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="module")
def screen() -> Screen:
    return Screen()


@pytest.mark.parametrize(
    "text",
    [
        "Indian Army and Egyptian troops began the joint exercise Cyclone at Anshas on Monday.",
        "Japan's Defence Minister held talks with his Philippine counterpart in Manila.",
        "The US and Poland signed a deal for 96 Apache helicopters, the Pentagon said.",
        "Visiting Kazakh border guards met Uzbek officials to discuss security cooperation.",
    ],
)
def test_keeps_defence_diplomacy(screen: Screen, text: str) -> None:
    assert screen.keep(Article("t", text))


@pytest.mark.parametrize(
    "text",
    [
        "Leicester's defence held firm as Ireland visited Twickenham for the opening match.",
        "The budget debate in parliament ended with a vote on pensions and school meals.",
        "France beat Italy in a tight game; the coach praised his team's commitment.",
        "Let us hope the weather holds for the summit of Ben Nevis this weekend.",
    ],
)
def test_drops_general_news(screen: Screen, text: str) -> None:
    assert not screen.keep(Article("t", text))


def test_pronoun_us_is_not_a_state(screen: Screen) -> None:
    verdict = screen.verdict(Article("t", "The army told us the exercise went well."))
    assert "US" not in verdict.hits["state"]
    assert not verdict.keep


def test_words_inside_other_words_do_not_count(screen: Screen) -> None:
    verdict = screen.verdict(Article("t", "Farmers harmed by the armistice anniversary met in Omaha."))
    assert "arms" not in verdict.hits["defence"]
    assert "oman" not in verdict.hits["state"]


@pytest.mark.shared
def test_no_seed_article_is_dropped(screen: Screen) -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent: seed recall of the screen not checked")
    for path in sorted(seeds.glob("*.txt")):
        assert screen.keep(Article(path.stem, path.read_text("utf-8"))), path.name


@pytest.mark.shared
def test_screen_drops_most_of_the_background_corpus(screen: Screen) -> None:
    corpus = SHARED / "corpora" / "background-news.jsonl"
    if not corpus.is_file():
        pytest.skip("../shared/corpora is absent: screen selectivity not checked")
    rows = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    kept = sum(screen.keep(Article(r["id"], r["text"])) for r in rows)
    assert kept < 0.15 * len(rows)


def test_the_three_kinds_must_meet_in_neighbouring_sentences(screen: Screen) -> None:
    scattered = Article(
        "t",
        "Pakistan's parliament debated the budget on Monday. The session ran late. "
        "Opposition members walked out. Later the army published its annual report. "
        "Analysts met at a conference on the economy.",
    )
    together = Article(
        "t",
        "Budget talk dominated the week. Pakistan's army chief met the visiting Saudi minister.",
    )
    assert not screen.keep(scattered)
    assert screen.keep(together)


def test_an_event_split_over_two_sentences_is_kept(screen: Screen) -> None:
    text = "The Chilean navy chief arrived in Lima on Monday. He held talks with his counterpart."
    assert screen.keep(Article("t", text))


@pytest.mark.parametrize("name", ["dev", "holdout", "holdout2", "holdout3", "holdout4"])
def test_no_annotated_article_with_events_is_dropped(screen: Screen, name: str) -> None:
    root = Path(__file__).resolve().parents[1] / "fixtures" / name
    if not root.is_dir():
        pytest.skip(f"tests/fixtures/{name} is absent")
    for gold in sorted((root / "gold").glob("*.json")):
        if json.loads(gold.read_text("utf-8"))["events"]:
            article = root / "articles" / f"{gold.stem}.txt"
            assert screen.keep(Article(gold.stem, article.read_text("utf-8"))), gold.stem
