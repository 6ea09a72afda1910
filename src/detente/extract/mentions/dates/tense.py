"""The tense a date's sentence speaks in, from the cue words nearest the date (not a parse)."""

from __future__ import annotations

import re

from detente.extract.mentions.dates.raw import Candidate, Tense
from detente.extract.mentions.dates.vocabulary import reporting_verbs, tense_cues

_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“'A-Z0-9])|\n")

_SENTENCE_REACH = 400  # characters looked at on each side: a long sentence, not a page

_RIGHT_CUE_PENALTY = 20  # characters: a cue after the date must be this much nearer to win


def tense_of(text: str, where: Candidate, dates: list[Candidate]) -> Tense:
    """The tense of the cue nearest the mention in its sentence: "future" for a
    modal with its verb ("will be held") or a plan word, "past" for a past-tense
    verb, None without cues. Date words ("next month") are no cues. Not a parse."""
    window = max(0, where.start - _SENTENCE_REACH)
    starts = [m.end() for m in _SENTENCE_END.finditer(text, window, where.start)]
    stop = _SENTENCE_END.search(text, where.end, where.end + _SENTENCE_REACH)
    begin = starts[-1] if starts else window
    finish = stop.end() if stop else min(len(text), where.end + _SENTENCE_REACH)
    sentence = list(text[begin:finish])
    for other in dates:
        for i in range(max(other.start, begin), min(other.end, finish)):
            sentence[i - begin] = " "
    masked = "".join(sentence)
    cues = tense_cues()
    future = [m.span() for m in cues["future"].finditer(masked)]
    reporting = reporting_verbs()
    past = [
        m.span()
        for pattern in (cues["past"], cues["past_participle"])
        for m in pattern.finditer(masked)
        if m.group(0).lower() not in reporting  # "..., the army said": when it was told, not when it happens
        and not any(s < m.end() and m.start() < e for s, e in future)  # "expected to", "will be held"
    ]
    here = (where.start - begin, where.end - begin)

    def distance(span: tuple[int, int]) -> int:
        # The verb that governs a date mostly comes before it: "visited on May 3".
        return here[0] - span[1] if span[1] <= here[0] else span[0] - here[1] + _RIGHT_CUE_PENALTY

    scored = [(distance(span), 0) for span in future] + [(distance(span), 1) for span in past]
    if not scored:
        return None
    return "future" if min(scored)[1] == 0 else "past"  # a tie goes to the future cue
