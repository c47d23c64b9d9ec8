"""POST /api/v1/events/<id>/register/ and cancel-registration/ for the signed-in
user; bad input answers 400, a registration the event's state does not allow
409, each with a message, and neither changes anything."""

import pytest
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from events import services
from events.models import Registration
from tests.factories import UserFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(procurer):
    client = APIClient()
    client.force_authenticate(procurer)
    return client


def test_register_then_see_the_join_link_then_cancel(api, centre, editor, procurer):
    event = make_event(centre=centre, by=editor, capacity=1)
    response = api.post(f"/api/v1/events/{event.pk}/register/", {}, format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    detail = api.get(f"/api/v1/events/{event.pk}/").json()
    assert detail["join_link"] == "https://meet.example.eu/secret-room"
    assert detail["my_registration"]["status"] == "confirmed"
    assert detail["seats"]["full"] is True

    waiting = services.registration_create(
        event=event, user=UserFactory(email="next@example.org")
    )
    response = api.post(f"/api/v1/events/{event.pk}/cancel-registration/")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_register_twice_is_409(api, centre, editor):
    event = make_event(centre=centre, by=editor)
    api.post(f"/api/v1/events/{event.pk}/register/")
    response = api.post(f"/api/v1/events/{event.pk}/register/")
    assert response.status_code == 409
    assert "already registered" in response.json()["detail"]
    with scopes_disabled():
        assert Registration.objects.count() == 1


def test_register_for_a_cancelled_event_is_409(api, centre, manager):
    event = make_event(centre=centre, by=manager)
    services.event_cancel(event=event, by=manager)
    response = api.post(f"/api/v1/events/{event.pk}/register/")
    assert response.status_code == 409
    assert "cancelled" in response.json()["detail"]


def test_required_answers_are_checked(api, centre, editor):
    event = make_event(
        centre=centre,
        by=editor,
        questions=[{"label": "Organisation", "required": True}],
    )
    response = api.post(
        f"/api/v1/events/{event.pk}/register/", {"answers": {}}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["answers"] == ["Please answer: Organisation"]
    response = api.post(
        f"/api/v1/events/{event.pk}/register/",
        {"answers": {"q1": "City of Tartu"}},
        format="json",
    )
    assert response.status_code == 201


def test_anonymous_cannot_register(centre, editor):
    event = make_event(centre=centre, by=editor)
    assert APIClient().post(f"/api/v1/events/{event.pk}/register/").status_code == 401


def test_cancel_without_registration_is_404(api, centre, editor):
    event = make_event(centre=centre, by=editor)
    assert (
        api.post(f"/api/v1/events/{event.pk}/cancel-registration/").status_code == 404
    )


def test_draft_is_404_for_outsiders(api, centre, editor):
    event = make_event(centre=centre, by=editor, published=False)
    assert api.get(f"/api/v1/events/{event.pk}/").status_code == 404
    assert api.post(f"/api/v1/events/{event.pk}/register/").status_code == 404


def test_the_schema_offers_registration_as_json_only():
    """Answers are an object, which a form body cannot carry: documenting a form
    body would promise what the endpoint cannot read."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    body = schema["paths"]["/api/v1/events/{id}/register/"]["post"]["requestBody"]
    assert list(body["content"]) == ["application/json"]
