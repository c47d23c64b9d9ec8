"""Geometry of the console's charts: numbers in, coordinates out.

The SVG itself is written by the templates (templates/network/_line_chart.html,
_bar_chart.html); this module only places points, bars and axis ticks, so the
markup stays in one place and no chart library is needed.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from centres.tilemap import tile_grid

from .indicators import Granularity


def bucket_label(start: dt.date, granularity: str) -> str:
    """How a bucket is named on an axis and in a table: 'Jan 2026', 'Q1 2026', '2026'."""
    if granularity == Granularity.YEAR:
        return str(start.year)
    if granularity == Granularity.QUARTER:
        return _("Q%(quarter)s %(year)s") % {
            "quarter": (start.month - 1) // 3 + 1,
            "year": start.year,
        }
    return date_format(start, "SHORT_YEAR_MONTH_FORMAT")


def nice_ceiling(value: float) -> tuple[int, int]:
    """(top, step): an axis top ≥ value with four or five round steps."""
    if value <= 0:
        return 4, 1
    raw = value / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw and step == int(step):
            break
    step = max(int(step), 1)
    return int(math.ceil(value / step) * step), step


@dataclass
class Tick:
    value: float
    y: float


@dataclass
class Point:
    label: str
    value: float
    x: float
    y: float
    show_label: bool


@dataclass
class LineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    ticks: list[Tick]
    points: list[Point]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def baseline(self) -> int:
        return self.bottom


def line_chart(series: list[tuple[str, float]], *, width=640, height=260) -> LineChart:
    """A line over the buckets: `series` is (label, value) in order."""
    left, right, top, bottom = 56, width - 16, 16, height - 44
    top_value, step = nice_ceiling(max((v for _l, v in series), default=0))
    ticks = [
        Tick(value=v, y=bottom - (bottom - top) * v / top_value)
        for v in range(0, top_value + 1, step)
    ]
    n = len(series)
    every = max(1, math.ceil(n / 12))
    points = []
    for i, (label, value) in enumerate(series):
        x = left + (right - left) * (i / (n - 1) if n > 1 else 0.5)
        y = bottom - (bottom - top) * value / top_value
        points.append(
            Point(
                label=label,
                value=value,
                x=x,
                y=y,
                show_label=(i % every == 0 or i == n - 1),
            )
        )
    return LineChart(width, height, left, right, top, bottom, ticks, points)


@dataclass
class Bar:
    label: str
    value: float
    y: float
    width: float
    text_x: float


@dataclass
class BarChart:
    width: int
    height: int
    left: int
    bar_height: int
    bars: list[Bar]


def bar_chart(rows: list[tuple[str, float]], *, width=640) -> BarChart:
    """Horizontal bars, largest first: `rows` is (label, value)."""
    left, right, bar_height, gap, top = 150, width - 64, 20, 8, 8
    rows = sorted(rows, key=lambda r: (-r[1], r[0]))
    top_value = max((v for _l, v in rows), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(rows):
        length = (right - left) * value / top_value
        bars.append(
            Bar(
                label=label,
                value=value,
                y=top + i * (bar_height + gap),
                width=length,
                text_x=left + length + 6,
            )
        )
    height = top * 2 + max(len(rows), 1) * (bar_height + gap)
    return BarChart(width, height, left, bar_height, bars)


# Shades of the tile-grid map, lightest first; the value is written on each tile
# too, so the colour is never the only way to read it.
MAP_LEVELS = 4


def map_tiles(country_values: dict[str, float]) -> tuple[list[dict], list[dict]]:
    """(tiles, legend) for the tile-grid map coloured by one figure.

    Each tile of centres.tilemap.tile_grid gets `value` (None where the country
    has no centre) and `level` (0 for a zero, 1..MAP_LEVELS by equal intervals
    up to the largest value); the legend names each level's range.
    """
    top = max(country_values.values(), default=0)
    tiles = []
    for tile in tile_grid([]):
        value = country_values.get(tile["code"])
        level = None
        if value is not None:
            level = (
                0
                if value <= 0
                else min(MAP_LEVELS, math.ceil(value * MAP_LEVELS / top))
            )
        tiles.append({**tile, "value": value, "level": level})
    legend = [{"level": 0, "low": 0, "high": 0}]
    if top > 0:
        for level in range(1, MAP_LEVELS + 1):
            low = math.floor(top * (level - 1) / MAP_LEVELS) + 1
            high = math.floor(top * level / MAP_LEVELS)
            if high >= low:
                legend.append({"level": level, "low": low, "high": high})
    return tiles, legend
