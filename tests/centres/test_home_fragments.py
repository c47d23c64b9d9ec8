"""The home page caches its lists of the next events and the newest resources
({% cache %} in centres/home.html): a cached page reads neither, and a change of
an event or a resource, or the end of a listed event, shows at the next request."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import services as event_services
from events.caching import VERSION_KEY
from knowledge import services as knowledge_services
from tests.events.helpers import make_event
from tests.factories import resource_create

pytestmark = pytest.mark.django_db


def home(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def reads(statements, table) -> bool:
    return any(f'FROM "{table}"' in sql for sql in statements)


@pytest.fixture
def listed(centre, manager):
    event = make_event(centre=centre, by=manager, title="Webinar on green buses")
    resource = resource_create(
        centre=centre, by=manager, published=True, title="Guide to green buses"
    )
    return event, resource


def test_a_cached_home_page_reads_no_event_and_no_resource(client, listed):
    html, statements = home(client)
    assert "Webinar on green buses" in html and "Guide to green buses" in html
    assert reads(statements, "events_event")
    assert reads(statements, "knowledge_resource")

    html, statements = home(client)
    assert "Webinar on green buses" in html and "Guide to green buses" in html
    assert not reads(statements, "events_event")
    assert not reads(statements, "knowledge_resource")


def test_a_changed_resource_shows_at_once(client, listed, manager):
    _event, resource = listed
    home(client)
    knowledge_services.resource_update(
        resource=resource, by=manager, data={"title": "Guide to electric buses"}
    )
    html, _ = home(client)
    assert "Guide to electric buses" in html
    assert "Guide to green buses" not in html

    resource_create(
        centre=resource.centre, by=manager, published=True, title="Hydrogen trains"
    )
    assert "Hydrogen trains" in home(client)[0]


def test_a_changed_event_shows_at_once(client, listed, manager):
    event, _resource = listed
    home(client)
    event_services.event_update(
        event=event, by=manager, data={"title": "Webinar on electric buses"}
    )
    html, _ = home(client)
    assert "Webinar on electric buses" in html
    assert "Webinar on green buses" not in html

    event_services.event_cancel(event=event, by=manager)
    assert "Cancelled" in home(client)[0]

    make_event(centre=event.centre, by=manager, title="Workshop on hydrogen")
    assert "Workshop on hydrogen" in home(client)[0]


def test_the_version_ends_when_the_first_listed_event_ends(client, centre, manager):
    soon = timezone.now() + timedelta(minutes=1)
    make_event(
        centre=centre,
        by=manager,
        title="Webinar ending soon",
        starts_at=soon - timedelta(hours=1),
        ends_at=soon,
    )
    make_event(centre=centre, by=manager, title="Webinar next week")
    html, _ = home(client)
    assert "Webinar ending soon" in html
    # The version expires about when the first event ends (a minute from now).
    ttl = cache.ttl(VERSION_KEY) if hasattr(cache, "ttl") else None
    if ttl is not None:
        assert 0 < ttl <= 62
    # Once it has expired, as it does then, the list is read again: without
    # the ended event (moved into the past here, as time would).
    cache.delete(VERSION_KEY)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE events_event SET starts_at = starts_at - interval '2 hours', "
            "ends_at = ends_at - interval '2 hours' WHERE title = %s",
            ["Webinar ending soon"],
        )
    html, _ = home(client)
    assert "Webinar ending soon" not in html
    assert "Webinar next week" in html
