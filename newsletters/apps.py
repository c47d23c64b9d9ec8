"""Newsletters: subscribers, joint-newsletter issues, digests and deliveries."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        # Key figures for the network console (network/indicators.py).
        from . import indicators

        indicators.register_indicators()
        # The centre's activity page names our audit actions too.
        from centres.models import AUDIT_LABELS

        AUDIT_LABELS.update(
            {
                "newsletters.section.created": _("Wrote a newsletter section"),
                "newsletters.section.submitted": _(
                    "Sent a newsletter section to the coordinator"
                ),
                "newsletters.section.accepted": _("Newsletter section accepted"),
                "newsletters.section.returned": _("Newsletter section returned"),
            }
        )
