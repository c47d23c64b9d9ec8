"""The e-mails of events: one row per person and purpose, queued at most once.

Each mail has a dedupe key ("events.reminder:42:<start>") that is unique in
accounts.OutboundEmail, so a repeated task or a beat that fires twice finds the
row it queued before and sends nothing twice. Delivery is accounts.tasks.email_send.
"""

from django.urls import reverse
from django.utils import timezone

from accounts.services import email_queue_template
from p2i_portal.mail import absolute_url, recipient_language

from .calendar import event_ics

# kind → (template name, who gets the join link and the .ics)
KINDS = {
    "confirm-request": "event-confirm-request",
    "confirmed": "event-confirmed",
    "waitlisted": "event-waitlisted",
    "promoted": "event-promoted",
    "reminder": "event-reminder",
    "changed": "event-changed",
    "cancelled": "event-cancelled",
}
WITH_CALENDAR = {"confirmed", "promoted", "changed", "reminder", "cancelled"}


def dedupe_key(registration, kind: str, version: str = "") -> str:
    key = f"events.{kind}:{registration.pk}"
    return f"{key}:{version}" if version else key


def registration_languages(registration) -> list[str]:
    """Her account's language, else the one of the page she registered on."""
    user = registration.user
    return [user.language if user else "", registration.language]


def registration_mail(registration, kind: str, *, version: str = ""):
    """Queue the `kind` mail for one registration (at most once per version),
    in the registrant's language."""
    with recipient_language(*registration_languages(registration)) as language:
        return _registration_mail(registration, kind, version, language)


def _registration_mail(registration, kind, version, language):
    event = registration.event
    confirmed = registration.status == registration.Status.CONFIRMED
    join_link = event.online_url if confirmed and event.is_online else ""
    context = {
        "event": event,
        "registration": registration,
        "join_link": join_link,
        "event_url": absolute_url(event.get_absolute_url()),
        "manage_url": absolute_url(registration.manage_url()),
        "confirm_url": absolute_url(registration.confirm_url()),
        "ics_url": absolute_url(f"{event.get_absolute_url()}calendar.ics"),
        "organisers": list(event.organisers.all()),
        # The reminder says "Today" or "Tomorrow" by the calendar of the place
        # where the event happens, not by the hours left until it starts.
        "starts_today": event.starts_local.date()
        == timezone.now().astimezone(event.zone).date(),
    }
    attachments = []
    if kind in WITH_CALENDAR and confirmed:
        attachments.append(
            {
                "filename": f"{event.slug}.ics",
                "mimetype": "text/calendar",
                "content": event_ics(event, join_link=join_link),
            }
        )
    return email_queue_template(
        to=registration.email,
        name=KINDS[kind],
        context=context,
        language=language,
        attachments=attachments,
        dedupe_key=dedupe_key(registration, kind, version),
    )


def message_mail(message, registration):
    """Queue one copy of an organisers' message (once per message and person),
    in the registrant's language."""
    event = message.event
    with recipient_language(*registration_languages(registration)) as language:
        return email_queue_template(
            to=registration.email,
            name="event-message",
            context={
                "event": event,
                "message": message,
                "registration": registration,
                "event_url": absolute_url(event.get_absolute_url()),
                "manage_url": absolute_url(registration.manage_url()),
            },
            language=language,
            dedupe_key=f"events.message:{message.pk}:{registration.pk}",
        )


def organiser_invitation_mail(invitation, user):
    """Queue the question to one manager of an invited centre (once per round:
    naming the centre again after it declined asks again), in the manager's
    language."""
    with recipient_language(user.language) as language:
        return _organiser_invitation_mail(invitation, user, language)


def _organiser_invitation_mail(invitation, user, language):
    event = invitation.event
    round_ = invitation.invited_at.strftime("%Y%m%dT%H%M%S%f")
    answer_url = absolute_url(
        reverse(
            "manage:events:invitations",
            kwargs={"centre_slug": invitation.centre.slug},
        )
    )
    # A draft has no public page yet: its facts are on the invitations page.
    is_public = event.status != event.Status.DRAFT and event.published_at
    return email_queue_template(
        to=user.email,
        name="event-organiser-invitation",
        context={
            "event": event,
            "invitation": invitation,
            "centre": invitation.centre,
            "lead": event.centre,
            "answer_url": answer_url,
            "event_url": absolute_url(event.get_absolute_url())
            if is_public
            else answer_url,
        },
        language=language,
        dedupe_key=f"events.organiser-invitation:{invitation.pk}:{user.pk}:{round_}",
    )
