"""One story told by two outlets: a page that states no date joins the dated page that tells it.

Our own two rewrites of one press release (a Kenyan-Rwandan defence accord), and an unrelated
story on the same two states, with the signing reported undated on one page.
"""

from __future__ import annotations

from datetime import date

from tests.resolve.factories import article, mention

from detente.resolve import resolve_all
from detente.resolve.blocking import candidate_pairs
from detente.resolve.evidence import judge, same_story
from detente.resolve.matching import MentionView
from detente.resolve.rules import merge_rules

WIRE = (
    "Kenya and Rwanda on Monday signed a defence cooperation framework in Nairobi during a visit by "
    "Rwandan Defence Minister Juvenal Marizamunda. Kenyan Defence Cabinet Secretary Aden Moi said the "
    "framework covers joint training at the Lanet barracks, intelligence sharing on the Lake Victoria "
    "border and a Kahawa garrison exchange programme."
)
REWRITE = (
    "Rwanda and Kenya have signed a framework on defence cooperation. Cabinet Secretary Aden Moi "
    "committed Kenya to the framework, which Juvenal Marizamunda signed for Rwanda; it covers training "
    "at Lanet, intelligence on the Lake Victoria border and exchanges with the Kahawa garrison."
)
OTHER = (
    "Rwandan troops will join Kenyan units for a football tournament in Mombasa next spring, the "
    "organisers of the East African Military Games announced, naming stadiums in Kisumu and Eldoret."
)
DATED = dict(type="agreement", countries=["KEN", "RWA"], when=date(2025, 3, 3))
UNDATED = dict(type="agreement", countries=["KEN", "RWA"])


def _views(texts: list[tuple[str, date | None, str]], events: list[dict]) -> list[MentionView]:
    found = []
    for index, ((doc_id, published, text), fields) in enumerate(zip(texts, events, strict=True)):
        event = mention(doc_id, evidence=text.split(". ")[0] + ".", **fields)
        found.append(MentionView.of(index, event, published, text))
    return found


def test_an_undated_page_joins_the_dated_page_of_its_story() -> None:
    articles = [article("wire", date(2025, 3, 4), WIRE), article("rewrite", None, REWRITE)]
    mentions = [
        mention(
            "wire", evidence=WIRE.split(". ")[0] + ".", people=[("Juvenal Marizamunda", None, "RWA")], **DATED
        ),
        mention(
            "rewrite", evidence=REWRITE.split(". ")[0] + ".", people=[("Aden Moi", None, "KEN")], **UNDATED
        ),
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id == mentions[1].event_id


def test_an_undated_page_of_another_story_stays_apart() -> None:
    articles = [article("wire", date(2025, 3, 4), WIRE), article("games", None, OTHER)]
    mentions = [
        mention("wire", evidence=WIRE.split(". ")[0] + ".", **DATED),
        mention("games", evidence=OTHER, **UNDATED),
    ]
    resolve_all(articles, mentions)

    assert mentions[0].event_id != mentions[1].event_id
    views = _views([("wire", date(2025, 3, 4), WIRE), ("games", None, OTHER)], [DATED, UNDATED])
    assert judge(*views).veto == "nothing ties an undated report"


def test_blocking_pairs_same_story_reports_so_the_merge_can_see_them() -> None:
    views = _views([("wire", date(2025, 3, 4), WIRE), ("rewrite", None, REWRITE)], [DATED, UNDATED])
    assert views[0].story.marks & views[1].story.marks
    assert (0, 1) in candidate_pairs(views)
    assert judge(*views).veto is None
    assert any(name == "same_story" for name, _ in judge(*views).parts)


def test_two_articles_published_weeks_apart_tell_two_stories() -> None:
    rules = merge_rules()
    close = _views(
        [("wire", date(2025, 3, 4), WIRE), ("rewrite", date(2025, 3, 6), REWRITE)], [UNDATED, UNDATED]
    )
    later = date(2025, 3, 4).replace(month=5)
    apart = _views([("wire", date(2025, 3, 4), WIRE), ("rewrite", later, REWRITE)], [UNDATED, UNDATED])
    assert same_story(*close, rules)
    assert not same_story(*apart, rules)


def test_a_dated_page_is_placed_by_its_date_not_its_story() -> None:
    """Where the undated report's page has a date, publication says when; the story adds nothing."""
    views = _views(
        [("wire", date(2025, 3, 4), WIRE), ("rewrite", date(2025, 3, 5), REWRITE)], [DATED, UNDATED]
    )
    names = [name for name, _ in judge(*views).parts]
    assert "published_near" in names and "same_story" not in names
