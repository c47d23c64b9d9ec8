"""The version that keys the cached page fragments showing centres.

The home page and the directory cache their rendered content ({% cache %} in
templates/centres/) under a key that includes this version. Saving or deleting a
centre sets a new one, so every process renders those fragments afresh. The
version lives in the shared cache (Redis in production); the fragments
themselves in each process's own ("fragments", settings/base.py).
"""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "centres:fragments-version"


def centres_version() -> str:
    """The current version; a new one if the cache has none (say, after a flush)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _bump() -> None:
    cache.set(VERSION_KEY, uuid4().hex, timeout=None)


def centres_changed(**kwargs) -> None:
    """Receiver of Centre's post_save and post_delete.

    A new version at once shows the change to renders inside the writing
    transaction; the one at commit keeps out what another process may have
    rendered from the old rows in between under the first new version.
    """
    _bump()
    transaction.on_commit(_bump)
