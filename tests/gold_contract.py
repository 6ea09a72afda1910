"""The rules of `shared/spec/events.md` and `shared/gold/README.md`, checked on hand-made gold.

Gold files are only useful if they are right: a wrong country code, a topic outside the
list or evidence the article does not contain would silently corrupt every score computed
on them. Every gold set in `tests/fixtures` is checked with these same functions, so a
rule tightened here is tightened for all of them at once.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

from detente.models import EVENT_TYPES, PRECISIONS, STATUSES, TOPICS

DOC_KEYS = frozenset({"doc_id", "published", "events"})
LINKS_KEY = "same_event_as"
LINK_KEYS = frozenset({"event_index", "doc_id", "other_event_index"})
EVENT_KEYS = frozenset(
    {"type", "status", "date", "countries", "participants", "location", "name", "topics", "evidence"}
)
PUBLISHED_SOURCES = frozenset({"explicit", "inferred", "unknown"})
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
NEGATIVE_MARK = "_neg_"
# How many leading characters of an ISO date a precision makes meaningful.
PRECISION_WIDTH = {"day": 10, "month": 7, "year": 4}
SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"


@dataclass(frozen=True)
class GoldSet:
    """A folder of articles and the folder of their gold records."""

    name: str
    articles: Path
    gold: Path
    # same_event_as links between its articles are part of what the set tests.
    links_allowed: bool = False
    # Stricter than gold/README.md, which allows a span ("2029 to 2031") at any precision.
    single_period_dates: bool = False
    # Stricter than gold/README.md, which keeps an absolute date ("in 2022") of an undated article.
    undated_dates_nothing: bool = False

    def gold_paths(self) -> list[Path]:
        return sorted(self.gold.glob("*.json"))

    def article_ids(self) -> set[str]:
        """Every file of the articles folder: a stray file is an article without gold."""
        return {p.stem for p in self.articles.iterdir() if not p.name.startswith(".")}

    def documents(self) -> dict[str, dict]:
        return {path.stem: load(path) for path in self.gold_paths()}

    def events(self) -> list[dict]:
        return [event for document in self.documents().values() for event in document["events"]]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class _TextOnly(HTMLParser):
    """Collects the visible text of a page so evidence can be checked against it."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def article_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() not in {".html", ".htm"}:
        return raw
    parser = _TextOnly()
    parser.feed(raw)
    return "".join(parser.parts)


def article_for(doc_id: str, folder: Path) -> Path:
    matches = [p for p in folder.iterdir() if p.stem == doc_id and p.suffix.lower() in ARTICLE_SUFFIXES]
    assert len(matches) == 1, f"{doc_id}: expected one article in {folder}, found {matches}"
    return matches[0]


def is_alpha3(code: object) -> bool:
    return isinstance(code, str) and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def is_blank(value: object) -> bool:
    return not (isinstance(value, str) and value.strip())


def iso_day(value: object, where: str) -> date:
    assert isinstance(value, str) and len(value) == 10, f"{where}: {value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def check_date(event_date: object, where: str, *, single_period: bool = False) -> None:
    assert isinstance(event_date, dict), f"{where}: date must be an object"
    assert set(event_date) == {"start", "end", "precision"}, f"{where}: date keys {sorted(event_date)}"
    precision = event_date["precision"]
    assert precision in PRECISIONS, f"{where}: precision {precision!r}"
    if precision == "unknown":
        assert event_date["start"] is None and event_date["end"] is None, f"{where}: unknown date with values"
        return
    start = iso_day(event_date["start"], f"{where} start")
    end = iso_day(event_date["end"], f"{where} end")
    assert start <= end, f"{where}: end {end} before start {start}"
    if precision in {"month", "year"}:
        assert start.day == end.day == 1, f"{where}: a {precision} date must start and end on a 1st"
        assert not single_period or end == start, f"{where}: a {precision} date is a single period"
    if precision == "year":
        assert start.month == end.month == 1, f"{where}: a year date must start and end on 1 January"


def check_participants(participants: object, countries: list[str], where: str) -> None:
    assert isinstance(participants, list), f"{where}: participants must be a list"
    for person in participants:
        assert isinstance(person, dict) and set(person) == {"name", "title", "country"}, (
            f"{where}: {person!r}"
        )
        assert not is_blank(person["name"]), f"{where}: blank participant name"
        assert person["title"] is None or not is_blank(person["title"]), f"{where}: blank title"
        assert is_alpha3(person["country"]), f"{where}: participant country {person['country']!r}"
        assert person["country"] in countries, f"{where}: {person['name']} is from a state not taking part"


def check_location(location: object, countries: list[str], where: str) -> None:
    if location is None:
        return
    assert isinstance(location, dict) and set(location) == {"place", "country"}, f"{where}: {location!r}"
    assert location["place"] is None or not is_blank(location["place"]), f"{where}: blank place"
    assert is_alpha3(location["country"]), f"{where}: location country {location['country']!r}"
    assert location["country"] in countries, f"{where}: located in a state not taking part"


def check_event(event: object, text: str, where: str, *, single_period_dates: bool = False) -> None:
    assert isinstance(event, dict), f"{where}: event must be an object"
    assert set(event) == EVENT_KEYS, (
        f"{where}: keys differ from the contract: {sorted(set(event) ^ EVENT_KEYS)}"
    )
    assert event["type"] in EVENT_TYPES, f"{where}: type {event['type']!r}"
    assert event["status"] in STATUSES, f"{where}: status {event['status']!r}"
    check_date(event["date"], where, single_period=single_period_dates)
    countries = event["countries"]
    assert isinstance(countries, list) and countries, f"{where}: countries must be a non-empty list"
    assert all(is_alpha3(code) for code in countries), f"{where}: not ISO 3166 alpha-3: {countries}"
    assert countries == sorted(set(countries)), f"{where}: countries must be sorted and unique: {countries}"
    check_participants(event["participants"], countries, where)
    check_location(event["location"], countries, where)
    assert event["name"] is None or not is_blank(event["name"]), f"{where}: blank name"
    topics = event["topics"]
    assert isinstance(topics, list) and len(topics) == len(set(topics)), f"{where}: topics {topics!r}"
    assert set(topics) <= set(TOPICS), (
        f"{where}: topics outside the list: {sorted(set(topics) - set(TOPICS))}"
    )
    evidence = event["evidence"]
    assert not is_blank(evidence), f"{where}: empty evidence"
    assert evidence in text, f"{where}: evidence is not verbatim in the article: {evidence[:80]!r}"


def check_published(published: object, text: str, where: str) -> None:
    assert isinstance(published, dict) and set(published) == {"date", "source"}, f"{where}: {published!r}"
    assert published["source"] in PUBLISHED_SOURCES, f"{where}: published source {published['source']!r}"
    if published["date"] is None:
        assert published["source"] == "unknown", f"{where}: a missing date must have source 'unknown'"
        return
    year = iso_day(published["date"], f"{where} published").year
    assert str(year) in text, f"{where}: the publication year is not stated in the article"


def check_dates_against_publication(
    document: dict, where: str, *, undated_dates_nothing: bool = False
) -> None:
    """A happening that occurred cannot postdate its article, nor a planned one predate it.

    Relative dates cannot be resolved without a publication date (gold/README.md), so an
    undated article dates only what its evidence states with a year. Otherwise the comparison
    is made at the event's own precision: "next year" (planned, 2024) in an article of
    October 2023 passes.
    """
    published = document["published"]["date"]
    for index, event in enumerate(document["events"]):
        when, at = event["date"], f"{where} event {index}"
        if published is None:
            if when["precision"] == "unknown":
                continue
            assert not undated_dates_nothing, f"{at}: undated article, dated event"
            years = {when["start"][:4], when["end"][:4]}
            assert all(year in event["evidence"] for year in years), f"{at}: undated article, relative date"
            continue
        if when["precision"] == "unknown" or event["status"] == "proposed":
            continue
        width = PRECISION_WIDTH[when["precision"]]
        if event["status"] == "occurred":
            assert when["start"][:width] <= published[:width], f"{at}: occurs after publication"
        else:
            assert when["end"][:width] >= published[:width], f"{at}: planned in the past"


def check_document(path: Path, gold_set: GoldSet) -> dict:
    """Every rule one gold file of `gold_set` must obey on its own; returns the parsed record."""
    gold = load(path)
    where = path.name
    allowed = DOC_KEYS | {LINKS_KEY} if gold_set.links_allowed else DOC_KEYS
    assert DOC_KEYS <= set(gold) <= allowed, f"{where}: keys {sorted(gold)}"
    assert gold["doc_id"] == path.stem, f"{where}: doc_id {gold['doc_id']!r} differs from the file name"
    text = article_text(article_for(gold["doc_id"], gold_set.articles))
    check_published(gold["published"], text, where)
    assert isinstance(gold["events"], list), f"{where}: events must be a list"
    for index, event in enumerate(gold["events"]):
        check_event(event, text, f"{where} event {index}", single_period_dates=gold_set.single_period_dates)
    check_dates_against_publication(gold, where, undated_dates_nothing=gold_set.undated_dates_nothing)
    has_events = bool(gold["events"])
    assert has_events != (NEGATIVE_MARK in path.stem), f"{where}: `{NEGATIVE_MARK}` name and events disagree"
    return gold


def check_links(documents: dict[str, dict]) -> int:
    """Each same_event_as link joins two real events of one type and one set of states."""
    count = 0
    for doc_id, document in documents.items():
        for link in document.get(LINKS_KEY, []):
            count += 1
            assert set(link) == LINK_KEYS, f"{doc_id}: link keys {sorted(link)}"
            other_id = link["doc_id"]
            assert other_id != doc_id, f"{doc_id}: a link must point at another article"
            assert other_id in documents, f"{doc_id}: link to unknown article {other_id}"
            own, other = document["events"], documents[other_id]["events"]
            assert 0 <= link["event_index"] < len(own), f"{doc_id}: event_index {link['event_index']}"
            assert 0 <= link["other_event_index"] < len(other), f"{doc_id}: other_event_index out of range"
            mine, theirs = own[link["event_index"]], other[link["other_event_index"]]
            assert mine["type"] == theirs["type"], f"{doc_id}: linked events differ in type"
            assert set(mine["countries"]) == set(theirs["countries"]), f"{doc_id}: linked countries differ"
    return count


Range = tuple[int, int | None]  # inclusive; None means no upper bound


@dataclass(frozen=True)
class Coverage:
    """What one set must contain to test what it was written to test; zero means no demand."""

    articles: Range = (1, None)
    events: int = 0
    negatives: Range = (0, None)
    states: int = 0
    every_type_and_status: bool = False
    undated_article: bool = False
    day_spans: int = 0
    multilateral: int = 0
    links: int = 0


def within(value: int, bounds: Range) -> bool:
    low, high = bounds
    return low <= value and (high is None or value <= high)


def check_coverage(gold_set: GoldSet, want: Coverage) -> None:
    documents = gold_set.documents()
    events = [event for document in documents.values() for event in document["events"]]
    name = gold_set.name
    assert within(len(documents), want.articles), f"{name}: {len(documents)} articles, want {want.articles}"
    assert len(events) >= want.events, f"{name}: {len(events)} events, want {want.events}"
    negatives = sorted(doc_id for doc_id, document in documents.items() if not document["events"])
    assert within(len(negatives), want.negatives), f"{name}: negatives {negatives}, want {want.negatives}"
    states = {code for event in events for code in event["countries"]}
    assert len(states) >= want.states, f"{name}: too few states for a generalisation test: {sorted(states)}"
    if want.every_type_and_status:
        assert {e["type"] for e in events} == set(EVENT_TYPES), f"{name}: an event type is missing"
        assert {e["status"] for e in events} == set(STATUSES), f"{name}: a status is missing"
    if want.undated_article:
        assert any(d["published"]["date"] is None for d in documents.values()), f"{name}: no undated article"
    spans = [e for e in events if e["date"]["precision"] == "day" and e["date"]["start"] != e["date"]["end"]]
    assert len(spans) >= want.day_spans, f"{name}: a date span (start != end) must be present"
    multilateral = sum(len(event["countries"]) > 2 for event in events)
    assert multilateral >= want.multilateral, f"{name}: {multilateral} multilateral events"
    assert check_links(documents) >= want.links, f"{name}: needs {want.links} same_event_as links"


def load_scorer() -> ModuleType:
    """The shared scorer, or a skip: it lives outside the repository, in ../shared."""
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} is absent (needs ../shared next to the repo): test skipped")
    spec = importlib.util.spec_from_file_location("shared_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def write_jsonl(records: Iterable[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path
