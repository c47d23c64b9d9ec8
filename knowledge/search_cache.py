"""A cache for search results (facet counts, page ids), dropped by any change.

Counting facets over tens of thousands of hits costs PostgreSQL a few hundred
milliseconds at 100 000 resources; the same browse page and the same common words
are asked for again and again. Entries are keyed by the exact SQL and parameters
of the statement (so who may see what is part of the key) and by a *generation*
number that every save or delete of a resource bumps: a change is visible at the
next request, there is no stale window to tune. The generation lives in the same
cache; if that cache is lost, every entry is lost with it.
"""

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "knowledge:generation"


def _cache():
    return caches["search"]


def generation() -> int:
    """The current generation (created on first use)."""
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def _bump() -> None:
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): start it past any old entry
        cache.add(GENERATION_KEY, 2, timeout=None)
    except Exception:  # a cache outage must not fail the write that caused this
        logger.exception("search cache: could not bump the generation")


def search_cache_invalidate() -> None:
    """Drop every cached search result. Called when a resource changes.

    Bumped now (this process sees the change at once, even inside the writing
    transaction) and again once the transaction commits: a search that ran in
    between, in another process, may have cached what was there before.
    """
    _bump()
    transaction.on_commit(_bump_and_warm, robust=True)


WARM_PENDING_KEY = "knowledge:warm-pending"


def _bump_and_warm() -> None:
    _bump()
    # Debounced: a burst of changes (an import, the demo seeding) warms once.
    try:
        first = _cache().add(WARM_PENDING_KEY, 1, timeout=30)
    except Exception:
        logger.exception("search cache: unavailable")
        return
    if first:
        from .tasks import search_warm

        search_warm.delay()


def warm_done() -> None:
    """The warm-up has started: later changes may ring for another one."""
    _cache().delete(WARM_PENDING_KEY)


def cached(parts: tuple, compute: Callable[[], object], *, of: int | None = None):
    """`compute()`, or what it answered before for the same `parts` since the last
    change of any resource. `parts` must say everything the answer depends on.
    `of`: the generation, when the caller has read it already (one read of it
    for the several answers of one search)."""
    cache = _cache()
    try:
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        key = f"knowledge:search:{generation() if of is None else of}:{digest}"
        value = cache.get(key)
    except Exception:  # no cache: compute, as if there were none
        logger.exception("search cache: unavailable")
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout=settings.KNOWLEDGE_SEARCH_CACHE_SECONDS)
        except Exception:
            logger.exception("search cache: could not store")
    return value
