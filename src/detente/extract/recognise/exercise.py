"""The exercise recogniser: joint drills, war games, manoeuvres, named exercises and their
editions ("Dosti-II" once "Dosti-I" is known).

Trigger words are `types.exercise` of `lexicons/triggers.json`; a national drill, a
series' detail ("The exercise, which opened on May 14, included ...") or a sports
championship's edition is no new exercise.
"""

from __future__ import annotations

import re

from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.names import exercise_name
from detente.extract.recognise.event_mention import SentenceFacts
from detente.extract.recognise.status import is_negated, modal_reference
from detente.extract.recognise.triggers import Hit, has_eventive, rules
from detente.extract.recognise.vetoes import edition_of_other_series

_RULES = LexiconPatterns("recognise", "exercise")


def recognise_exercise(text: str, hits: list[Hit], facts: SentenceFacts, *, suppressed: bool) -> Hit | None:
    r = rules()
    modal = bool(r.planned.search(text) or r.proposed.search(text))
    named = exercise_name(text)
    detail = any(h.reference and not modal_reference(text, h) for h in hits)
    for hit in hits:
        if (
            hit.strong
            and not hit.reference
            and (named or hit.text[:1].isupper() or not _after_reference(hit, hits, text))
        ):
            return hit
    if detail and not named:
        return None  # "The exercise, which opened on May 14, included ... drills": detail, not a new event
    for hit in hits:
        if _RULES.ceremony.fullmatch(hit.text) and not facts.paragraph_has(_RULES.drill_word):
            continue  # "The closing ceremony took place this morning at the training centre": a course's
        if suppressed and not named:
            continue
        if hit.reference and not modal_reference(text, hit) and not named:
            continue
        if (
            _RULES.domestic_before.search(text[: hit.start]) or _RULES.own_units_after.match(text, hit.end)
        ) and not named:
            continue
        if edition_of_other_series(text, hit):
            continue  # "the next edition of the cross country championship": a series, but no drill
        context = r.exercise_context.search(text[: hit.start]) or named
        if context and (has_eventive(text) or facts.dates or modal or named):
            return hit
    return None


def _after_reference(hit: Hit, hits: list[Hit], text: str) -> bool:
    """'The drills included live-fire manoeuvres': what an exercise already found consisted of."""
    return any(
        h.reference and h.start < hit.start and not modal_reference(text, h) for h in hits if h is not hit
    )


def series_editions(text: str, hits: list[Hit], series: re.Pattern[str]) -> list[Hit]:
    """Editions of the series the article names ('Dosti-I' once 'Dosti-II' is known) that no
    exercise hit already covers."""
    found = list(hits)
    for match in series.finditer(text):
        if any(h.type == "exercise" and h.start <= match.start() < h.end for h in found):
            continue
        edition = Hit("exercise", match.start(), match.end(), match.group(0), True, False)
        if not is_negated(text, edition):  # "The third edition was postponed in 2019"
            found.append(edition)
    return found[len(hits) :]
