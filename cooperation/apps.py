from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cross-border cooperation")

    def ready(self):
        from centres.audit import AUDIT_TARGETS

        from . import indicators
        from .challenge_selectors import audit_challenge_links
        from .plan_selectors import initiative_audit_links

        # Key figures for the network console (network/indicators.py).
        indicators.register_indicators()

        # Activity-log entries link to the challenge's review and the initiative.
        AUDIT_TARGETS["cooperation.challenge"] = audit_challenge_links
        AUDIT_TARGETS["cooperation.jointinitiative"] = initiative_audit_links
