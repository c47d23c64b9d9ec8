"""Visitors' registrations cannot be used to mail strangers: limited per client and
per address, and the mail to an unconfirmed address carries nothing they typed."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from accounts.models import OutboundEmail
from events import services
from events.models import Registration

from .helpers import make_event

pytestmark = pytest.mark.django_db

LURE = "Click https://evil.example/win to claim your prize"


@pytest.fixture
def event(centre, editor):
    return make_event(centre=centre, by=editor, title="Webinar on PCP")


def register(client, event, email, name="Ada Lovelace", **extra):
    return client.post(
        reverse("events:register", kwargs={"slug": event.slug}),
        {"name": name, "email": email},
        **extra,
    )


def registrations():
    with scopes_disabled():
        return Registration.objects.count()


def test_the_eleventh_registration_from_one_client_is_refused(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        codes = [
            register(client, event, f"person{i}@example.org").status_code
            for i in range(10)
        ]
    assert codes == [302] * 10
    assert registrations() == 10
    sent = len(mail.outbox)
    assert sent == 10

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, "eleventh@example.org")
    assert response.status_code == 429
    assert "Too many registrations were sent from your network" in (
        response.content.decode()
    )
    assert registrations() == 10
    assert len(mail.outbox) == sent
    assert not OutboundEmail.objects.filter(to="eleventh@example.org").exists()


def test_another_client_may_still_register(client, event, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"event_register_ip": (2, 600)}
    for i in range(2):
        assert register(client, event, f"p{i}@example.org").status_code == 302
    assert register(client, event, "p2@example.org").status_code == 429
    other = register(client, event, "p3@example.org", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    assert registrations() == 3


def test_one_address_cannot_be_registered_for_event_after_event(
    client, centre, editor, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_RATE_LIMITS = {"event_register_email": (2, 3600)}
    events = [
        make_event(centre=centre, by=editor, title=f"Session {i}") for i in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        first = [
            register(client, e, "Victim@Example.org", REMOTE_ADDR=f"192.0.2.{i}")
            for i, e in enumerate(events[:2])
        ]
        refused = register(
            client, events[2], "victim@example.org", REMOTE_ADDR="198.51.100.1"
        )
    assert [r.status_code for r in first] == [302, 302]
    assert refused.status_code == 429
    assert "used for too many registrations" in refused.content.decode()
    with scopes_disabled():
        assert not Registration.objects.filter(event=events[2]).exists()
    assert len([m for m in mail.outbox if m.to == ["victim@example.org"]]) == 2


def test_signed_in_people_are_not_held_by_the_visitors_limit(
    client, event, procurer, settings
):
    settings.NEWSLETTER_RATE_LIMITS = {"event_register_ip": (1, 600)}
    assert register(client, event, "a@example.org").status_code == 302
    assert register(client, event, "b@example.org").status_code == 429
    client.force_login(procurer)
    assert (
        client.post(reverse("events:register", kwargs={"slug": event.slug})).status_code
        == 302
    )
    with scopes_disabled():
        assert Registration.objects.filter(email=procurer.email).exists()


def test_confirm_request_mail_carries_no_visitor_text(
    client, event, django_capture_on_commit_callbacks
):
    event.questions = [{"id": "q1", "label": "Organisation", "required": False}]
    event.save(update_fields=["questions"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:register", kwargs={"slug": event.slug}),
            {"name": LURE, "email": "target@example.org", "answer_q1": LURE},
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["target@example.org"]
    html = message.alternatives[0][0]
    for text in (message.subject, message.body, html):
        assert "evil.example" not in text
        assert "claim your prize" not in text
    assert message.body.splitlines()[0] == "Hello,"
    assert message.subject == "Confirm your registration: Webinar on PCP"
    assert "Webinar on PCP" in message.body
    # The confirmation link is still there, and the name is kept for later.
    assert re.search(r"/events/registration/[^/\s]+/confirm/", message.body)
    with scopes_disabled():
        assert Registration.objects.get().name == LURE


def test_after_confirming_the_mail_may_greet_by_name(
    event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(
            event=event, name="Grace Hopper", email="grace@example.org"
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert message.body.startswith("Hello Grace Hopper,")
