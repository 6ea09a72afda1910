"""A plan and its execution: two events, linked through `related` on both.

A planned or proposed event links to the first occurred event that the merge's
evidence says is the same happening (`evidence.judge`, status aside) and that
happened after the plan was first reported, or on that day ("will arrive today").
Reports of the same article are never linked: the extractor already told them
apart, and the article gives no execution of its own plan. By the event-data
convention (CAMEO codes an intent to meet apart from a meeting) a plan and its
execution stay two events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from detente.models import Event
from detente.resolve.evidence import judge
from detente.resolve.matching import MentionView


@dataclass
class Linkable:
    """A merged event with what linking compares: its view and its reports."""

    event: Event
    view: MentionView
    docs: frozenset[str]
    first_reported: date | None


def _blocks(view: MentionView) -> set[tuple[str, tuple[str, ...]]]:
    ordered = sorted(view.countries)
    return {(view.family, (a, b)) for i, a in enumerate(ordered) for b in ordered[i + 1 :]} or {
        (view.family, tuple(ordered))
    }


def _executes(plan: Linkable, done: Linkable) -> float | None:
    """The evidence that `done` carried out `plan`, or None when it cannot have."""
    if plan.docs & done.docs or plan.first_reported is None:
        return None
    happened = done.view.interval[1] if done.view.interval else done.first_reported
    if happened is None or plan.first_reported > happened:  # "will begin today" is still a plan
        return None
    verdict = judge(plan.view, done.view, same_status=False)
    return verdict.score if verdict.same() else None


def link_blocks(view: MentionView) -> set[tuple[str, tuple[str, ...]]]:
    """Where a plan looks for its execution: the kind of happening and each pair of its states."""
    return _blocks(view)


def execution_of(plan: Linkable, candidates: Iterable[Linkable]) -> Linkable | None:
    """The event that carried out the plan: the earliest that matches, then the best evidence."""
    scored = [(c, _executes(plan, c)) for c in candidates if c.event.status == "occurred"]
    matches = [(c, score) for c, score in scored if score is not None]
    if not matches:
        return None
    done, _ = min(matches, key=lambda m: (m[0].view.period_start, -m[1], m[0].event.event_id or ""))
    return done


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
        done = execution_of(plan, candidates.values())
        if done is None:
            continue
        for a, b in ((plan.event, done.event), (done.event, plan.event)):
            if b.event_id and b.event_id not in a.related:
                a.related.append(b.event_id)
                a.related.sort()
