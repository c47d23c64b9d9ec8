"""Helpers for the events tests: an event in one call, the mails of a test."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from events import services
from events.models import Event


def make_event(
    *, centre, by, published=True, organisers=(), accepted=True, **data
) -> Event:
    """A webinar starting in a week (override any field through `data`); the
    co-organisers in `organisers` have accepted unless `accepted` is False."""
    start = data.pop("starts_at", timezone.now() + timedelta(days=7))
    values = {
        "title": "Webinar on market consultation",
        "summary": "How to talk to suppliers first.",
        "kind": Event.Kind.WEBINAR,
        "format": Event.Format.ONLINE,
        "online_url": "https://meet.example.eu/secret-room",
        "starts_at": start,
        "ends_at": data.pop("ends_at", start + timedelta(hours=2)),
        "timezone": "Europe/Berlin",
        **data,
    }
    event = services.event_create(
        centre=centre, by=by, data=values, organisers=organisers
    )
    if accepted:
        for invitation in event.organiser_invitations.pending():
            services.organiser_invitation_accept(invitation=invitation, by=by)
    if published:
        event = services.event_publish(event=event, by=by)
    return event


def mails_to(address: str, subject_part: str = "") -> list:
    return [
        m
        for m in mail.outbox
        if address in m.to and subject_part.lower() in m.subject.lower()
    ]
