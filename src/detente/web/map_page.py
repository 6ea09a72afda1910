"""The map page: countries shaded by the events located in them, markers for named places.

Every event with a location is on the map: those placed at a city or facility as
markers (clustered per country, see `map_layers`), those placed only to a country in
the country's shade, which counts both. The legend says how many events are placed
each way and how many have no location. The page opens on the region the events
are in; app.js adds zoom and pan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from detente.models import EVENT_TYPES
from detente.web.countries import country_name
from detente.web.filters import (
    Params,
    aggregate_filters,
    aggregate_selection,
)
from detente.web.fragments import fragment
from detente.web.map_layers import Site, layers
from detente.web.pages import refused_as_bad_request
from detente.web.view import View
from detente.web.world import WORLD_HEIGHT, WORLD_WIDTH, centres, country_shapes, outlined_codes, project

if TYPE_CHECKING:
    from detente.query import Detente

ASSUMED_WIDTH = 1150  # pixels of the map at 1440 px before app.js measures it (no-script readers)
MIN_VIEW_WIDTH = 150.0  # world units (about 56 degrees): the default view never zooms in further
VIEW_MARGIN = 0.12
VIEW_TRIM = 0.1  # share of the located events a default view may leave out at each side
ASPECT = 1.8  # width / height of the default view
BREAKS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)
CLASSES = 5
DOT_RADIUS = 3.5  # pixels: a country too small to outline


def shade_classes(top: int) -> list[tuple[int, int | None]]:
    """Up to CLASSES ranges of event counts (low, high or None for "and more") covering 1..top."""
    bounds = [b for b in BREAKS if b <= max(top, 1)]
    if len(bounds) > CLASSES:
        step = (len(bounds) - 1) / (CLASSES - 1)
        bounds = sorted({bounds[round(i * step)] for i in range(CLASSES)})
    return [(low, bounds[i + 1] - 1 if i + 1 < len(bounds) else None) for i, low in enumerate(bounds)]


def shade_of(count: int, classes: list[tuple[int, int | None]]) -> int:
    """1-based class of a count (0 for none)."""
    for index, (low, high) in enumerate(classes, start=1):
        if count >= low and (high is None or count <= high):
            return index
    return 0


def _weighted_span(values: list[tuple[float, int]], trim: float) -> tuple[float, float]:
    """The range of values left after dropping `trim` of the total weight at each end."""
    ordered = sorted(values)
    total = sum(weight for _, weight in ordered)
    low_cut, high_cut = trim * total, (1 - trim) * total
    seen, low, high = 0, ordered[0][0], ordered[-1][0]
    for value, weight in ordered:
        if seen <= low_cut < seen + weight:
            low = value
        if seen < high_cut <= seen + weight:
            high = value
        seen += weight
    return low, high


def fit_view(points: list[tuple[float, float, int]], trim: float = VIEW_TRIM) -> dict[str, float]:
    """The world-unit box the page opens on: where most events are (weighted points, `trim` of the
    weight dropped at each side, so a few far-off events do not zoom out to the whole world),
    with a margin, at least MIN_VIEW_WIDTH wide."""
    if not points:
        return {"x": 0.0, "y": 0.0, "width": WORLD_WIDTH, "height": WORLD_HEIGHT}
    left, right = _weighted_span([(x, w) for x, _, w in points], trim)
    top, bottom = _weighted_span([(y, w) for _, y, w in points], trim)
    width = max((right - left) * (1 + 2 * VIEW_MARGIN), MIN_VIEW_WIDTH)
    height = max((bottom - top) * (1 + 2 * VIEW_MARGIN), width / ASPECT)
    width = max(width, height * ASPECT)
    width, height = min(width, WORLD_WIDTH), min(height, WORLD_HEIGHT)
    x = min(max((left + right) / 2 - width / 2, 0.0), WORLD_WIDTH - width)
    y = min(max((top + bottom) / 2 - height / 2, 0.0), WORLD_HEIGHT - height)
    return {"x": round(x, 1), "y": round(y, 1), "width": round(width, 1), "height": round(height, 1)}


def _countries(q: Detente, selection: dict[str, Any]) -> list[dict[str, Any]]:
    located = q.locations(**selection)
    classes = shade_classes(max((row.events for row in located), default=1))
    outlined = outlined_codes()
    found = []
    for row in located:
        found.append(
            {
                "country": row.country,
                "name": country_name(row.country),
                "events": row.events,
                "only_country": row.only_country,
                "at_sites": row.events - row.only_country,
                "shade": shade_of(row.events, classes),
                "outlined": row.country in outlined,
                "link": f"/events?located_in={row.country}",
                "latitude": row.latitude,
                "longitude": row.longitude,
            }
        )
    return found


def _dots(countries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Countries with events but no outline at 1:110m (Singapore, Bahrain...), marked by a dot
    where their events are."""
    dots = []
    for row in countries:
        if not row["outlined"] and row["latitude"] is not None and row["longitude"] is not None:
            x, y = project(row["longitude"], row["latitude"])
            dots.append({**row, "x": x, "y": y})
    return dots


def _initial_scale(view: dict[str, float], built: tuple[dict[str, Any], ...]) -> float:
    """The layer shown before app.js measures the screen: the one for a desktop-wide map."""
    scale = ASSUMED_WIDTH / view["width"]
    fitting = [layer["scale"] for layer in built if layer["scale"] <= scale]
    return fitting[-1] if fitting else built[0]["scale"]


def world_map(q: Detente, params: Params) -> View:
    chosen = aggregate_filters(params)
    selection = aggregate_selection(chosen)
    with refused_as_bad_request():
        rows = q.sites(**selection)
        placement = q.placement(**selection).to_dict()
        countries = _countries(q, selection)
    sites = tuple(
        Site(
            r.place,
            r.country,
            r.latitude,
            r.longitude,
            r.events,
            tuple(sorted(r.by_type.items())),
            r.only_event_id,
        )
        for r in rows
    )
    built = layers(sites) if sites else ()
    anchors = centres()
    dots = _dots(countries)
    points = [(*site.xy, site.events) for site in sites]
    points += [(*anchors[c["country"]], c["only_country"]) for c in countries if c["country"] in anchors]
    points += [(d["x"], d["y"], d["only_country"]) for d in dots]
    points = [point for point in points if point[2] > 0]
    view = fit_view(points)
    top = max((c["events"] for c in countries), default=1)
    data = {
        "filters": chosen,
        "placement": placement,
        "view": view,
        "world": {"width": WORLD_WIDTH, "height": round(WORLD_HEIGHT, 1)},
        "shades": [{"low": low, "high": high} for low, high in shade_classes(top)],
        "countries": countries,
        "layers": list(built),
        "sites": [r.to_dict() for r in rows],
    }
    drawn_types = {marker["type"] for layer in built for marker in layer["markers"]}
    drawing = {
        "view": view,
        "world": data["world"],
        "shade_by_code": {c["country"]: c for c in countries},
        "dots": dots,
        "layers": list(built),
        "initial_scale": _initial_scale(view, built) if built else 1.0,
        "dot_radius": DOT_RADIUS,
    }
    extra = {
        "form": chosen,
        "drawing": fragment("map_drawing.html", drawing, shapes=country_shapes(), **drawing),
        "marker_types": [t for t in (*EVENT_TYPES, "mixed") if t in drawn_types],
    }
    return View("map.html", data, extra)
