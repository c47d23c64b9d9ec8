"""Reads of the network console: the figures and lists of a reporting export.

Figures come from the indicator registry (network.indicators), lists from the
apps' own selectors; nothing here queries once per centre or per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from centres.models import Centre

from .indicators import Granularity, Indicator, Period, registry
from .models import ReportExport


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


def period_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """[from, before): the period's whole days in the site's time zone as aware
    datetimes, for filters on timestamps."""
    tz = timezone.get_default_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def report_centres(centre: Centre | None) -> list[Centre]:
    """The rows of a report: one centre, or every centre of the network by name."""
    if centre is not None:
        return [centre]
    return list(Centre.objects.order_by("name", "pk"))


def _number(value) -> int | float:
    """Whole numbers as int (so that a spreadsheet shows 3, not 3.0)."""
    value = value or 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def indicator_rows(
    indicator: Indicator, *, period: Period, centres: list[Centre], network: bool
) -> list[FigureRow]:
    """The rows of one indicator: one per centre, and for a report on the whole
    network the network-wide figure of an indicator that is not per centre.
    A figure not per centre has no place in one centre's report: no rows."""
    if not indicator.per_centre and not network:
        return []
    buckets = period.buckets()
    values = indicator.compute(period=period, centre_ids=[c.pk for c in centres])
    targets = centres if indicator.per_centre else [None]
    rows = []
    for centre in targets:
        centre_id = centre.pk if centre is not None else None
        series = [_number(values.get((centre_id, b), 0)) for b in buckets]
        if indicator.cumulative:
            total = series[-1] if series else 0
        else:
            total = _number(sum(series))
        rows.append(FigureRow(indicator, centre, series, total))
    return rows


def report_indicators() -> list[Indicator]:
    return registry.all()


def report_figures(
    *, period: Period, centre: Centre | None, on_indicator=None
) -> list[TopicFigures]:
    """Every registered indicator over `period`, grouped by topic in registry
    order; `on_indicator(done, total)` is called after each one (progress)."""
    centres = report_centres(centre)
    indicators = report_indicators()
    topics: dict[str, TopicFigures] = {}
    for done, indicator in enumerate(indicators, start=1):
        rows = indicator_rows(
            indicator, period=period, centres=centres, network=centre is None
        )
        if rows:
            key = str(indicator.topic)
            topics.setdefault(key, TopicFigures(key, period.buckets())).rows.extend(
                rows
            )
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
