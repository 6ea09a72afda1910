"""Equirectangular geometry for the events map: a frame fitted to the points, a graticule, points.

There are no map tiles offline, so the frame zooms to where the events are and a
graticule plus capital-city markers give the reader their bearings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 960
MIN_LON_SPAN = 60.0
MIN_LAT_SPAN = 30.0


@dataclass(frozen=True)
class Frame:
    """The visible lon/lat box, snapped to the graticule step, and the pixel size."""

    west: float
    east: float
    south: float
    north: float
    step: int

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def height(self) -> int:
        return max(1, round(WIDTH * (self.north - self.south) / (self.east - self.west)))

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


def _step_for(span: float) -> int:
    for step in (5, 10, 15, 30):
        if span / step <= 12:
            return step
    return 30


def fit_frame(points: list[tuple[float, float]]) -> Frame:
    """The smallest snapped box holding every (lon, lat) with a margin; the world when empty."""
    if not points:
        return Frame(-180, 180, -90, 90, 30)
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    lon_span = max(max(lons) - min(lons) + 20, MIN_LON_SPAN)
    lat_span = max(max(lats) - min(lats) + 10, MIN_LAT_SPAN, lon_span / 2.2)
    lon_span = max(lon_span, lat_span * 1.6)
    step = _step_for(lon_span)
    mid_lon = (max(lons) + min(lons)) / 2
    mid_lat = (max(lats) + min(lats)) / 2
    west = max(-180, math.floor((mid_lon - lon_span / 2) / step) * step)
    east = min(180, math.ceil((mid_lon + lon_span / 2) / step) * step)
    south = max(-90, math.floor((mid_lat - lat_span / 2) / step) * step)
    north = min(90, math.ceil((mid_lat + lat_span / 2) / step) * step)
    return Frame(west, east, south, north, step)


GRID_FONT = 10.0  # font size of the graticule's degree labels, as style.css sets it


@dataclass
class GridLine:
    """A meridian or parallel; its degree label sits at (text_x, text_y), or is not drawn (None)."""

    label: str
    x1: float
    y1: float
    x2: float
    y2: float
    text_x: float | None = None
    text_y: float | None = None


def _meridian(frame: Frame, lon: int) -> GridLine:
    x, _ = frame.project(lon, 0)
    label = f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}"
    shown = x > 24  # the first meridian's label would collide with the parallels' labels
    return GridLine(
        label, x, 0, x, frame.height, x + 3 if shown else None, frame.height - 4 if shown else None
    )


def _parallel(frame: Frame, lat: int) -> GridLine:
    _, y = frame.project(0, lat)
    label = f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}"
    shown = 12 < y < frame.height - 16  # clear of the top edge and the meridians' labels
    text_x, text_y = (3, y - 3) if shown else (None, None)
    return GridLine(label, 0, y, frame.width, y, text_x, text_y)


def graticule(frame: Frame) -> list[GridLine]:
    """Meridians and parallels every `frame.step` degrees, labelled like 30°E / 15°N."""
    lines: list[GridLine] = []
    lon = math.ceil(frame.west / frame.step) * frame.step
    while lon <= frame.east:
        lines.append(_meridian(frame, lon))
        lon += frame.step
    lat = math.ceil(frame.south / frame.step) * frame.step
    while lat <= frame.north:
        lines.append(_parallel(frame, lat))
        lat += frame.step
    return lines
