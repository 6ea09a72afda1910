"""The praise recogniser: praise or thanks for the other side's forces or efforts.

Trigger words are `types.praise` of `lexicons/triggers.json`; praise of an event ("the
exercise was hailed as a success"), a speech or a research team is not.
"""

from __future__ import annotations

import re

from detente.extract.mentions.states import gazetteer
from detente.extract.recognise.triggers import Hit, rules

# "The previous edition ... was hailed by both sides as a success": the event is praised, not a party
_EVENT_PRAISED = re.compile(
    r"\b(?:edition|exercise|drills?|visit|talks|meeting|training|summit|event|ceremony|it)\b[^.;]*?"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:widely\s+|also\s+)?$",
    re.I,
)


def recognise_praise(text: str, hits: list[Hit]) -> Hit | None:
    """Praise of the other side's forces or efforts, not of a speech or a stadium's atmosphere."""
    for hit in hits:
        if not rules().praise_objects.search(text, hit.end):
            continue
        if _EVENT_PRAISED.search(text[: hit.start]):
            continue
        if hit.text.lower().startswith("thank") and not gazetteer().parties(text[hit.end : hit.end + 60]):
            continue  # "thanked the research team": thanks count only when a state or its forces get them
        return hit
    return None
