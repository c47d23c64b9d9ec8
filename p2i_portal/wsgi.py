"""WSGI entry point (gunicorn in production)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.production")
application = get_wsgi_application()


def settle() -> None:
    """Import every view now (the URLconf), then set what the process holds so
    far apart from the garbage collector (gc.freeze): its full collections then
    walk only what requests leave behind, not the modules of Django and the
    portal, and the request that meets one waits less."""
    get_resolver().url_patterns  # noqa: B018 - imports the views
    gc.collect()
    gc.freeze()


settle()
