"""WSGI entry point (gunicorn in production)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.production")
application = get_wsgi_application()


def settle() -> None:
    """Import every view now (the URLconf), then set what the process holds so
    far apart from the garbage collector's work (gc.freeze): the full
    collections that every few thousand allocations bring no longer walk the
    hundreds of thousands of objects of Django and the portal's modules, which
    cost a request that meets one several milliseconds (bench/bench_search.py
    times the search as this process runs it)."""
    get_resolver().url_patterns  # noqa: B018 - imports the views
    gc.collect()
    gc.freeze()


settle()
