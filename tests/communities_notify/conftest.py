"""Fixtures of the community notification and API tests."""

import pytest
from django.urls import NoReverseMatch, reverse


def thread_route_stub(settings):
    """Mails link to `communities:thread`; where the community pages are not
    installed, serve a bare page under that name."""
    try:
        reverse("communities:thread", kwargs={"slug": "x", "pk": 1})
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.communities_notify.stub_urls"


@pytest.fixture(autouse=True)
def _thread_route(settings):
    thread_route_stub(settings)


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`with sent(): …` runs the on-commit callbacks of the block (the task that
    queues the mails, then the mail queue), as a committed request would."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block
