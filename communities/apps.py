from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Task force and communities")

    def ready(self):
        from accounts.tasks import register_email_headers

        from . import notifications, signals

        signals.post_visible.connect(
            notifications.on_post_visible, dispatch_uid="communities.notify"
        )
        register_email_headers(
            notifications.SUMMARY_TEMPLATE, notifications.summary_headers
        )
        register_email_headers(notifications.POST_TEMPLATE, notifications.post_headers)
