"""How a sentence's clauses divide what it states.

A date, a habit or a deal's content belongs to the clause it stands in: "met on Friday,
a day after watching the drill" dates the meeting, not the drill; "signed in 2015, and
the last batch arrived in 2023" states two happenings; "where a fleet fishes every year"
is no habit of the main event.
"""

from __future__ import annotations

from detente.extract.lexicon import LexiconPatterns
from detente.extract.recognise.triggers import Hit, has_eventive, rules
from detente.models import EventDate

_RULES = LexiconPatterns("recognise", "clauses")


def offset_clause(text: str, before: int) -> int | None:
    """Start of a trailing clause set at another time than the main one ("..., a day after ...",
    "..., recalling that ...")."""
    found = [m.start() for m in _RULES.offset_clause.finditer(text, 0, before)]
    found += [m.start() for m in _RULES.recalled.finditer(text, 0, before)]
    return max(found) if found else None


def recalled_after(text: str, offset: int) -> int | None:
    """Where a recalled, earlier happening starts after `offset` ("..., recalling that ...")."""
    found = _RULES.recalled.search(text, offset)
    return found.start() if found else None


def run_span(text: str, dates: list[tuple[int, EventDate]]) -> EventDate | None:
    """'which commenced on 10 March, wrapped up on Sunday': the drill ran from the one day to the other."""
    days = [(o, d) for o, d in dates if d.precision == "day" and d.start]
    began = [d for o, d in days if _RULES.began_before.search(text[max(0, o - 60) : o])]
    ended = [d for o, d in days if _RULES.ended_before.search(text[max(0, o - 30) : o])]
    if began and ended and began[0].start < ended[-1].start:
        return EventDate(began[0].start, ended[-1].start, "day")
    return None


def own_clause(text: str, deal: Hit, hit: Hit) -> bool:
    """'ordered under a 2016 agreement, and the last batch arrived in 2023', '..., and the first ship is due
    to be delivered by 2030': a happening of its own."""
    return bool(_RULES.delivery_in_own_clause.search(hit.text)) and ", and " in text[deal.end : hit.start]


def habitual(text: str, hits: list[Hit]) -> bool:
    """'their navies regularly conduct joint exercises'; not '... to visit the islands, where a fleet
    fishes every year': a habit told in a relative clause after the triggers is the clause's own."""
    habit = rules().habitual.search(text)
    if habit is None:
        return False
    first_hit = min((h.end for h in hits if h.start < habit.start()), default=None)
    if first_hit is None:
        return True
    # "proposed setting up a working group, which would meet regularly": the relative clause's habit
    return not _RULES.relative_start.search(text, first_hit, habit.start())


def habit_clause_start(text: str, hits: list[Hit]) -> int | None:
    """Where a relative clause holding a habit begins, after the first trigger ("proposed a working
    group, which would meet regularly"): the triggers in it tell the habit, no event of their own."""
    habit = rules().habitual.search(text)
    first_hit = min((h.end for h in hits if h.start < habit.start()), default=None) if habit else None
    if first_hit is None:
        return None
    clauses = list(_RULES.relative_start.finditer(text, first_hit, habit.start()))
    return clauses[-1].start() if clauses else None


def content_of_deal(text: str, deal: Hit, hit: Hit) -> bool:
    gap = text[deal.end : hit.start]
    return hit.start > deal.end and bool(_RULES.deal_content_start.match(gap)) and not has_eventive(gap)


def under_way(text: str) -> bool:
    """'began on Monday and will continue until Friday': a drill in progress has happened."""
    return bool(_RULES.under_way.search(text))
