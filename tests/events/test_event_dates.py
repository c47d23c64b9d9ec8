"""Event dates lie between the years 2000 and 2100, in the editor, the API and the
service; outside it, a clear message and nothing saved."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from events import services
from events.models import Event

from .helpers import make_event
from .test_workspace import form_data

pytestmark = pytest.mark.django_db

MESSAGE = "Give a date between the years 2000 and 2100."


@pytest.mark.parametrize(
    "overrides",
    [
        {"starts_at": "0009-05-01T10:00", "ends_at": "0009-05-01T12:00"},
        {"starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T01:00"},
        {"ends_at": "9999-12-31T23:59"},
        {"starts_at": "1999-12-31T10:00"},
        {"registration_opens_at": "0009-01-01T10:00"},
        {"registration_closes_at": "2101-01-01T10:00"},
    ],
)
def test_editor_refuses_dates_outside_the_range(client, editor, overrides):
    client.force_login(editor)
    response = client.post("/manage/alpha/events/new/", form_data(**overrides))
    assert response.status_code == 200
    form = response.context["form"]
    for field in overrides:
        if field in form.errors:
            assert MESSAGE in form.errors[field]
    assert MESSAGE in response.content.decode()
    assert not Event.objects.exists()


def test_editor_accepts_the_ends_of_the_range(client, editor):
    client.force_login(editor)
    response = client.post(
        "/manage/alpha/events/new/",
        form_data(starts_at="2100-12-31T10:00", ends_at="2100-12-31T12:00"),
    )
    assert response.status_code == 302
    assert Event.objects.get().starts_at.year == 2100


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", "0009-05-01T10:00:00+02:00"),
        ("starts_at", "0001-01-01T00:00:00Z"),
        ("ends_at", "9999-12-31T23:59:59Z"),
        ("registration_opens_at", "1900-01-01T00:00:00Z"),
        ("registration_closes_at", "2200-01-01T00:00:00Z"),
    ],
)
def test_api_refuses_dates_outside_the_range(editor, field, value):
    data = {
        "centre": "alpha",
        "title": "API event",
        "summary": "Made through the API.",
        "kind": "webinar",
        "starts_at": "2031-05-01T10:00:00Z",
        "ends_at": "2031-05-01T12:00:00Z",
        field: value,
    }
    response = api(editor).post("/api/v1/events/", data, format="json")
    assert response.status_code == 400, response.content
    assert MESSAGE in response.json()[field]
    assert not Event.objects.exists()


def test_api_update_refuses_a_date_outside_the_range(centre, editor):
    event = make_event(centre=centre, by=editor, published=False)
    response = api(editor).patch(
        f"/api/v1/events/{event.pk}/",
        {"starts_at": "0009-05-01T10:00:00Z"},
        format="json",
    )
    assert response.status_code == 400
    assert MESSAGE in response.json()["starts_at"]
    before = event.starts_at
    event.refresh_from_db()
    assert event.starts_at == before


def test_service_refuses_dates_outside_the_range(centre, editor):
    start = datetime(9, 5, 1, 10, tzinfo=UTC)
    with pytest.raises(ValidationError) as info:
        make_event(
            centre=centre,
            by=editor,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
        )
    assert MESSAGE in info.value.message_dict["starts_at"]
    assert not Event.objects.exists()
    event = make_event(centre=centre, by=editor, published=False)
    with pytest.raises(ValidationError):
        services.event_update(
            event=event,
            by=editor,
            data={"ends_at": datetime(2101, 1, 1, tzinfo=UTC)},
        )
    event.refresh_from_db()
    assert event.ends_at.year < 2100
