"""Syndicated wire copy: detected, pointed at its original, its events counted once."""

from __future__ import annotations

import random
from datetime import date

from tests.resolve.factories import article, mention

from detente.resolve import resolve_all
from detente.resolve.copies import find_copies

WIRE = (
    "ISLAMABAD: Defence Minister Khawaja Asif and Tajik President Emomali Rahmon met in Islamabad on "
    "Thursday and agreed to deepen cooperation in counter-terrorism, intelligence capacity building and "
    "defence production. The minister said both countries, as neighbours of Afghanistan, face similar "
    "security challenges including terrorism and drug trafficking across the border. The Tajik president "
    "pledged to work with Pakistan to strengthen bilateral ties and invited the minister to visit Dushanbe."
)
OTHER = (
    "The national cricket board announced on Monday that the home series against the visiting side will "
    "move to a new venue after heavy rain damaged the outfield, and officials expect the revised schedule "
    "to be published later this week along with ticketing arrangements for supporters travelling."
)


def wire_articles() -> list:
    return [
        article("app", date(2022, 12, 15), WIRE + " (APP)", outlet="APP"),
        article(
            "geo", date(2022, 12, 15), "Geo News | Pakistan\n" + WIRE + " Read more on Geo.", outlet="Geo"
        ),
        article("tribune", date(2022, 12, 16), "Tribune: " + WIRE, outlet="Tribune"),
        article("sport", date(2022, 12, 15), OTHER, outlet="Sport"),
    ]


def test_republished_wire_copy_points_at_the_earliest_original() -> None:
    copies = find_copies(wire_articles())

    # app and geo share the earliest day; the smaller doc_id is the original.
    assert copies == {"geo": "app", "tribune": "app"}


def test_copy_detection_does_not_depend_on_input_order() -> None:
    expected = find_copies(wire_articles())
    for seed in range(5):
        shuffled = wire_articles()
        random.Random(seed).shuffle(shuffled)
        assert find_copies(shuffled) == expected


def test_a_rewritten_story_on_the_same_visit_is_not_a_copy() -> None:
    rewrite = (
        "Tajikistan's president, on a visit to Pakistan, held talks with the defence minister about "
        "terrorism, drug smuggling and military industry, and the two promised closer ties."
    )
    articles = [article("app", date(2022, 12, 15), WIRE), article("dawn", date(2022, 12, 15), rewrite * 2)]
    assert find_copies(articles) == {}


def test_events_of_a_copy_are_counted_once_and_the_copy_stays_a_source() -> None:
    evidence = "Defence Minister Khawaja Asif and Tajik President Emomali Rahmon met in Islamabad on Thursday"
    people = [("Khawaja Asif", "Defence Minister", "PAK"), ("Emomali Rahmon", "President", "TJK")]
    mentions = []
    for doc_id in ("app", "geo", "tribune"):
        # Each outlet's publication date resolves "Thursday" a little differently: still one event.
        when = date(2022, 12, 15) if doc_id != "tribune" else date(2022, 12, 16)
        mentions.append(mention(doc_id, when=when, people=people, place="Islamabad", evidence=evidence))
        mentions.append(
            mention(doc_id, type="pledge", when=when, evidence="The Tajik president pledged", start=300)
        )
    result = resolve_all(wire_articles(), mentions)

    assert result.copies == {"geo": "app", "tribune": "app"}
    assert len(result.events) == 2
    for event in result.events:
        assert [s.doc_id for s in event.sources] == ["app", "geo", "tribune"]
        assert event.date.start == date(2022, 12, 15)
    assert len({m.event_id for m in mentions if m.type == "meeting"}) == 1


def test_short_or_empty_texts_are_never_called_copies() -> None:
    articles = [article("x", date(2024, 1, 1), "Talks held."), article("y", date(2024, 1, 2), "Talks held.")]
    assert find_copies(articles) == {}
