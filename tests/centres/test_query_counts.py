"""Public pages issue a fixed number of queries, however many centres there are
(counted with the pages' fragments rendered, not served from the cache)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CentreFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quiet_catalogue_poll")]

PAGES = [
    reverse("home"),
    reverse("centres:list"),
    reverse("centres:list") + "?status=existing",
    reverse("centres:detail", kwargs={"slug": "first"}),
    reverse("about"),
    "/api/v1/centres/",
]


def count_queries(client, path):
    client.get(path)  # warm caches (content types, throttle keys)
    caches["fragments"].clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("path", PAGES)
def test_query_count_does_not_grow_with_the_network(client, path):
    first = CentreFactory(slug="first")
    CentreFactory(slug="second", buddy=first)
    few = count_queries(client, path)
    for i in range(18):
        CentreFactory(slug=f"more-{i}", buddy=first, country=["AT", "FI", "PT"][i % 3])
    assert count_queries(client, path) == few
