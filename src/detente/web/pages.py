"""The tabular pages (overview, event lists, dyad, country, event, person) as plain JSON-ready data.

Every builder returns a `View` whose `data` is the page's `.json` twin. Builders
talk to the query layer and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from detente.web import timeline
from detente.web.countries import ALPHA3, country_name, is_country
from detente.web.filters import PAGE_SIZES, EventFilters, PageError, Params, period_params
from detente.web.highlight import split_evidence
from detente.web.sources import source_view
from detente.web.spans import office_spans
from detente.web.view import Redirect, View

if TYPE_CHECKING:
    from detente.query import Detente

RECENT_EVENTS = 12
MAX_PARTNERS = 10_000
TOP_DYADS = 15
NOT_YET = ("planned", "proposed")
RELATION_LABELS = {
    "execution": "Carried out",
    "plan": "Its plan",
    "outcome": "Made at this meeting",
    "occasion": "Made at the meeting",
    "edition": "Other edition",
    "linked": "Linked",
}


def today() -> date:
    """What "recent" and "upcoming" are measured from."""
    return date.today()


def _only(params: Params, *allowed: str) -> None:
    for name in params:
        if name not in allowed:
            raise PageError(400, f"{name}: unknown parameter; this page takes {', '.join(allowed) or 'none'}")


def _period(params: Params) -> tuple[str | None, str | None]:
    return period_params(params.get("since"), params.get("until"))


def recent_and_upcoming(q: Detente, **scope: Any) -> dict[str, Any]:
    """What occurred, newest first, up to today; what is planned or proposed from today, soonest first."""
    now = today()
    recent = q.events(**scope, status="occurred", until=now, limit=RECENT_EVENTS)
    upcoming = q.events(**scope, status=NOT_YET, since=now, sort="date", limit=RECENT_EVENTS)
    return {"recent": recent.to_dict(), "upcoming": upcoming.to_dict(), "today": now.isoformat()}


def overview(q: Detente, params: Params) -> View:
    _only(params, "since", "until")
    since, until = _period(params)
    chart = timeline.chart(q, {}, since, until)
    data = {
        "stats": q.stats().to_dict(),
        "range": chart["range"],
        "granularity": chart["range"]["granularity"],
        "timeline": chart["timeline"],
        "dyads": [row.to_dict() for row in q.dyads(limit=TOP_DYADS)],
        **recent_and_upcoming(q),
    }
    return View("overview.html", data, _chart_extra(chart))


def _chart_extra(chart: dict[str, Any]) -> dict[str, Any]:
    return {"chart": chart["chart"], "narrow_chart": chart["narrow_chart"]}


def events_list(q: Detente, filters: EventFilters) -> View:
    page = _events_page(q, filters.query_kwargs())
    data = {"filters": filters.to_dict(), "events": page}
    return View("events.html", data, _table_extra(filters, page, "/events"))


def _table_extra(
    filters: EventFilters, page: dict[str, Any], action: str, selection: EventFilters | None = None
) -> dict[str, Any]:
    """The form, pager and download links of an event table; `selection` is what the downloads
    select when the page adds to the form's filters (the dyad of a dyad page)."""
    query = (selection or filters).api_query()
    suffix = f"?{query}" if query else ""
    return {
        "form": filters,
        "pager": _pager(filters, page),
        "page_sizes": PAGE_SIZES,
        "action": action,
        "downloads": {fmt: f"/api/events.{fmt}{suffix}" for fmt in ("csv", "json", "parquet")},
    }


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


def _pager(filters: EventFilters, page: dict[str, Any]) -> dict[str, Any]:
    offset, total, size = page["offset"], page["total"], filters.limit
    last = max(0, (total - 1) // size * size)
    return {
        "first": filters.link(offset=0) if offset > 0 else None,
        "previous": filters.link(offset=max(0, offset - size)) if offset > 0 else None,
        "next": filters.link(offset=offset + size) if offset + size < total else None,
        "last": filters.link(offset=last) if offset < last else None,
        "page": offset // size + 1,
        "pages": max(1, -(-total // size)),
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
    filters = replace(filters, dyad=None, country=())
    kwargs = {**filters.query_kwargs(), "dyad": (a, b)}
    page = _events_page(q, kwargs)
    chart = timeline.chart(q, {"dyad": (a, b)}, filters.since, filters.until)
    summary = next(
        (row for row in q.dyads(country=a, limit=MAX_PARTNERS) if b in (row.country_a, row.country_b)),
        None,
    )
    data = {
        "dyad": [a, b],
        "names": [country_name(a), country_name(b)],
        "total": summary.events if summary else 0,
        "by_type": summary.by_type if summary else {},
        "summary": summary.to_dict() if summary else None,
        "range": chart["range"],
        "granularity": chart["range"]["granularity"],
        "timeline": chart["timeline"],
        "filters": filters.to_dict(),
        "events": page,
    }
    table = _table_extra(filters, page, f"/dyad/{a}-{b}", replace(filters, dyad=f"{a}-{b}"))
    return View("dyad.html", data, {**table, **_chart_extra(chart)})


def country(q: Detente, code: str, params: Params) -> View:
    """A country's partners (each a link to the dyad page), its timeline and latest events."""
    upper = code.upper()
    if not is_country(upper):
        raise PageError(404, f"country {code!r}: not an ISO 3166-1 alpha-3 country code (e.g. PAK)")
    if code != upper:
        raise Redirect(f"/country/{upper}")
    _only(params, "since", "until")
    since, until = _period(params)
    scope = {"countries": [upper]}
    chart = timeline.chart(q, scope, since, until)
    data = {
        "country": upper,
        "name": country_name(upper),
        "total": q.count(**scope),
        "located_here": q.count(located_in=upper),
        "partners": [row.to_dict() for row in q.partners(upper)],
        "range": chart["range"],
        "granularity": chart["range"]["granularity"],
        "timeline": chart["timeline"],
        **recent_and_upcoming(q, **scope),
    }
    return View("country.html", data, _chart_extra(chart))


def event(q: Detente, event_id: str) -> View:
    detail = q.event(event_id)
    if detail is None:
        raise PageError(404, f"event {event_id!r}: no such event")
    data = detail.to_dict()
    data["related_events"] = [row.to_dict() for row in q.related(event_id)]
    pieces = [
        split_evidence(source.text or "", source.evidence, source.evidence_start, source.evidence_end)
        for source in detail.sources
    ]
    shown = [source_view(source) for source in data["sources"]]
    return View("event.html", data, {"pieces": pieces, "shown": shown, "relation_labels": RELATION_LABELS})


PERSON_EVENTS = 200  # newest events a person page lists; the events page has them all


def person(q: Detente, key: str) -> View:
    detail = q.person(key, limit=PERSON_EVENTS)
    if detail is None:
        raise PageError(404, f"person {key!r}: no such person")
    if detail.person_id != key:
        raise Redirect(f"/person/{quote(detail.person_id, safe='')}")
    data = detail.to_dict()
    data["offices"].sort(key=lambda o: (o["first_seen"] or "", o["title"]))
    data["events"].sort(key=lambda e: e["date_start"] or "", reverse=True)
    spans, narrow = office_spans(data["offices"]), office_spans(data["offices"], narrow=True)
    return View(
        "person.html",
        data,
        {"spans": asdict(spans) if spans else None, "narrow_spans": asdict(narrow) if narrow else None},
    )
