"""Writes of the onboarding of new centres: milestone definitions, a centre's
start, its milestones and their comments. Each write leaves an audit entry.

Callers check the permission (network.onboarding_permissions); these functions
validate the data and change nothing when it is refused (ValidationError).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from accounts.models import User
from centres.models import Centre
from centres.services import audit_log

from .models import (
    CentreOnboarding,
    Milestone,
    MilestoneComment,
    MilestoneDefinition,
    MilestoneReminder,
)

DEFINITION_FIELDS = ["title", "description", "due_offset_days", "evidence_expected"]
MILESTONE_FIELDS = ["status", "note", "evidence_url"]


def _network_audit(action: str, *, by: User | None, target: str, **data) -> None:
    """Definitions belong to the network: their trail is the coordinating centre's."""
    centre = Centre.objects.filter(is_coordinating=True).order_by("pk").first()
    if centre is not None:
        audit_log(centre=centre, action=action, by=by, target=target, **data)


# --- Definitions (the coordinator) -----------------------------------------


@transaction.atomic
def milestone_definition_create(*, by: User, data: dict) -> MilestoneDefinition:
    """Add a definition at the end of the list. Caller is the coordinator.
    Centres already in onboarding get it when their onboarding is started again
    (centre_onboarding_start is idempotent and adds what is missing)."""
    last = MilestoneDefinition.objects.aggregate(m=Max("order"))["m"] or 0
    definition = MilestoneDefinition(
        order=last + 10, **{f: data[f] for f in DEFINITION_FIELDS if f in data}
    )
    definition.full_clean()
    definition.save()
    _network_audit(
        "network.milestone_definition.created", by=by, target=definition.title
    )
    return definition


@transaction.atomic
def milestone_definition_update(
    *, definition: MilestoneDefinition, by: User, data: dict
) -> MilestoneDefinition:
    """Change a definition's wording, offset or evidence rule. Caller is the
    coordinator. Due dates of existing milestones stay as they are (they may
    have been agreed with the centre)."""
    changed = [
        f for f in DEFINITION_FIELDS if f in data and getattr(definition, f) != data[f]
    ]
    if not changed:
        return definition
    for field in changed:
        setattr(definition, field, data[field])
    definition.full_clean()
    definition.save(update_fields=[*changed, "updated_at"])
    _network_audit(
        "network.milestone_definition.updated",
        by=by,
        target=definition.title,
        fields=changed,
    )
    return definition


@transaction.atomic
def milestone_definition_move(
    *, definition: MilestoneDefinition, direction: str, by: User
) -> None:
    """Swap a definition with its neighbour above ("up") or below ("down") among
    the active ones; at either end nothing changes. Caller is the coordinator."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose up or down."))
    items = list(MilestoneDefinition.objects.active().select_for_update())
    ids = [d.pk for d in items]
    if definition.pk not in ids:
        raise ValidationError(_("A retired milestone has no place in the order."))
    i = ids.index(definition.pk)
    j = i - 1 if direction == "up" else i + 1
    if j < 0 or j >= len(items):
        return
    items[i], items[j] = items[j], items[i]
    for position, item in enumerate(items, start=1):
        if item.order != position * 10:
            MilestoneDefinition.objects.filter(pk=item.pk).update(order=position * 10)
    _network_audit(
        "network.milestone_definition.moved",
        by=by,
        target=definition.title,
        direction=direction,
    )


@transaction.atomic
def milestone_definition_retire(
    *, definition: MilestoneDefinition, by: User, retire: bool = True
) -> MilestoneDefinition:
    """Retire a definition (centres starting later do not get it; existing
    milestones stay) or bring it back. Caller is the coordinator."""
    if retire == definition.is_retired:
        return definition
    definition.retired_at = timezone.now() if retire else None
    definition.save(update_fields=["retired_at", "updated_at"])
    _network_audit(
        "network.milestone_definition.retired"
        if retire
        else "network.milestone_definition.restored",
        by=by,
        target=definition.title,
    )
    return definition


# --- A centre's onboarding -------------------------------------------------


@transaction.atomic
def centre_onboarding_start(
    *, centre: Centre, start: date, by: User | None
) -> CentreOnboarding:
    """Put `centre` in onboarding from `start` and give it one milestone per
    active definition, due `due_offset_days` after the start. Caller is the
    coordinator.

    Idempotent: a centre already in onboarding keeps its start date and its
    milestones (with their progress); only milestones of definitions added since
    are created, due from the original start.
    """
    if centre.kind != Centre.Kind.NATIONAL:
        raise ValidationError(_("Only national competence centres are onboarded."))
    onboarding, created = CentreOnboarding.objects.select_for_update().get_or_create(
        centre=centre, defaults={"started_on": start, "started_by": by}
    )
    with scope(centre=centre):
        have = set(
            Milestone.objects.for_centre(centre).values_list("definition_id", flat=True)
        )
        new = [
            Milestone(
                centre=centre,
                definition=definition,
                due_on=onboarding.started_on
                + timedelta(days=definition.due_offset_days),
            )
            for definition in MilestoneDefinition.objects.active()
            if definition.pk not in have
        ]
        Milestone.objects.bulk_create(new, ignore_conflicts=True)
    if created or new:
        audit_log(
            centre=centre,
            action="network.onboarding.started",
            by=by,
            target=centre.name,
            start=onboarding.started_on.isoformat(),
            milestones=len(new),
        )
    return onboarding


@transaction.atomic
def milestone_update(*, milestone: Milestone, by: User, data: dict) -> Milestone:
    """Change a milestone's status, note or evidence link. Caller has checked the
    `update` ability (the centre's managers, the coordinator).

    Marking it done records when; leaving "done" clears that. A definition that
    expects evidence refuses "done" without an evidence link. A bad link (not
    http/https) raises ValidationError and nothing is saved.
    """
    with scope(centre=milestone.centre):
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        changed = [
            f
            for f in MILESTONE_FIELDS
            if f in data and getattr(milestone, f) != data[f]
        ]
        if not changed:
            return milestone
        for field in changed:
            setattr(milestone, field, data[field])
        if (
            milestone.status == Milestone.Status.DONE
            and milestone.definition.evidence_expected
            and not milestone.evidence_url
        ):
            raise ValidationError(
                {
                    "evidence_url": _(
                        "This milestone expects evidence: add a link to it "
                        "before marking it done."
                    )
                }
            )
        if "status" in changed:
            done = milestone.status == Milestone.Status.DONE
            milestone.completed_at = timezone.now() if done else None
            changed.append("completed_at")
        milestone.updated_by = by
        milestone.full_clean()
        milestone.save(update_fields=[*changed, "updated_by", "updated_at"])
    audit_log(
        centre=milestone.centre,
        action="network.milestone.updated",
        by=by,
        target=milestone.definition.title,
        fields=changed,
        status=milestone.status,
    )
    return milestone


@transaction.atomic
def milestone_due_change(*, milestone: Milestone, due_on: date, by: User) -> Milestone:
    """Move a milestone's due date. Caller is the coordinator. The reminders of
    the old date are forgotten, so the new date gets its own."""
    if milestone.due_on == due_on:
        return milestone
    old = milestone.due_on
    with scope(centre=milestone.centre):
        milestone.due_on = due_on
        milestone.updated_by = by
        milestone.save(update_fields=["due_on", "updated_by", "updated_at"])
        MilestoneReminder.objects.filter(milestone=milestone).delete()
    audit_log(
        centre=milestone.centre,
        action="network.milestone.due_changed",
        by=by,
        target=milestone.definition.title,
        old=old.isoformat(),
        new=due_on.isoformat(),
    )
    return milestone


@transaction.atomic
def milestone_comment_add(
    *, milestone: Milestone, by: User, text: str
) -> MilestoneComment:
    """Add a plain-text comment. Caller has checked the `comment` ability (the
    centre's staff, its buddy's staff, the coordinator)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment first.")})
    comment = MilestoneComment(milestone=milestone, author=by, text=text)
    comment.full_clean()
    with scope(centre=milestone.centre):
        comment.save()
    audit_log(
        centre=milestone.centre,
        action="network.milestone.commented",
        by=by,
        target=milestone.definition.title,
    )
    return comment
