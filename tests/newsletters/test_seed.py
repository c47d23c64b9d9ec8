"""The demo newsletter data: idempotent, with an archive and a draft to review."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import Centre
from newsletters.models import Issue, Section, Subscriber
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_seed_newsletter_is_idempotent(client, coordinator):
    CentreFactory(slug="procedin", kind=Centre.Kind.PROJECT, country="")
    CentreFactory(slug="build", kind=Centre.Kind.PROJECT, country="")
    for _ in range(2):
        call_command("seed_newsletter", quiet=True)
    assert Subscriber.objects.confirmed().count() == 5
    assert Issue.objects.sent().count() == 2
    assert Issue.objects.open_for_contributions().count() == 1
    with scopes_disabled():
        assert Section.objects.filter(status="submitted").count() == 1
        assert Section.objects.count() == 5
    archive = client.get(reverse("newsletters:archive"))
    assert b"Task force news: October" in archive.content
    page = client.get(
        reverse(
            "newsletters:issue-detail", kwargs={"slug": "task-force-news-september"}
        )
    )
    assert b"Circular tenders that worked" in page.content
