"""App configs of the project package."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class P2IAdminConfig(AdminConfig):
    default_site = "p2i_portal.admin_site.P2IAdminSite"


class P2IPortalConfig(AppConfig):
    """The project package as an app: process-wide set-up of the API."""

    name = "p2i_portal"
    label = "p2i_portal"
    verbose_name = "P2I Portal"

    def ready(self):
        from .api_fields import refuse_non_string_text

        refuse_non_string_text()
