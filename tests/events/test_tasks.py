"""Celery tasks of events: each is idempotent (a second run sends nothing), and the
confirmation really leaves through a worker and SMTP with the .ics attached."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from accounts.models import OutboundEmail
from events import services, tasks
from events.models import Event, Registration
from tests.factories import UserFactory

from .helpers import mails_to, make_event


@pytest.mark.django_db
def test_reminder_is_sent_once_even_if_beat_runs_twice(
    centre, editor, procurer, django_capture_on_commit_callbacks
):
    soon = make_event(
        centre=centre, by=editor, starts_at=timezone.now() + timedelta(hours=20)
    )
    later = make_event(
        centre=centre,
        by=editor,
        title="Later",
        starts_at=timezone.now() + timedelta(days=3),
    )
    for event in (soon, later):
        services.registration_create(event=event, user=procurer)
    waiting = services.registration_create(
        event=soon, name="Pending", email="pending@example.org"
    )
    assert waiting.status == Registration.Status.PENDING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.event_reminders_send() == 1
    with django_capture_on_commit_callbacks(execute=True):
        tasks.event_reminders_send()  # beat fired twice
    # "Today" or "Tomorrow" by the event's calendar: 20 hours on may be either.
    starts_today = (
        soon.starts_local.date() == timezone.now().astimezone(soon.zone).date()
    )
    [reminder] = mails_to(procurer.email, "today" if starts_today else "tomorrow")
    assert "secret-room" in reminder.body
    assert reminder.attachments
    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.filter(template="event-reminder").count() == 1


@pytest.mark.django_db
def test_rescheduled_event_reminds_again(centre, editor, procurer):
    event = make_event(
        centre=centre, by=editor, starts_at=timezone.now() + timedelta(hours=20)
    )
    services.registration_create(event=event, user=procurer)
    tasks.event_reminders_send()
    Event.objects.filter(pk=event.pk).update(
        starts_at=event.starts_at + timedelta(hours=2),
        ends_at=event.ends_at + timedelta(hours=2),
    )
    tasks.event_reminders_send()
    tasks.event_reminders_send()
    assert OutboundEmail.objects.filter(template="event-reminder").count() == 2


@pytest.mark.django_db
def test_message_to_attendees_reaches_each_once(
    centre, editor, procurer, django_capture_on_commit_callbacks
):
    event = make_event(centre=centre, by=editor, capacity=1)
    services.registration_create(event=event, user=procurer)
    services.registration_create(
        event=event, user=UserFactory(email="waiting@example.org")
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message = services.attendee_message_send(
            event=event, by=editor, subject="Room change", body="We meet in B2."
        )
    assert [m.to for m in mail.outbox] == [[procurer.email]]
    assert "We meet in B2." in mail.outbox[0].body
    assert tasks.attendee_message_deliver(message.pk) == 1
    assert OutboundEmail.objects.filter(template="event-message").count() == 1
    message.refresh_from_db()
    assert message.recipients == 1


@pytest.mark.django_db
def test_change_notice_for_an_outdated_version_is_skipped(centre, manager, procurer):
    event = make_event(centre=centre, by=manager)
    services.registration_create(event=event, user=procurer)
    assert tasks.event_change_notify(event.pk, 5) == 0
    assert tasks.event_cancel_notify(event.pk) == 0  # not cancelled


@pytest.mark.celery
@pytest.mark.django_db(transaction=True)
def test_confirmation_goes_through_the_worker_with_the_ics(
    centre, editor, procurer, live_worker, smtp_server
):
    sink, _ = smtp_server
    sink.clear()
    event = make_event(centre=centre, by=editor)
    services.registration_create(event=event, user=procurer)
    [message] = sink.wait_for(1)
    assert message["To"] == procurer.email
    assert "You are registered" in message["Subject"]
    attachments = list(message.iter_attachments())
    [ics] = [a for a in attachments if a.get_content_type() == "text/calendar"]
    cal = Calendar.from_ical(ics.get_payload(decode=True))
    [item] = [c for c in cal.walk() if c.name == "VEVENT"]
    assert str(item["UID"]) == f"{event.uid}@p2i-portal"
    assert "secret-room" in str(item["DESCRIPTION"])
