"""Celery tasks of the advice desk: the first-reply reminder.

Safe to repeat: the reminder of a request is one row (AdviceReminder, unique
per request), claimed before its mails are queued, and each mail has a dedupe key.
"""

from celery import shared_task
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from . import emails
from .models import AdviceReminder, AdviceRequest


@shared_task(acks_late=True)
@scopes_disabled()
def reminders_send(today_iso: str | None = None) -> int:
    """Remind the assignee and the centre's managers of every request on a
    centre's desk whose first reply falls due today or earlier and has none,
    once per request. Returns how many requests were reminded by this run
    (0 when repeated)."""
    today = (
        timezone.datetime.fromisoformat(today_iso).date()
        if today_iso
        else timezone.localdate()
    )
    due = (
        AdviceRequest.objects.confirmed()
        .awaiting_first_reply()
        .filter(centre__isnull=False, due_on__lte=today, reminder__isnull=True)
        .select_related("centre", "assignee")
        .order_by("pk")
    )
    reminded = 0
    for request in due:
        try:
            with transaction.atomic():
                AdviceReminder.objects.create(request=request, centre=request.centre)
                emails.reminder_mail(request)
        except IntegrityError:  # another run claimed it first
            continue
        reminded += 1
    return reminded
