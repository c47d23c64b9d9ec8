"""The knowledge base's key figures for the network console (network/indicators.py).

A resource counts as published in the bucket that holds its `published_at`, in
the site's time zone, whether it is still published or archived since: a report
to the funder counts what the centre put out during the period.
"""

from django.db.models import Count
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from network.indicators import (
    Indicator,
    period_bounds,
    register,
    rows_to_values,
    trunc,
)

TOPIC = _("Knowledge base")


def resources_published(*, period, centre_ids, kind=None):
    """Resources published per centre and bucket (of one kind, or of all kinds)."""
    from .models import Resource

    start, end = period_bounds(period)
    rows = Resource.objects.filter(
        centre_id__in=centre_ids,
        status__in=[Resource.Status.PUBLISHED, Resource.Status.ARCHIVED],
        published_at__gte=start,
        published_at__lt=end,
    )
    if kind:
        rows = rows.filter(kind=kind)
    rows = (
        rows.annotate(bucket=trunc("published_at", period.granularity))
        .values("centre_id", "bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    return rows_to_values(rows)


def _per_kind(kind):
    def compute(*, period, centre_ids):
        return resources_published(period=period, centre_ids=centre_ids, kind=kind)

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
