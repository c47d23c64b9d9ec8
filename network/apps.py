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
        self._identity_ready()

    def _identity_ready(self):
        from django.db.models.signals import post_delete, post_save

        from centres.caching import centres_changed
        from centres.models import AUDIT_GROUPS, AUDIT_LABELS

        from .models import Partner, ProjectIdentity

        AUDIT_LABELS.update(
            {
                "network.partner.created": _("Added a partner organisation"),
                "network.partner.updated": _("Edited a partner organisation"),
                "network.partner.removed": _("Removed a partner organisation"),
                "network.partner.moved": _("Moved a partner organisation"),
                "network.project.updated": _("Edited the project and its funding"),
            }
        )
        AUDIT_GROUPS.update(
            {
                "network.partner": _("Partner organisations"),
                "network.project": _("Project and funding"),
            }
        )
        # About shows the partners and the funding line from cached fragments
        # keyed by the centres' version: a change here needs a new version too.
        for model in (Partner, ProjectIdentity):
            post_save.connect(
                centres_changed, sender=model, dispatch_uid=f"network-{model.__name__}"
            )
            post_delete.connect(
                centres_changed, sender=model, dispatch_uid=f"network-{model.__name__}"
            )
