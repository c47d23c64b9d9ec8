"""A centre changed by a bulk update (QuerySet.update, as a data fix in a shell
or a migration does) shows at once on the cached pages, as a saved one does."""

import pytest
from django.urls import reverse

from centres.models import Centre
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_a_bulk_update_shows_at_once(client):
    CentreFactory(slug="alpha", short_name="ALPHA", name="Alpha Centre", country="DE")
    directory = reverse("centres:list")
    assert "Alpha Centre" in client.get(directory).content.decode()  # now cached

    assert Centre.objects.filter(slug="alpha").update(name="Renamed Centre") == 1

    page = client.get(directory).content.decode()
    assert "Renamed Centre" in page
    assert "Alpha Centre" not in page
