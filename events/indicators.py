"""Events' key figures for the network console (network/indicators.py).

An event counts for the centre that owns it, in the bucket of its start (site's
time zone), if it was published and not cancelled. People registered are the
confirmed registrations of those events; people checked in, those with a
check-in time.
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

TOPIC = _("Events")


def events_held(*, period, centre_ids):
    """Published, not cancelled events per owning centre and bucket of their start."""
    from .models import Event

    start, end = period_bounds(period)
    rows = (
        Event.objects.filter(
            centre_id__in=centre_ids,
            status=Event.Status.PUBLISHED,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .annotate(bucket=trunc("starts_at", period.granularity))
        .values("centre_id", "bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    return rows_to_values(rows)


def _registrations(*, period, centre_ids, condition):
    from .models import Event, Registration

    start, end = period_bounds(period)
    # Across centres on purpose: the filter on the owning centres is explicit.
    with scopes_disabled():
        rows = list(
            Registration.objects.filter(
                condition,
                event__centre_id__in=centre_ids,
                event__status=Event.Status.PUBLISHED,
                event__starts_at__gte=start,
                event__starts_at__lt=end,
            )
            .annotate(bucket=trunc("event__starts_at", period.granularity))
            .values("event__centre_id", "bucket")
            .annotate(n=Count("id"))
            .order_by()
        )
    return rows_to_values(rows, centre="event__centre_id")


def people_registered(*, period, centre_ids):
    """Confirmed registrations of the events held (see events_held)."""
    from .models import Registration

    return _registrations(
        period=period,
        centre_ids=centre_ids,
        condition=Q(status=Registration.Status.CONFIRMED),
    )


def people_checked_in(*, period, centre_ids):
    """Registrations with a check-in time at the events held."""
    return _registrations(
        period=period,
        centre_ids=centre_ids,
        condition=Q(checked_in_at__isnull=False),
    )


def register_indicators():
    """Called once from EventsConfig.ready()."""
    register(
        Indicator(
            key="events.held",
            label=_("Events held"),
            topic=TOPIC,
            compute=events_held,
            order=30,
            help_text=_("Published events that started during the period."),
        )
    )
    register(
        Indicator(
            key="events.registered",
            label=_("People registered"),
            topic=TOPIC,
            compute=people_registered,
            order=31,
            help_text=_("Confirmed registrations for the events held."),
        )
    )
    register(
        Indicator(
            key="events.checked_in",
            label=_("People checked in"),
            topic=TOPIC,
            compute=people_checked_in,
            order=32,
            help_text=_("People checked in at the events held."),
        )
    )
