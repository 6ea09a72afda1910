"""One merged event from a cluster of mentions: canonical fields, sources and a stable id.

The canonical member is the earliest-published report (ties: doc_id, then the
offset in the article), so the id survives later reports of the same happening
and does not depend on the order the mentions arrived in.
"""

from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from detente.models import TOPICS, Article, Codes, Event, Participant, Person, Place, Source
from detente.resolve.matching import PRECISION_RANK, MentionView
from detente.resolve.names import parse_name


def report_order(view: MentionView) -> tuple[date, str, int, int]:
    """Earliest published first; undated articles last."""
    start = view.event.evidence_start if view.event.evidence_start is not None else -1
    return (view.published or date.max, view.doc_id, start, view.index)


def identity_key(view: MentionView) -> str:
    """The content an event id is hashed from: the canonical report's own fields."""
    e = view.event
    place = e.location.place if e.location and e.location.place else ""
    people = sorted(" ".join(parse_name(p.name).key) for p in e.participants)
    fields = [
        e.type,
        ",".join(sorted(e.countries)),
        e.date.start.isoformat() if e.date.start else "",
        e.date.precision,
        place,
        ";".join(people),
        e.evidence,
        view.doc_id,
        str(e.evidence_start if e.evidence_start is not None else ""),
    ]
    return "|".join(fields)


def event_id(key: str) -> str:
    return "ev_" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _sources(reports: Sequence[MentionView], articles: Mapping[str, Article]) -> list[Source]:
    sources = []
    for view in sorted(reports, key=report_order):
        article = articles.get(view.doc_id)
        sources.append(
            Source(
                doc_id=view.doc_id,
                evidence=view.event.evidence,
                outlet=article.source_name if article else None,
                published=view.published,
                url=article.url if article else None,
            )
        )
    return sources


def _participants(members: Sequence[MentionView], people: Mapping[str, Person]) -> list[Participant]:
    """Participants merged by person, in order of first report; names in their fullest form."""
    merged: dict[object, Participant] = {}
    for view in members:
        for p in view.event.participants:
            key: object = p.person_id or ("unresolved", p.name)
            person = people.get(p.person_id) if p.person_id else None
            if key not in merged:
                name = person.name if person else p.name
                country = p.country or (person.country if person else None)
                merged[key] = Participant(name, p.title, country, p.person_id, p.rank)
            else:
                merged[key].title = merged[key].title or p.title
                merged[key].rank = merged[key].rank or p.rank
    return list(merged.values())


def _location(members: Sequence[MentionView]) -> Place | None:
    """The most specific place reported: a named place with the most words, else a country."""
    located = [v for v in members if v.event.location is not None]
    if not located:
        return None
    best = min(located, key=lambda v: (v.place is None, -len(v.place.tokens) if v.place else 0))
    return copy.copy(best.event.location)


def _topics(members: Sequence[MentionView]) -> list[str]:
    seen = {t for v in members for t in v.event.topics}
    known = [t for t in TOPICS if t in seen]
    return known + sorted(seen - set(known))


def _most_informative_codes(members: Sequence[MentionView]) -> Codes:
    """The codes of the report that fills most code fields; the earliest report on a tie."""

    def filled(view: MentionView) -> int:
        c = view.event.codes
        return sum(x is not None for x in (c.cameo, c.plover_type, c.plover_context, c.plover_mode))

    best = max(filled(v) for v in members)
    return copy.copy(next(v.event.codes for v in members if filled(v) == best))


def _commonest_name(members: Sequence[MentionView]) -> str | None:
    """The event name most reports use; the earliest report's on a tie."""
    names = [v.event.name for v in members if v.event.name]
    counts = Counter(names)
    return max(names, key=lambda n: counts[n], default=None)


def build_event(
    members: Sequence[MentionView],
    copies: Sequence[MentionView],
    articles: Mapping[str, Article],
    people: Mapping[str, Person],
) -> Event:
    """The merged event; `members` come in report order, `copies` are syndicated reports."""
    first = members[0]
    dated = min(members, key=lambda v: PRECISION_RANK[v.event.date.precision])
    return Event(
        type=first.event.type,
        status=first.event.status,
        countries=sorted({c for v in members for c in v.event.countries}),
        evidence=first.event.evidence,
        date=copy.copy(dated.event.date),
        participants=_participants(members, people),
        location=_location(members),
        name=_commonest_name(members),
        topics=_topics(members),
        codes=_most_informative_codes(members),
        doc_id=first.doc_id,
        evidence_start=first.event.evidence_start,
        sources=_sources([*members, *copies], articles),
    )
