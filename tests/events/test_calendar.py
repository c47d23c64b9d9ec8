"""iCalendar: one file per event and subscribable feeds, parsed with icalendar."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from events import services

from .helpers import make_event

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(cal):
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_event_ics_is_valid_with_a_stable_uid_and_growing_sequence(
    client, centre, manager
):
    event = make_event(centre=centre, by=manager)
    url = reverse("events:ics", args=[event.slug])
    cal = parse(client.get(url))
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    [item] = vevents(cal)
    uid = str(item["UID"])
    assert item["SEQUENCE"] == 0
    assert str(item["STATUS"]) == "CONFIRMED"
    assert item.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert item["DTSTAMP"]
    assert "secret-room" not in response_text(client.get(url))  # no join link

    event = services.event_update(
        event=event,
        by=manager,
        data={
            "starts_at": event.starts_at + timedelta(days=1),
            "ends_at": event.ends_at + timedelta(days=1),
        },
    )
    [item] = vevents(parse(client.get(url)))
    assert str(item["UID"]) == uid
    assert item["SEQUENCE"] == 1

    services.event_cancel(event=event, by=manager)
    [item] = vevents(parse(client.get(url)))
    assert str(item["UID"]) == uid
    assert item["SEQUENCE"] == 2
    assert str(item["STATUS"]) == "CANCELLED"


def response_text(response):
    return response.content.decode()


def test_draft_has_no_public_ics(client, centre, editor):
    event = make_event(centre=centre, by=editor, published=False)
    assert client.get(reverse("events:ics", args=[event.slug])).status_code == 404


def test_feeds_all_per_organiser_and_per_sector(
    client, centre, other_centre, editor, editor_b
):
    make_event(centre=centre, by=editor, title="Alpha health", sectors=["health"])
    make_event(
        centre=other_centre,
        by=editor_b,
        title="Joint ICT",
        sectors=["ict"],
        organisers=[centre],
    )
    make_event(centre=other_centre, by=editor_b, title="Beta only")
    make_event(centre=centre, by=editor, title="Alpha draft", published=False)

    def summaries(url):
        cal = parse(client.get(url))
        assert cal["X-WR-CALNAME"]
        return sorted(str(e["SUMMARY"]) for e in vevents(cal))

    assert summaries("/events/calendar.ics") == [
        "Alpha health",
        "Beta only",
        "Joint ICT",
    ]
    assert summaries("/events/calendar/organiser/alpha.ics") == [
        "Alpha health",
        "Joint ICT",
    ]
    assert summaries("/events/calendar/sector/ict.ics") == ["Joint ICT"]
    assert client.get("/events/calendar/sector/bogus.ics").status_code == 404
    assert client.get("/events/calendar/organiser/nobody.ics").status_code == 404


def test_cancelled_events_stay_in_feeds_as_cancelled(client, centre, manager):
    event = make_event(centre=centre, by=manager)
    services.event_cancel(event=event, by=manager)
    [item] = vevents(parse(client.get("/events/calendar.ics")))
    assert str(item["STATUS"]) == "CANCELLED"


def test_attendee_copy_carries_the_join_link(centre, editor):
    from events.calendar import event_ics

    event = make_event(centre=centre, by=editor)
    cal = Calendar.from_ical(event_ics(event, join_link=event.online_url))
    [item] = vevents(cal)
    assert "secret-room" in str(item["DESCRIPTION"])
