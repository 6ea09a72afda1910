"""The argument stage: what each recognised event is about.

Sentence level first (`sentence.py`): each event mention becomes a draft with its own
sentence's date (`dates.py`), place (`places.py`), participants (`participants.py`), states
(`countries.py`) and name (`names.py`). Then document-level context, in this order:
back-references, follow-on sentences and delegations (`references.py`); visits, side
meetings and same-day meetings (`visits.py`); editions of a named series; plans dated
after publication. Anchors (`anchors.py`: the meeting at which a pledge was made) are
attached after the first merge, since a visit and its meetings must be one occasion first.
"""

from __future__ import annotations

from detente.extract.arguments.anchors import choose_anchors, inherit_from_anchors, praisers_join_exercises
from detente.extract.arguments.dates import news_day, news_year, planned_by_date
from detente.extract.arguments.draft import ANCHOR_TYPES, Draft
from detente.extract.arguments.names import dates_from_edition_years, name_editions
from detente.extract.arguments.participants import group_meeting_people
from detente.extract.arguments.references import attach_references, delegation_leaders, follow_on_details
from detente.extract.arguments.sentence import attach_sentence_arguments
from detente.extract.arguments.separate import separate_meetings
from detente.extract.arguments.visits import place_meetings, sideline_meetings, visit_destinations
from detente.extract.mentions import Mentions
from detente.extract.page import Page
from detente.extract.recognise.candidates import Candidates
from detente.models import Place

__all__ = [
    "ANCHOR_TYPES",
    "Draft",
    "attach_anchors",
    "attach_context",
    "attach_sentence_arguments",
    "news_day",
    "news_year",
    "separate_meetings",
]


def attach_context(
    drafts: list[Draft], page: Page, candidates: Candidates, mentions: Mentions
) -> dict[int, Place]:
    """What context adds to the drafts; returns where each visitor (a person's index) went."""
    attach_references(drafts, page.sentences, candidates, mentions)
    group_meeting_people(drafts, page.sentences, mentions)
    follow_on_details(drafts, page.sentences, mentions, {d.index for d in drafts})
    delegation_leaders(drafts, page.sentences, mentions)
    visitors = visit_destinations(page.sentences, mentions)
    place_meetings(drafts, visitors)
    sideline_meetings(drafts)
    name_editions(drafts)
    dates_from_edition_years(drafts)
    planned_by_date(drafts, page.published)
    return visitors


def attach_anchors(drafts: list[Draft], page: Page) -> None:
    """The occasion each pledge, praise or undated agreement was made at, and what it inherits."""
    choose_anchors(drafts, page.published)
    inherit_from_anchors(drafts)
    praisers_join_exercises(drafts)
