from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Key figures for the network console (network/indicators.py).
        from . import indicators

        indicators.register_indicators()
        # The workspace's activity page labels actions from this one table.
        from centres.models import AUDIT_LABELS

        AUDIT_LABELS.update(
            {
                "events.event.created": _("Created an event"),
                "events.event.updated": _("Edited an event"),
                "events.event.published": _("Published an event"),
                "events.event.cancelled": _("Cancelled an event"),
                "events.message.sent": _("Wrote to an event's attendees"),
                "events.organiser.invited": _("Invited a centre to co-organise"),
                "events.organiser.accepted": _("Accepted to co-organise an event"),
                "events.organiser.declined": _("Declined to co-organise an event"),
            }
        )
