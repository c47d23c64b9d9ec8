"""The history of each centre's status (new → existing, associate…).

Whatever changes Centre.status records it here: the service below, the Django
admin, the profile form, a seed or a shell all end in `Centre.save()`, whose
pre_save/post_save receivers compare the stored status with the new one; a bulk
`Centre.objects.update(status=…)` calls `record_bulk_status_update`. Who made
the change comes from `status_changed_by()` (the service and the admin set it);
without it the row has no author.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone

from centres.models import Centre

_actor: ContextVar = ContextVar("status_change_actor", default=None)
_on: ContextVar = ContextVar("status_change_on", default=None)


@contextmanager
def status_changed_by(user, on=None) -> Iterator[None]:
    """Status changes saved inside this block are recorded as made by `user`
    (on the day `on`, default today)."""
    token_actor, token_on = _actor.set(user), _on.set(on)
    try:
        yield
    finally:
        _actor.reset(token_actor)
        _on.reset(token_on)


def _record(centre_id: int, old: str, new: str) -> None:
    from .models import CentreStatusChange

    actor = _actor.get()
    CentreStatusChange.objects.create(
        centre_id=centre_id,
        old_status=old or "",
        new_status=new,
        changed_on=_on.get() or timezone.localdate(),
        changed_by=actor if getattr(actor, "pk", None) else None,
    )


def remember_old_status(sender, instance: Centre, raw=False, **kwargs) -> None:
    """pre_save: note the stored status, so post_save can tell a change."""
    if raw:
        return
    instance._status_before = (
        Centre.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        if instance.pk
        else None
    )


def record_status_change(sender, instance: Centre, created, raw=False, **kwargs):
    """post_save: one row when the status differs from the stored one (and one
    for the first status of a new centre)."""
    if raw:
        return
    before = getattr(instance, "_status_before", None)
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "status" not in update_fields and not created:
        return
    if created or (before is not None and before != instance.status):
        _record(instance.pk, "" if created else before, instance.status)
    instance._status_before = instance.status


def record_bulk_status_update(queryset, status: str) -> None:
    """Called by CentreQuerySet.update(status=…) before it writes: a row for
    every centre whose status is about to change."""
    rows = list(queryset.exclude(status=status).values_list("pk", "status"))
    for pk, old in rows:
        _record(pk, old, status)


@transaction.atomic
def centre_status_change(*, centre: Centre, status: str, by, on=None) -> Centre:
    """Change a centre's status (the coordinator's decision; the caller checked
    that she is the coordinator). Records the history row and an audit entry;
    the same status again changes nothing."""
    from centres.services import audit_log

    status = Centre.Status(status)
    if centre.status == status:
        return centre
    old = centre.status
    centre.status = status
    centre.full_clean()
    with status_changed_by(by, on=on):
        centre.save(update_fields=["status", "updated_at"])
    audit_log(
        centre=centre,
        action="centres.centre.status_changed",
        by=by,
        target=centre.name,
        old=old,
        new=status,
    )
    return centre
