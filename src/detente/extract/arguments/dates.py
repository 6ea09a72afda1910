"""The date-attachment stage: which of a sentence's dates is its event's, and the year of a
background event.

A sentence's dates come from the mentions stage, resolved against the publication date
("In October 2016, they held their first exercise" is October 2016; "last year" the year
before publication). Here the event takes the date nearest its trigger, unless that date
dates a statement ("..., the ministry said on Tuesday"), a deadline or horizon ("until
2030"), a recalled deed or another clause ("a day after watching the drill"); a drill's
span runs from the day it began to the day it ended; a named edition without a date takes
its name's year ("Neptune Bridge 2023"). After publication means planned, and a plan dated
before publication keeps no date (`planned_by_date`).
"""

from __future__ import annotations

from datetime import date

from detente.extract.arguments.draft import Draft
from detente.extract.lexicon import LexiconPatterns
from detente.extract.mentions.index import DatedOffsets, Mentions
from detente.extract.page.sentences import Sentence
from detente.extract.recognise.clauses import recalled_after, run_span
from detente.extract.recognise.triggers import Hit
from detente.models import EventDate

_RULES = LexiconPatterns("arguments", "dates")


_CLAUSES = LexiconPatterns("recognise", "clauses")
_NAMES = LexiconPatterns("arguments", "names")


def sentence_date(
    event_type: str,
    text: str,
    hit: Hit,
    dates: DatedOffsets,
    earlier: int | None,
    *,
    planned: bool = False,
) -> EventDate | None:
    """The date of the event `hit` states, from its sentence's dates; `earlier` starts a clause
    set at another time ("..., a day after ..."). A plan is never dated by the day it was
    announced ("are expected to sign an agreement soon, the palace announced Friday"); a
    proposal is: it is made when it is stated."""
    recalled = recalled_after(text, hit.end) if event_type in ("praise", "pledge") else None
    if recalled is not None:
        dates = [(o, d) for o, d in dates if o < recalled]  # said now; the recalled deed is older
    if event_type == "defence_industry" and _CLAUSES.delivery_in_own_clause.search(hit.text):
        clause = text.rfind(", and ", 0, hit.start)  # "signed in 2015, and the last batch arrived in 2023"
        dates = [(o, d) for o, d in dates if o > clause] if clause >= 0 else dates
    clause = _own_clause_start(text, hit.start)  # "... in 2022 and a previous drill was held in 2019"
    if clause is not None and any(o > clause for o, _ in dates):
        dates = [(o, d) for o, d in dates if o > clause]
    if earlier is not None:  # "met on Friday, a day after watching ... the exercise": not Friday's
        dates = [(o, d) for o, d in dates if o >= earlier]
    if planned:
        dates = [(o, d) for o, d in dates if not _dates_statement(text, o, hit.start)]
    found = _nearest_date(dates, hit.start, text, hit.end)
    if event_type in ("exercise", "training"):
        found = run_span(text, dates) or found
    return found


def _own_clause_start(text: str, trigger: int) -> int | None:
    """Where the clause holding the trigger starts, when "and" opens one with its own subject and verb."""
    starts = [m.start() for m in _RULES.own_clause.finditer(text) if m.end() <= trigger]
    return starts[-1] if starts else None


def year_of_name(name: str | None) -> EventDate | None:
    """'Neptune Bridge 2023, held off Naples': an edition named with its year happened that year."""
    year = _NAMES.year_suffix.search(name or "")
    if year is None:
        return None
    return EventDate(date(int(year.group(1)), 1, 1), date(int(year.group(1)), 1, 1), "year")


def _distance(offset: int, start: int, end: int) -> int:
    return 0 if start <= offset < end else min(abs(offset - start), abs(offset - end))


def _nearest_date(
    dates: list[tuple[int, EventDate]], anchor: int, text: str, anchor_end: int
) -> EventDate | None:
    """The date nearest the trigger; the date a statement was made only when the sentence has no other."""
    dated = [(o, d) for o, d in dates if not _RULES.horizon.search(text[:o])] or [
        (o, d) for o, d in dates if _RULES.deadline.search(text[:o])
    ]
    usable = [(o, d) for o, d in dated if not _dates_statement(text, o, anchor)] or dated
    if not usable:
        return None
    nearest = min(usable, key=lambda od: _distance(od[0], anchor, anchor_end))[1]
    if nearest.precision == "year" and nearest.start is not None:  # "In September 2021, ... X-2021 drills"
        year = nearest.start.year
        finer = [d for _, d in usable if d.start and d.start.year == year and d.precision != "year"]
        return finer[0] if len(finer) == 1 else nearest
    return nearest


def is_statement_date(text: str, offset: int) -> bool:
    """'..., the ministry said on Tuesday', 'On Monday, the army said': the date a statement was made."""
    return bool(_RULES.said_on.search(text[:offset]) or _RULES.said_after.match(text[offset:]))


def _dates_statement(text: str, offset: int, anchor: int) -> bool:
    """Whether the date at `offset` dates the statement rather than the event at `anchor`."""
    return bool(_RULES.said_on.search(text[:offset])) or _said_after(text, offset, anchor)


def _said_after(text: str, offset: int, anchor: int) -> bool:
    """A date that opens the sentence before 'X said' dates the statement, when the event comes after."""
    return offset < anchor and bool(_RULES.said_after.match(text[offset:]))


def planned_by_date(drafts: list[Draft], published: date | None) -> None:
    """After publication means planned; a plan dated before it has the announcement's date, not its own."""
    if published is None:
        return
    for draft in drafts:
        start = draft.date.start if draft.date else None
        if (
            draft.status == "occurred"
            and draft.type not in ("pledge", "praise")
            and start
            and start > published
        ):
            draft.status = "planned"
        if draft.status == "planned" and draft.date and _before(draft.date, published):
            draft.date = None


def _before(value: EventDate, published: date) -> bool:
    """The whole period (day, month or year) lies before publication."""
    if value.start is None:
        return False
    if value.precision == "year":
        return value.start.year < published.year
    if value.precision == "month":
        return (value.start.year, value.start.month) < (published.year, published.month)
    return value.start < published


def earlier_start(target: Draft, sentence: Sentence, found: list) -> None:
    """'The exercise, which opened on May 14, ...': the span starts at the opening."""
    if (
        not found
        or target.date is None
        or target.date.start is None
        or not _RULES.opened.search(sentence.text)
    ):
        return
    start = found[0][1]
    if start.start and start.start < target.date.start and (target.date.start - start.start).days < 120:
        target.date = EventDate(start.start, target.date.end or target.date.start, start.precision)


NEWS_DAY_REACH = 7  # days before publication within which a dated event is "the news"


def news_day(drafts: list[Draft], published: date | None, mentions: Mentions) -> None:
    """An event the article reports without a date of its own happened on the day of its news:
    the day of the first event dated in the week before publication, else the publication day.

    Events told as background ("had previously signed"), as plans, in a sentence naming
    another year, or in a sentence whose dates were judged not theirs keep no date.
    """
    if published is None:
        return
    day = next(
        (
            d.date.start
            for d in sorted(drafts, key=lambda d: d.position)
            if d.status == "occurred"
            and d.date is not None
            and d.date.precision == "day"
            and d.date.start is not None
            and 0 <= (published - d.date.start).days <= NEWS_DAY_REACH
        ),
        published,
    )
    for draft in _undated_news(drafts, published.year, mentions):
        draft.date = EventDate(day, day, "day")


def news_year(drafts: list[Draft], year: int | None, mentions: Mentions) -> None:
    """A page with no date but a year in its address ("/news/2020/..."): the events it reports
    without a date of their own happened that year (the guide's reading of such pages)."""
    if year is None:
        return
    for draft in _undated_news(drafts, year, mentions):
        draft.date = EventDate(date(year, 1, 1), date(year, 1, 1), "year")


def _undated_news(drafts: list[Draft], year: int, mentions: Mentions) -> list[Draft]:
    """Occurred events without a date of their own that are the page's news, not background."""
    found = []
    for draft in drafts:
        if draft.status != "occurred" or (draft.date is not None and draft.date.start is not None):
            continue
        if mentions.dates_in(draft.sentence):
            continue  # "met on Thursday, a day after watching the drill": the sentence's dates are not its
        text = draft.sentence.text
        years = {int(y) for y in _RULES.year_in_text.findall(text + " " + (draft.name or ""))}
        if years - {year} or _RULES.background_cue.search(text):
            continue  # "the last edition, Talisman Sabre 2021", "had previously gifted": not today's news
        found.append(draft)
    return found
