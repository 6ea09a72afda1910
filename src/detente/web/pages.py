"""The tabular pages (overview, event lists, dyad, event, person) as plain JSON-ready data.

Every builder returns a `View` whose `data` is the page's `.json` twin. Builders
talk to the query layer and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from detente.web.charts import fill_periods, stacked_bars
from detente.web.countries import ALPHA3, country_name, is_country
from detente.web.filters import PAGE_SIZE, EventFilters, PageError
from detente.web.highlight import split_evidence
from detente.web.spans import office_spans
from detente.web.view import Redirect, View

if TYPE_CHECKING:
    from detente.query import Detente

RECENT_EVENTS = 12
RELATED_FIELDS = (
    "event_id",
    "type",
    "status",
    "name",
    "date_start",
    "date_end",
    "date_precision",
    "countries",
)
MAX_MONTHLY_BARS = 72
MAX_PARTNERS = 10_000
TOP_DYADS = 15


def _timeline(q: Detente, **scope: Any) -> tuple[str, list[dict[str, Any]]]:
    """Events per month, or per year when the months would be too many to read as bars."""
    monthly = [row.to_dict() for row in q.timeline(granularity="month", **scope)]
    if len(fill_periods(row["period"] for row in monthly)) > MAX_MONTHLY_BARS:
        return "year", [row.to_dict() for row in q.timeline(granularity="year", **scope)]
    return "month", monthly


def _chart(timeline: list[dict[str, Any]], total: int) -> dict[str, Any]:
    """Template context for a bar chart: its geometry and how many of `total` events it leaves out."""
    bars = stacked_bars((row["period"], row["type"], row["events"]) for row in timeline)
    charted = sum(row["events"] for row in timeline)
    return {"chart": asdict(bars), "uncharted": max(0, total - charted)}


def overview(q: Detente) -> View:
    granularity, timeline = _timeline(q)
    data = {
        "stats": q.stats().to_dict(),
        "granularity": granularity,
        "timeline": timeline,
        "dyads": [row.to_dict() for row in q.dyads(limit=TOP_DYADS)],
        "recent": q.events(limit=RECENT_EVENTS).to_dict(),
    }
    return View("overview.html", data, _chart(timeline, data["stats"]["events"]))


def events_list(q: Detente, filters: EventFilters) -> View:
    page = _events_page(q, filters.query_kwargs())
    data = {"filters": filters.to_dict(), "events": page}
    return View("events.html", data, {"form": filters, "pager": _pager(filters, page)})


@contextmanager
def refused_as_bad_request() -> Iterator[None]:
    """The query layer refuses a bad filter with a ValueError naming it: show that, not a 500."""
    try:
        yield
    except ValueError as exc:
        raise PageError(400, str(exc)) from exc


def _events_page(q: Detente, kwargs: dict[str, Any]) -> dict[str, Any]:
    with refused_as_bad_request():
        return q.events(**kwargs).to_dict()


def _pager(filters: EventFilters, page: dict[str, Any]) -> dict[str, str | None]:
    offset, total = page["offset"], page["total"]
    previous = max(0, offset - PAGE_SIZE)
    return {
        "previous": filters.link(offset=previous) if offset > 0 else None,
        "next": filters.link(offset=offset + PAGE_SIZE) if offset + PAGE_SIZE < total else None,
    }


def parse_dyad(pair: str) -> tuple[str, str]:
    """`PAK-TJK` (either order, any case) as a sorted pair; anything else is a 404 with the reason."""
    parts = pair.upper().split("-")
    if len(parts) != 2 or not all(ALPHA3.fullmatch(part) for part in parts):
        raise PageError(404, f"dyad {pair!r}: expected two alpha-3 country codes like PAK-TJK")
    if parts[0] == parts[1]:
        raise PageError(404, f"dyad {pair!r}: names the same country twice")
    for part in parts:
        if not is_country(part):
            raise PageError(404, f"dyad {pair!r}: {part} is not an ISO 3166-1 alpha-3 country code")
    first, second = sorted(parts)
    if pair != f"{first}-{second}":
        raise Redirect(f"/dyad/{first}-{second}")
    return first, second


def dyad(q: Detente, pair: str, filters: EventFilters) -> View:
    a, b = parse_dyad(pair)
    kwargs = {**filters.query_kwargs(), "countries": None, "dyad": (a, b)}
    page = _events_page(q, kwargs)
    yearly = [row.to_dict() for row in q.timeline(granularity="year", dyad=(a, b))]
    granularity, timeline = _timeline(q, dyad=(a, b))
    summary = next(
        (row for row in q.dyads(country=a, limit=MAX_PARTNERS) if row.country_b == b or row.country_a == b),
        None,
    )
    data = {
        "dyad": [a, b],
        "names": [country_name(a), country_name(b)],
        "total": summary.events if summary else 0,
        "by_type": summary.by_type if summary else {},
        "first_date": _iso(summary.first_date) if summary else None,
        "last_date": _iso(summary.last_date) if summary else None,
        "years": sorted({int(row["period"]) for row in yearly if str(row["period"]).isdigit()}),
        "granularity": granularity,
        "timeline": timeline,
        "filters": filters.to_dict(),
        "events": page,
    }
    year_options = sorted(set(data["years"]) | ({filters.year} if filters.year else set()))
    extra = {
        "form": filters,
        "pager": _pager(filters, page),
        "year_options": year_options,
        **_chart(timeline, data["total"]),
    }
    return View("dyad.html", data, extra)


def country(q: Detente, code: str) -> View:
    """A country's partners (each a link to the dyad page), its timeline and latest events."""
    upper = code.upper()
    if not is_country(upper):
        raise PageError(404, f"country {code!r}: not an ISO 3166-1 alpha-3 country code (e.g. PAK)")
    if code != upper:
        raise Redirect(f"/country/{upper}")
    granularity, timeline = _timeline(q, country=upper)
    recent = q.events(countries=[upper], limit=RECENT_EVENTS).to_dict()
    data = {
        "country": upper,
        "name": country_name(upper),
        "partners": [row.to_dict() for row in q.partners(upper)],
        "granularity": granularity,
        "timeline": timeline,
        "recent": recent,
    }
    return View("country.html", data, _chart(timeline, recent["total"]))


def event(q: Detente, event_id: str) -> View:
    detail = q.event(event_id)
    if detail is None:
        raise PageError(404, f"event {event_id!r}: no such event")
    data = detail.to_dict()
    related = []
    for related_id in detail.related:
        other = q.event(related_id)
        if other is not None:
            summary = other.to_dict()
            related.append({key: summary[key] for key in RELATED_FIELDS})
    data["related_events"] = related
    pieces = [
        split_evidence(source.text or "", source.evidence, source.evidence_start, source.evidence_end)
        for source in detail.sources
    ]
    return View("event.html", data, {"pieces": pieces})


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def person(q: Detente, key: str) -> View:
    detail = q.person(key)
    if detail is None:
        raise PageError(404, f"person {key!r}: no such person")
    if detail.person_id != key:
        raise Redirect(f"/person/{quote(detail.person_id, safe='')}")
    data = detail.to_dict()
    data["offices"].sort(key=lambda o: (o["first_seen"] or "", o["title"]))
    data["events"].sort(key=lambda e: e["date_start"] or "", reverse=True)
    spans = office_spans(data["offices"])
    return View("person.html", data, {"spans": asdict(spans) if spans else None})
