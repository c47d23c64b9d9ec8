from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cross-border cooperation")

    def ready(self):
        from centres.audit import AUDIT_TARGETS

        from .challenge_selectors import audit_challenge_links

        # Open market consultations: their activity-log entries link to the review.
        AUDIT_TARGETS["cooperation.challenge"] = audit_challenge_links
