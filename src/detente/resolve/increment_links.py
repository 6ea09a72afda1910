"""Linking plans to executions again, for the plans a batch of new events could move.

A plan links to the best occurred event among those of its kind sharing a pair of its
states (`links.execution_of`). So when events are replaced, only the plans sharing a
block with one of them (before or after) can change their link, and each of them is
linked again against every occurred event of its blocks, stored or new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Protocol

from detente.models import EVENT_TYPES, Event
from detente.resolve.links import Linkable, execution_of, link_blocks
from detente.resolve.matching import MentionView
from detente.resolve.rules import merge_rules

Block = tuple[str, tuple[str, ...]]
Window = tuple[str, str] | None  # (latest date_start, earliest date_end) of a dated match; None: any
Spec = tuple[tuple[str, ...], tuple[str, ...], Window]  # (types, one pair or one state, window)
YEAR = 366  # a year- or month-precise date starts at most this long before its period ends


class LinkSource(Protocol):
    def linked_events(self, specs: Iterable[Spec], exclude: set[str], plans: bool) -> list[Event]:
        """Stored plans (or executions, when not `plans`) of one of the types taking in the pair
        (one state: its events alone), undated or dated inside the window; less `exclude`."""
        ...

    def links_of(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """The stored `related` ids of these events."""
        ...

    def events(self, event_ids: Sequence[str]) -> list[Event]:
        """Stored events with their participants and sources."""
        ...


def linkable(event: Event) -> Linkable:
    """A merged event as linking compares it (what `resolver.merge_events` builds)."""
    days = [s.published for s in event.sources if s.published]
    first = min(days) if days else None
    docs = frozenset(s.doc_id for s in event.sources)
    return Linkable(event, MentionView.of(-1, event, first), docs, first)


def _window(view: MentionView) -> Window:
    """Dates an event must be near to be judged the same happening (`evidence.conflict`), widened
    by the longest tolerance and a year, since the store keeps a date's start, not its period."""
    if view.interval is None:
        return None
    slack = max(merge_rules().date_tolerance_days.values(), default=0)
    start, end = view.interval
    return (end + timedelta(days=slack)).isoformat(), (start - timedelta(days=slack + YEAR)).isoformat()


def _specs(items: Iterable[Linkable]) -> list[Spec]:
    rules = merge_rules()
    found = []
    for item in items:
        for family, pair in link_blocks(item.view):
            types = tuple(t for t in EVENT_TYPES if rules.family(t) == family)
            found.append((types, pair, _window(item.view)))
    return found


def relink(new: Sequence[Linkable], removed: set[str], source: LinkSource) -> dict[str, str | None]:
    """Plan id -> the id of its execution (None: none), for every plan whose link could move.

    A stored plan whose execution stays keeps it unless a new event is a better one, so it
    is compared with the new executions only; a new plan, or one whose execution was
    replaced, looks through every execution of its blocks near its date."""
    fresh = {item.event.event_id or "" for item in new}
    gone = removed | fresh
    new_done = [item for item in new if item.event.status == "occurred"]
    related = {r for ids in source.links_of(removed).values() for r in ids} - gone
    orphans = [linkable(e) for e in source.events(sorted(related)) if e.status != "occurred"]
    searching = [item for item in new if item.event.status != "occurred"] + orphans
    links: dict[str, str | None] = {}
    challenged = [
        linkable(e)
        for e in source.linked_events(
            _specs(new_done), gone | {o.event.event_id or "" for o in orphans}, True
        )
    ]
    current = source.links_of(item.event.event_id or "" for item in challenged)
    held = {
        e.event_id: linkable(e) for e in source.events(sorted({i for ids in current.values() for i in ids}))
    }
    new_by_block: dict[Block, list[Linkable]] = defaultdict(list)
    for done in new_done:
        for block in link_blocks(done.view):
            new_by_block[block].append(done)
    for plan in challenged:
        plan_id = plan.event.event_id or ""
        candidates = [held[i] for i in current.get(plan_id, []) if i in held]
        rivals = {id(d): d for block in link_blocks(plan.view) for d in new_by_block[block]}
        candidates += rivals.values()
        done = execution_of(plan, candidates)
        links[plan_id] = done.event.event_id if done else None
    executed: dict[Block, list[Linkable]] = defaultdict(list)
    stored = [linkable(e) for e in source.linked_events(_specs(searching), gone, False)]
    for item in (*stored, *new_done):
        for block in link_blocks(item.view):
            executed[block].append(item)
    for plan in searching:
        candidates = {id(c): c for block in link_blocks(plan.view) for c in executed[block]}
        done = execution_of(plan, candidates.values())
        links[plan.event.event_id or ""] = done.event.event_id if done else None
    return links
