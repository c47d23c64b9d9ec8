"""The newsletter's key figures for the network console (network/indicators.py).

Subscribers belong to the network, not to one centre: these figures answer for
the network as a whole (centre None). A subscriber counts from the moment they
confirmed until the moment they unsubscribed; mails are the bulk deliveries
(joint-newsletter issues and digests) the mail server accepted; bounces are the
hard and soft bounce reports received.
"""

from django.db.models import Case, Count, When
from django.utils.translation import gettext_lazy as _

from network.indicators import (
    Indicator,
    Values,
    as_bucket,
    period_bounds,
    register,
    rows_to_values,
    shared,
    trunc,
)

TOPIC = _("Newsletter")


def _subscriber_counts(*, period) -> dict[str, Values]:
    """{"stock": Values, "new": Values} from one grouped query over the
    subscribers (shared by the two indicators while a table is computed):

    - stock: confirmed and not unsubscribed at the end of each bucket (or at the
      end of the period, for the bucket the period ends in);
    - new: confirmed during the bucket (within the period), whether they stayed.

    The query counts subscribers by (bucket confirmed, bucket unsubscribed),
    before the period and after it folded into None, so it returns at most
    (buckets + 1)² rows; the running totals are summed here.
    """
    from .models import Subscriber

    def compute():
        start, end = period_bounds(period)
        rows = (
            Subscriber.objects.filter(confirmed_at__lt=end)
            .annotate(
                joined=Case(
                    When(
                        confirmed_at__gte=start,
                        then=trunc("confirmed_at", period.granularity),
                    ),
                    default=None,
                ),
                left=Case(
                    When(
                        unsubscribed_at__lt=end,
                        then=trunc("unsubscribed_at", period.granularity),
                    ),
                    default=None,
                ),
            )
            .values("joined", "left")
            .annotate(n=Count("id"))
            .order_by()
        )
        buckets = period.buckets()
        stock = dict.fromkeys(buckets, 0)
        new = dict.fromkeys(buckets, 0)
        for row in rows:
            joined = as_bucket(row["joined"]) if row["joined"] else None
            left = as_bucket(row["left"]) if row["left"] else None
            if joined is not None:
                new[joined] += row["n"]
            for bucket in buckets:
                if (joined is None or joined <= bucket) and (
                    left is None or left > bucket
                ):
                    stock[bucket] += row["n"]
        return {
            "stock": {(None, b): n for b, n in stock.items() if n},
            "new": {(None, b): n for b, n in new.items() if n},
        }

    return shared(("newsletters.subscribers", period), compute)


def subscribers(*, period, centre_ids) -> Values:
    """Subscribers confirmed and not unsubscribed at the end of each bucket."""
    return _subscriber_counts(period=period)["stock"]


def subscribers_new(*, period, centre_ids) -> Values:
    """Subscribers who confirmed during each bucket (whether they stayed or not)."""
    return _subscriber_counts(period=period)["new"]


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
