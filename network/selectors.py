"""Reads for the network console: the project and its partners (for About),
the key figures of a period as one table, and the figures and lists of a
reporting export (no query per centre or per row)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from django_countries import countries

from centres.models import Centre

from .indicators import (
    Granularity,
    Indicator,
    Period,
    Values,
    period_bounds,
    registry,
    shared_queries,
)
from .models import Partner, ProjectIdentity, ReportExport


def partner_list_public() -> list[Partner]:
    """The partners About lists, in the coordinator's order."""
    return list(Partner.objects.active().in_order())


def project_identity_get() -> ProjectIdentity:
    """The project behind the network (its public facts if no row is stored yet);
    reads only."""
    return ProjectIdentity.read()


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


# --- Reporting exports ---


@dataclass
class FigureRow:
    """One indicator for one centre (None: the network as a whole) over a period."""

    indicator: Indicator
    centre: Centre | None
    values: list[float]  # one per bucket of the period
    total: float


@dataclass
class TopicFigures:
    """The indicators of one topic: the rows of one sheet."""

    topic: str
    buckets: list[dt.date]
    rows: list[FigureRow] = field(default_factory=list)


def bucket_label(start: dt.date, granularity: str) -> str:
    """A bucket's column heading in ISO-like form (2026-03, 2026-Q1, 2026), which
    sorts and reads the same in every language."""
    if granularity == Granularity.YEAR:
        return str(start.year)
    if granularity == Granularity.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year:04d}-{start.month:02d}"


def report_centres(centre: Centre | None) -> list[Centre]:
    """The rows of a report: one centre, or the centres the dashboard shows."""
    if centre is not None:
        return [centre]
    return list(dashboard_centres())


def _number(value) -> int | float:
    """Whole numbers as int (so that a spreadsheet shows 3, not 3.0)."""
    value = value or 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def figure_rows(figure: Figure, centres: list[Centre], *, network: bool):
    """The rows of one figure: one per centre and, for the whole network, one
    for all of them (the dashboard's network figure). A figure that is not per
    centre has a single network row."""
    buckets = figure.period.buckets()
    if not figure.indicator.per_centre:
        values = [_number(figure.by_bucket(b)) for b in buckets]
        return [FigureRow(figure.indicator, None, values, _number(figure.total))]
    rows = [
        FigureRow(
            figure.indicator,
            centre,
            [_number(v) for _, v in figure.centre_series(centre.pk)],
            _number(figure.centre_total(centre.pk)),
        )
        for centre in centres
    ]
    if network:
        values = [_number(figure.by_bucket(b)) for b in buckets]
        rows.append(FigureRow(figure.indicator, None, values, _number(figure.total)))
    return rows


def report_figures(
    *, period: Period, centre: Centre | None, on_indicator=None
) -> list[TopicFigures]:
    """Every registered indicator over `period` (the same numbers as the
    dashboard's), grouped by topic in registry order; `on_indicator(done,
    total)` is called after each one (progress). One centre's report leaves out
    the figures of the whole network."""
    centres = report_centres(centre)
    network = centre is None
    indicators = registry.all()
    topics: dict[str, TopicFigures] = {}
    with shared_queries():  # as figures(), one indicator at a time
        for done, indicator in enumerate(indicators, start=1):
            table = FigureTable(period=period, centres=centres)
            _compute_into(table, keys=[indicator.key], network=network)
            for figure in table.figures:
                key = str(indicator.topic)
                topic = topics.setdefault(key, TopicFigures(key, period.buckets()))
                topic.rows.extend(figure_rows(figure, centres, network=network))
            if on_indicator is not None:
                on_indicator(done, len(indicators))
    return list(topics.values())


def report_event_list(*, period: Period, centre: Centre | None):
    from events.selectors import event_list_attendance

    start, end = period_bounds(period)
    return list(
        event_list_attendance(starts_from=start, starts_before=end, centre=centre)
    )


def report_resource_list(*, period: Period, centre: Centre | None):
    from knowledge.selectors import resource_list_published_between

    start, end = period_bounds(period)
    return list(
        resource_list_published_between(
            published_from=start, published_before=end, centre=centre
        )
    )


def export_list_for(*, user, centre: Centre | None, limit: int = 20):
    """The recent exports `user` asked for: of one centre, or (None) all of them,
    whatever their scope (the coordinator's page)."""
    qs = ReportExport.objects.filter(requested_by=user)
    if centre is not None:
        qs = qs.filter(centre=centre)
    return list(qs.select_related("centre")[:limit])


def export_status(export: ReportExport) -> dict:
    """What the job page's script reads (JSON)."""
    return {
        "status": export.status,
        "status_label": str(export.get_status_display()),
        "progress": export.progress,
        "finished": export.is_final,
        "error": export.error_message if export.status == export.Status.FAILED else "",
    }
