"""What each dashboard page shows, as plain JSON-ready data.

Every builder returns a `View`: `data` is exactly what the page's `.json` twin
returns, `extra` holds presentation only (chart geometry, highlighted pieces) that
the template needs on top. Builders talk to the query layer and nothing else.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from detente.web.charts import stacked_bars
from detente.web.countries import ALPHA3, capital_of, country_name
from detente.web.filters import PAGE_SIZE, EventFilters, PageError
from detente.web.highlight import split_evidence
from detente.web.layout import SIZE as NETWORK_SIZE
from detente.web.layout import force_layout
from detente.web.projection import fit_frame, graticule

if TYPE_CHECKING:
    from detente.query import Detente

RECENT_EVENTS = 12
TOP_DYADS = 15


@dataclass
class View:
    template: str
    data: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


class Redirect(Exception):  # noqa: N818  (control flow, not an error)
    """The canonical address of what was asked for lives elsewhere (e.g. TJK-PAK -> PAK-TJK)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def _chart(timeline: list[dict[str, Any]]) -> dict[str, Any]:
    return asdict(stacked_bars((row["period"], row["type"], row["events"]) for row in timeline))


def overview(q: Detente) -> View:
    timeline = [row.to_dict() for row in q.timeline(granularity="month")]
    data = {
        "stats": q.stats().to_dict(),
        "timeline": timeline,
        "dyads": [row.to_dict() for row in q.dyads(limit=TOP_DYADS)],
        "recent": q.events(limit=RECENT_EVENTS).to_dict(),
    }
    return View("overview.html", data, {"chart": _chart(timeline)})


def events_list(q: Detente, filters: EventFilters) -> View:
    page = _events_page(q, filters.query_kwargs())
    data = {"filters": filters.to_dict(), "events": page}
    return View("events.html", data, {"form": filters, "pager": _pager(filters, page)})


def _events_page(q: Detente, kwargs: dict[str, Any]) -> dict[str, Any]:
    try:
        return q.events(**kwargs).to_dict()
    except ValueError as exc:  # the query layer refusing a filter value
        raise PageError(400, str(exc)) from exc


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
    first, second = sorted(parts)
    if pair != f"{first}-{second}":
        raise Redirect(f"/dyad/{first}-{second}")
    return first, second


def dyad(q: Detente, pair: str, filters: EventFilters) -> View:
    a, b = parse_dyad(pair)
    kwargs = {**filters.query_kwargs(), "countries": None, "dyad": (a, b)}
    page = _events_page(q, kwargs)
    yearly = [row.to_dict() for row in q.timeline(granularity="year", dyad=(a, b))]
    monthly = [row.to_dict() for row in q.timeline(granularity="month", dyad=(a, b))]
    by_type: Counter[str] = Counter()
    for row in yearly:
        by_type[row["type"]] += row["events"]
    data = {
        "dyad": [a, b],
        "names": [country_name(a), country_name(b)],
        "total": sum(by_type.values()),
        "by_type": dict(by_type),
        "years": sorted({int(row["period"]) for row in yearly if str(row["period"]).isdigit()}),
        "filters": filters.to_dict(),
        "events": page,
    }
    extra = {"chart": _chart(monthly), "form": filters, "pager": _pager(filters, page)}
    return View("dyad.html", data, extra)


def event(q: Detente, event_id: str) -> View:
    detail = q.event(event_id)
    if detail is None:
        raise PageError(404, f"event {event_id!r}: no such event")
    data = detail.to_dict()
    related = []
    for related_id in detail.related:
        other = q.event(related_id)
        if other is not None:
            related.append({key: getattr(other, key) for key in ("event_id", "type", "status", "name")}
                           | {"date_start": _iso(other.date_start), "date_end": _iso(other.date_end),
                              "date_precision": other.date_precision, "countries": other.countries})
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
        raise Redirect(f"/person/{detail.person_id}")
    data = detail.to_dict()
    data["offices"].sort(key=lambda o: (o["first_seen"] or "", o["title"]))
    data["events"].sort(key=lambda e: e["date_start"] or "", reverse=True)
    return View("person.html", data)


def network(q: Detente) -> View:
    graph = q.network().to_dict()
    nodes, edges = graph["nodes"], graph["edges"]
    positions = {
        p.id: (p.x, p.y)
        for p in force_layout(
            [n["country"] for n in nodes], [(e["country_a"], e["country_b"], e["events"]) for e in edges]
        )
    }
    top_node = max((n["events"] for n in nodes), default=1) or 1
    top_edge = max((e["events"] for e in edges), default=1) or 1
    for node in nodes:
        node["name"] = country_name(node["country"])
        node["x"], node["y"] = positions[node["country"]]
        node["r"] = round(5 + 13 * math.sqrt(node["events"] / top_node), 1)
    for edge in edges:
        edge["x1"], edge["y1"] = positions[edge["country_a"]]
        edge["x2"], edge["y2"] = positions[edge["country_b"]]
        edge["width"] = round(1 + 7 * edge["events"] / top_edge, 1)
    edges.sort(key=lambda e: -e["events"])
    return View("network.html", {"size": NETWORK_SIZE, "nodes": nodes, "edges": edges})


def world_map(q: Detente) -> View:
    places = [row.to_dict() for row in q.places()]
    grouped: dict[tuple[str, float, float], list[dict[str, Any]]] = defaultdict(list)
    for row in places:
        key = (row["place"] or row["country"] or "?", round(row["latitude"], 3), round(row["longitude"], 3))
        grouped[key].append(row)
    frame = fit_frame([(lon, lat) for _, lat, lon in grouped])
    top = max((len(rows) for rows in grouped.values()), default=1)
    markers = []
    for (place, lat, lon), rows in sorted(grouped.items(), key=lambda item: -len(item[1])):
        x, y = frame.project(lon, lat)
        rows.sort(key=lambda r: r["date_start"] or "", reverse=True)
        markers.append({
            "place": place, "latitude": lat, "longitude": lon, "x": x, "y": y,
            "r": round(4 + 10 * math.sqrt(len(rows) / top), 1), "events": rows,
            "country": rows[0]["country"],
            "type": rows[0]["type"] if len({r["type"] for r in rows}) == 1 else "mixed",
        })
    capitals = []
    for code in sorted({c for row in places for c in row["countries"]}):
        capital = capital_of(code)
        if capital and frame.west <= capital[2] <= frame.east and frame.south <= capital[1] <= frame.north:
            x, y = frame.project(capital[2], capital[1])
            capitals.append({"country": code, "name": country_name(code), "capital": capital[0], "x": x, "y": y})
    data = {
        "frame": asdict(frame) | {"width": frame.width, "height": frame.height},
        "markers": markers,
        "capitals": capitals,
    }
    return View("map.html", data, {"grid": graticule(frame)})
