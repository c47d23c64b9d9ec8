"""The admin sign-in's `next` stays on the site; Permissions-Policy everywhere;
signed-in answers are kept by no cache."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken

pytestmark = pytest.mark.django_db

OFFSITE = [
    "//evil.example/",
    "https://evil.example/admin/",
    "/\\evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
]


@pytest.mark.parametrize("target", OFFSITE)
def test_admin_login_never_sends_the_coordinator_off_site(client, coordinator, target):
    client.force_login(coordinator)
    response = client.get("/admin/login/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_admin_login_follows_a_next_on_the_site(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/login/", {"next": "/admin/centres/centre/"})
    assert response["Location"] == "/admin/centres/centre/"


@pytest.mark.parametrize("target", OFFSITE)
def test_admin_login_passes_no_off_site_next_to_the_sign_in(client, target):
    response = client.get("/admin/login/", {"next": target})
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert "javascript" not in response["Location"]


@pytest.mark.parametrize(
    "url", ["/", reverse("knowledge:resource-list"), "/api/v1/resources/"]
)
def test_every_answer_carries_a_permissions_policy(client, url):
    policy = client.get(url)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


@pytest.mark.parametrize(
    "url",
    [
        reverse("home"),
        reverse("knowledge:resource-list"),
        "/accounts/profile/",
        "/api/v1/resources/",
    ],
)
def test_signed_in_answers_are_private_and_not_stored(client, procurer, url):
    client.force_login(procurer)
    response = client.get(url)
    assert response.status_code == 200
    cache_control = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    assert "Cookie" in response["Vary"]


def test_token_answers_are_private_and_not_stored(procurer):
    ApiToken.objects.create(user=procurer, key_hash=ApiToken.hash("k" * 43))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + "k" * 43)
    response = api.get("/api/v1/resources/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_anonymous_pages_stay_cacheable(client):
    response = client.get(reverse("home"))
    assert "private" not in response.get("Cache-Control", "")
    assert "no-store" not in response.get("Cache-Control", "")
