"""Public pages: the calendar with its filters, the event page, registration by
visitors and signed-in people, signed links, My events."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from events import services
from events.models import Event, Registration

from .helpers import mails_to, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar(centre, other_centre, editor, editor_b):
    webinar = make_event(
        centre=centre,
        by=editor,
        title="Alpha webinar",
        sectors=["health"],
        language="de",
    )
    workshop = make_event(
        centre=other_centre,
        by=editor_b,
        title="Beta workshop",
        kind=Event.Kind.WORKSHOP,
        format=Event.Format.IN_PERSON,
        venue="Town hall",
        city="Utrecht",
        country="NL",
        online_url="",
        organisers=[centre],
    )
    draft = make_event(centre=centre, by=editor, title="Alpha draft", published=False)
    past = make_event(
        centre=centre,
        by=editor,
        title="Alpha past",
        starts_at=timezone.now() + timedelta(hours=1),
    )
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    return {"webinar": webinar, "workshop": workshop, "draft": draft, "past": past}


def titles(response):
    return [e.title for e in response.context["events"]]


def test_calendar_lists_upcoming_public_events_soonest_first(client, calendar):
    response = client.get(reverse("events:list"))
    assert response.status_code == 200
    assert titles(response) == ["Alpha webinar", "Beta workshop"]
    assert "Alpha draft" not in response.content.decode()


def test_past_events_have_their_own_tab(client, calendar):
    assert titles(client.get(reverse("events:list") + "?when=past")) == ["Alpha past"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=workshop", ["Beta workshop"]),
        ("format=online", ["Alpha webinar"]),
        ("sector=health", ["Alpha webinar"]),
        ("language=de", ["Alpha webinar"]),
        ("organiser=alpha", ["Alpha webinar", "Beta workshop"]),  # joint event
        ("organiser=beta", ["Beta workshop"]),
        ("country=NL", ["Beta workshop"]),
        ("country=DE", ["Alpha webinar", "Beta workshop"]),  # organiser's country
        ("kind=bogus&sector=%00&page=999", ["Alpha webinar", "Beta workshop"]),
    ],
)
def test_filters_live_in_the_url(client, calendar, query, expected):
    response = client.get(reverse("events:list") + f"?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_event_page_hides_the_join_link_until_confirmed(client, calendar, procurer):
    webinar = calendar["webinar"]
    page = client.get(webinar.get_absolute_url()).content.decode()
    assert "secret-room" not in page
    assert "Add to calendar" in page
    client.force_login(procurer)
    response = client.post(reverse("events:register", kwargs={"slug": webinar.slug}))
    assert response.status_code == 302
    page = client.get(webinar.get_absolute_url()).content.decode()
    assert "You are registered." in page
    assert "https://meet.example.eu/secret-room" in page


def test_drafts_are_404_for_the_public_and_open_for_organisers(
    client, calendar, editor
):
    url = calendar["draft"].get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_visitor_registers_and_confirms_by_the_link(
    client, calendar, django_capture_on_commit_callbacks
):
    webinar = calendar["webinar"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:register", kwargs={"slug": webinar.slug}),
            {"name": "Vera Visitor", "email": "vera@example.org"},
        )
    assert response.status_code == 302
    [message] = mails_to("vera@example.org", "confirm")
    link = next(
        line for line in message.body.splitlines() if "/confirm/" in line
    ).strip()
    path = link.split("testserver")[-1].replace("http://127.0.0.1:8000", "")
    assert client.get(path).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    with scopes_disabled():
        registration = Registration.objects.get(email="vera@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    # The confirmation mail carries the join link and the calendar file.
    [confirmation] = mails_to("vera@example.org", "registered")
    assert "secret-room" in confirmation.body
    assert confirmation.attachments


def test_visitor_form_errors_are_shown_and_nothing_is_stored(client, calendar):
    response = client.post(
        reverse("events:register", kwargs={"slug": calendar["webinar"].slug}),
        {"name": "", "email": "not-an-address"},
    )
    assert response.status_code == 400
    assert b"errorlist" in response.content
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_registering_twice_shows_a_clear_message(client, calendar, procurer):
    client.force_login(procurer)
    url = reverse("events:register", kwargs={"slug": calendar["webinar"].slug})
    client.post(url)
    response = client.post(url, follow=True)
    assert "already registered" in response.content.decode()
    with scopes_disabled():
        assert Registration.objects.count() == 1


def test_registering_for_a_cancelled_event_shows_a_clear_message(
    client, calendar, manager, procurer
):
    services.event_cancel(event=calendar["webinar"], by=manager)
    client.force_login(procurer)
    response = client.post(
        reverse("events:register", kwargs={"slug": calendar["webinar"].slug}),
        follow=True,
    )
    assert "has been cancelled" in response.content.decode()
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_a_tampered_cancel_link_changes_nothing(client, calendar, procurer):
    registration = services.registration_create(
        event=calendar["webinar"], user=procurer
    )
    token = registration.token("manage")
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    for method in ("get", "post"):
        response = getattr(client, method)(
            reverse("events:registration", kwargs={"token": forged})
        )
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    # A confirm link is not a cancel link either (different purpose).
    confirm = registration.token("confirm")
    assert (
        client.post(
            reverse("events:registration", kwargs={"token": confirm})
        ).status_code
        == 400
    )
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_the_signed_link_cancels_and_promotes(
    client, centre, editor, procurer, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=editor, capacity=1)
    first = services.registration_create(event=event, name="A", email="a@example.org")
    services.registration_confirm(registration=first)
    second = services.registration_create(event=event, user=procurer)
    assert second.status == Registration.Status.WAITLISTED
    page = client.get(first.manage_url()).content.decode()
    assert "Cancel my registration" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(first.manage_url()).status_code == 302
    second.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED
    assert mails_to(procurer.email, "a seat for you")


def test_my_events_lists_registrations_with_waitlist_position_and_cancels(
    client, centre, editor, procurer
):
    event = make_event(centre=centre, by=editor, capacity=1, title="Popular")
    services.registration_create(event=event, name="A", email="a@example.org")
    services.registration_confirm(
        registration=services.registration_create(
            event=event, name="B", email="b@example.org"
        )
    )
    services.registration_create(event=event, user=procurer)
    client.force_login(procurer)
    page = client.get(reverse("events:mine")).content.decode()
    assert "Popular" in page
    assert "Waiting list, position 1" in page
    response = client.post(
        reverse("events:unregister", kwargs={"slug": event.slug}), {"next": "mine"}
    )
    assert response["Location"] == reverse("events:mine")
    with scopes_disabled():
        assert Registration.objects.get(email=procurer.email).status == "cancelled"


def test_my_events_needs_sign_in(client):
    response = client.get(reverse("events:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
