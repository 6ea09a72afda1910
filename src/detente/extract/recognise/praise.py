"""The praise recogniser: praise or thanks for the other side's forces or efforts.

Trigger words are `types.praise` of `lexicons/triggers.json`; praise of an event ("the
exercise was hailed as a success"), a speech or a research team is not.
"""

from __future__ import annotations

from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.states import gazetteer
from detente.extract.recognise.triggers import Hit, rules

_RULES = LexiconPatterns("recognise", "praise")


def recognise_praise(text: str, hits: list[Hit]) -> Hit | None:
    """Praise of the other side's forces or efforts, not of a speech or a stadium's atmosphere."""
    if rules().sports.search(text):
        return None  # "applauded the athletes for their discipline": sport, not one state praising another
    for hit in hits:
        if not rules().praise_objects.search(text, hit.end):
            continue
        if _RULES.event_praised.search(text[: hit.start]) or _RULES.mutual_subject.search(text[: hit.start]):
            continue
        if rules().praised_occasion.match(text, hit.end):
            continue  # "praised the achievements of the meeting", "congratulated him on his appointment"
        if hit.text.lower().startswith("thank") and not gazetteer().parties(text[hit.end : hit.end + 60]):
            continue  # "thanked the research team": thanks count only when a state or its forces get them
        return hit
    return None
