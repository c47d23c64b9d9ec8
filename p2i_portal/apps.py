"""App configs of the project package."""

from django.contrib.admin.apps import AdminConfig


class P2IAdminConfig(AdminConfig):
    default_site = "p2i_portal.admin_site.P2IAdminSite"
