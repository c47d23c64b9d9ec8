"""Celery tasks of events: notices to registered people, reminders, expiry.

Every task takes primary keys and is safe to repeat: each mail it queues has a
dedupe key (see events.emails), so a second run finds the rows of the first.
"""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import Membership

from . import emails, services
from .models import AttendeeMessage, Event, OrganiserInvitation, Registration

REMINDER_BEFORE = timedelta(hours=24)


@shared_task(acks_late=True)
@scopes_disabled()
def event_change_notify(event_id: int, sequence: int) -> int:
    """Tell everyone registered that version `sequence` changed the time or place.

    Returns how many mails were queued by this run (0 when repeated).
    """
    event = Event.objects.filter(pk=event_id, status=Event.Status.PUBLISHED).first()
    if event is None or event.sequence != sequence:
        return 0  # cancelled since, or a newer change will notify
    return _fan_out(event, "changed", version=str(sequence))


@shared_task(acks_late=True)
@scopes_disabled()
def event_cancel_notify(event_id: int) -> int:
    """Tell everyone registered that the event is cancelled (once per person)."""
    event = Event.objects.filter(pk=event_id, status=Event.Status.CANCELLED).first()
    if event is None:
        return 0
    return _fan_out(event, "cancelled")


def _fan_out(event, kind, version="") -> int:
    """Queue `kind` for every confirmed or waitlisted person; returns how many
    rows this run created (rows found by their dedupe key were queued before)."""
    started = timezone.now()
    queued = 0
    with transaction.atomic():
        for registration in Registration.objects.filter(event=event).filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
        ):
            email = emails.registration_mail(registration, kind, version=version)
            queued += email.created_at >= started
    return queued


@shared_task(acks_late=True)
@scopes_disabled()
def attendee_message_deliver(message_id: int) -> int:
    """Mail an organisers' message to the confirmed (and, if asked, waitlisted)
    attendees; once per person, however often it runs."""
    message = (
        AttendeeMessage.objects.select_related("event").filter(pk=message_id).first()
    )
    if message is None:
        return 0
    statuses = [Registration.Status.CONFIRMED]
    if message.include_waitlist:
        statuses.append(Registration.Status.WAITLISTED)
    with transaction.atomic():
        registrations = list(
            Registration.objects.filter(event=message.event, status__in=statuses)
        )
        for registration in registrations:
            emails.message_mail(message, registration)
        AttendeeMessage.objects.filter(pk=message.pk).update(
            recipients=len(registrations)
        )
    return len(registrations)


@shared_task(acks_late=True)
@scopes_disabled()
def event_reminders_send() -> int:
    """Beat: remind confirmed attendees of events starting within 24 hours.

    The dedupe key holds the registration and the start time, so a second beat
    (or a second worker) queues nothing, while a rescheduled event reminds again.
    """
    now = timezone.now()
    registrations = Registration.objects.confirmed().filter(
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_BEFORE,
    )
    count = 0
    with transaction.atomic():
        for registration in registrations.select_related("event"):
            version = registration.event.starts_at.strftime("%Y%m%dT%H%M%SZ")
            emails.registration_mail(registration, "reminder", version=version)
            count += 1
    return count


@shared_task(acks_late=True)
def registrations_expire() -> int:
    """Beat: unconfirmed visitor registrations expire (see services)."""
    return services.registrations_expire()


@shared_task(acks_late=True)
@scopes_disabled()
def organiser_invitation_notify(invitation_id: int) -> int:
    """Ask the managers of an invited centre to accept or decline (once per
    manager and invitation round); nothing once the invitation was answered
    or withdrawn. Returns how many mails this run queued."""
    invitation = (
        OrganiserInvitation.objects.pending()
        .select_related("event", "event__centre", "centre", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return 0
    started = timezone.now()
    queued = 0
    managers = (
        Membership.objects.filter(centre=invitation.centre, user__is_active=True)
        .managers()
        .select_related("user")
        .order_by("pk")
    )
    with transaction.atomic():
        for membership in managers:
            email = emails.organiser_invitation_mail(invitation, membership.user)
            queued += email.created_at >= started
    return queued
