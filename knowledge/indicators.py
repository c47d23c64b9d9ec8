"""The knowledge base's key figures for the network console (network/indicators.py).

A resource counts as published in the bucket that holds its `published_at`, in
the site's time zone, whether it is still published or archived since: a report
to the funder counts what the centre put out during the period. The total and
the figure of each kind come from one grouped query.
"""

from django.db.models import Count
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from network.indicators import (
    Indicator,
    Values,
    period_bounds,
    register,
    rows_to_values,
    shared,
    trunc,
)

TOPIC = _("Knowledge base")


def published_by_kind(*, period, centre_ids) -> dict[str, Values]:
    """{kind: Values}: resources published per centre and bucket, for each kind,
    in one query (shared by the indicators below while a table is computed)."""
    from .models import Resource

    def compute():
        start, end = period_bounds(period)
        rows = (
            Resource.objects.filter(
                centre_id__in=centre_ids,
                status__in=[Resource.Status.PUBLISHED, Resource.Status.ARCHIVED],
                published_at__gte=start,
                published_at__lt=end,
            )
            .annotate(bucket=trunc("published_at", period.granularity))
            .values("kind", "centre_id", "bucket")
            .annotate(n=Count("id"))
            .order_by()
        )
        out: dict[str, list] = {}
        for row in rows:
            out.setdefault(row["kind"], []).append(row)
        return {kind: rows_to_values(kind_rows) for kind, kind_rows in out.items()}

    key = ("knowledge.published_by_kind", period, tuple(centre_ids))
    return shared(key, compute)


def resources_published(*, period, centre_ids) -> Values:
    """Resources of every kind published per centre and bucket."""
    total: Values = {}
    for values in published_by_kind(period=period, centre_ids=centre_ids).values():
        for key, n in values.items():
            total[key] = total.get(key, 0) + n
    return total


def _per_kind(kind):
    def compute(*, period, centre_ids) -> Values:
        by_kind = published_by_kind(period=period, centre_ids=centre_ids)
        return by_kind.get(kind, {})

    return compute


def register_indicators():
    """Called once from KnowledgeConfig.ready()."""
    from .models import Resource

    register(
        Indicator(
            key="knowledge.resources_published",
            label=_("Resources published"),
            topic=TOPIC,
            compute=resources_published,
            order=10,
            help_text=_("Resources of every kind published during the period."),
        )
    )
    for position, (kind, label) in enumerate(Resource.Kind.choices, start=1):
        register(
            Indicator(
                key=f"knowledge.resources_published.{kind}",
                label=format_lazy(_("Published: {kind}"), kind=label),
                topic=TOPIC,
                compute=_per_kind(kind),
                order=10 + position,
                help_text=_("Resources of this kind published during the period."),
                extra={"kind": kind, "breakdown_of": "knowledge.resources_published"},
            )
        )
