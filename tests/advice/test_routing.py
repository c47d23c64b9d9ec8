"""Routing: the national centre of her country, an associate centre where that
is the only one, otherwise the coordinator's queue."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from advice.selectors import desk_requests
from advice.services import route_for_country
from centres.models import Centre
from tests.factories import CentreFactory

from .helpers import ask

pytestmark = pytest.mark.django_db


def test_a_country_with_a_national_centre_goes_to_it(centre, procurer):
    request = ask(user=procurer, country="DE")
    assert request.centre == centre
    assert request.confirmed_at is not None


def test_a_full_centre_answers_before_an_associate_of_the_same_country(centre):
    CentreFactory(slug="alpha-associate", country="DE", status=Centre.Status.ASSOCIATE)
    assert route_for_country("DE") == centre


def test_an_associate_centre_answers_where_it_is_the_only_one(procurer):
    finland = CentreFactory(slug="keino", country="FI", status=Centre.Status.ASSOCIATE)
    request = ask(user=procurer, country="FI")
    assert request.centre == finland


def test_inactive_centres_and_projects_are_not_routed_to(procurer):
    CentreFactory(slug="hidden", country="FR", is_active=False)
    CentreFactory(slug="proj", country="", kind=Centre.Kind.PROJECT)
    request = ask(user=procurer, country="FR")
    assert request.centre is None


def test_a_country_without_a_centre_goes_to_the_coordinators_queue(
    client, centre, procurer, coordinator
):
    request = ask(user=procurer, country="MT")
    assert request.centre is None
    client.force_login(coordinator)
    page = client.get(reverse("advice-network:inbox"))
    assert page.status_code == 200
    assert request.subject in page.content.decode()
    with scopes_disabled():
        assert list(desk_requests(centre=centre)) == []
