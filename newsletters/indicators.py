"""The newsletter's key figures for the network console (network/indicators.py).

Subscribers belong to the network, not to one centre: these figures answer for
the network as a whole (centre None). A subscriber counts from the moment they
confirmed until the moment they unsubscribed; mails are the bulk deliveries
(joint-newsletter issues and digests) the mail server accepted; bounces are the
hard and soft bounce reports received.
"""

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from network.indicators import (
    Indicator,
    bucket_end,
    period_bounds,
    register,
    rows_to_values,
    site_timezone,
    trunc,
)

TOPIC = _("Newsletter")


def subscribers(*, period, centre_ids):
    """Subscribers confirmed and not unsubscribed at the end of each bucket (or at
    the end of the period, for a bucket the period ends in), in one query."""
    from .models import Subscriber

    tz = site_timezone()
    _start, period_end = period_bounds(period)
    moments = {}
    for start in period.buckets():
        end = dt.datetime.combine(
            bucket_end(start, period.granularity), dt.time.min, tzinfo=tz
        )
        moments[start] = min(end, period_end)
    counts = Subscriber.objects.aggregate(
        **{
            f"b{i}": Count(
                "id",
                filter=Q(confirmed_at__lt=moment)
                & (Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=moment)),
            )
            for i, moment in enumerate(moments.values())
        }
    )
    return {
        (None, start): counts[f"b{i}"]
        for i, start in enumerate(moments)
        if counts[f"b{i}"]
    }


def subscribers_new(*, period, centre_ids):
    """Subscribers who confirmed during each bucket (whether they stayed or not)."""
    from .models import Subscriber

    start, end = period_bounds(period)
    rows = (
        Subscriber.objects.filter(confirmed_at__gte=start, confirmed_at__lt=end)
        .annotate(bucket=trunc("confirmed_at", period.granularity))
        .values("bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    return rows_to_values(rows, centre=None)


def mails_sent(*, period, centre_ids):
    """Bulk deliveries (issues and digests) marked sent, by the time they were sent."""
    from .models import Delivery

    start, end = period_bounds(period)
    rows = (
        Delivery.objects.filter(
            status=Delivery.Status.SENT, sent_at__gte=start, sent_at__lt=end
        )
        .annotate(bucket=trunc("sent_at", period.granularity))
        .values("bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    return rows_to_values(rows, centre=None)


def mails_bounced(*, period, centre_ids):
    """Hard and soft bounce reports received (complaints are not bounces)."""
    from .models import BounceEvent

    start, end = period_bounds(period)
    rows = (
        BounceEvent.objects.filter(
            kind__in=[BounceEvent.Kind.HARD, BounceEvent.Kind.SOFT],
            created_at__gte=start,
            created_at__lt=end,
        )
        .annotate(bucket=trunc("created_at", period.granularity))
        .values("bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    return rows_to_values(rows, centre=None)


def register_indicators():
    """Called once from NewslettersConfig.ready()."""
    for indicator in (
        Indicator(
            key="newsletters.subscribers",
            label=_("Newsletter subscribers"),
            topic=TOPIC,
            compute=subscribers,
            per_centre=False,
            cumulative=True,
            order=50,
            help_text=_(
                "Confirmed subscribers who had not unsubscribed, at the end of "
                "each month, quarter or year."
            ),
        ),
        Indicator(
            key="newsletters.subscribers_new",
            label=_("New subscribers"),
            topic=TOPIC,
            compute=subscribers_new,
            per_centre=False,
            order=51,
            help_text=_("Subscribers who confirmed their subscription."),
        ),
        Indicator(
            key="newsletters.mails_sent",
            label=_("Mails sent"),
            topic=TOPIC,
            compute=mails_sent,
            per_centre=False,
            order=52,
            help_text=_("Newsletter issues and digests the mail server accepted."),
        ),
        Indicator(
            key="newsletters.mails_bounced",
            label=_("Mails bounced"),
            topic=TOPIC,
            compute=mails_bounced,
            per_centre=False,
            order=53,
            help_text=_("Hard and soft bounce reports received."),
        ),
    ):
        register(indicator)
