"""The world map's country outlines: Natural Earth 1:110m, vendored as TopoJSON, drawn as SVG paths.

The map is equirectangular on a WORLD_WIDTH-unit canvas, cropped to the latitudes
people live at (Antarctica is left out). Paths are computed once per process; each
country is one path, keyed by its ISO 3166-1 alpha-3 code. Countries too small for
the 1:110m outlines (Singapore, Bahrain, Malta...) have no path: the map marks them
with a dot at their capital.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORLD_WIDTH = 960.0
NORTH = 84.0  # latitudes drawn: Arctic islands to Tierra del Fuego
SOUTH = -60.0
UNITS_PER_DEGREE = WORLD_WIDTH / 360.0
WORLD_HEIGHT = (NORTH - SOUTH) * UNITS_PER_DEGREE
TOPOLOGY = Path(__file__).resolve().parent / "static" / "geo" / "countries-110m.json"
LEFT_OUT = {"010"}  # Antarctica
# Features Natural Earth gives no ISO numeric code; None draws them as land without events.
UNCODED = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None}


def project(lon: float, lat: float, digits: int = 1) -> tuple[float, float]:
    """Longitude and latitude to canvas units (x east, y south); outlines need 0.1 units, markers
    more (a unit is hundreds of pixels when zoomed in on a city)."""
    return (
        round((lon + 180.0) * UNITS_PER_DEGREE, digits),
        round((NORTH - lat) * UNITS_PER_DEGREE, digits),
    )


@dataclass(frozen=True)
class CountryShape:
    code: str | None  # ISO alpha-3, None for a territory the data gives no code
    name: str  # Natural Earth's short name, used when pycountry has none
    path: str  # SVG path data in canvas units
    box: tuple[float, float, float, float]  # left, top, right, bottom of its largest part


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as absolute (lon, lat) points: TopoJSON stores quantised deltas."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    """A closed ring from arc indices; ~i is arc i reversed, and arcs share their end points."""
    ring: list[tuple[float, float]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _unwrapped(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring crossing the antimeridian (Russia's Chukotka, Fiji) with its longitudes made continuous,
    plus a copy a world-width over for the part past the edge; the map clips to the world."""
    if not ring:
        return []
    continuous = [ring[0]]
    for lon, lat in ring[1:]:
        previous = continuous[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        continuous.append((lon, lat))
    copies = [continuous]
    if max(lon for lon, _ in continuous) > 180:
        copies.append([(lon - 360, lat) for lon, lat in continuous])
    if min(lon for lon, _ in continuous) < -180:
        copies.append([(lon + 360, lat) for lon, lat in continuous])
    return copies


def _path(rings: list[list[tuple[float, float]]]) -> tuple[str, tuple[float, float, float, float]]:
    """SVG path data (absolute moves, relative lines, 0.1-unit steps) and the box of the largest ring
    (France's is its European part, not the span to French Guiana)."""
    parts = []
    box = (0.0, 0.0, 0.0, 0.0)
    for ring in rings:
        projected = [project(lon, lat) for lon, lat in ring]
        steps = []
        last = projected[0]
        for point in projected[1:]:
            dx, dy = round(point[0] - last[0], 1), round(point[1] - last[1], 1)
            if dx or dy:
                steps.append(f"{_number(dx)}{_signed(dy)}")
                last = (round(last[0] + dx, 1), round(last[1] + dy, 1))
        if len(steps) < 2:
            continue
        parts.append(f"M{_number(projected[0][0])} {_number(projected[0][1])}l" + " ".join(steps) + "z")
        xs, ys = [x for x, _ in projected], [y for _, y in projected]
        ring_box = (min(xs), min(ys), max(xs), max(ys))
        if _area(ring_box) > _area(box):
            box = ring_box
    return "".join(parts), box


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _signed(value: float) -> str:
    """The second number of a pair: a minus sign separates it by itself, else a space."""
    text = _number(value)
    return text if text.startswith("-") else f" {text}"


def _alpha3(numeric: str | None, name: str) -> str | None:
    if numeric is None:
        return UNCODED.get(name)
    import pycountry

    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


@lru_cache(maxsize=1)
def country_shapes() -> tuple[CountryShape, ...]:
    """Every country of the vendored topology as one SVG path, in the file's order."""
    topology = json.loads(TOPOLOGY.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric in LEFT_OUT:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [part for polygon in polygons for ring in polygon for part in _unwrapped(_ring(arcs, ring))]
        path, box = _path(rings)
        if path:
            name = geometry.get("properties", {}).get("name", "")
            shapes.append(CountryShape(_alpha3(numeric, name), name, path, box))
    return tuple(shapes)


@lru_cache(maxsize=1)
def outlined_codes() -> frozenset[str]:
    return frozenset(shape.code for shape in country_shapes() if shape.code)


@lru_cache(maxsize=1)
def centres() -> dict[str, tuple[float, float]]:
    """The centre of each outlined country's largest part: where the map puts its country-level dot."""
    found: dict[str, tuple[float, float]] = {}
    for shape in country_shapes():
        if shape.code:
            left, top, right, bottom = shape.box
            found[shape.code] = (round((left + right) / 2, 1), round((top + bottom) / 2, 1))
    return found
