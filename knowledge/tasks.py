"""Celery tasks of the knowledge base."""

from celery import shared_task
from django.contrib.auth.models import AnonymousUser


@shared_task(acks_late=True, ignore_result=True)
def search_warm() -> int:
    """Compute the visitors' browse page (no words, no filters) into the search
    cache, so that the first visitor after a change does not pay for counting
    every facet. Reads only; safe to run any number of times. Returns the hits."""
    from .search_cache import warm_done
    from .selectors import SearchParams, resource_search

    warm_done()
    return resource_search(user=AnonymousUser(), params=SearchParams()).total


@shared_task(acks_late=True, ignore_result=True)
def resource_notify(revision_id: int) -> int:
    """Mail the people one review step of a resource concerns (the revision's
    submit, send-back or publish). Safe to repeat: mails are keyed by revision
    and recipient. Returns how many mails were queued."""
    from .notifications import resource_notification_send

    return resource_notification_send(revision_id=revision_id)
