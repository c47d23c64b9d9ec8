from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # The home page's cached list of the next events (events/caching.py).
        from django.db.models.signals import post_delete, post_save

        from .caching import events_changed
        from .models import Event, EventOrganiser

        for model in (Event, EventOrganiser):
            post_save.connect(events_changed, sender=model, weak=False)
            post_delete.connect(events_changed, sender=model, weak=False)
        # Key figures for the network console (network/indicators.py).
        from . import indicators

        indicators.register_indicators()
        # The workspace's activity page labels actions from this one table.
        from centres.models import AUDIT_GROUPS, AUDIT_LABELS

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
        AUDIT_GROUPS.update(
            {
                "events.event": _("Events"),
                "events.message": _("Messages to attendees"),
                "events.organiser": _("Co-organisers"),
            }
        )
