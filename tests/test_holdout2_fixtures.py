"""The second held-out set obeys the event contract, so its scores can be trusted.

A gold record with an invented country code, a topic outside the list, a date that
is not ISO or evidence the article does not contain would silently distort every
precision and recall figure measured on this set, so each one is checked here.
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

REPO = Path(__file__).resolve().parents[1]
SET_DIR = REPO / "tests" / "fixtures" / "holdout2"
ARTICLE_DIR = SET_DIR / "articles"
GOLD_DIR = SET_DIR / "gold"
SHARED_SCORER = REPO / ".." / "shared" / "eval" / "score.py"

GOLD_PATHS = sorted(GOLD_DIR.glob("*.json"))
TOP_LEVEL_KEYS = {"doc_id", "published", "events"}
EVENT_FIELDS = {
    "type",
    "status",
    "date",
    "countries",
    "participants",
    "location",
    "name",
    "topics",
    "evidence",
}
PUBLISHED_SOURCES = {"explicit", "inferred", "unknown"}


def read_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_article(doc_id: str) -> str:
    return (ARTICLE_DIR / f"{doc_id}.txt").read_text(encoding="utf-8")


def all_events() -> list[dict]:
    return [event for path in GOLD_PATHS for event in read_gold(path)["events"]]


def known_alpha3(code: object) -> bool:
    return isinstance(code, str) and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def parse_day(value: object, where: str) -> date:
    assert isinstance(value, str) and len(value) == 10, f"{where}: {value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def assert_date_shape(value: object, where: str) -> None:
    assert isinstance(value, dict) and set(value) == {"start", "end", "precision"}, f"{where}: date {value!r}"
    precision = value["precision"]
    assert precision in PRECISIONS, f"{where}: precision {precision!r}"
    if precision == "unknown":
        assert value["start"] is None and value["end"] is None, f"{where}: an unknown date carries values"
        return
    start = parse_day(value["start"], f"{where} start")
    end = parse_day(value["end"], f"{where} end")
    assert start <= end, f"{where}: end {end} is before start {start}"
    if precision != "day":
        assert start.day == 1, f"{where}: a {precision}-precision date must start on the 1st"
        assert end == start, f"{where}: a {precision}-precision date is a single period"
    if precision == "year":
        assert start.month == 1, f"{where}: a year-precision date must start on 1 January"


def assert_participants(people: object, countries: list[str], where: str) -> None:
    assert isinstance(people, list), f"{where}: participants must be a list"
    for person in people:
        assert isinstance(person, dict) and set(person) == {"name", "title", "country"}, (
            f"{where}: {person!r}"
        )
        assert isinstance(person["name"], str) and person["name"].strip(), f"{where}: blank participant name"
        title = person["title"]
        assert title is None or (isinstance(title, str) and title.strip()), f"{where}: blank title"
        assert known_alpha3(person["country"]), f"{where}: participant country {person['country']!r}"
        assert person["country"] in countries, f"{where}: {person['name']} belongs to no taking-part state"


def assert_location(location: object, countries: list[str], where: str) -> None:
    if location is None:
        return
    assert isinstance(location, dict) and set(location) == {"place", "country"}, f"{where}: {location!r}"
    place = location["place"]
    assert place is None or (isinstance(place, str) and place.strip()), f"{where}: blank place"
    assert known_alpha3(location["country"]), f"{where}: location country {location['country']!r}"
    assert location["country"] in countries, f"{where}: located in a state that does not take part"


def assert_event(event: object, article: str, where: str) -> None:
    assert isinstance(event, dict) and set(event) == EVENT_FIELDS, f"{where}: fields differ from the contract"
    assert event["type"] in EVENT_TYPES, f"{where}: type {event['type']!r}"
    assert event["status"] in STATUSES, f"{where}: status {event['status']!r}"
    assert_date_shape(event["date"], where)
    countries = event["countries"]
    assert isinstance(countries, list) and countries, f"{where}: countries must be a non-empty list"
    assert all(known_alpha3(code) for code in countries), f"{where}: not ISO 3166 alpha-3: {countries}"
    assert countries == sorted(set(countries)), f"{where}: countries must be sorted and unique"
    assert_participants(event["participants"], countries, where)
    assert_location(event["location"], countries, where)
    name = event["name"]
    assert name is None or (isinstance(name, str) and name.strip()), f"{where}: blank name"
    topics = event["topics"]
    assert isinstance(topics, list) and len(topics) == len(set(topics)), f"{where}: topics {topics!r}"
    assert set(topics) <= set(TOPICS), (
        f"{where}: topics outside the list: {sorted(set(topics) - set(TOPICS))}"
    )
    evidence = event["evidence"]
    assert isinstance(evidence, str) and evidence.strip(), f"{where}: empty evidence"
    assert evidence in article, f"{where}: evidence is not verbatim in the article: {evidence[:80]!r}"


def test_every_article_has_gold_and_the_set_covers_the_contract() -> None:
    article_ids = {path.stem for path in ARTICLE_DIR.glob("*.txt")}
    gold_ids = {path.stem for path in GOLD_PATHS}
    assert article_ids == gold_ids, f"unpaired: {sorted(article_ids ^ gold_ids)}"
    assert len(gold_ids) == 16
    events = all_events()
    assert len(events) >= 45
    assert {event["type"] for event in events} == set(EVENT_TYPES)
    assert {event["status"] for event in events} == set(STATUSES)
    assert sum(not read_gold(path)["events"] for path in GOLD_PATHS) == 4, "four look-alike negatives"
    assert any(read_gold(path)["published"]["date"] is None for path in GOLD_PATHS), "one undated article"
    states = Counter(code for event in events for code in event["countries"])
    assert len(states) >= 25, f"too few states for a generalisation test: {sorted(states)}"


def test_at_least_one_event_spans_several_days_and_several_are_multilateral() -> None:
    events = all_events()
    spans = [e for e in events if e["date"]["precision"] == "day" and e["date"]["start"] != e["date"]["end"]]
    assert spans, "a date span (start != end) must be present"
    assert sum(len(event["countries"]) > 2 for event in events) >= 3


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.stem)
def test_gold_file_follows_the_event_contract(path: Path) -> None:
    gold = read_gold(path)
    where = path.name
    assert set(gold) == TOP_LEVEL_KEYS, f"{where}: keys {sorted(gold)}"
    assert gold["doc_id"] == path.stem, f"{where}: doc_id {gold['doc_id']!r} differs from the file name"
    published = gold["published"]
    assert isinstance(published, dict) and set(published) == {"date", "source"}, f"{where}: {published!r}"
    assert published["source"] in PUBLISHED_SOURCES, f"{where}: published source {published['source']!r}"
    article = read_article(gold["doc_id"])
    if published["date"] is None:
        assert published["source"] == "unknown", f"{where}: a missing date must have source 'unknown'"
    else:
        year = parse_day(published["date"], f"{where} published").year
        assert str(year) in article, f"{where}: the publication year is not stated in the article"
    assert isinstance(gold["events"], list), f"{where}: events must be a list"
    for index, event in enumerate(gold["events"]):
        assert_event(event, article, f"{where} event {index}")


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.stem)
def test_negative_file_names_match_empty_gold(path: Path) -> None:
    """`_neg_` in a name promises no events; every other article must carry some."""
    assert bool(read_gold(path)["events"]) != ("_neg_" in path.stem), f"{path.name}: name and events disagree"


def test_undated_article_keeps_every_event_date_unknown() -> None:
    """Relative dates cannot be resolved without a publication date (gold/README.md)."""
    for path in GOLD_PATHS:
        gold = read_gold(path)
        if gold["published"]["date"] is None:
            assert all(event["date"]["precision"] == "unknown" for event in gold["events"]), path.name


@pytest.mark.shared
def test_shared_scorer_rates_the_gold_perfect_against_itself(tmp_path: Path) -> None:
    if not SHARED_SCORER.is_file():
        pytest.skip(f"{SHARED_SCORER} is absent (needs ../shared next to the repo): test skipped")
    spec = importlib.util.spec_from_file_location("holdout2_scorer", SHARED_SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("\n".join(json.dumps(read_gold(p)) for p in GOLD_PATHS) + "\n", encoding="utf-8")
    result = scorer.score(scorer.load_gold(GOLD_DIR), scorer.load_pred(predictions))
    assert result["events"]["f1"] == 1.0
    assert result["strict"]["f1"] == 1.0
    assert all(value == 1.0 for value in result["fields"].values()), result["fields"]
