"""resolve_all: copies, people, places, merged events and plan links, in one pure pass.

Input order never matters: mentions are sorted by their content before anything
is compared, copies and people are grouped order-free, and event ids hash the
earliest report's own fields.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from detente.models import EVENT_TYPES, STATUSES, Article, Event, Person, Resolution
from detente.resolve.blocking import StoredFiling, pairs_filed, stored_filings
from detente.resolve.copies import attach_copy_mentions, find_copies
from detente.resolve.events import build_event, event_id, identity_key, report_order
from detente.resolve.links import Linkable, link_plans
from detente.resolve.matching import MentionView
from detente.resolve.merge import cluster_with_edges
from detente.resolve.people import build_people
from detente.resolve.places import Gazetteer


def _check(mentions: Sequence[Event]) -> None:
    for i, m in enumerate(mentions):
        reason = None
        if not m.doc_id:
            reason = "has no doc_id (every mention must name its article)"
        elif m.type not in EVENT_TYPES:
            reason = f"has unknown type {m.type!r}"
        elif m.status not in STATUSES:
            reason = f"has unknown status {m.status!r}"
        if reason:
            raise ValueError(f"mention {i} ({m.type}: {m.evidence[:60]!r}) {reason}")


def content_key(event: Event) -> tuple[object, ...]:
    """A total order on mentions by what they say, never by where they came in the input."""
    loc = event.location
    return (
        event.doc_id or "",
        event.evidence_start if event.evidence_start is not None else -1,
        event.type,
        event.status,
        tuple(sorted(event.countries)),
        event.date.start.isoformat() if event.date.start else "",
        event.date.end.isoformat() if event.date.end else "",
        event.date.precision,
        (loc.place or "", loc.country or "") if loc else ("", ""),
        event.name or "",
        tuple((p.name, p.title or "", p.country or "") for p in event.participants),
        event.evidence,
        tuple(event.topics),
    )


def geocode(events: Iterable[Event], gazetteer: Gazetteer) -> None:
    """Fill coordinates and GeoNames ids of the places (in place)."""
    cache = {}
    for event in events:
        if event.location is None:
            continue
        key = (event.location.place, event.location.country, tuple(sorted(event.countries)))
        if key not in cache:
            cache[key] = gazetteer.locate(event.location, event.countries)
        located = cache[key]
        event.location.country = located.country
        event.location.geonames_id = located.geonames_id
        event.location.latitude = located.latitude
        event.location.longitude = located.longitude
        event.location.geo_level = located.geo_level


def _text(articles: Mapping[str, Article], doc_id: str | None) -> str:
    article = articles.get(doc_id or "")
    return article.text if article else ""


def mention_view(index: int, event: Event, by_doc: Mapping[str, Article]) -> MentionView:
    """What the merge compares about a mention, read with its article's day and text."""
    return MentionView.of(index, event, _published(by_doc, event.doc_id), _text(by_doc, event.doc_id))


def _view(
    index: int, event: Event, by_doc: Mapping[str, Article], built: Mapping[int, MentionView]
) -> MentionView:
    view = built.get(id(event))
    if view is None:
        return mention_view(index, event, by_doc)
    view.index = index
    return view


def _published(articles: Mapping[str, Article], doc_id: str | None) -> date | None:
    article = articles.get(doc_id or "")
    return article.published if article else None


def _first_reported(event: Event) -> date | None:
    days = [s.published for s in event.sources if s.published]
    return min(days) if days else None


@dataclass
class Merged:
    """Merged events of a set of mentions, before plans are linked to their executions.

    `components` are the sets of mentions that strong pairs connect (a syndicated copy
    sits with its original): the merge of one never depends on another, which is what
    lets incremental resolution redo only the components a new mention touches.
    """

    linkables: list[Linkable]
    reports: dict[str, list[Event]]  # event id -> the mentions it merged
    components: list[list[Event]]


def merge_events(
    mentions: Sequence[Event],
    by_doc: Mapping[str, Article],
    copies: Mapping[str, str],
    people: Mapping[str, Person],
    gazetteer: Gazetteer,
    built: Mapping[int, MentionView] | None = None,
    filed: Mapping[int, Collection[StoredFiling]] | None = None,
) -> Merged:
    """Cluster mentions (person ids set, places geocoded) into events with ids; sets event_id.

    What a caller already has (by `id` of the mention): `built`, views it made of some of these
    mentions from the same articles, reused with the words their comparisons computed; `filed`,
    the filings a store keeps of them (`blocking.stored_filings`), which find the candidate pairs
    without filing them again (a mention without any is filed here)."""
    ordered = sorted(mentions, key=content_key)
    views = [_view(i, e, by_doc, built or {}) for i, e in enumerate(ordered)]
    attached = attach_copy_mentions(views, copies)
    copies_of: dict[int, list[MentionView]] = defaultdict(list)
    for copy_index, original_index in attached.items():
        copies_of[original_index].append(views[copy_index])
    primary = [v for v in views if v.index not in attached]

    seen_ids: set[str] = set()
    linkables = []
    reports: dict[str, list[Event]] = {}
    pairs = None
    if filed is not None:
        pairs = pairs_filed([filed.get(id(v.event)) or stored_filings(v) for v in primary])
    groups, edges = cluster_with_edges(primary, pairs)
    for cluster in groups:
        members = sorted(cluster, key=report_order)
        syndicated = [c for m in members for c in copies_of[m.index]]
        event = build_event(members, syndicated, by_doc, people)
        key = identity_key(members[0])
        event.event_id = event_id(key)
        suffix = 1
        while event.event_id in seen_ids:  # identical statements in one article
            event.event_id = event_id(f"{key}#{suffix}")
            suffix += 1
        seen_ids.add(event.event_id)
        reports[event.event_id] = [view.event for view in (*members, *syndicated)]
        for view in (*members, *syndicated):
            view.event.event_id = event.event_id
        first = _first_reported(event)
        docs = frozenset(s.doc_id for s in event.sources)
        linkables.append(Linkable(event, MentionView.of(-1, event, first), docs, first))
    geocode((item.event for item in linkables), gazetteer)
    return Merged(linkables, reports, _components(primary, edges, copies_of))


def _components(
    primary: Sequence[MentionView], edges: Sequence[tuple[float, int, int]], copies_of: Mapping[int, list]
) -> list[list[Event]]:
    owner = list(range(len(primary)))

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    for _, i, j in edges:
        a, b = find(i), find(j)
        if a != b:
            owner[max(a, b)] = min(a, b)
    found: dict[int, list[Event]] = defaultdict(list)
    for position, view in enumerate(primary):
        found[find(position)] += [view.event, *(c.event for c in copies_of[view.index])]
    return list(found.values())


def link_reports(merged: Merged) -> None:
    """Each report knows the plan or execution of its event too."""
    for item in merged.linkables:
        for mention in merged.reports[item.event.event_id or ""]:
            mention.related = list(item.event.related)


def by_date(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date.start or date.max, e.event_id))


def resolve_all(
    articles: Sequence[Article], mentions: Sequence[Event], gazetteer: Gazetteer | None = None
) -> Resolution:
    """Merge mentions into sourced events; sets event_id and person_id on the mentions."""
    _check(mentions)
    by_doc = {a.doc_id: a for a in articles}
    published = {doc_id: a.published for doc_id, a in by_doc.items()}
    copies = find_copies(articles)
    people = build_people(mentions, published)
    people.assign(mentions)
    gazetteer = gazetteer or Gazetteer.packaged()
    geocode(mentions, gazetteer)
    merged = merge_events(mentions, by_doc, copies, {p.person_id: p for p in people.people}, gazetteer)
    link_plans(merged.linkables)
    link_reports(merged)
    events = by_date(item.event for item in merged.linkables)
    return Resolution(events=events, people=people.people, copies=copies)
