"""Fixed-window rate limits in the shared cache (Redis in production), as
allauth keeps its own: counts survive across processes and workers."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from p2i_portal.client_ip import client_ip

__all__ = ["client_ip", "hit"]

DEFAULT_LIMITS = {
    # action: (allowed hits, window in seconds)
    "subscribe_ip": (10, 60),
    "subscribe_email": (3, 3600),
    "confirm_ip": (20, 60),
    # Visitors' event registrations (events.views), each of which mails a link.
    "event_register_ip": (10, 600),
    "event_register_email": (5, 3600),
    # Visitors' questions to a centre (advice.views), each of which mails a link.
    "advice_ask_ip": (10, 600),
    "advice_ask_email": (5, 3600),
    # Posts and replies in communities (communities.views), per signed-in user.
    "community_post_user": (6, 600),
}


def hit(action: str, key: str) -> bool:
    """Count one hit of `action` by `key`; False once over the limit."""
    limits = {**DEFAULT_LIMITS, **getattr(settings, "NEWSLETTER_RATE_LIMITS", {})}
    allowed, window = limits[action]
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"nl-rl:{action}:{digest}:{int(time.time() // window)}"
    if cache.add(cache_key, 1, window):
        return allowed >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        count = 1
    return count <= allowed
