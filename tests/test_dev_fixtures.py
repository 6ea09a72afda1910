"""The hand-written dev set and the bundled examples obey the event contract.

Gold files are only useful if they are right: a wrong country code or an evidence
string that is not in the article would silently corrupt every score computed on
them, so each rule of `shared/spec/events.md` and `shared/gold/README.md` is
checked here on every file.
"""

from __future__ import annotations

import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pycountry
import pytest

from detente.models import EVENT_TYPES, PRECISIONS, STATUSES, TOPICS

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "dev"
DEV_ARTICLES = DEV / "articles"
DEV_GOLD = DEV / "gold"
EXAMPLES = ROOT / "examples"
EXAMPLES_GOLD = DEV / "examples_gold"

DOC_KEYS = {"doc_id", "published", "events"}
OPTIONAL_DOC_KEYS = {"same_event_as"}
EVENT_KEYS = {
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
    matches = [p for p in folder.iterdir() if p.stem == doc_id]
    assert len(matches) == 1, f"{doc_id}: expected one article in {folder}, found {matches}"
    return matches[0]


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def is_alpha3(code: object) -> bool:
    return isinstance(code, str) and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def check_iso(value: object, where: str) -> date:
    assert isinstance(value, str), f"{where}: {value!r} is not an ISO date string"
    assert len(value) == 10, f"{where}: {value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def check_date(event_date: object, where: str) -> None:
    assert isinstance(event_date, dict), f"{where}: date must be an object"
    assert set(event_date) == {"start", "end", "precision"}, f"{where}: date keys {sorted(event_date)}"
    precision = event_date["precision"]
    assert precision in PRECISIONS, f"{where}: precision {precision!r}"
    if precision == "unknown":
        assert event_date["start"] is None and event_date["end"] is None, f"{where}: unknown date with values"
        return
    start = check_iso(event_date["start"], f"{where}.start")
    end = check_iso(event_date["end"], f"{where}.end")
    assert start <= end, f"{where}: end {end} before start {start}"
    if precision in {"month", "year"}:
        assert start.day == 1, f"{where}: {precision} precision must start on the 1st"
    if precision == "year":
        assert start.month == 1, f"{where}: year precision must start on 1 January"


def check_place(location: object, where: str) -> None:
    if location is None:
        return
    assert isinstance(location, dict) and set(location) == {"place", "country"}, (
        f"{where}: location {location!r}"
    )
    assert location["place"] is None or (isinstance(location["place"], str) and location["place"].strip())
    assert is_alpha3(location["country"]), f"{where}: location country {location['country']!r}"


def check_participants(participants: object, where: str) -> None:
    assert isinstance(participants, list), f"{where}: participants must be a list"
    for person in participants:
        assert isinstance(person, dict) and set(person) == {"name", "title", "country"}, (
            f"{where}: {person!r}"
        )
        assert isinstance(person["name"], str) and person["name"].strip(), f"{where}: empty participant name"
        assert person["title"] is None or isinstance(person["title"], str), (
            f"{where}: title {person['title']!r}"
        )
        assert is_alpha3(person["country"]), f"{where}: participant country {person['country']!r}"


def check_event(event: object, text: str, where: str) -> None:
    assert isinstance(event, dict), f"{where}: event must be an object"
    assert set(event) == EVENT_KEYS, (
        f"{where}: keys differ from the contract: {sorted(set(event) ^ EVENT_KEYS)}"
    )
    assert event["type"] in EVENT_TYPES, f"{where}: type {event['type']!r}"
    assert event["status"] in STATUSES, f"{where}: status {event['status']!r}"
    check_date(event["date"], where)
    countries = event["countries"]
    assert isinstance(countries, list) and countries, f"{where}: countries must be a non-empty list"
    assert all(is_alpha3(c) for c in countries), f"{where}: invalid country code in {countries}"
    assert countries == sorted(set(countries)), f"{where}: countries must be sorted and unique: {countries}"
    check_participants(event["participants"], where)
    check_place(event["location"], where)
    assert event["name"] is None or (isinstance(event["name"], str) and event["name"].strip()), (
        f"{where}: name"
    )
    assert isinstance(event["topics"], list), f"{where}: topics must be a list"
    unknown_topics = set(event["topics"]) - set(TOPICS)
    assert not unknown_topics, f"{where}: topics not in the list: {unknown_topics}"
    assert len(event["topics"]) == len(set(event["topics"])), f"{where}: repeated topic"
    evidence = event["evidence"]
    assert isinstance(evidence, str) and evidence.strip(), f"{where}: empty evidence"
    assert evidence in text, (
        f"{where}: evidence is not a verbatim substring of the article: {evidence[:80]!r}"
    )


def check_document(path: Path, articles: Path) -> dict:
    gold = load(path)
    where = path.name
    assert DOC_KEYS <= set(gold) <= DOC_KEYS | OPTIONAL_DOC_KEYS, f"{where}: keys {sorted(gold)}"
    assert gold["doc_id"] == path.stem, f"{where}: doc_id {gold['doc_id']!r} differs from the file name"
    published = gold["published"]
    assert set(published) == {"date", "source"}, f"{where}: published keys {sorted(published)}"
    assert published["source"] in PUBLISHED_SOURCES, f"{where}: published source {published['source']!r}"
    if published["date"] is None:
        assert published["source"] == "unknown", f"{where}: a missing date must have source 'unknown'"
    else:
        check_iso(published["date"], f"{where}: published.date")
    text = article_text(article_for(gold["doc_id"], articles))
    assert isinstance(gold["events"], list), f"{where}: events must be a list"
    for index, event in enumerate(gold["events"]):
        check_event(event, text, f"{where} event {index}")
    return gold


DEV_GOLD_FILES = gold_files(DEV_GOLD)


def test_dev_set_is_complete_and_varied() -> None:
    articles = {p.stem for p in DEV_ARTICLES.glob("*.txt")}
    golds = {p.stem for p in DEV_GOLD_FILES}
    assert articles == golds, (
        f"articles without gold: {articles - golds}; gold without article: {golds - articles}"
    )
    assert 16 <= len(articles) <= 20
    documents = [load(p) for p in DEV_GOLD_FILES]
    negatives = [d["doc_id"] for d in documents if not d["events"]]
    assert len(negatives) >= 4, f"need at least four articles without events, found {negatives}"
    seen_types = {e["type"] for d in documents for e in d["events"]}
    seen_statuses = {e["status"] for d in documents for e in d["events"]}
    assert seen_types == set(EVENT_TYPES)
    assert seen_statuses == set(STATUSES)
    assert any(d["published"]["date"] is None for d in documents), "one article must carry no date"


@pytest.mark.parametrize("path", DEV_GOLD_FILES, ids=lambda p: p.stem)
def test_dev_gold_follows_the_contract(path: Path) -> None:
    check_document(path, DEV_ARTICLES)


def test_cross_article_links_point_at_real_events() -> None:
    documents = {p.stem: load(p) for p in DEV_GOLD_FILES}
    links = [(doc_id, link) for doc_id, d in documents.items() for link in d.get("same_event_as", [])]
    assert links, "the dev set must contain at least one same_event_as link"
    for doc_id, link in links:
        assert set(link) == {"event_index", "doc_id", "other_event_index"}, (
            f"{doc_id}: link keys {sorted(link)}"
        )
        assert link["doc_id"] != doc_id, f"{doc_id}: a link must point at another article"
        assert link["doc_id"] in documents, f"{doc_id}: link to unknown article {link['doc_id']}"
        own = documents[doc_id]["events"]
        other = documents[link["doc_id"]]["events"]
        assert 0 <= link["event_index"] < len(own), (
            f"{doc_id}: event_index {link['event_index']} out of range"
        )
        assert 0 <= link["other_event_index"] < len(other), f"{doc_id}: other_event_index out of range"
        mine, theirs = own[link["event_index"]], other[link["other_event_index"]]
        assert mine["type"] == theirs["type"], f"{doc_id}: linked events differ in type"
        assert set(mine["countries"]) == set(theirs["countries"]), (
            f"{doc_id}: linked events differ in countries"
        )


def test_examples_folder_is_ready_for_a_first_run() -> None:
    assert (EXAMPLES / "README.md").is_file(), "examples/README.md is missing"
    articles = sorted((EXAMPLES / "articles").iterdir())
    assert len([p for p in articles if p.suffix == ".txt"]) >= 4
    pages = [p for p in articles if p.suffix == ".html"]
    assert pages, "examples need one HTML page with page chrome"
    assert all('property="article:published_time"' in p.read_text(encoding="utf-8") for p in pages)


@pytest.mark.parametrize("path", gold_files(EXAMPLES_GOLD), ids=lambda p: p.stem)
def test_examples_gold_follows_the_contract(path: Path) -> None:
    check_document(path, EXAMPLES / "articles")


def test_every_example_has_gold_and_two_share_an_event() -> None:
    articles = {p.stem for p in (EXAMPLES / "articles").iterdir()}
    golds = {p.stem: load(p) for p in gold_files(EXAMPLES_GOLD)}
    assert articles == set(golds), f"examples and their gold differ: {articles ^ set(golds)}"
    assert any(d.get("same_event_as") for d in golds.values()), "two examples must report one event"


def test_the_checker_rejects_broken_gold(tmp_path: Path) -> None:
    """Guards the guard: a paraphrased evidence, a bad code or a bad date must fail."""
    articles, gold_path = tmp_path / "articles", tmp_path / "doc.json"
    articles.mkdir()
    (articles / "doc.txt").write_text("The ministers met in Hanoi on Monday.", encoding="utf-8")
    good = {
        "type": "meeting",
        "status": "occurred",
        "date": {"start": "2025-06-09", "end": "2025-06-09", "precision": "day"},
        "countries": ["IND", "VNM"],
        "participants": [],
        "location": {"place": "Hanoi", "country": "VNM"},
        "name": None,
        "topics": [],
        "evidence": "The ministers met in Hanoi on Monday.",
    }
    broken = [
        {"evidence": "The ministers met in Hanoi."},
        {"countries": ["VNM", "IND"]},
        {"countries": ["XXX"]},
        {"date": {"start": "2025-06-15", "end": "2025-06-15", "precision": "month"}},
        {"date": {"start": "9 June 2025", "end": "9 June 2025", "precision": "day"}},
        {"topics": ["diplomacy"]},
        {"status": "rumoured"},
    ]
    for change in [{}, *broken]:
        record = {
            "doc_id": "doc",
            "published": {"date": None, "source": "unknown"},
            "events": [good | change],
        }
        gold_path.write_text(json.dumps(record), encoding="utf-8")
        if not change:
            check_document(gold_path, articles)
            continue
        with pytest.raises((AssertionError, ValueError)):
            check_document(gold_path, articles)


RESOLVE = ROOT / "tests" / "fixtures" / "resolve"
RESOLVE_MENTIONS = sorted(RESOLVE.glob("*/mentions/*.json"))


@pytest.mark.parametrize("path", RESOLVE_MENTIONS, ids=lambda p: p.stem)
def test_resolve_mentions_follow_the_contract(path: Path) -> None:
    check_document(path, path.parent.parent / "articles")


def test_resolve_expectations_point_at_real_mentions() -> None:
    expected = load(RESOLVE / "expected.json")["groups"]
    assert {p.name for p in RESOLVE.iterdir() if p.is_dir()} == set(expected)
    for group, spec in expected.items():
        docs = {p.stem: load(p) for p in (RESOLVE / group / "mentions").glob("*.json")}
        articles = {p.stem for p in (RESOLVE / group / "articles").glob("*.txt")}
        assert articles == set(docs), f"{group}: articles and mentions differ"
        mentions = [r for grp in spec["same_event"] for r in grp]
        mentions += [r for pair in spec["different_event"] + spec["related"] for r in pair]
        mentions += [place["mention"] for place in spec["places"]]
        for doc_id, index in mentions:
            assert 0 <= index < len(docs[doc_id]["events"]), f"{group}: no event {index} in {doc_id}"
        people = [r for grp in spec["same_person"] for r in grp]
        people += [r for pair in spec["different_person"] for r in pair]
        people += [entry["participant"] for entry in spec["person_names"]]
        for doc_id, index, person in people:
            assert 0 <= person < len(docs[doc_id]["events"][index]["participants"]), f"{group}: {doc_id}"
        assert all(copy in docs and original in docs for copy, original in spec["copies"].items())
        total = sum(len(d["events"]) for d in docs.values())
        merged_away = sum(len(grp) - 1 for grp in spec["same_event"])
        assert spec["event_count"] == total - merged_away, f"{group}: event_count disagrees with same_event"
