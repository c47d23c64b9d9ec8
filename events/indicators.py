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
    Values,
    period_bounds,
    register,
    rows_to_values,
    shared,
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


def _attendance(*, period, centre_ids) -> dict[str, Values]:
    """{"registered": Values, "checked_in": Values} for the events held, in one
    query (shared by the two indicators while a table is computed)."""
    from .models import Event, Registration

    def compute():
        start, end = period_bounds(period)
        # Across centres on purpose: the filter on the owning centres is explicit.
        with scopes_disabled():
            rows = list(
                Registration.objects.filter(
                    Q(status=Registration.Status.CONFIRMED)
                    | Q(checked_in_at__isnull=False),
                    event__centre_id__in=centre_ids,
                    event__status=Event.Status.PUBLISHED,
                    event__starts_at__gte=start,
                    event__starts_at__lt=end,
                )
                .annotate(bucket=trunc("event__starts_at", period.granularity))
                .values("event__centre_id", "bucket")
                .annotate(
                    registered=Count(
                        "id", filter=Q(status=Registration.Status.CONFIRMED)
                    ),
                    checked_in=Count("id", filter=Q(checked_in_at__isnull=False)),
                )
                .order_by()
            )
        return {
            name: rows_to_values(
                [r for r in rows if r[name]], centre="event__centre_id", value=name
            )
            for name in ("registered", "checked_in")
        }

    key = ("events.attendance", period, tuple(centre_ids))
    return shared(key, compute)


def people_registered(*, period, centre_ids) -> Values:
    """Confirmed registrations of the events held (see events_held)."""
    return _attendance(period=period, centre_ids=centre_ids)["registered"]


def people_checked_in(*, period, centre_ids) -> Values:
    """Registrations with a check-in time at the events held."""
    return _attendance(period=period, centre_ids=centre_ids)["checked_in"]


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
