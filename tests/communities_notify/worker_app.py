"""The portal's Celery app for the community browser test's worker: where the
community pages are not installed, its mails link to the bare thread page of
tests/communities_notify/stub_urls.py (as the live server does)."""

from celery.signals import worker_init

from p2i_portal.celery import app


@worker_init.connect
def _thread_route(**kwargs):
    from django.conf import settings
    from django.urls import NoReverseMatch, clear_url_caches, reverse

    try:
        reverse("communities:thread", kwargs={"slug": "x", "pk": 1})
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.communities_notify.stub_urls"
        clear_url_caches()


__all__ = ["app"]
