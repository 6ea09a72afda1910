"""What the merge compares about one mention, computed once: `MentionView`.

Dates are periods at their precision ("2022" is all of 2022), places keep the
city the gazetteer put them in (a facility carries its city's GeoNames id), event
names are a series and an edition, and the text is reduced to its telling words
with its neighbouring sentences. How two views are weighed is `evidence.judge`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from detente.models import Event, Participant
from detente.resolve.event_names import EventName, parse_event_name
from detente.resolve.names import fold, parse_name
from detente.resolve.rules import merge_rules
from detente.resolve.text_similarity import Opening, neighbourhood, opening_story, telling_words

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
Interval = tuple[date, date]


def period(event: Event) -> Interval | None:
    """The days the event's date can stand for at its precision; None when undated."""
    d = event.date
    if d.start is None or d.precision == "unknown":
        return None
    if d.precision == "year":
        return date(d.start.year, 1, 1), date(d.start.year, 12, 31)
    if d.precision == "month":
        last = calendar.monthrange(d.start.year, d.start.month)[1]
        return date(d.start.year, d.start.month, 1), date(d.start.year, d.start.month, last)
    end = d.end if d.end and d.end >= d.start else d.start
    return d.start, end


def overlap(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None or b is None:
        return None
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two periods; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def widen(interval: Interval, days: int) -> Interval:
    return interval[0] - timedelta(days=days), interval[1] + timedelta(days=days)


def words(text: str | None) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", fold(text or "")))


@dataclass(frozen=True)
class PlaceView:
    """A mention's place in comparable form."""

    tokens: frozenset[str]
    geonames_id: int | None
    level: str | None  # "city", "facility" (id is its city's) or "country"

    @property
    def city_id(self) -> int | None:
        """The GeoNames id of the city the place is or lies in."""
        return self.geonames_id if self.level in ("city", "facility") else None


def place_view(event: Event) -> PlaceView | None:
    loc = event.location
    if loc is None or not loc.place:
        return None
    return PlaceView(words(loc.place), loc.geonames_id, loc.geo_level)


def countries_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Equal sets, or a subset of a multilateral (three or more states) set."""
    if a == b:
        return True
    small, large = sorted((a, b), key=len)
    return len(large) >= 3 and small <= large


def _surnames(event: Event) -> list[tuple[str | None, str]]:
    """(state, last name word) of each participant; given names are shared by too many people."""
    found = []
    for p in event.participants:
        key = parse_name(p.name or "").key
        if key and len(key[-1]) >= 3:
            found.append((p.country, key[-1]))
    return found


def _voiced(event: Event, stated: frozenset[str]) -> list[Participant]:
    """The participants who speak for each state in this report.

    Where the evidence itself names some of a state's participants, only those: an
    extractor may attach people of a neighbouring sentence (another meeting of the visit).
    """
    by_state: dict[str | None, list[tuple[bool, Participant]]] = {}
    for p in event.participants:
        key = parse_name(p.name or "").key
        by_state.setdefault(p.country, []).append((bool(key) and key[-1] in stated, p))
    voiced = []
    for people in by_state.values():
        named = [p for in_evidence, p in people if in_evidence]
        voiced += named or [p for _, p in people]
    return voiced


def _sides(voiced: list[Participant]) -> dict[str, frozenset[str]]:
    """Who speaks for each state: person ids and surnames, so "Rahm" (resolved) is Rahmon."""
    sides: dict[str, set[str]] = {}
    for p in voiced:
        key = parse_name(p.name or "").key
        if p.country and (key or p.person_id):
            side = sides.setdefault(p.country, set())
            side |= {f"surname:{key[-1]}"} if key else set()
            side |= {f"person:{p.person_id}"} if p.person_id else set()
    return {country: frozenset(side) for country, side in sides.items()}


def _on_news_day(event: Event, published: date | None) -> bool:
    """A one-day date on the article's day or the day before: how a report with no date of its
    own ("is on an official visit") is dated, so it may have happened a few days earlier."""
    start, end = event.date.start, event.date.end
    if published is None or start is None or event.date.precision != "day" or (end and end != start):
        return False
    return 0 <= (published - start).days <= 1


def _story_words(context: str, event: Event) -> dict[str, float]:
    """Telling words of the text, less the participants' names, which the person registry weighs."""
    named = {w for p in event.participants for w in words(p.name)}
    return {w: weight for w, weight in telling_words(context).items() if w not in named}


@dataclass
class MentionView:
    """What the merge compares about one mention."""

    index: int  # position in the canonical order
    event: Event
    doc_id: str
    published: date | None
    family: str
    countries: frozenset[str]
    interval: Interval | None
    people: frozenset[str]
    voiced: frozenset[str]  # person ids of those who speak for their state in this report (see _voiced)
    surnames: frozenset[str]  # last name words of the participants
    sides: dict[str, frozenset[str]]  # state -> person ids and surnames of its participants
    place: PlaceView | None
    place_country: str | None
    name: str | None
    event_name: EventName | None
    evidence: frozenset[str]
    sidelines: bool  # the evidence puts this meeting on the sidelines of a larger one
    stages: frozenset[str]  # steps of an instrument's life the evidence names (signing, ratification)
    article_text: str = field(default="", repr=False)
    news_day: bool = False  # dated to its article's day (or the day before): it may have happened earlier

    @classmethod
    def of(cls, index: int, event: Event, published: date | None, article_text: str = "") -> MentionView:
        rules = merge_rules()
        loc = event.location
        named = _surnames(event)
        stated = re.findall(r"[a-z0-9]+", fold(event.evidence))
        said, joined = frozenset(stated), f" {' '.join(stated)} "
        voiced = _voiced(event, said)
        return cls(
            index=index,
            event=event,
            doc_id=event.doc_id or "",
            published=published,
            family=rules.family(event.type),
            countries=frozenset(event.countries),
            interval=period(event),
            people=frozenset(p.person_id for p in event.participants if p.person_id),
            surnames=frozenset(surname for _, surname in named),
            voiced=frozenset(p.person_id for p in voiced if p.person_id),
            sides=_sides(voiced),
            place=place_view(event),
            place_country=loc.country if loc else None,
            name=" ".join(sorted(words(event.name))) or None,
            event_name=parse_event_name(event.name),
            evidence=said,
            sidelines=rules.sideline_cues.found_in(said, joined),
            stages=frozenset(stage for stage, cues in rules.stages.items() if cues.found_in(said, joined)),
            article_text=article_text,
            news_day=_on_news_day(event, published),
        )

    def forget_words(self) -> None:
        """Drop the telling words computed for comparisons (they are recomputed if asked again)."""
        self.__dict__.pop("stated", None)
        self.__dict__.pop("text", None)
        self.__dict__.pop("story", None)

    @cached_property
    def stated(self) -> dict[str, float]:
        """Telling words of the evidence (computed when a pair first needs them)."""
        return _story_words(self.event.evidence, self.event)

    @cached_property
    def text(self) -> dict[str, float]:
        """Telling words of the evidence and its neighbouring sentences."""
        context = neighbourhood(self.article_text, self.event.evidence_start, self.event.evidence)
        return _story_words(context, self.event)

    @cached_property
    def story(self) -> Opening:
        """What the article's opening says its story is, whichever report is asked (blocking keys
        on its marks)."""
        return opening_story(self.article_text[: merge_rules().story_chars])

    @property
    def period_start(self) -> date:
        """First possible day; undated mentions sort last."""
        return self.interval[0] if self.interval else date.max

    @property
    def fine(self) -> bool:
        """Dated to the day (a span of days included)."""
        return self.interval is not None and self.event.date.precision == "day"
