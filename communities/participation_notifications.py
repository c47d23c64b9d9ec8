"""The project's applications in the workspace home's "needs your action"
list (accounts.notifications): every confirmed application that waits for a
decision, new or answered."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.notifications import ActionItem, Severity
from centres.models import Centre

from .models import TaskForceApplication


def application_action_items(user, centre) -> list[ActionItem]:
    """Applications waiting for `centre`'s decision (any of its staff may
    decide). One query for a project, none for a national centre."""
    if centre.kind != Centre.Kind.PROJECT:
        return []
    rows = (
        TaskForceApplication.objects.for_project(centre)
        .filter(status=TaskForceApplication.Status.NEW)
        .only("pk", "organisation", "updated_at")
        .order_by("updated_at")
    )
    return [
        ActionItem(
            title=application.organisation,
            url=reverse(
                "manage:applications:detail",
                kwargs={"centre_slug": centre.slug, "pk": application.pk},
            ),
            reason=_("Task-force application waiting for your decision"),
            severity=Severity.NORMAL,
            since=application.updated_at,
        )
        for application in rows
    ]


def application_audit_links(ids, user, roles) -> dict[int, str]:
    """Activity-log links (centres.audit) to applications: to the application
    in a workspace of one of its projects where the reader has a role. One
    query."""
    through = TaskForceApplication.projects.through
    rows = (
        through.objects.filter(
            taskforceapplication_id__in=ids,
            centre_id__in=list(roles),
            taskforceapplication__confirmed_at__isnull=False,
        )
        .order_by("centre__slug")
        .values_list("taskforceapplication_id", "centre__slug")
    )
    urls: dict[int, str] = {}
    for pk, slug in rows:
        urls.setdefault(
            pk,
            reverse(
                "manage:applications:detail", kwargs={"centre_slug": slug, "pk": pk}
            ),
        )
    return urls
