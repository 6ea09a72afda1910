"""How a sentence's clauses divide what it states.

A date, a habit or a deal's content belongs to the clause it stands in: "met on Friday,
a day after watching the drill" dates the meeting, not the drill; "signed in 2015, and
the last batch arrived in 2023" states two happenings; "where a fleet fishes every year"
is no habit of the main event.
"""

from __future__ import annotations

import re

from detente.extract.recognise.triggers import Hit, has_eventive, rules
from detente.models import EventDate

_OFFSET_CLAUSE = re.compile(
    r",\s+(?:(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)"
    r"|shortly|soon|just|hours|days|weeks)\s+(?:after|before)\b",
    re.I,
)
# "..., recalling that Australian instructors trained units after the 2017 siege": an earlier happening's date
_RECALLED = re.compile(r"\b(?:recall(?:ing|ed|s)?|remember(?:ing|ed)?|reminded)\b(?:\s+that)?", re.I)
_BEGAN_BEFORE = re.compile(
    r"\b(?:began|begun|commenced|started|opened|kicked off|got under ?way)(?:\s+[\w'’-]+){0,5}?\s+(?:on\s+)?$"
)
_ENDED_BEFORE = re.compile(
    r"\b(?:ended|concluded|wrapped up|closed|finished|culminated"
    r"|(?:continue|run|last)s?\s+(?:until|till|through))\s+(?:on\s+)?$"
)
_UNDER_WAY = re.compile(
    r"\b(?:began|started|commenced|opened|kicked off|got under ?way)\b[^.;]*"
    r"\bwill (?:continue|run|last|conclude|end)\b"
)
DONE_DELIVERY = re.compile(r"\b(?:arrived|reached|was delivered|were delivered|handed over|inducted)\b", re.I)
_RELATIVE_START = re.compile(r",\s+(?:where|which|who|whose|when)\b|\s(?:that|which)\s+(?!is\b|are\b)")
_DEAL_CONTENT_START = re.compile(
    r"\s*(?:of understanding\s+)?"
    r"(?:on|for|covering|concerning|regarding|to (?:boost|expand|enhance|deepen))\b",
    re.I,
)


def offset_clause(text: str, before: int) -> int | None:
    """Start of a trailing clause set at another time than the main one ("..., a day after ...",
    "..., recalling that ...")."""
    found = [m.start() for m in _OFFSET_CLAUSE.finditer(text, 0, before)]
    found += [m.start() for m in _RECALLED.finditer(text, 0, before)]
    return max(found) if found else None


def recalled_after(text: str, offset: int) -> int | None:
    """Where a recalled, earlier happening starts after `offset` ("..., recalling that ...")."""
    found = _RECALLED.search(text, offset)
    return found.start() if found else None


def run_span(text: str, dates: list[tuple[int, EventDate]]) -> EventDate | None:
    """'which commenced on 10 March, wrapped up on Sunday': the drill ran from the one day to the other."""
    days = [(o, d) for o, d in dates if d.precision == "day" and d.start]
    began = [d for o, d in days if _BEGAN_BEFORE.search(text[max(0, o - 60) : o])]
    ended = [d for o, d in days if _ENDED_BEFORE.search(text[max(0, o - 30) : o])]
    if began and ended and began[0].start < ended[-1].start:
        return EventDate(began[0].start, ended[-1].start, "day")
    return None


def own_clause(text: str, deal: Hit, hit: Hit) -> bool:
    """'ordered under a 2016 agreement, and the last batch arrived in 2023': a happening of its own."""
    return bool(DONE_DELIVERY.search(hit.text)) and ", and " in text[deal.end : hit.start]


def habitual(text: str, hits: list[Hit]) -> bool:
    """'their navies regularly conduct joint exercises'; not '... to visit the islands, where a fleet
    fishes every year': a habit told in a relative clause after the triggers is the clause's own."""
    habit = rules().habitual.search(text)
    if habit is None:
        return False
    last_hit = max((h.end for h in hits if h.start < habit.start()), default=None)
    if last_hit is None:
        return True
    return not _RELATIVE_START.search(text, last_hit, habit.start())


def content_of_deal(text: str, deal: Hit, hit: Hit) -> bool:
    gap = text[deal.end : hit.start]
    return hit.start > deal.end and bool(_DEAL_CONTENT_START.match(gap)) and not has_eventive(gap)


def under_way(text: str) -> bool:
    """'began on Monday and will continue until Friday': a drill in progress has happened."""
    return bool(_UNDER_WAY.search(text))
