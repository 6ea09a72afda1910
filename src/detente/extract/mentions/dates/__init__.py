"""Date expressions in news text, resolved against the article's publication date.

News gives dates in many shapes: "Thursday, November 13, 2025", "4-9 August 2025",
"on Friday", "next month", "In 2019", "mid-2023". Each becomes a `DateMention` with
character offsets and an `EventDate` at the precision the text gives.

Rules the gold annotations follow (shared/gold/README.md):
- `start` is the first day of the period; `end` equals `start` unless the text
  gives a span ("from August 4 to 9, 2025").
- Relative and year-less dates are resolved against the publication date; with
  no publication date they stay `unknown` (start None), unless the caller gives the
  year the page's own dates point to (`year_hint`): a year-less day or month then
  takes that year. A weekday or "last week" never does.
- A bare weekday ("on Thursday") is the latest such day on or before publication
  (the same day counts), or the first on or after it when the sentence speaks of
  the future ("will visit on Thursday"). "next"/"last" exclude the day itself.
- A year-less day or month ("on March 29", "in May") takes the year that puts it
  before publication when the sentence is in the past tense, after it when in the
  future tense, and otherwise the nearest one.
- Week phrases ("last week", "two weeks ago") resolve to that week's days, Monday to
  Sunday, at day precision (the news guide's reading); "last weekend" to its Saturday
  and Sunday.

Own regexes over a small lexicon (`lexicons/dates.json`) instead of dateparser:
on 300 background-news sentences they ran about 40 times faster than
`dateparser.search.search_dates`, which also read "we", "£50m" and modal "may"
as dates; these refuse counts, sums of money and modal "may".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.extract.mentions.dates.readings import best_candidates
from detente.extract.mentions.dates.resolve import as_date, is_relative, resolve_hinted, resolve_weekday
from detente.extract.mentions.dates.spans import merge_spans
from detente.extract.mentions.dates.tense import tense_of
from detente.extract.mentions.dates.vocabulary import LEXICON_PATH
from detente.models import EventDate

__all__ = ["LEXICON_PATH", "DateMention", "find_dates", "resolve_weekday"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: offsets into the text, its resolved value, and whether
    that value depended on the publication date."""

    start: int
    end: int
    value: EventDate
    relative: bool
    text: str


def find_dates(text: str, published: date | None, year_hint: int | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, none overlapping.

    Without a publication date, `year_hint` (the year the page's own dates point to) places a
    "29-30 June" or "in March" in that year; weekdays and "last week" stay unknown.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: text must be a str, got {type(text).__name__}")
    published = as_date(published)
    candidates = merge_spans(text, best_candidates(text))
    return [
        DateMention(
            c.start,
            c.end,
            resolve_hinted(c.raw, published, year_hint, lambda c=c: tense_of(text, c, candidates)),
            is_relative(c.raw),
            text[c.start : c.end],
        )
        for c in candidates
    ]
