"""Celery tasks of the onboarding: reminders of milestones due soon or overdue.

Safe to repeat: a MilestoneReminder row, unique per (milestone, stage), is
claimed before any mail is queued, and each mail carries a dedupe key, so a
second run (or a second worker) queues nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.notifications import Kind, absolute_url, notification_email
from centres.models import Membership

from .models import Milestone, MilestoneReminder

DUE_SOON_DAYS = 7


def reminder_recipients(milestone: Milestone) -> list:
    """The centre's active managers (each one's notification preference is
    checked when her mail is queued)."""
    return [
        m.user
        for m in Membership.objects.filter(
            centre_id=milestone.centre_id, user__is_active=True
        )
        .managers()
        .select_related("user")
        .order_by("pk")
    ]


def _reminder_mail(milestone: Milestone, stage: str, user):
    """Queue one manager's reminder in her language, unless she turned
    "milestone due" off in her profile (then None)."""

    def context():
        kwargs = {"centre_slug": milestone.centre.slug}
        return {
            "milestone": milestone,
            "definition": milestone.definition,
            "centre": milestone.centre,
            "overdue": stage == MilestoneReminder.Stage.OVERDUE,
            "link": absolute_url(
                reverse(
                    "manage:onboarding-milestone",
                    kwargs={**kwargs, "pk": milestone.pk},
                )
            ),
            "checklist_url": absolute_url(reverse("manage:onboarding", kwargs=kwargs)),
        }

    return notification_email(
        user=user,
        kind=Kind.MILESTONE_DUE,
        template="milestone-reminder",
        context=context,
        dedupe_key=f"milestone:{milestone.pk}:{stage}:u{user.pk}",
    )


def _remind(milestone: Milestone, stage: str) -> int:
    """Claim (milestone, stage) and queue its mails; 0 when it was claimed before."""
    try:
        with transaction.atomic():
            reminder = MilestoneReminder.objects.create(
                milestone=milestone, stage=stage
            )
            queued = [
                user
                for user in reminder_recipients(milestone)
                if _reminder_mail(milestone, stage, user) is not None
            ]
            reminder.recipients = len(queued)
            reminder.save(update_fields=["recipients"])
    except IntegrityError:  # another run claimed it first
        return 0
    return len(queued)


@shared_task(acks_late=True)
@scopes_disabled()
def milestone_reminders_send(today: str | None = None) -> int:
    """Beat (daily): remind the managers of every centre in onboarding of its
    open milestones that are overdue or due within 7 days, at most once per
    milestone and stage; done and not-applicable milestones get nothing.
    Across centres on purpose. Returns how many mails this run queued."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    stages = [
        (MilestoneReminder.Stage.OVERDUE, Milestone.objects.overdue(day)),
        (
            MilestoneReminder.Stage.DUE_SOON,
            Milestone.objects.open().filter(
                due_on__gte=day, due_on__lte=day + timedelta(days=DUE_SOON_DAYS)
            ),
        ),
    ]
    queued = 0
    for stage, milestones in stages:
        pending = (
            milestones.exclude(reminders__stage=stage)
            .select_related("centre", "definition")
            .order_by("due_on", "pk")
        )
        for milestone in pending:
            queued += _remind(milestone, stage)
    return queued
