"""The registry of the network's key figures.

An app describes each of its figures once, as an `Indicator`, and registers it in
its AppConfig.ready(); the dashboard, the per-centre figures and the reporting
exports read them all from here, so `network/` never reaches into another app's
models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, DateField
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils import timezone
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
    # For a figure whose period total is neither the sum nor the last bucket (a
    # count of distinct people): compute_total(period=…, centre_ids=…) returns
    # {centre_id: value} for the whole period, in one query.
    compute_total: Callable[..., dict[int | None, float]] | None = field(
        default=None, compare=False, hash=False
    )


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


# Helpers for compute() functions: every app cuts its timestamps into buckets the
# same way, in the site's time zone, so the figures of two apps always line up.


def site_timezone() -> ZoneInfo:
    """The zone in which days, months and years are counted (settings.TIME_ZONE)."""
    return ZoneInfo(settings.TIME_ZONE)


def period_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) as aware datetimes: midnight of the first day, and midnight
    after the last day, both in the site's time zone."""
    tz = site_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def bucket_end(start: dt.date, granularity: str) -> dt.date:
    """The first day after the bucket that starts on `start`."""
    return _next_bucket(start, granularity)


def trunc(field: str, granularity: str):
    """The SQL expression that cuts the timestamp `field` into buckets (the bucket's
    first day, as a date in the site's time zone)."""
    kind = {
        Granularity.MONTH: TruncMonth,
        Granularity.QUARTER: TruncQuarter,
        Granularity.YEAR: TruncYear,
    }[granularity]
    return kind(field, tzinfo=site_timezone(), output_field=DateField())


def as_bucket(value) -> dt.date:
    """A truncated value from the database as the bucket's first day."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(site_timezone())
        return value.date()
    return value


def rows_to_values(rows, *, centre="centre_id", bucket="bucket", value="n") -> Values:
    """`{(centre_id, bucket_start): value}` from grouped rows (dicts); rows whose
    centre key is None count for the network as a whole."""
    out: Values = {}
    for row in rows:
        centre_id = row[centre] if centre else None
        key = (centre_id, as_bucket(row[bucket]))
        out[key] = out.get(key, 0) + row[value]
    return out


def counts_per_centre(
    queryset, *, centre: str, moment: str, period: Period, centre_ids
) -> Values:
    """`{(centre_id, bucket_start): n}`: the rows of `queryset` whose timestamp
    `moment` falls in the period, counted per value of the lookup `centre` and
    per bucket of `moment`, in one grouped query. Evaluated at once, so a caller
    may wrap it in scopes_disabled()."""
    start, end = period_bounds(period)
    rows = (
        queryset.filter(
            **{
                f"{centre}__in": list(centre_ids),
                f"{moment}__gte": start,
                f"{moment}__lt": end,
            }
        )
        .annotate(bucket=trunc(moment, period.granularity))
        .values(centre, "bucket")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return rows_to_values(rows, centre=centre)


# Indicators that read the same grouped rows (resources per kind, registrations
# and check-ins) share one query while figures() computes a table.
_shared: ContextVar[dict | None] = ContextVar("network_indicator_rows", default=None)


@contextmanager
def shared_queries():
    """Within this block, `shared(key, fn)` runs `fn` once per key."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def shared(key, fn: Callable[[], object]):
    """`fn()`, memoised by `key` inside shared_queries(), computed afresh outside.
    The key must name everything the result depends on (period, centre ids)."""
    memo = _shared.get()
    if memo is None:
        return fn()
    if key not in memo:
        memo[key] = fn()
    return memo[key]
