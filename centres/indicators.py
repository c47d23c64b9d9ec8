"""The centres' own key figure for the network console: active staff.

A centre's active staff in a bucket are the distinct people with at least one
entry in that centre's activity log (AuditEntry) during it. Only the centre's
editors and managers can act in its workspace, so these are its staff at the
time; the coordinator's own entries do not count, and a person who has left
the centre since still counts for the months they worked in it.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from network.indicators import (
    Indicator,
    period_bounds,
    register,
    rows_to_values,
    trunc,
)

TOPIC = _("Centres")


def _staff_entries(*, period, centre_ids):
    from .models import AuditEntry

    start, end = period_bounds(period)
    return AuditEntry.objects.filter(
        Q(centre_id__in=centre_ids)
        & Q(created_at__gte=start, created_at__lt=end)
        & Q(actor__isnull=False, actor__is_coordinator=False)
    )


def active_staff(*, period, centre_ids):
    """Distinct staff with an activity-log entry, per centre and bucket."""
    # Across centres on purpose: the filter on the given centres is explicit.
    with scopes_disabled():
        rows = list(
            _staff_entries(period=period, centre_ids=centre_ids)
            .annotate(bucket=trunc("created_at", period.granularity))
            .values("centre_id", "bucket")
            .annotate(n=Count("actor_id", distinct=True))
            .order_by()
        )
    return rows_to_values(rows)


def active_staff_total(*, period, centre_ids):
    """Distinct staff active at any time in the period, per centre (not the sum
    of the buckets: someone active every month counts once)."""
    with scopes_disabled():
        rows = list(
            _staff_entries(period=period, centre_ids=centre_ids)
            .values("centre_id")
            .annotate(n=Count("actor_id", distinct=True))
            .order_by()
        )
    return {row["centre_id"]: row["n"] for row in rows}


def register_indicators():
    """Called once from CentresConfig.ready()."""
    register(
        Indicator(
            key="centres.active_staff",
            label=_("Active staff"),
            topic=TOPIC,
            compute=active_staff,
            compute_total=active_staff_total,
            order=70,
            help_text=_(
                "Editors and managers with at least one entry in their centre's "
                "activity log."
            ),
        )
    )
