"""The fictional fixture groups in tests/fixtures/resolve, checked against their expected.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.models import Article, Event, Resolution
from detente.resolve import resolve_all

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "resolve"
EXPECTED = (
    json.loads((FIXTURES / "expected.json").read_text()) if (FIXTURES / "expected.json").exists() else {}
)
GROUPS = sorted(EXPECTED.get("groups", {}))

Loaded = tuple[list[Article], dict[tuple[str, int], Event]]


def load_group(group: str) -> Loaded:
    articles, mentions = [], {}
    for path in sorted((FIXTURES / group / "mentions").glob("*.json")):
        record = json.loads(path.read_text())
        doc_id = record["doc_id"]
        text = (FIXTURES / group / "articles" / f"{doc_id}.txt").read_text()
        published = record["published"]["date"]
        articles.append(Article(doc_id, text, published=date.fromisoformat(published) if published else None))
        for index, raw in enumerate(record["events"]):
            event = Event.from_record(raw, doc_id=doc_id)
            event.evidence_start = text.find(raw["evidence"])
            mentions[(doc_id, index)] = event
    return articles, mentions


def resolve(loaded: Loaded) -> Resolution:
    articles, mentions = loaded
    return resolve_all(articles, list(mentions.values()))


def event_of(mentions: dict[tuple[str, int], Event], ref: list) -> str | None:
    return mentions[(ref[0], ref[1])].event_id


def person_of(mentions: dict[tuple[str, int], Event], ref: list) -> str | None:
    return mentions[(ref[0], ref[1])].participants[ref[2]].person_id


pytestmark = pytest.mark.skipif(not GROUPS, reason="tests/fixtures/resolve/expected.json is absent")


@pytest.mark.parametrize("group", GROUPS)
def test_group_resolves_as_expected(group: str) -> None:
    expected = EXPECTED["groups"][group]
    loaded = load_group(group)
    result = resolve(loaded)
    mentions = loaded[1]

    assert len(result.events) == expected["event_count"]
    for refs in expected["same_event"]:
        assert len({event_of(mentions, r) for r in refs}) == 1, refs
    for a, b in expected["different_event"]:
        assert event_of(mentions, a) != event_of(mentions, b), (a, b)
    by_id = {e.event_id: e for e in result.events}
    for a, b in expected["related"]:
        ida, idb = event_of(mentions, a), event_of(mentions, b)
        assert ida != idb and by_id[ida].related == [idb] and by_id[idb].related == [ida]
    if not expected["related"]:
        assert all(not e.related for e in result.events)
    assert result.copies == expected["copies"]
    for refs in expected["same_person"]:
        ids = {person_of(mentions, r) for r in refs}
        assert len(ids) == 1 and None not in ids, refs
    for a, b in expected["different_person"]:
        assert person_of(mentions, a) != person_of(mentions, b), (a, b)
    people = {p.person_id: p for p in result.people}
    for check in expected["person_names"]:
        person = people[person_of(mentions, check["participant"])]
        assert person.name == check["name"]
        assert set(check["aliases"]) <= set(person.aliases)
    for check in expected["places"]:
        location = mentions[tuple(check["mention"])].location
        assert location is not None and location.latitude is not None
        assert location.geonames_id in check["any_of"] and location.geonames_id not in check["never"]


def test_all_groups_together_merge_nothing_across_groups() -> None:
    articles: list[Article] = []
    mentions: dict[tuple[str, int], Event] = {}
    group_of: dict[str, str] = {}
    for group in GROUPS:
        group_articles, group_mentions = load_group(group)
        articles += group_articles
        mentions.update(group_mentions)
        group_of.update({a.doc_id: group for a in group_articles})
    result = resolve((articles, mentions))

    assert len(result.events) == sum(EXPECTED["groups"][g]["event_count"] for g in GROUPS)
    for event in result.events:
        assert len({group_of[s.doc_id] for s in event.sources}) == 1
    alone = {key: m.event_id for g in GROUPS for key, m in _resolved_alone(g).items()}
    assert {key: m.event_id for key, m in mentions.items()} == alone  # ids do not depend on the company


def _resolved_alone(group: str) -> dict[tuple[str, int], Event]:
    loaded = load_group(group)
    resolve(loaded)
    return loaded[1]
