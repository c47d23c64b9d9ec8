from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Task force and communities")

    def ready(self):
        from accounts.notifications import register_action_source
        from centres.audit import AUDIT_TARGETS

        from .participation_notifications import (
            application_action_items,
            application_audit_links,
        )

        register_action_source(application_action_items)
        AUDIT_TARGETS["communities.taskforceapplication"] = application_audit_links
