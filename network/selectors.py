"""Reads for the network console: the project and its partners (for About), and
the key figures of a period as one table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from django_countries import countries

from centres.models import Centre

from .indicators import Indicator, Period, Values, registry, shared_queries
from .models import Partner, ProjectIdentity


def partner_list_public() -> list[Partner]:
    """The partners About lists, in the coordinator's order."""
    return list(Partner.objects.active().in_order())


def project_identity_get() -> ProjectIdentity:
    """The project behind the network (created with its public facts if missing)."""
    return ProjectIdentity.current()


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

    def __post_init__(self):
        # Every total is read many times while a page is drawn: compute once.
        self.buckets = self.period.buckets()
        ids = self.centre_ids if self.indicator.per_centre else [None]
        self._centre_totals = {c: self._total_of(c) for c in ids}
        self._bucket_totals = {
            b: sum(self.values.get((c, b), 0) for c in ids) for b in self.buckets
        }

    @property
    def key(self) -> str:
        return self.indicator.key

    def value(self, centre_id: int | None, bucket: dt.date) -> float:
        return self.values.get((centre_id, bucket), 0)

    def by_bucket(self, bucket: dt.date) -> float:
        return self._bucket_totals.get(bucket, 0)

    def series(self) -> list[tuple[dt.date, float]]:
        """(bucket, network value) for every bucket of the period, in order."""
        return [(b, self.by_bucket(b)) for b in self.buckets]

    def centre_series(self, centre_id: int) -> list[tuple[dt.date, float]]:
        return [(b, self.value(centre_id, b)) for b in self.buckets]

    def _total_of(self, centre_id: int | None) -> float:
        if self.totals is not None:
            return self.totals.get(centre_id, 0)
        if self.indicator.cumulative:
            return self.value(centre_id, self.buckets[-1])
        return sum(self.value(centre_id, b) for b in self.buckets)

    def centre_total(self, centre_id: int) -> float:
        return self._centre_totals.get(centre_id, 0)

    @property
    def total(self) -> float:
        return sum(self._centre_totals.values())


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
        rows = [
            (code, str(names.get(code, code)), cs)
            for code, cs in self._by_country.items()
        ]
        return sorted(rows, key=lambda row: row[1])

    def country_total(self, figure: Figure, code: str) -> float:
        return sum(figure.centre_total(c.pk) for c in self._by_country.get(code, ()))

    @cached_property
    def _by_country(self) -> dict[str, list[Centre]]:
        out: dict[str, list[Centre]] = {}
        for centre in self.centres:
            if centre.country:
                out.setdefault(centre.country.code, []).append(centre)
        return out


def figures(
    period: Period, centres, *, keys: list[str] | None = None, network: bool = True
) -> FigureTable:
    """Every registered indicator (or those in `keys`) for `period` and `centres`.

    The number of queries depends on the number of indicators (fewer: those
    that read the same rows share one query), never on the number of centres
    or buckets. With `network=False` (one centre's own
    figures), the figures of the whole network (per_centre=False) are left out.
    The caller has checked that the user may see these centres' figures.
    """
    centres = list(centres)
    table = FigureTable(period=period, centres=centres)
    with shared_queries():
        _compute_into(table, keys=keys, network=network)
    return table


def _compute_into(table: FigureTable, *, keys, network) -> None:
    period, centre_ids = table.period, [c.pk for c in table.centres]
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


def dashboard_centres():
    """The centres the network console reports on: every listed centre and
    task-force project, by name."""
    return Centre.objects.active().order_by("name")
