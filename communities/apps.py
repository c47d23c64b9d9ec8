from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Task force and communities")

    def ready(self):
        from accounts.notifications import register_action_source
        from accounts.tasks import register_email_headers
        from centres.audit import AUDIT_TARGETS

        from . import audit, indicators, notifications, signals
        from .participation_notifications import (
            application_action_items,
            application_audit_links,
        )

        audit.register()
        # Key figures for the network console (network/indicators.py).
        indicators.register_indicators()
        register_action_source(application_action_items)
        AUDIT_TARGETS["communities.taskforceapplication"] = application_audit_links
        signals.post_visible.connect(
            notifications.on_post_visible, dispatch_uid="communities.notify"
        )
        register_email_headers(
            notifications.SUMMARY_TEMPLATE, notifications.summary_headers
        )
        register_email_headers(notifications.POST_TEMPLATE, notifications.post_headers)
