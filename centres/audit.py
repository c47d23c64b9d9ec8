"""Links from activity-log entries to the objects they concern.

An entry keeps the object's name (`target`) and, while the object exists, its
content type and primary key. For one page of entries `audit_links` asks each
kind of object once (a constant number of queries, whatever the page size) and
links only what still exists and what the reader may open; everything else is
shown as plain text.

Each resolver takes the primary keys of one model, the reader and the reader's
roles {centre id: role} and returns {pk: url}. Apps register theirs in
AUDIT_TARGETS under the model's label (`knowledge.resource`).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_scopes import scopes_disabled

from .models import Centre, Membership, Role

Resolver = Callable[[list[int], object, dict[int, str]], dict[int, str]]


def reader_roles(user) -> dict[int, str]:
    """{centre id: role} where `user` may open the workspace (the coordinator:
    every centre, as a manager). One query."""
    centres = Centre.objects.workspaces_for(user)
    if getattr(user, "is_authenticated", False) and user.acts_as_coordinator:
        return dict.fromkeys(centres.values_list("pk", flat=True), Role.MANAGER)
    roles = user.centre_roles() if getattr(user, "is_authenticated", False) else {}
    allowed = set(centres.values_list("pk", flat=True))
    return {pk: role for pk, role in roles.items() if pk in allowed}


def _centres(ids, user, roles):
    out = {}
    for centre in Centre.objects.filter(pk__in=ids).only("pk", "slug", "is_active"):
        if roles.get(centre.pk) == Role.MANAGER:
            out[centre.pk] = reverse("manage:profile", args=[centre.slug])
        elif centre.is_active:
            out[centre.pk] = centre.get_absolute_url()
    return out


def _memberships(ids, user, roles):
    with scopes_disabled():  # filtered by the reader's own managed centres below
        rows = Membership.objects.filter(pk__in=ids).values_list(
            "pk", "centre_id", "centre__slug"
        )
        return {
            pk: reverse("manage:team", args=[slug])
            for pk, centre_id, slug in rows
            if roles.get(centre_id) == Role.MANAGER
        }


def _resources(ids, user, roles):
    from knowledge.models import Resource

    rows = Resource.objects.visible_to(user).filter(pk__in=ids).select_related("centre")
    return {
        r.pk: (
            reverse("manage:resources:detail", args=[r.centre.slug, r.pk])
            if r.centre_id in roles
            else r.get_absolute_url()
        )
        for r in rows
    }


def _events(ids, user, roles):
    from events.models import Event

    rows = Event.objects.visible_to(user).filter(pk__in=ids).select_related("centre")
    return {
        e.pk: (
            reverse("manage:events:detail", args=[e.centre.slug, e.pk])
            if e.centre_id in roles
            else e.get_absolute_url()
        )
        for e in rows
    }


def _sections(ids, user, roles):
    from newsletters.models import Section

    with scopes_disabled():  # only sections of the reader's own centres are linked
        rows = Section.objects.filter(pk__in=ids, centre__isnull=False).values_list(
            "pk", "centre_id", "centre__slug"
        )
        return {
            pk: reverse("manage:newsletter:edit", args=[slug, pk])
            for pk, centre_id, slug in rows
            if centre_id in roles
        }


AUDIT_TARGETS: dict[str, Resolver] = {
    "centres.centre": _centres,
    "centres.membership": _memberships,
    "knowledge.resource": _resources,
    "events.event": _events,
    "newsletters.section": _sections,
}


def audit_links(entries: Iterable, *, user) -> None:
    """Set `target_url` on each entry: a link, or "" where there is none.

    One query for the reader's roles and one per kind of object on the page.
    """
    entries = list(entries)
    wanted: dict[int, list[int]] = defaultdict(list)
    for entry in entries:
        entry.target_url = ""
        if entry.target_type_id and entry.target_id:
            wanted[entry.target_type_id].append(entry.target_id)
    if not wanted:
        return
    roles = reader_roles(user)
    urls: dict[tuple[int, int], str] = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        resolver = AUDIT_TARGETS.get(model._meta.label_lower) if model else None
        if resolver is None:
            continue
        for pk, url in resolver(ids, user, roles).items():
            urls[(type_id, pk)] = url
    for entry in entries:
        entry.target_url = urls.get((entry.target_type_id, entry.target_id), "")
