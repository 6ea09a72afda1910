"""The records stage: merged drafts become the contract's events.

`keep.py` keeps the events in a defence and security context; `assemble.py` fills each
event's states (the article's main pair completes a lone one), its people's states, and
`codes.py` and `topics.py` its CAMEO/PLOVER codes and topics.
"""

from __future__ import annotations

from collections.abc import Sequence

from detente.extract.arguments.draft import Draft
from detente.extract.mentions import Mentions
from detente.extract.page.sentences import Sentence
from detente.extract.records.assemble import Sides, main_dyad, to_event
from detente.extract.records.keep import keep_in_context
from detente.models import Article, Event, Place

__all__ = ["keep_in_context", "to_records"]

_TOPIC_CONTEXT_TYPES = ("meeting", "pledge")

_TOPIC_CONTEXT_SENTENCES = 2


def to_records(
    drafts: list[Draft], mentions: Mentions, visitors: dict[int, Place], article: Article
) -> list[Event]:
    """The events of the drafts that name enough states, in order."""
    _topic_context(drafts, mentions.sentences)
    mentioned = mentions.state_codes()
    sides = Sides(main_dyad(mentioned), mentioned=frozenset(c for codes in mentioned for c in codes))
    sides.visitors = visitors
    sides.learn(drafts, mentions.people)
    events = [to_event(d, mentions.people, sides, article) for d in drafts]
    return [e for e in events if e is not None]


def _topic_context(drafts: list[Draft], sentences: Sequence[Sentence]) -> None:
    """What a meeting was about is often said in the sentences after it, in its paragraph
    ("The two sides discussed counter-terrorism and drug trafficking")."""
    for draft in drafts:
        if draft.type not in _TOPIC_CONTEXT_TYPES:
            continue
        following = sentences[draft.index + 1 : draft.index + 1 + _TOPIC_CONTEXT_SENTENCES]
        draft.texts += [s.text for s in following if s.paragraph == draft.sentence.paragraph]
