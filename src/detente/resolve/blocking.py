"""Which mention pairs are worth comparing, so the merge scales to a large corpus.

A mention is compared only with mentions of its kind of happening (type family),
status and a pair of its countries (a lone country for single-state and
multilateral mentions), and within that block only where `evidence.veto` could
let the pair through:
- dated mentions meet in the months their dates cover (day-precise dates widened
  by the family's tolerance), and a year-precise or long mention meets every dated
  mention of its years;
- an undated mention meets the mentions that share one of its anchors: a person,
  a place or its city, a word of its event name's series, a sketch word of its
  article's opening (same-story articles), or a date (or another undated report's
  publication) near the day its article came out.
So every pair the merge could accept is a candidate (a property test checks it
against the veto), and the number of pairs grows with the size of blocks, not
with the square of the corpus. The same filings, hashed (`stored_filings`), index
the stored mentions, so a new mention finds its candidates in a database without
reading the rest (incremental resolution).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import combinations

from detente.resolve.matching import Interval, MentionView, widen
from detente.resolve.rules import MergeRules, merge_rules

MONTH_BUCKETED_MAX = 4  # a dated span over more months than this is bucketed by year

Key = tuple[object, ...]


def _blocks(view: MentionView) -> list[Key]:
    ordered = sorted(view.countries)
    keys: list[tuple[str, ...]] = [tuple(p) for p in combinations(ordered, 2)]
    if len(ordered) != 2:  # a lone state can be part of a multilateral event
        keys += [(c,) for c in ordered]
    return [(view.family, view.event.status, countries) for countries in keys]


def _months(interval: Interval) -> list[tuple[int, int]]:
    first = interval[0].year * 12 + interval[0].month - 1
    last = interval[1].year * 12 + interval[1].month - 1
    return [(n // 12, n % 12 + 1) for n in range(first, last + 1)]


def _date_keys(interval: Interval) -> tuple[list[tuple[int, int]], list[int]]:
    """(months, []) for a short period; ([], years) for a long one."""
    first = interval[0].year * 12 + interval[0].month
    last = interval[1].year * 12 + interval[1].month
    if last - first + 1 <= MONTH_BUCKETED_MAX:
        return _months(interval), []
    return [], list(range(interval[0].year, interval[1].year + 1))


def _compared_period(view: MentionView, rules: MergeRules) -> Interval | None:
    if view.interval is None:
        return None
    if not view.fine:
        return view.interval
    slack = rules.news_day_slack_days if view.news_day else 0
    return widen(view.interval, rules.tolerance(view.family) + slack)


def _anchors(view: MentionView) -> Iterator[Key]:
    """What an undated pair must share besides the date (see `evidence.shared_anchor`)."""
    for person in view.people:
        yield ("person", person)
    for surname in view.surnames:
        yield ("surname", surname)
    if view.place is not None:
        yield ("place", " ".join(sorted(view.place.tokens)))
        if view.place.city_id is not None:
            yield ("city", view.place.city_id)
    if view.event_name is not None:
        for word in view.event_name.series:
            yield ("series", word)
    for mark in view.story.marks:
        yield ("story", mark)


def _window(published: date, before: int, after: int) -> Interval:
    return published - timedelta(days=after), published + timedelta(days=before)


Filing = tuple[str, Key]  # ("together" | "probe" | "target", bucket key)


def _filings(block: Key, view: MentionView, rules: MergeRules) -> Iterator[Filing]:
    """Where one view goes: buckets whose members all meet, probes, and targets of probes."""
    period = _compared_period(view, rules)
    if period is not None:
        months, years = _date_keys(period)
        for month in months:
            yield "together", (*block, "month", *month)
            yield "target", (*block, "year", month[0])
        for year in years:
            yield "probe", (*block, "year", year)
            yield "target", (*block, "year", year)
        raw_months, raw_years = _date_keys(view.interval) if view.interval else ([], [])
        for month in raw_months:
            yield "target", (*block, "published", *month)
        for year in raw_years:
            yield "target", (*block, "published-year", year)
    for anchor in _anchors(view):
        yield "target", (*block, *anchor)
        if view.interval is None and anchor[0] != "surname":
            yield "probe", (*block, *anchor)
    if view.interval is None:  # a participant of the other report named in this one's evidence
        for word in view.evidence:
            yield "probe", (*block, "surname", word)
    if view.interval is None and view.published is not None:
        window = _window(view.published, rules.published_before_days, rules.published_after_days)
        for month in _months(window):
            yield "probe", (*block, "published", *month)
        for year in sorted({window[0].year, window[1].year}):
            yield "probe", (*block, "published-year", year)
        days = rules.both_undated_published_days
        for month in _months((view.published - timedelta(days), view.published + timedelta(days))):
            yield "probe", (*block, "undated-published", *month)
        yield "target", (*block, "undated-published", view.published.year, view.published.month)


def _pairs_within(buckets: dict[Hashable, list[int]], found: set[tuple[int, int]]) -> None:
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                found.add((min(i, j), max(i, j)))


def filings(view: MentionView, rules: MergeRules | None = None) -> Iterator[Filing]:
    """Every bucket the view is filed in, with how it meets the bucket's other members."""
    rules = rules or merge_rules()
    for block in _blocks(view):
        yield from _filings(block, view, rules)


def candidate_pairs(views: Sequence[MentionView]) -> set[tuple[int, int]]:
    """Position pairs (i < j) that share a bucket; every pair the merge can accept is among them."""
    rules = merge_rules()
    return pairs_filed([[(KINDS[kind], key) for kind, key in filings(view, rules)] for view in views])


def pairs_filed(filed: Sequence[Iterable[tuple[int, Hashable]]]) -> set[tuple[int, int]]:
    """Position pairs (i < j) whose filings meet, from (kind, key) filings: by their keys
    (`filings`) or by the hashes a store keeps of them (`stored_filings`), which meet alike."""
    together: dict[Hashable, list[int]] = defaultdict(list)
    probes: dict[Hashable, list[int]] = defaultdict(list)
    targets: list[tuple[Hashable, int]] = []
    for position, filings_of_view in enumerate(filed):
        for kind, key in filings_of_view:
            if kind == KINDS["together"]:
                together[key].append(position)
            elif kind == KINDS["probe"]:
                probes[key].append(position)
            else:
                targets.append((key, position))
    found: set[tuple[int, int]] = set()
    _pairs_within(together, found)
    for key, j in targets:  # most targets are never probed: only undated and long mentions probe
        for i in probes.get(key, ()):
            if i != j:
                found.add((min(i, j), max(i, j)))
    return found


# ------------------------------------------------------------- the same buckets, kept in a store

KINDS = {"together": 0, "probe": 1, "target": 2}
StoredFiling = tuple[int, int]  # (kind, key hash): a filing as a store keeps it
MEETS = {0: 0, 1: 2, 2: 1}  # a stored filing of kind MEETS[k] pairs with a new filing of kind k


def key_hash(key: Key) -> int:
    """A bucket key as a signed 64-bit integer, for an index in a database."""
    digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def stored_filings(view: MentionView, rules: MergeRules | None = None) -> set[StoredFiling]:
    """(kind, key hash) of every bucket the view is filed in: what an index of mentions holds."""
    return {(KINDS[kind], key_hash(key)) for kind, key in filings(view, rules)}


def partners_of(filed: Iterable[StoredFiling]) -> set[StoredFiling]:
    """The (kind, key hash) filings another mention must have to be a candidate of these."""
    return {(MEETS[kind], key) for kind, key in filed}
