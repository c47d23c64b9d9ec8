from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network console")

    def ready(self):
        from django.db.models.signals import post_save, pre_save

        from accounts.notifications import register_action_source
        from centres.models import Centre

        from . import onboarding_tasks  # noqa: F401  (registers the beat task)
        from .status_history import record_status_change, remember_old_status

        pre_save.connect(
            remember_old_status, sender=Centre, dispatch_uid="network-status-before"
        )
        post_save.connect(
            record_status_change, sender=Centre, dispatch_uid="network-status-history"
        )

        from .onboarding_notifications import milestone_action_items

        register_action_source(milestone_action_items)
