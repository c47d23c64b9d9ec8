"""Helpers for the newsletter tests: subscribers and issues made as the product makes them."""

from django.utils import timezone

from newsletters import services
from newsletters.models import Issue, Subscriber


def subscriber_create(email="reader@example.org", *, confirmed=True, **fields):
    defaults = {
        "status": Subscriber.Status.CONFIRMED
        if confirmed
        else Subscriber.Status.PENDING,
        "confirmed_at": timezone.now() if confirmed else None,
        "consent_at": timezone.now(),
        "wants_newsletter": True,
        "language": "en",
    }
    defaults.update(fields)
    return Subscriber.objects.create(email=email.lower(), **defaults)


def issue_ready(*, by=None, subject="Task force news, November", **data) -> Issue:
    """A draft issue with one accepted (editorial) section."""
    issue = services.issue_create(
        by=by, data={"subject": subject, "intro": "Welcome to **this** issue.", **data}
    )
    services.section_create(
        issue=issue,
        centre=None,
        by=by,
        data={"title": "Joint webinar series", "body": "Three webinars on *PCP*."},
    )
    return issue


def event_published(*, centre, by, title="Joint webinar on PCP", days=10, **data):
    """A published upcoming event, made through the events services."""
    from datetime import timedelta

    from events import services as event_services

    start = timezone.now() + timedelta(days=days)
    event = event_services.event_create(
        centre=centre,
        by=by,
        data={
            "title": title,
            "summary": "Online, one hour.",
            "kind": "webinar",
            "format": "online",
            "online_url": "https://meet.example.org/pcp",
            "starts_at": start,
            "ends_at": start + timedelta(hours=1),
            "timezone": "Europe/Brussels",
            "language": "en",
            **data,
        },
    )
    return event_services.event_publish(event=event, by=by)
