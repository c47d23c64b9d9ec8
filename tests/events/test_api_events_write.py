"""Organisers' writes through /api/v1/events/: scoped to their centres (others get
404), abilities decide (403), bad input is 400 and changes nothing."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from events.models import Event

from .helpers import make_event

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def payload(**overrides):
    start = timezone.now() + timedelta(days=14)
    data = {
        "centre": "alpha",
        "title": "API training",
        "summary": "Made through the API.",
        "kind": "training",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=3)).isoformat(),
        "timezone": "Europe/Vienna",
        "capacity": 25,
        "organisers": ["beta"],
        "questions": [{"label": "Organisation", "required": True}],
    }
    data.update(overrides)
    return data


def test_editor_creates_a_joint_draft(centre, other_centre, editor):
    response = client_for(editor).post("/api/v1/events/", payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    # Beta is asked first; its staff see nothing of the draft until it accepts.
    assert [o["slug"] for o in body["organisers"]] == ["alpha"]
    assert [(i["centre"], i["state"]) for i in body["organiser_invitations"]] == [
        ("beta", "invited")
    ]
    assert body["questions"] == [
        {"id": "q1", "label": "Organisation", "required": True}
    ]
    assert body["abilities"]["publish"] is False  # editors do not publish


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"capacity": -1}, "capacity"),
        ({"timezone": "Nowhere/Land"}, "timezone"),
        ({"country": "²"}, "country"),
        ({"centre": None}, "centre"),
    ],
)
def test_bad_input_is_400_and_stores_nothing(
    centre, other_centre, editor, overrides, field
):
    response = client_for(editor).post(
        "/api/v1/events/", payload(**overrides), format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not Event.objects.exists()


@pytest.mark.parametrize("slug", ["beta", "no-such-centre", "al\x00pha", "\udb2a"])
def test_create_in_a_centre_not_ones_own_is_403_and_stores_nothing(
    centre, other_centre, editor, slug
):
    # JSON's own escapes, as a client would send a lone surrogate.
    response = client_for(editor).post(
        "/api/v1/events/",
        json.dumps(payload(centre=slug)),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "You are not staff of this centre."}
    assert not Event.objects.exists()


def test_end_before_start_is_400(centre, other_centre, editor):
    start = timezone.now() + timedelta(days=3)
    response = client_for(editor).post(
        "/api/v1/events/",
        payload(starts_at=start.isoformat(), ends_at=start.isoformat()),
        format="json",
    )
    assert response.status_code == 400
    assert "ends_at" in response.json()


def test_procurer_cannot_create(centre, procurer):
    response = client_for(procurer).post("/api/v1/events/", payload(), format="json")
    assert response.status_code == 403


def test_co_organiser_updates_and_outsider_gets_404(
    centre, other_centre, editor, editor_b, outsider
):
    event = make_event(
        centre=centre, by=editor, published=False, organisers=[other_centre]
    )
    response = client_for(editor_b).patch(
        f"/api/v1/events/{event.pk}/", {"title": "Edited by Beta"}, format="json"
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.title == "Edited by Beta"
    lone = make_event(centre=centre, by=editor, published=False, title="Alpha only")
    response = client_for(editor_b).patch(
        f"/api/v1/events/{lone.pk}/", {"title": "Hijack"}, format="json"
    )
    assert response.status_code == 404
    lone.refresh_from_db()
    assert lone.title == "Alpha only"


def test_publish_needs_a_manager_and_cancel_follows(centre, editor, manager):
    event = make_event(centre=centre, by=editor, published=False)
    assert (
        client_for(editor).post(f"/api/v1/events/{event.pk}/publish/").status_code
        == 403
    )
    response = client_for(manager).post(f"/api/v1/events/{event.pk}/publish/")
    assert response.status_code == 200
    assert response.json()["status"] == "published"
    response = client_for(manager).post(
        f"/api/v1/events/{event.pk}/cancel/", {"note": "Venue closed."}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    # Cancelled: no more changes.
    response = client_for(manager).patch(
        f"/api/v1/events/{event.pk}/", {"title": "x"}, format="json"
    )
    assert response.status_code == 403


def test_schema_lists_the_event_operations(client):
    schema = client.get("/api/v1/schema/").content.decode()
    for path in (
        "/api/v1/events/",
        "/api/v1/events/{id}/register/",
        "/api/v1/events/{id}/cancel-registration/",
        "/api/v1/events/{id}/publish/",
        "/api/v1/events/{id}/cancel/",
    ):
        assert path in schema
