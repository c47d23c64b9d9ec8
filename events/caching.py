"""The version that keys the home page's cached list of the next events.

The home page caches its rendered list of the next public events
({% cache %} in templates/centres/home.html) under a key holding this version.
Saving or deleting an event or an organiser link sets a new one. The list also
changes without a write when a listed event ends: the version then expires
(events_version_expire_at), so the next request reads the events again. The
version lives in the shared cache (Redis in production), as centres/caching.py's.
"""

import logging
from datetime import datetime
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

VERSION_KEY = "events:fragments-version"


def events_version() -> str:
    """The current version; a new one if the cache has none (after a change of
    the events, an expiry or a flush). Without the shared cache every request
    gets a version of its own: the list is rendered afresh."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:  # an outage of the cache must not take the pages down
        logger.exception("events: could not read the fragments' version")
        version = None
    return version or uuid4().hex


def events_version_expire_at(version: str, moment: datetime | None) -> None:
    """Let `version` end at `moment` (when the first listed event ends), unless
    another version has replaced it meanwhile. None: nothing is listed, the
    version lasts until a change."""
    if moment is None:
        return
    seconds = max(1, int((moment - timezone.now()).total_seconds()) + 1)
    try:
        if cache.get(VERSION_KEY) == version:
            cache.touch(VERSION_KEY, timeout=seconds)
    except Exception:
        logger.exception("events: could not set the fragments' version to expire")


def _bump() -> None:
    try:
        cache.set(VERSION_KEY, uuid4().hex, timeout=None)
    except Exception:  # nor fail the write that called this
        logger.exception("events: could not set a new fragments' version")


def events_changed(**kwargs) -> None:
    """Receiver of Event's and EventOrganiser's post_save and post_delete.

    A new version at once shows the change to renders inside the writing
    transaction; the one at commit keeps out what another process may have
    rendered from the old rows in between under the first new version.
    """
    _bump()
    transaction.on_commit(_bump)
