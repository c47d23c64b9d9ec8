"""Corrections reach every running process without a restart.

Each process keeps the compiled catalogues in memory (gettext's and Django's
caches) and the rendered navigation in its own fragment cache. Saving a
correction bumps a generation number in the shared cache; a process that finds
a newer generation than its own drops those in-memory copies and reads the .mo
files again.
"""

import logging
import time
from pathlib import Path

from django.core.cache import caches
from django.utils.translation.reloader import translation_file_changed

logger = logging.getLogger("translators")

GENERATION_KEY = "translators:catalogue-generation"
# How often a process asks the shared cache (seconds); a request costs no more
# than one cache read every so often.
CHECK_EVERY = 5.0

_state = {"generation": None, "checked_at": 0.0}


def _shared_generation():
    """The generation in the shared cache; None while it cannot be read (an
    outage of the cache must not take the pages down)."""
    try:
        return caches["default"].get(GENERATION_KEY, 0)
    except Exception:
        logger.exception("translators: could not read the catalogue generation")
        return None


def forget_catalogues() -> None:
    """Drop this process's compiled catalogues and rendered fragments."""
    translation_file_changed(None, Path("catalogue.mo"))
    caches["fragments"].clear()


def refresh_if_changed(*, force: bool = False) -> bool:
    now = time.monotonic()
    if not force and now - _state["checked_at"] < CHECK_EVERY:
        return False
    _state["checked_at"] = now
    generation = _shared_generation()
    if generation is None:
        return False
    if _state["generation"] is None:
        _state["generation"] = generation
        return False
    if generation == _state["generation"]:
        return False
    _state["generation"] = generation
    forget_catalogues()
    return True


def catalogues_saved(sender, language_code=None, request=None, **kwargs):
    """rosetta saved (and compiled) a catalogue: tell every process. The file is
    written already; while the shared cache is down, this process still shows
    the correction, and the others once they restart."""
    forget_catalogues()
    cache = caches["default"]
    try:
        cache.add(GENERATION_KEY, 0, timeout=None)
        _state["generation"] = cache.incr(GENERATION_KEY)
    except Exception:
        logger.exception("translators: could not announce a saved catalogue")


def entry_logged(sender, user=None, old_msgstr=None, language_code=None, **kwargs):
    """One line per corrected message, so the server log tells who changed what."""
    logger.info(
        "translation corrected: language=%s by=%s msgid=%r old=%r new=%r",
        language_code,
        getattr(user, "email", None),
        sender.msgid,
        old_msgstr,
        sender.msgstr or dict(sender.msgstr_plural),
    )


def refresh_before_task(**kwargs):
    refresh_if_changed()


class CatalogueRefreshMiddleware:
    """Reads corrections made in another process before the request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refresh_if_changed()
        return self.get_response(request)
