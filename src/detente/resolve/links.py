"""A plan and its execution: two events, linked through `related` on both.

A planned or proposed event links to the first occurred event that matches it
(same type, compatible countries, place, people and name; overlapping dates, or
strong evidence when the plan is undated) and that happened after the plan was
first reported. Reports of the same article are never linked: the extractor
already told them apart, and the article gives no execution of its own plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from detente.models import Event
from detente.resolve.matching import MentionView, affinity, context_compatible, overlap, strongly_same


@dataclass
class Linkable:
    """A merged event with what linking compares: its view and its reports."""

    event: Event
    view: MentionView
    docs: frozenset[str]
    first_reported: date | None


def _blocks(view: MentionView) -> set[tuple[str, tuple[str, ...]]]:
    ordered = sorted(view.countries)
    return {(view.event.type, (a, b)) for i, a in enumerate(ordered) for b in ordered[i + 1 :]} or {
        (view.event.type, tuple(ordered))
    }


def _executes(plan: Linkable, done: Linkable) -> bool:
    if plan.docs & done.docs or done.view.interval is None or plan.first_reported is None:
        return False
    if plan.first_reported >= done.view.interval[1] or not context_compatible(plan.view, done.view):
        return False
    if plan.view.interval is not None:
        return overlap(plan.view.interval, done.view.interval) is not None
    return strongly_same(plan.view, done.view)


def link_plans(events: Sequence[Linkable]) -> None:
    """Fill `related` on each plan and the execution it matches (ids must be set)."""
    executed: dict[tuple[str, tuple[str, ...]], list[Linkable]] = defaultdict(list)
    for item in events:
        if item.event.status == "occurred":
            for block in _blocks(item.view):
                executed[block].append(item)
    for plan in events:
        if plan.event.status == "occurred":
            continue
        candidates = {id(c): c for block in _blocks(plan.view) for c in executed[block]}
        matches = [c for c in candidates.values() if _executes(plan, c)]
        if not matches:
            continue
        done = min(
            matches, key=lambda c: (c.view.period_start, -affinity(plan.view, c.view), c.event.event_id)
        )
        for a, b in ((plan.event, done.event), (done.event, plan.event)):
            if b.event_id and b.event_id not in a.related:
                a.related.append(b.event_id)
                a.related.sort()
