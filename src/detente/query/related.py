"""Which events an event page lists as related, and how (rules in `lexicons/related.json`).

Four ties an analyst follows from one event to another:

- a plan and its execution (`execution` / `plan`): the same type between the same
  countries, the execution starting inside the plan's period; the resolver's stored
  links count too;
- a meeting and what was agreed or pledged at it (`outcome` / `occasion`): reported by
  the same article, between the same countries (or some of them), on overlapping dates;
- other editions of a named series (`edition`): "Dosti-I", "Dosti-II" and "Dosti-III"
  between the same countries.

A link the resolver stored that none of these rules explains is kept as `linked`.

Everything here is pure: the query layer reads the candidates and hands them over.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from detente.query.data_files import load_rules

EXECUTION = "execution"  # the other event carried this plan out
PLAN = "plan"  # the other event planned this one
OUTCOME = "outcome"  # agreed, pledged or signed at this meeting
OCCASION = "occasion"  # the meeting at which this was agreed, pledged or signed
EDITION = "edition"  # another edition of the same named series
LINKED = "linked"  # linked by the resolver, in no way the rules above recognise
ORDER = (EXECUTION, PLAN, OUTCOME, OCCASION, EDITION, LINKED)
NOT_YET = ("planned", "proposed")


@dataclass(frozen=True)
class SeriesName:
    """A name split into its series ("dosti") and edition ((2,) for "Dosti-II")."""

    series: str
    edition: tuple[int, ...]


def _rules() -> dict[str, Any]:
    return load_rules("related")


def series_name(name: str | None) -> SeriesName | None:
    """The series and edition of a name: "Exercise Dosti-II" is ("dosti", (2,)), "Earnest Leader
    2017" is ("earnest leader", (2017,)); None when nothing but generic words is left."""
    if not name:
        return None
    rules = _rules()
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = re.findall(r"[a-z0-9]+", plain)
    romans = {numeral: value for value, numeral in enumerate(rules["roman_numerals"], start=1)}
    ordinals = {word: value for value, word in enumerate(rules["ordinal_words"], start=1)}
    series, edition = [], []
    for index, word in enumerate(words):
        ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", word)
        if ordinal:
            edition.append(int(ordinal.group(1)))
        elif word in ordinals:
            edition.append(ordinals[word])
        elif word in romans and index > 0:  # "I" opening a name is a word, not an edition
            edition.append(romans[word])
        elif word not in rules["generic_words"]:
            series.append(word)
    if not series:
        return None
    return SeriesName(" ".join(series), tuple(edition))


def period(event: dict[str, Any]) -> tuple[date, date] | None:
    """The days an event's date covers: a month-precise date is the whole month."""
    start = event.get("date_start")
    if start is None:
        return None
    precision = event.get("date_precision")
    if precision == "year":
        end = date(start.year, 12, 31)
    elif precision == "month":
        end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    else:
        end = start
    stated_end = event.get("date_end")
    return start, max(end, stated_end) if stated_end else end


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _place_parts(event: dict[str, Any]) -> set[str]:
    place = event.get("location_place") or ""
    return {part.strip().casefold() for part in place.split(",") if part.strip()}


def _same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Unless both name a place and the names share no part ("General Headquarters, Rawalpindi"
    and "Rawalpindi" share one), two events may have happened at the same place."""
    first, second = _place_parts(a), _place_parts(b)
    return not first or not second or bool(first & second)


def _shared(a: dict[str, Any], b: dict[str, Any]) -> set[str]:
    return set(a["countries"]) & set(b["countries"])


def executes(plan: dict[str, Any], done: dict[str, Any]) -> bool:
    """Is `done` the execution of `plan`? Same type and countries, names that agree, dates that fit."""
    if plan["status"] not in NOT_YET or done["status"] != "occurred" or plan["type"] != done["type"]:
        return False
    if set(plan["countries"]) != set(done["countries"]):
        return False
    plan_name, done_name = series_name(plan.get("name")), series_name(done.get("name"))
    if plan_name and done_name:
        if plan_name.series != done_name.series:
            return False
        if plan_name.edition and done_name.edition and plan_name.edition != done_name.edition:
            return False
    done_days = period(done)
    if done_days is None:
        return False
    slack = timedelta(days=int(_rules()["plan_slack_days"]))
    reported = plan.get("first_reported")
    if reported is not None and done_days[1] + slack < reported:
        return False  # carried out before anyone reported the plan: not its execution
    plan_days = period(plan)
    if plan_days is None:  # an undated plan needs the very same name, edition included
        return bool(plan_name and done_name and plan_name == done_name)
    if plan["docs"] and plan["docs"] <= done["docs"] and not (plan_name and done_name):
        return False  # an article's own plan and execution of unnamed events are two events
    return _overlap((plan_days[0], plan_days[1] + slack), done_days)


def made_at(meeting: dict[str, Any], outcome: dict[str, Any]) -> bool:
    """Was `outcome` agreed, pledged or signed at `meeting`? Same article, countries, dates."""
    if meeting["type"] != "meeting" or outcome["type"] not in _rules()["outcome_types"]:
        return False
    if not (meeting["docs"] & outcome["docs"]):
        return False
    if meeting["status"] in NOT_YET and outcome["status"] == "occurred":
        return False  # nothing was done yet at a meeting still to come
    shared = _shared(meeting, outcome)
    if not (set(outcome["countries"]) <= set(meeting["countries"]) or len(shared) >= 2):
        return False
    if not _same_place(meeting, outcome):
        return False  # the article's other meeting, elsewhere
    meeting_days, outcome_days = period(meeting), period(outcome)
    if meeting_days is None or outcome_days is None:
        return True
    return _overlap(meeting_days, outcome_days)


def same_series(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two editions of one named series of exercises, trainings or meetings between the same states."""
    if a["type"] != b["type"] or a["type"] not in _rules()["series_types"]:
        return False
    first, second = series_name(a.get("name")), series_name(b.get("name"))
    if not first or not second or first.series != second.series:
        return False
    shared = _shared(a, b)
    return len(shared) >= 2 or (len(shared) == 1 and min(len(a["countries"]), len(b["countries"])) == 1)


def relation(me: dict[str, Any], other: dict[str, Any], linked: bool = False) -> str | None:
    """How `other` relates to `me`, or None; `linked` when the resolver stored a plan link."""
    if executes(me, other) or (linked and me["status"] in NOT_YET and other["status"] == "occurred"):
        return EXECUTION
    if executes(other, me) or (linked and other["status"] in NOT_YET and me["status"] == "occurred"):
        return PLAN
    if made_at(me, other):
        return OUTCOME
    if made_at(other, me):
        return OCCASION
    if same_series(me, other):
        return EDITION
    return None


def related(
    me: dict[str, Any], candidates: Iterable[dict[str, Any]], linked_ids: Iterable[str] = ()
) -> list[tuple[str, dict[str, Any]]]:
    """(relation, event) for every candidate related to `me`, plan links first, then by date."""
    linked = set(linked_ids)
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for other in candidates:
        if other["event_id"] == me["event_id"] or other["event_id"] in found:
            continue
        kind = relation(me, other, other["event_id"] in linked)
        if kind is None and other["event_id"] in linked:
            kind = LINKED
        if kind is not None:
            found[other["event_id"]] = (kind, other)
    return sorted(
        found.values(),
        key=lambda item: (
            ORDER.index(item[0]),
            item[1]["date_start"] is None,
            item[1]["date_start"] or date.min,
            item[1]["event_id"],
        ),
    )
