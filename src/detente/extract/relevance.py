"""Is this article, and this event, about defence and security?

A football report's 'defence' or an election commission's 'exercise' must not
become events. An article dense in defence words (a defence report) counts all
its diplomacy; elsewhere an event's own words or people must be military.
"""

from __future__ import annotations

from detente.extract.drafts import Draft
from detente.extract.people import PersonTable
from detente.extract.text import Sentence
from detente.extract.triggers import defence_cues, rules

MIN_DISTINCT_CUES = 2
FOCUS_DENSITY = 0.4  # defence cues per sentence: seeds and dev reports 0.6+, general news under 0.2
FOCUS_DISTINCT = 3
_GENERIC_EXERCISE_WORDS = frozenset({"exercise", "exercises", "drill", "drills"})


def article_relevance(sentences: list[Sentence]) -> tuple[bool, bool]:
    """(worth reading at all, a defence report through and through)."""
    found = [cue for s in sentences for cue in defence_cues(s.text)]
    relevant = len(set(found)) >= MIN_DISTINCT_CUES
    focus = len(found) >= FOCUS_DENSITY * len(sentences) and len(set(found)) >= FOCUS_DISTINCT
    return relevant, focus


def is_commentary(text: str) -> bool:
    """Opinion and analysis pieces: their sweeping sentences are no events unless dated or peopled."""
    return bool(rules().commentary.search(text[:300]))


def specific_enough(draft: Draft) -> bool:
    return bool(draft.persons) or bool(draft.date and draft.date.precision in ("day", "month"))


def in_security_context(draft: Draft, people: PersonTable, *, focus: bool) -> bool:
    if focus:
        return True
    texts = [s.text for s in draft.refs] + draft.texts
    if draft.type in ("exercise", "defence_industry"):  # "the SIR exercise" of an election commission
        return any(set(defence_cues(t)) - _GENERIC_EXERCISE_WORDS for t in texts)
    persons = list(draft.persons)
    if draft.anchor is not None:
        texts.append(draft.anchor.sentence.text)
        persons += draft.anchor.persons
    if any(defence_cues(t) for t in texts):
        return True
    titles = " ".join(people.people[i].title or "" for i in persons)
    return bool(defence_cues(titles))
