"""Input order never changes the result: same ids, same sources, same people, same links."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.resolve.factories import article, mention

from detente.models import Article, Event
from detente.resolve import resolve_all

ASIF = ("Khawaja Asif", "Defence Minister", "PAK")
RAHMON = ("Emomali Rahmon", "President", "TJK")
MIRZO = ("Colonel General Sherali Mirzo", "Defence Minister", "TJK")
HATAMI = ("Amir Hatami", "Defence Minister", "IRN")


WIRE = " ".join(
    f"Paragraph {i}: the defence ministers of both states met and signed a protocol on border security."
    for i in range(6)
)


def world() -> tuple[list[Article], list[Event]]:
    """Fresh objects each time: resolve_all fills ids into the mentions it gets."""
    articles = [
        article("a1", date(2022, 12, 15), outlet="APP"),
        article("a2", date(2022, 12, 16), outlet="Dawn"),
        article("a3", date(2025, 11, 15), outlet="Review"),
        article("a4", date(2021, 5, 9)),
        article("a5", date(2020, 5, 3)),
        article("a6"),
        article("a7", date(2025, 3, 1)),
        article("a8", date(2025, 8, 10)),
        article("w1", date(2024, 2, 2), WIRE, outlet="Wire A"),
        article("w2", date(2024, 2, 1), "Wire B | " + WIRE, outlet="Wire B"),
    ]
    mentions = [
        mention(
            "a1", when=date(2022, 12, 15), people=[ASIF, ("Emomali Rahm", None, "TJK")], place="Islamabad"
        ),
        mention("a1", type="pledge", when=date(2022, 12, 15), people=[RAHMON], start=80),
        mention("a2", when=date(2022, 12, 1), precision="month", people=[RAHMON], place_country="PAK"),
        mention("a2", type="pledge", when=date(2022, 12, 15), people=[RAHMON], start=90),
        mention("a3", when=date(2022, 1, 1), precision="year", people=[RAHMON], place="Islamabad"),
        mention(
            "a3", type="exercise", name="Dosti-II", when=date(2025, 8, 4), until=date(2025, 8, 9), start=7
        ),
        mention(
            "a4", countries=["IRN", "TJK"], when=date(2021, 5, 8), people=[MIRZO, HATAMI], place="Tehran"
        ),
        mention(
            "a5", countries=["IRN", "TJK"], when=date(2020, 5, 2), people=[MIRZO, HATAMI], place="Tehran"
        ),
        mention(
            "a6", countries=["IRN", "TJK"], people=[("Sherali Mirzo", None, "TJK"), HATAMI], place="Tehran"
        ),
        mention("a6", countries=["IRN", "TJK"], type="agreement", people=[MIRZO], place="Tehran", start=30),
        mention(
            "a7", type="exercise", status="planned", name="Dosti-II", when=date(2025, 8, 1), precision="month"
        ),
        mention("a8", type="exercise", name="Dosti-II", when=date(2025, 8, 4), place="Fakhrobod Base"),
        mention(
            "a8", type="praise", when=date(2025, 8, 9), people=[("Muazzam Zafar", "Colonel", "PAK")], start=40
        ),
        mention(
            "w1", type="agreement", when=date(2024, 2, 1), evidence="signed a protocol on border security"
        ),
        mention(
            "w2", type="agreement", when=date(2024, 1, 31), evidence="signed a protocol on border security"
        ),
    ]
    return articles, mentions


def fingerprint(articles: list[Article], mentions: list[Event]) -> tuple[object, ...]:
    result = resolve_all(articles, mentions)
    per_mention = sorted((m.doc_id, m.evidence_start, m.type, m.event_id) for m in mentions)
    events = sorted(
        (
            e.event_id,
            tuple(s.doc_id for s in e.sources),
            tuple(e.related),
            tuple(p.person_id for p in e.participants),
        )
        for e in result.events
    )
    people = sorted((p.person_id, p.name, tuple(p.aliases)) for p in result.people)
    return per_mention, events, people, sorted(result.copies.items())


EXPECTED = fingerprint(*world())


def test_the_world_is_resolved_as_intended() -> None:
    articles, mentions = world()
    result = resolve_all(articles, mentions)
    visit = {m.event_id for m in mentions[:5] if m.type == "meeting"}
    tehran = [m.event_id for m in mentions if m.doc_id in ("a4", "a5")]
    assert len(visit) == 1 and len(set(tehran)) == 2
    assert mentions[1].event_id == mentions[3].event_id  # the pledge, reported twice
    plan, done = mentions[10].event_id, mentions[11].event_id
    assert done == mentions[5].event_id != plan
    assert [e.related for e in result.events if e.event_id == plan] == [[done]]
    assert result.copies == {"w1": "w2"} and mentions[13].event_id == mentions[14].event_id


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(15)), st.permutations(range(10)))
def test_shuffled_input_gives_the_same_result(mention_order: list[int], article_order: list[int]) -> None:
    articles, mentions = world()
    assert fingerprint([articles[i] for i in article_order], [mentions[i] for i in mention_order]) == EXPECTED


def test_seeded_permutations_give_the_same_ids() -> None:
    for seed in range(5):
        articles, mentions = world()
        rng = random.Random(seed)
        rng.shuffle(articles)
        rng.shuffle(mentions)
        assert fingerprint(articles, mentions) == EXPECTED
