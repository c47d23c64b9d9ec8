from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cross-border cooperation")

    def ready(self):
        from centres.audit import AUDIT_TARGETS

        from .challenge_selectors import audit_challenge_links
        from .plan_selectors import initiative_audit_links

        # Activity-log entries link to the challenge's review and the initiative.
        AUDIT_TARGETS["cooperation.challenge"] = audit_challenge_links
        AUDIT_TARGETS["cooperation.jointinitiative"] = initiative_audit_links
