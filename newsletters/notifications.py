"""Who hears about a newsletter contribution's review, and what waits for whom.

- `section_review` rings `section_notify` once its transaction commits; the
  task mails the contribution's writer, in her language, through the
  transactional mail queue.
- `section_action_items` is this app's source for the workspace home's
  "needs your action" list (registered in NewslettersConfig.ready).
"""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from accounts.notifications import (
    ActionItem,
    Kind,
    Severity,
    absolute_url,
    notification_email,
)
from centres.models import AuditEntry, Role
from centres.permissions import user_has_mfa

from .models import Issue, Section
from .permissions import can_compose

KIND_OF_ACTION = {
    "newsletters.section.accepted": Kind.CONTRIBUTION_ACCEPTED,
    "newsletters.section.returned": Kind.CONTRIBUTION_RETURNED,
}
TEMPLATES = {
    Kind.CONTRIBUTION_ACCEPTED: "contribution-accepted",
    Kind.CONTRIBUTION_RETURNED: "contribution-returned",
}
EDITABLE_ISSUE = [Issue.Status.DRAFT, Issue.Status.SCHEDULED]


def section_notify_on_commit(*, section: Section, entry: AuditEntry) -> None:
    """Once the caller's transaction commits, ring the task that tells the
    contribution's writer that it was accepted or returned (`entry` is the
    audit entry of that review)."""
    if section.centre_id is None or entry.action not in KIND_OF_ACTION:
        return
    from .tasks import section_notify

    section_id, entry_id = section.pk, entry.pk
    transaction.on_commit(
        lambda: section_notify.delay(section_id, entry_id), robust=True
    )


@scopes_disabled()
def section_notification_send(*, section_id: int, entry_id: int) -> int:
    """Queue the mail of one review to the section's writer (unless she
    reviewed it herself or turned the kind off); returns how many were queued.
    Safe to repeat: the mail is keyed by the review's audit entry."""
    entry = AuditEntry.objects.select_related("actor").filter(pk=entry_id).first()
    section = (
        Section.objects.select_related("issue", "centre", "created_by")
        .filter(pk=section_id)
        .first()
    )
    if entry is None or section is None or entry.action not in KIND_OF_ACTION:
        return 0
    kind = KIND_OF_ACTION[entry.action]
    writer = section.created_by
    if writer is None or writer.pk == entry.actor_id:
        return 0

    def context():
        return {
            "section": section,
            "issue": section.issue,
            "centre": section.centre,
            "by": entry.actor.get_full_name() if entry.actor else _("The coordinator"),
            "comment": section.review_comment,
            "link": absolute_url(
                reverse(
                    "manage:newsletter:edit",
                    kwargs={"centre_slug": section.centre.slug, "pk": section.pk},
                )
            ),
        }

    email = notification_email(
        user=writer,
        kind=kind,
        template=TEMPLATES[kind],
        context=context,
        dedupe_key=f"{kind}:audit{entry.pk}:u{writer.pk}",
    )
    return int(email is not None)


def section_action_items(user, centre) -> list[ActionItem]:
    """Contributions of `centre` to issues still being composed that wait for
    `user`: returned ones and drafts not yet sent (a manager sees all of her
    centre's, an editor those she wrote) and, for a composer, those submitted
    for her review. One query, however many there are."""
    mine = Q() if centre.role_of(user) == Role.MANAGER else Q(created_by=user)
    wanted = (
        Q(status=Section.Status.RETURNED)
        | Q(status=Section.Status.DRAFT, issue__contributions_open=True)
    ) & mine
    composer = can_compose(user) and user_has_mfa(user)
    if composer:
        wanted |= Q(status=Section.Status.SUBMITTED)
    with scope(centre=centre):
        rows = list(
            Section.objects.for_centre(centre)
            .filter(wanted, issue__status__in=EDITABLE_ISSUE)
            .select_related("issue")
            .order_by("updated_at")
        )
    today = timezone.localdate()
    items = []
    for section in rows:
        deadline = section.issue.contribution_deadline
        overdue = deadline is not None and deadline < today
        if section.status == Section.Status.SUBMITTED:
            url = reverse("newsletters:compose-detail", kwargs={"pk": section.issue_id})
            reason = _("Submitted for the newsletter: waiting for your review")
        else:
            url = reverse(
                "manage:newsletter:edit",
                kwargs={"centre_slug": centre.slug, "pk": section.pk},
            )
            if section.status == Section.Status.RETURNED:
                reason = _("Returned by the coordinator: change it and submit it again")
            else:
                reason = _("Newsletter draft not yet submitted")
        items.append(
            ActionItem(
                title=section.title,
                url=url,
                reason=reason,
                due=deadline,
                severity=Severity.URGENT if overdue else Severity.NORMAL,
                since=section.updated_at,
            )
        )
    return items
