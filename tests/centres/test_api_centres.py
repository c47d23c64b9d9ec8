"""/api/v1/centres/: read-only, paginated, throttled, in the OpenAPI schema."""

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_list_is_paginated_and_ordered(client):
    for i in range(25):
        CentreFactory(slug=f"c{i:02d}", name=f"Centre {i:02d}")
    first = client.get("/api/v1/centres/").json()
    assert first["count"] == 25
    assert len(first["results"]) == 20
    assert first["next"].endswith("/api/v1/centres/?page=2")
    second = client.get("/api/v1/centres/?page=2").json()
    assert [c["slug"] for c in second["results"]] == [
        f"c{i:02d}" for i in range(20, 25)
    ]
    assert client.get("/api/v1/centres/?page=99").status_code == 404


def test_abilities_reflect_the_caller(centre, manager, editor):
    api = APIClient()
    api.force_authenticate(manager)
    assert api.get("/api/v1/centres/alpha/").json()["abilities"] == {
        "retrieve": True,
        "workspace": True,
        "update": True,
        "manage_team": True,
    }
    api.force_authenticate(editor)
    assert api.get("/api/v1/centres/alpha/").json()["abilities"]["update"] is False


def test_writes_are_refused(centre, coordinator):
    api = APIClient()
    api.force_authenticate(coordinator)
    assert api.post("/api/v1/centres/", {"name": "X"}, format="json").status_code == 405
    assert (
        api.patch("/api/v1/centres/alpha/", {"name": "X"}, format="json").status_code
        == 405
    )
    centre.refresh_from_db()
    assert centre.name == "Alpha Centre"


def test_anonymous_requests_are_throttled(centre, monkeypatch):
    monkeypatch.setattr(
        AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "600/min"}
    )
    api = APIClient()
    statuses = [api.get("/api/v1/centres/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
