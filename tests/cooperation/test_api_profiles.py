"""The public profiles API (/api/v1/profiles/): public profiles only, for
everyone; filters as the directory's, a bad value answers 400."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

from .helpers import make_profile

pytestmark = pytest.mark.django_db

LIST = reverse("api:profile-list")


@pytest.fixture
def profiles(db):
    made = {}
    for key, data in {
        "tartu": {"organisation": "City of Tartu", "country": "EE"},
        "sensor": {
            "organisation": "Sensorica GmbH",
            "kind": "supplier",
            "country": "DE",
            "sectors": ["ict"],
            "contact": "email",
        },
        "lisbon": {"organisation": "Lisbon Health", "visibility": "signed_in"},
        "hidden": {"organisation": "Hidden Hospital", "visibility": "hidden"},
    }.items():
        made[key] = make_profile(UserFactory(email=f"{key}@example.org"), **data)
    return made


def names(response):
    assert response.status_code == 200, response.content
    return [p["organisation"] for p in response.json()["results"]]


@pytest.mark.parametrize("signed_in", [False, True])
def test_lists_public_profiles_only(client, profiles, signed_in):
    if signed_in:
        client.force_login(profiles["hidden"].user)
    assert names(client.get(LIST)) == ["City of Tartu", "Sensorica GmbH"]


def test_detail_of_a_public_profile(client, profiles):
    profile = profiles["sensor"]
    response = client.get(reverse("api:profile-detail", args=[profile.pk]))
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "supplier"
    assert body["country"] == "DE"
    assert body["sectors"] == ["ict"]
    assert body["about_html"] == profile.about_html
    assert body["url"].endswith(profile.get_absolute_url())
    assert "sensor@example.org" not in response.content.decode()


@pytest.mark.parametrize("key", ["lisbon", "hidden"])
def test_other_profiles_are_404_even_to_their_owner(client, profiles, key):
    profile = profiles[key]
    client.force_login(profile.user)
    url = reverse("api:profile-detail", args=[profile.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "supplier"}, ["Sensorica GmbH"]),
        ({"country": "EE"}, ["City of Tartu"]),
        ({"country": "ee"}, ["City of Tartu"]),
        ({"sector": "ict"}, ["Sensorica GmbH"]),
        ({"q": "TARTU"}, ["City of Tartu"]),
    ],
)
def test_filters(client, profiles, query, expected):
    assert names(client.get(LIST, query)) == expected


@pytest.mark.parametrize(
    "query", [{"kind": "x"}, {"country": "ZZ"}, {"sector": "x"}, {"q": ""}]
)
def test_bad_filters_answer_400(client, profiles, query):
    response = client.get(LIST, query)
    assert response.status_code == 400
    assert set(response.json()) == set(query)
