"""Who hears about a resource's review, and what waits for whom.

- A transition (submitted, sent back, published) rings `resource_notify` once
  its transaction commits; the task mails the people concerned, in their
  languages, through the transactional mail queue.
- `resource_action_items` is this app's source for the workspace home's
  "needs your action" list (registered in KnowledgeConfig.ready).
"""

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from accounts.notifications import (
    ActionItem,
    Kind,
    Severity,
    absolute_url,
    notification_email,
)
from centres.models import Membership, Role

from .models import Resource, Revision

# The revision action that each notification kind follows.
KIND_OF_ACTION = {
    "knowledge.resource.submitted": Kind.RESOURCE_SUBMITTED,
    "knowledge.resource.sent_back": Kind.RESOURCE_SENT_BACK,
    "knowledge.resource.published": Kind.RESOURCE_PUBLISHED,
}
TEMPLATES = {
    Kind.RESOURCE_SUBMITTED: "resource-submitted",
    Kind.RESOURCE_SENT_BACK: "resource-sent-back",
    Kind.RESOURCE_PUBLISHED: "resource-published",
}


def resource_notify_on_commit(revision: Revision) -> None:
    """Once the caller's transaction commits, ring the task that mails the
    people `revision` (a submit, send-back or publish) concerns. Other
    revisions notify nobody."""
    if revision.action not in KIND_OF_ACTION:
        return
    from .tasks import resource_notify

    pk = revision.pk
    transaction.on_commit(lambda: resource_notify.delay(pk), robust=True)


def _recipients(kind, resource, actor_id):
    """Submitted: the managers of the resource's centre. Sent back and
    published: its author. Never the person who did it."""
    if kind == Kind.RESOURCE_SUBMITTED:
        with scope(centre=resource.centre):
            people = [
                m.user
                for m in Membership.objects.filter(
                    centre=resource.centre, role=Role.MANAGER
                ).select_related("user")
            ]
    else:
        people = [resource.created_by] if resource.created_by else []
    return [p for p in people if p.pk != actor_id]


@scopes_disabled()
def resource_notification_send(*, revision_id: int) -> int:
    """Queue the mails of one transition; returns how many were queued.

    Safe to repeat: each mail is keyed by the revision and the recipient, so a
    second run queues nothing new. People who turned the kind off get nothing.
    """
    revision = (
        Revision.objects.select_related(
            "resource__centre", "resource__created_by", "actor"
        )
        .filter(pk=revision_id)
        .first()
    )
    if revision is None or revision.action not in KIND_OF_ACTION:
        return 0
    kind = KIND_OF_ACTION[revision.action]
    resource = revision.resource
    actor = revision.actor
    queued = 0
    for person in _recipients(kind, resource, revision.actor_id):

        def context(resource=resource, kind=kind):
            if kind == Kind.RESOURCE_PUBLISHED:
                path = resource.get_absolute_url()
            else:
                path = reverse(
                    "manage:resources:detail",
                    kwargs={"centre_slug": resource.centre.slug, "pk": resource.pk},
                )
            return {
                "resource": resource,
                "centre": resource.centre,
                "by": actor.get_full_name() if actor else _("Someone"),
                "comment": revision.comment,
                "link": absolute_url(path),
            }

        email = notification_email(
            user=person,
            kind=kind,
            template=TEMPLATES[kind],
            context=context,
            dedupe_key=f"{kind}:rev{revision.pk}:u{person.pk}",
        )
        queued += email is not None
    return queued


def resource_action_items(user, centre) -> list[ActionItem]:
    """Resources of `centre` waiting for `user`: those in review when she is a
    manager there (or the coordinator), and those sent back to her as their
    author. One query, however many there are."""
    is_manager = centre.role_of(user) == Role.MANAGER
    wanted = Q(status=Resource.Status.DRAFT, created_by=user, review_comment__gt="")
    if is_manager:
        wanted |= Q(status=Resource.Status.IN_REVIEW)
    with scope(centre=centre):
        last_step = Revision.objects.filter(
            resource=OuterRef("pk"),
            action__in=[
                "knowledge.resource.submitted",
                "knowledge.resource.sent_back",
            ],
        ).order_by("-created_at")
        rows = list(
            Resource.objects.for_centre(centre)
            .filter(wanted)
            .annotate(waiting_since=Subquery(last_step.values("created_at")[:1]))
            .only("pk", "title", "status", "updated_at")
            .order_by("updated_at")
        )
    items = []
    for resource in rows:
        url = reverse(
            "manage:resources:detail",
            kwargs={"centre_slug": centre.slug, "pk": resource.pk},
        )
        if resource.status == Resource.Status.IN_REVIEW:
            reason = _("Waiting for your review")
        else:
            reason = _("Sent back to you: change it and submit it again")
        items.append(
            ActionItem(
                title=resource.title,
                url=url,
                reason=reason,
                severity=Severity.NORMAL,
                since=resource.waiting_since or resource.updated_at,
            )
        )
    return items
