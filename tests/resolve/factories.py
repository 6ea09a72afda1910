"""Small builders for the resolve tests' own articles and mentions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from detente.models import Article, Event, EventDate, Participant, Place

Person = tuple[str, str | None, str]  # (name, title, country)


def article(
    doc_id: str, published: date | None = None, text: str | None = None, outlet: str | None = None
) -> Article:
    # No capitalised word: the test articles must not look like one story told twice (same_story).
    body = text or f"article {doc_id}: a report of defence talks that no other test article repeats."
    return Article(
        doc_id, body, published=published, source_name=outlet, url=f"https://news.example/{doc_id}"
    )


def mention(
    doc_id: str,
    *,
    type: str = "meeting",
    status: str = "occurred",
    countries: Sequence[str] = ("PAK", "TJK"),
    when: date | None = None,
    until: date | None = None,
    precision: str = "day",
    people: Sequence[Person] = (),
    place: str | None = None,
    place_country: str | None = None,
    name: str | None = None,
    topics: Sequence[str] = (),
    evidence: str = "The two sides held talks.",
    start: int = 0,
) -> Event:
    location = Place(place, place_country) if place or place_country else None
    return Event(
        type=type,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        countries=sorted(countries),
        evidence=evidence,
        date=EventDate(when, until or when, precision if when else "unknown"),  # type: ignore[arg-type]
        participants=[Participant(n, t, c) for n, t, c in people],
        location=location,
        name=name,
        topics=list(topics),
        doc_id=doc_id,
        evidence_start=start,
    )
