"""Is this article about defence and security at all, and is it a defence report?

A football report's 'defence' or an election commission's 'exercise' must not become
events. An article dense in defence words (a defence report) counts all its diplomacy;
elsewhere an event's own words or people must be military (`records/keep.py`).
"""

from __future__ import annotations

from detente.extract.domain import defence_cues
from detente.extract.page.sentences import Sentence

MIN_DISTINCT_CUES = 2
FOCUS_DENSITY = 0.4  # defence cues per sentence: seeds and dev reports 0.6+, general news under 0.2
FOCUS_DISTINCT = 3


def article_relevance(sentences: list[Sentence]) -> tuple[bool, bool]:
    """(worth reading at all, a defence report through and through)."""
    found = [cue for s in sentences for cue in defence_cues(s.text)]
    relevant = len(set(found)) >= MIN_DISTINCT_CUES
    focus = len(found) >= FOCUS_DENSITY * len(sentences) and len(set(found)) >= FOCUS_DISTINCT
    return relevant, focus
