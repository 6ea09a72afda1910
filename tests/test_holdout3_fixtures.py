"""The third held-out set obeys the event contract, so the scores measured on it can be trusted.

A gold record with an invented country code, a topic outside the list, a malformed date, a
planned event dated before its article or evidence the article does not contain would quietly
distort every precision and recall figure measured on this set. These tests check the gold only.
They never run the engine on the set, because the set must stay blind.
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
SET_DIR = REPO / "tests" / "fixtures" / "holdout3"
ARTICLE_DIR = SET_DIR / "articles"
GOLD_DIR = SET_DIR / "gold"
SHARED_SCORER = REPO / ".." / "shared" / "eval" / "score.py"

GOLD_PATHS = sorted(GOLD_DIR.glob("*.json"))
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
PRECISION_WIDTH = {"day": 10, "month": 7, "year": 4}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def article_text(doc_id: str) -> str:
    return (ARTICLE_DIR / f"{doc_id}.txt").read_text(encoding="utf-8")


def every_event() -> list[dict]:
    return [event for path in GOLD_PATHS for event in load(path)["events"]]


def is_alpha3(code: object) -> bool:
    return isinstance(code, str) and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def iso_day(value: object, where: str) -> date:
    assert isinstance(value, str) and len(value) == 10, f"{where}: {value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def check_date(value: object, where: str) -> None:
    assert isinstance(value, dict) and set(value) == {"start", "end", "precision"}, f"{where}: date {value!r}"
    precision = value["precision"]
    assert precision in PRECISIONS, f"{where}: precision {precision!r}"
    if precision == "unknown":
        assert value["start"] is None and value["end"] is None, f"{where}: an unknown date carries values"
        return
    start, end = iso_day(value["start"], f"{where} start"), iso_day(value["end"], f"{where} end")
    assert start <= end, f"{where}: end {end} is before start {start}"
    if precision in ("month", "year"):
        assert start.day == 1 and end == start, f"{where}: a {precision} date is one period from its 1st day"
    if precision == "year":
        assert start.month == 1, f"{where}: a year date starts on 1 January"


def check_people_and_place(event: dict, where: str) -> None:
    countries = event["countries"]
    assert isinstance(event["participants"], list), f"{where}: participants must be a list"
    for person in event["participants"]:
        assert isinstance(person, dict) and set(person) == {"name", "title", "country"}, (
            f"{where}: {person!r}"
        )
        assert isinstance(person["name"], str) and person["name"].strip(), f"{where}: blank participant name"
        title = person["title"]
        assert title is None or (isinstance(title, str) and title.strip()), f"{where}: blank title"
        assert person["country"] in countries, f"{where}: {person['name']} belongs to no taking-part state"
    location = event["location"]
    if location is not None:
        assert isinstance(location, dict) and set(location) == {"place", "country"}, f"{where}: {location!r}"
        place = location["place"]
        assert place is None or (isinstance(place, str) and place.strip()), f"{where}: blank place"
        assert location["country"] in countries, f"{where}: located in a state that does not take part"


def check_event(event: object, article: str, where: str) -> None:
    assert isinstance(event, dict) and set(event) == EVENT_FIELDS, f"{where}: fields differ from the contract"
    assert event["type"] in EVENT_TYPES, f"{where}: type {event['type']!r}"
    assert event["status"] in STATUSES, f"{where}: status {event['status']!r}"
    check_date(event["date"], where)
    countries = event["countries"]
    assert isinstance(countries, list) and countries, f"{where}: countries must be a non-empty list"
    assert all(is_alpha3(code) for code in countries), f"{where}: not ISO 3166 alpha-3: {countries}"
    assert countries == sorted(set(countries)), f"{where}: countries must be sorted and unique"
    check_people_and_place(event, where)
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


def test_the_set_is_complete_and_covers_the_contract() -> None:
    article_ids = {path.stem for path in ARTICLE_DIR.glob("*.txt")}
    gold_ids = {path.stem for path in GOLD_PATHS}
    assert article_ids == gold_ids, f"unpaired: {sorted(article_ids ^ gold_ids)}"
    assert len(gold_ids) == 16
    events = every_event()
    assert len(events) >= 45
    assert {event["type"] for event in events} == set(EVENT_TYPES)
    assert {event["status"] for event in events} == set(STATUSES)
    assert sum(not load(path)["events"] for path in GOLD_PATHS) == 4, "four look-alike negatives"
    assert any(load(path)["published"]["date"] is None for path in GOLD_PATHS), "one undated article"
    states = Counter(code for event in events for code in event["countries"])
    assert len(states) >= 25, f"too few states for a generalisation test: {sorted(states)}"
    spans = [e for e in events if e["date"]["precision"] == "day" and e["date"]["start"] != e["date"]["end"]]
    assert spans, "a date span (start != end) must be present"
    assert sum(len(event["countries"]) > 2 for event in events) >= 3, "several multilateral events"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.stem)
def test_gold_file_follows_the_event_contract(path: Path) -> None:
    gold = load(path)
    where = path.name
    assert set(gold) == {"doc_id", "published", "events"}, f"{where}: keys {sorted(gold)}"
    assert gold["doc_id"] == path.stem, f"{where}: doc_id {gold['doc_id']!r} differs from the file name"
    published = gold["published"]
    assert isinstance(published, dict) and set(published) == {"date", "source"}, f"{where}: {published!r}"
    assert published["source"] in {"explicit", "inferred", "unknown"}, (
        f"{where}: source {published['source']!r}"
    )
    article = article_text(gold["doc_id"])
    if published["date"] is None:
        assert published["source"] == "unknown", f"{where}: a missing date must have source 'unknown'"
    else:
        year = iso_day(published["date"], f"{where} published").year
        assert str(year) in article, f"{where}: the publication year is not stated in the article"
    assert isinstance(gold["events"], list), f"{where}: events must be a list"
    for index, event in enumerate(gold["events"]):
        check_event(event, article, f"{where} event {index}")


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.stem)
def test_negative_names_promise_empty_gold(path: Path) -> None:
    """`_neg_` in a name promises no events; every other article must carry some."""
    assert bool(load(path)["events"]) != ("_neg_" in path.stem), f"{path.name}: name and events disagree"


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda path: path.stem)
def test_dates_agree_with_the_status_and_the_publication_date(path: Path) -> None:
    """A happening that occurred cannot postdate its article, nor a planned one predate it.

    The comparison is made at the event's own precision, so "next year" (planned, year 2024) in
    an article of October 2023 and "before the end of the year" in August both pass.
    """
    gold = load(path)
    published = gold["published"]["date"]
    for index, event in enumerate(gold["events"]):
        when = event["date"]
        if published is None:
            assert when["precision"] == "unknown", f"{path.name} event {index}: undated article, dated event"
            continue
        if when["precision"] == "unknown" or event["status"] == "proposed":
            continue
        width = PRECISION_WIDTH[when["precision"]]
        if event["status"] == "occurred":
            assert when["start"][:width] <= published[:width], (
                f"{path.name} event {index}: occurs after publication"
            )
        else:
            assert when["end"][:width] >= published[:width], f"{path.name} event {index}: planned in the past"


@pytest.mark.shared
def test_shared_scorer_rates_the_gold_perfect_against_itself(tmp_path: Path) -> None:
    if not SHARED_SCORER.is_file():
        pytest.skip(f"{SHARED_SCORER} is absent (needs ../shared next to the repo): test skipped")
    spec = importlib.util.spec_from_file_location("holdout3_scorer", SHARED_SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("\n".join(json.dumps(load(path)) for path in GOLD_PATHS) + "\n", encoding="utf-8")
    result = scorer.score(scorer.load_gold(GOLD_DIR), scorer.load_pred(predictions))
    assert result["events"]["f1"] == 1.0
    assert result["strict"]["f1"] == 1.0
    assert all(value == 1.0 for value in result["fields"].values()), result["fields"]
