"""The held-out set obeys the event contract, so scores measured on it can be trusted.

The held-out articles exist to measure generalisation; a gold record with a wrong
country code, a topic outside the list or evidence that is not in the article
would bias every score computed on them without anyone noticing.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pycountry
import pytest

from detente.models import EVENT_TYPES, PRECISIONS, STATUSES, TOPICS

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "tests" / "fixtures" / "holdout"
ARTICLES = HOLDOUT / "articles"
GOLD = HOLDOUT / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

DOC_KEYS = {"doc_id", "published", "events"}
EVENT_KEYS = {"type", "status", "date", "countries", "participants", "location", "name", "topics", "evidence"}
PUBLISHED_SOURCES = {"explicit", "inferred", "unknown"}
GOLD_FILES = sorted(GOLD.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def article_text(doc_id: str) -> str:
    return (ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")


def is_alpha3(code: object) -> bool:
    return isinstance(code, str) and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def iso_day(value: object, where: str) -> date:
    assert isinstance(value, str) and len(value) == 10, f"{where}: {value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def check_date(event_date: object, where: str) -> None:
    assert isinstance(event_date, dict) and set(event_date) == {"start", "end", "precision"}, (
        f"{where}: date {event_date!r}"
    )
    precision = event_date["precision"]
    assert precision in PRECISIONS, f"{where}: precision {precision!r}"
    if precision == "unknown":
        assert event_date["start"] is None and event_date["end"] is None, (
            f"{where}: unknown date carries values"
        )
        return
    start = iso_day(event_date["start"], f"{where} start")
    end = iso_day(event_date["end"], f"{where} end")
    assert start <= end, f"{where}: end {end} precedes start {start}"
    if precision in {"month", "year"}:
        assert start.day == 1, f"{where}: a {precision} date starts on the 1st"
    if precision == "year":
        assert start.month == 1, f"{where}: a year date starts on 1 January"


def check_people(participants: object, countries: list[str], where: str) -> None:
    assert isinstance(participants, list), f"{where}: participants must be a list"
    for person in participants:
        assert isinstance(person, dict) and set(person) == {"name", "title", "country"}, (
            f"{where}: {person!r}"
        )
        assert isinstance(person["name"], str) and person["name"].strip(), f"{where}: empty participant name"
        assert person["title"] is None or (isinstance(person["title"], str) and person["title"].strip())
        assert is_alpha3(person["country"]), f"{where}: participant country {person['country']!r}"
        assert person["country"] in countries, f"{where}: {person['name']} is from a state not taking part"


def check_location(location: object, countries: list[str], where: str) -> None:
    if location is None:
        return
    assert isinstance(location, dict) and set(location) == {"place", "country"}, f"{where}: {location!r}"
    place = location["place"]
    assert place is None or (isinstance(place, str) and place.strip()), f"{where}: blank place"
    assert is_alpha3(location["country"]), f"{where}: location country {location['country']!r}"
    assert location["country"] in countries, f"{where}: located in a state not taking part"


def check_event(event: object, text: str, where: str) -> None:
    assert isinstance(event, dict) and set(event) == EVENT_KEYS, f"{where}: keys differ from the contract"
    assert event["type"] in EVENT_TYPES, f"{where}: type {event['type']!r}"
    assert event["status"] in STATUSES, f"{where}: status {event['status']!r}"
    check_date(event["date"], where)
    countries = event["countries"]
    assert isinstance(countries, list) and countries, f"{where}: countries must be a non-empty list"
    assert all(is_alpha3(code) for code in countries), f"{where}: not ISO alpha-3: {countries}"
    assert countries == sorted(set(countries)), f"{where}: countries must be sorted and unique: {countries}"
    check_people(event["participants"], countries, where)
    check_location(event["location"], countries, where)
    assert event["name"] is None or (isinstance(event["name"], str) and event["name"].strip()), (
        f"{where}: name"
    )
    topics = event["topics"]
    assert isinstance(topics, list) and len(topics) == len(set(topics)), f"{where}: topics {topics!r}"
    assert set(topics) <= set(TOPICS), f"{where}: topics outside the list: {set(topics) - set(TOPICS)}"
    evidence = event["evidence"]
    assert isinstance(evidence, str) and evidence.strip(), f"{where}: empty evidence"
    assert evidence in text, f"{where}: evidence not verbatim in the article: {evidence[:80]!r}"


def test_holdout_set_is_complete_and_varied() -> None:
    articles = {p.stem for p in ARTICLES.glob("*.txt")}
    golds = {p.stem for p in GOLD_FILES}
    assert articles == golds, (
        f"articles without gold: {articles - golds}; gold without article: {golds - articles}"
    )
    documents = [load(p) for p in GOLD_FILES]
    events = [e for d in documents for e in d["events"]]
    assert len(documents) == 15
    assert len(events) >= 45
    assert sum(not d["events"] for d in documents) >= 4, "the set needs look-alike articles without events"
    assert {e["type"] for e in events} == set(EVENT_TYPES)
    assert {e["status"] for e in events} == set(STATUSES)
    assert any(d["published"]["date"] is None for d in documents), "one article must carry no date"
    countries = Counter(c for e in events for c in e["countries"])
    assert len(countries) >= 20, f"the set should spread over many states, found {sorted(countries)}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_holdout_gold_follows_the_contract(path: Path) -> None:
    gold = load(path)
    where = path.name
    assert set(gold) == DOC_KEYS, f"{where}: keys {sorted(gold)}"
    assert gold["doc_id"] == path.stem, f"{where}: doc_id {gold['doc_id']!r} differs from the file name"
    published = gold["published"]
    assert set(published) == {"date", "source"}, f"{where}: published keys {sorted(published)}"
    assert published["source"] in PUBLISHED_SOURCES, f"{where}: published source {published['source']!r}"
    text = article_text(gold["doc_id"])
    if published["date"] is None:
        assert published["source"] == "unknown", f"{where}: a missing date must have source 'unknown'"
    else:
        year = iso_day(published["date"], f"{where} published").year
        assert str(year) in text, f"{where}: an explicit publication date must appear in the article"
    assert isinstance(gold["events"], list), f"{where}: events must be a list"
    for index, event in enumerate(gold["events"]):
        check_event(event, text, f"{where} event {index}")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_negative_articles_are_named_as_such(path: Path) -> None:
    """A `_neg_` file name promises no events; every other article must have some."""
    has_events = bool(load(path)["events"])
    assert has_events != ("_neg_" in path.stem), f"{path.name}: file name and event count disagree"


@pytest.mark.shared
def test_shared_scorer_reads_the_gold_and_scores_it_perfect_against_itself(tmp_path: Path) -> None:
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} is absent (CI has ../shared): test skipped")
    spec = importlib.util.spec_from_file_location("holdout_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(load(p)) for p in GOLD_FILES) + "\n", encoding="utf-8")
    result = scorer.score(scorer.load_gold(GOLD), scorer.load_pred(pred))
    assert result["events"]["f1"] == 1.0
    assert result["strict"]["f1"] == 1.0
    assert all(value == 1.0 for value in result["fields"].values()), result["fields"]
