"""The centres' own key figure for the network console: active staff.

A centre's active staff in a bucket are the distinct people with at least one
entry in that centre's activity log (AuditEntry) during it. Only the centre's
editors and managers can act in its workspace, so these are its staff at the
time; the coordinator's own entries do not count, and a person who has left
the centre since still counts for the months they worked in it.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from network.indicators import (
    Indicator,
    as_bucket,
    period_bounds,
    register,
    shared,
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


def _staff_activity(*, period, centre_ids):
    """(per bucket, per period): distinct staff per (centre, bucket) and per
    centre over the whole period, from one query of distinct (centre, person,
    bucket) triples (at most centres x staff x buckets rows)."""

    def compute():
        # Across centres on purpose: the filter on the given centres is explicit.
        with scopes_disabled():
            rows = list(
                _staff_entries(period=period, centre_ids=centre_ids)
                .annotate(bucket=trunc("created_at", period.granularity))
                .values_list("centre_id", "actor_id", "bucket")
                .distinct()
                .order_by()
            )
        per_bucket: dict = {}
        people: dict[int, set] = {}
        for centre_id, actor_id, bucket in rows:
            key = (centre_id, as_bucket(bucket))
            per_bucket[key] = per_bucket.get(key, 0) + 1
            people.setdefault(centre_id, set()).add(actor_id)
        return per_bucket, {c: len(ids) for c, ids in people.items()}

    key = ("centres.active_staff", period, tuple(centre_ids))
    return shared(key, compute)


def active_staff(*, period, centre_ids):
    """Distinct staff with an activity-log entry, per centre and bucket."""
    return _staff_activity(period=period, centre_ids=centre_ids)[0]


def active_staff_total(*, period, centre_ids):
    """Distinct staff active at any time in the period, per centre (not the sum
    of the buckets: someone active every month counts once)."""
    return _staff_activity(period=period, centre_ids=centre_ids)[1]


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
