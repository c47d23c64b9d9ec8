"""The advice desk's figures in the network console's registry
(network.indicators): requests answered, and the median time to a first reply
in working days, per centre."""

import datetime as dt
from statistics import median

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from network.indicators import Indicator, Period, bucket_start, register

TOPIC = _("Advice")


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (0 when
    answered on the day it arrived)."""
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


def _first_replies(period: Period, centre_ids):
    """(centre_id, confirmed_at, first_replied_at) of the requests first
    answered within the period, in one query."""
    from .models import AdviceRequest

    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    with scopes_disabled():
        qs = AdviceRequest.objects.filter(
            first_replied_at__gte=start,
            first_replied_at__lt=end,
            confirmed_at__isnull=False,
            centre__isnull=False,
        )
        if centre_ids is not None:
            qs = qs.filter(centre_id__in=list(centre_ids))
        return list(qs.values_list("centre_id", "confirmed_at", "first_replied_at"))


def answered(*, period: Period, centre_ids=None):
    """Requests whose first reply was sent in each bucket, per centre."""
    values: dict = {}
    for centre_id, _confirmed, replied in _first_replies(period, centre_ids):
        key = (centre_id, bucket_start(timezone.localdate(replied), period.granularity))
        values[key] = values.get(key, 0) + 1
    return values


def median_first_response(*, period: Period, centre_ids=None):
    """Median working days from confirmation to the first reply, per bucket."""
    samples: dict = {}
    for centre_id, confirmed, replied in _first_replies(period, centre_ids):
        key = (centre_id, bucket_start(timezone.localdate(replied), period.granularity))
        samples.setdefault(key, []).append(
            working_days_between(
                timezone.localdate(confirmed), timezone.localdate(replied)
            )
        )
    return {key: float(median(days)) for key, days in samples.items()}


def register_all() -> None:
    """Called once from AdviceConfig.ready()."""
    register(
        Indicator(
            key="advice.requests_answered",
            label=_("Advice requests answered"),
            topic=TOPIC,
            compute=answered,
            unit=_("requests"),
            order=60,
            help_text=_("Requests whose first reply was sent in the period."),
        )
    )
    register(
        Indicator(
            key="advice.median_first_response_days",
            label=_("Median first-response time (working days)"),
            topic=TOPIC,
            compute=median_first_response,
            unit=_("working days"),
            order=61,
            help_text=_(
                "From the confirmed question to the centre's first reply, "
                "Monday to Friday."
            ),
        )
    )
