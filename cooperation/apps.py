from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cross-border cooperation")

    def ready(self):
        from centres.audit import AUDIT_TARGETS

        from .plan_selectors import initiative_audit_links

        AUDIT_TARGETS["cooperation.jointinitiative"] = initiative_audit_links
