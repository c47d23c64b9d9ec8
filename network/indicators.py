"""The registry of the network's key figures.

An app describes each of its figures once, as an `Indicator`, and registers it in
its AppConfig.ready(); the dashboard, the per-centre figures and the reporting
exports read them all from here, so `network/` never reaches into another app's
models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


class Granularity:
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CHOICES = [
        (MONTH, _("Month")),
        (QUARTER, _("Quarter")),
        (YEAR, _("Year")),
    ]


def bucket_start(day: dt.date, granularity: str) -> dt.date:
    """The first day of the month, quarter or year that contains `day`."""
    if granularity == Granularity.YEAR:
        return dt.date(day.year, 1, 1)
    if granularity == Granularity.QUARTER:
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, day.month, 1)


def _next_bucket(start: dt.date, granularity: str) -> dt.date:
    months = {Granularity.MONTH: 1, Granularity.QUARTER: 3, Granularity.YEAR: 12}
    total = start.month - 1 + months[granularity]
    return dt.date(start.year + total // 12, total % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole days from `start` to `end` (both included) in the site's time zone,
    cut into months, quarters or years for the charts."""

    start: dt.date
    end: dt.date
    granularity: str = Granularity.MONTH

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period ends on or after its start.")

    def buckets(self) -> list[dt.date]:
        """The first day of every month/quarter/year the period touches."""
        out, current = [], bucket_start(self.start, self.granularity)
        while current <= self.end:
            out.append(current)
            current = _next_bucket(current, self.granularity)
        return out


# What compute() returns: {(centre_id, bucket_start): value}. A figure that is not
# per centre (the network's newsletter subscribers) uses centre_id None. Buckets
# and centres without a value are left out and read as 0.
Values = dict[tuple[int | None, dt.date], float]


@dataclass(frozen=True)
class Indicator:
    """One key figure.

    - `key`: dotted and stable, `<app>.<figure>` (used in URLs and export files);
    - `label`, `topic` (the export's sheet and the dashboard's section), `unit`;
    - `compute(period=…, centre_ids=…)`: one aggregate query (or a constant
      number) for all the given centres at once, never one per centre;
    - `cumulative`: a stock (subscribers at the end of each bucket) rather than a
      flow (resources published during it); its period total is the last bucket.
    """

    key: str
    label: str
    topic: str
    compute: Callable[..., Values]
    unit: str = ""
    per_centre: bool = True
    cumulative: bool = False
    order: int = 100
    help_text: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


class IndicatorRegistry:
    def __init__(self):
        self._items: dict[str, Indicator] = {}

    def register(self, indicator: Indicator) -> Indicator:
        if indicator.key in self._items:
            raise ValueError(f"Indicator {indicator.key!r} is registered twice.")
        self._items[indicator.key] = indicator
        return indicator

    def get(self, key: str) -> Indicator:
        return self._items[key]

    def all(self) -> list[Indicator]:
        return sorted(self._items.values(), key=lambda i: (i.order, i.key))

    def keys(self) -> Iterable[str]:
        return self._items.keys()


registry = IndicatorRegistry()
register = registry.register
