"""The version that keys the cached page fragments showing centres.

The home page, the directory and the centre pages cache their rendered content
({% cache %} in templates/centres/) under keys that include this version. Saving
or deleting a centre sets a new one, so every process renders those fragments
afresh. The version lives in the shared cache (Redis in production); the
fragments themselves in each process's own ("fragments", settings/base.py).
"""

import logging
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "centres:fragments-version"


def centres_version() -> str:
    """The current version; a new one if the cache has none (say, after a flush).

    Without the shared cache every request gets a version of its own: the pages
    are rendered in full rather than served from what may be stale.
    """
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:  # an outage of the cache must not take the pages down
        logger.exception("centres: could not read the fragments' version")
        version = None
    return version or uuid4().hex


def _bump() -> None:
    try:
        cache.set(VERSION_KEY, uuid4().hex, timeout=None)
    except Exception:  # nor fail the write that called this
        logger.exception("centres: could not set a new fragments' version")


def centres_changed(**kwargs) -> None:
    """Receiver of Centre's post_save and post_delete.

    A new version at once shows the change to renders inside the writing
    transaction; the one at commit keeps out what another process may have
    rendered from the old rows in between under the first new version.
    """
    _bump()
    transaction.on_commit(_bump)
