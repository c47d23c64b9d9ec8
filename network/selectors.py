"""Reads for the network console: the key figures of a period as one table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django_countries import countries

from centres.models import Centre

from .indicators import Indicator, Period, Values, registry


@dataclass
class Figure:
    """One indicator's numbers for a period: per centre and bucket, and totals.

    - `values[(centre_id, bucket)]`: as computed (centre_id None for a figure of
      the whole network); missing keys read as 0;
    - `by_bucket(bucket)`: the network's value in that bucket (the sum over
      centres, or the network-wide value);
    - `centre_total(centre_id)` / `total`: over the whole period: the sum of the
      buckets for a flow, the last bucket for a stock, or the indicator's own
      compute_total for a count of distinct people.
    """

    indicator: Indicator
    period: Period
    centre_ids: list[int]
    values: Values
    totals: dict[int | None, float] | None = None

    @property
    def key(self) -> str:
        return self.indicator.key

    def value(self, centre_id: int | None, bucket: dt.date) -> float:
        return self.values.get((centre_id, bucket), 0)

    def by_bucket(self, bucket: dt.date) -> float:
        if not self.indicator.per_centre:
            return self.value(None, bucket)
        return sum(self.value(c, bucket) for c in self.centre_ids)

    def series(self) -> list[tuple[dt.date, float]]:
        """(bucket, network value) for every bucket of the period, in order."""
        return [(b, self.by_bucket(b)) for b in self.period.buckets()]

    def centre_series(self, centre_id: int) -> list[tuple[dt.date, float]]:
        return [(b, self.value(centre_id, b)) for b in self.period.buckets()]

    def _total_of(self, centre_id: int | None) -> float:
        if self.totals is not None:
            return self.totals.get(centre_id, 0)
        buckets = self.period.buckets()
        if self.indicator.cumulative:
            return self.value(centre_id, buckets[-1])
        return sum(self.value(centre_id, b) for b in buckets)

    def centre_total(self, centre_id: int) -> float:
        return self._total_of(centre_id)

    @property
    def total(self) -> float:
        if not self.indicator.per_centre:
            return self._total_of(None)
        return sum(self._total_of(c) for c in self.centre_ids)


@dataclass
class FigureTable:
    """All registered indicators for one period and a set of centres."""

    period: Period
    centres: list[Centre]
    figures: list[Figure] = field(default_factory=list)

    def get(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def per_centre(self) -> list[Figure]:
        return [f for f in self.figures if f.indicator.per_centre]

    def countries(self) -> list[tuple[str, str, list[Centre]]]:
        """(code, name, centres) for every country with at least one centre,
        by name; centres without a country are left out."""
        names = dict(countries)
        by_code: dict[str, list[Centre]] = {}
        for centre in self.centres:
            if centre.country:
                by_code.setdefault(centre.country.code, []).append(centre)
        rows = [(code, str(names.get(code, code)), cs) for code, cs in by_code.items()]
        return sorted(rows, key=lambda row: row[1])

    def country_total(self, figure: Figure, code: str) -> float:
        return sum(
            figure.centre_total(c.pk)
            for c in self.centres
            if c.country and c.country.code == code
        )


def figures(
    period: Period, centres, *, keys: list[str] | None = None, network: bool = True
) -> FigureTable:
    """Every registered indicator (or those in `keys`) for `period` and `centres`.

    The number of queries depends on the number of indicators, never on the
    number of centres or buckets. With `network=False` (one centre's own
    figures), the figures of the whole network (per_centre=False) are left out.
    The caller has checked that the user may see these centres' figures.
    """
    centres = list(centres)
    centre_ids = [c.pk for c in centres]
    table = FigureTable(period=period, centres=centres)
    for indicator in registry.all():
        if keys is not None and indicator.key not in keys:
            continue
        if not network and not indicator.per_centre:
            continue
        values = indicator.compute(period=period, centre_ids=centre_ids)
        totals = None
        if indicator.compute_total is not None:
            totals = indicator.compute_total(period=period, centre_ids=centre_ids)
        table.figures.append(
            Figure(
                indicator=indicator,
                period=period,
                centre_ids=centre_ids,
                values=values,
                totals=totals,
            )
        )
    return table


def dashboard_centres():
    """The centres the network console reports on: every listed centre and
    task-force project, by name."""
    return Centre.objects.active().order_by("name")
