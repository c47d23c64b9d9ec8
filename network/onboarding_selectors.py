"""Reads of the onboarding: the coordinator's board, a centre's checklist, the
abilities on it, and a centre's public status history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import Centre, Role

from .models import CentreOnboarding, CentreStatusChange, Milestone


def onboarding_abilities(*, centre: Centre, user) -> dict[str, bool]:
    """What `user` may do on `centre`'s checklist (the one source of these rules).

    - the coordinator: everything, including due dates;
    - the centre's managers: read, update status/note/evidence, comment;
    - the centre's editors: read and comment;
    - staff of the centre's buddy (Centre.buddy): read and comment;
    - anyone else: nothing (the pages answer 404).
    """
    role = centre.role_of(user)
    is_coordinator = bool(getattr(user, "acts_as_coordinator", False))
    buddy_role = centre.buddy.role_of(user) if centre.buddy_id else None
    read = role is not None or buddy_role is not None
    return {
        "retrieve": read,
        "comment": read,
        "update": is_coordinator or role == Role.MANAGER,
        "change_due": is_coordinator,
    }


@dataclass
class BoardRow:
    centre: Centre
    onboarding: CentreOnboarding
    done: int = 0
    applicable: int = 0
    overdue: int = 0
    total: int = 0
    next_due: Milestone | None = None
    milestones: list = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 0


def _row(onboarding: CentreOnboarding, milestones: list, today: date) -> BoardRow:
    row = BoardRow(centre=onboarding.centre, onboarding=onboarding)
    row.milestones = milestones
    row.total = len(milestones)
    for m in milestones:
        if m.status != Milestone.Status.NOT_APPLICABLE:
            row.applicable += 1
        if m.status == Milestone.Status.DONE:
            row.done += 1
        if m.is_overdue(today):
            row.overdue += 1
        if m.is_open and (row.next_due is None or m.due_on < row.next_due.due_on):
            row.next_due = m
    return row


@scopes_disabled()
def onboarding_board(*, today: date | None = None) -> list[BoardRow]:
    """Every centre in onboarding with its progress (done / applicable), its
    overdue count and its next open milestone, in two queries whatever the
    number of centres. Across centres on purpose: the coordinator's board."""
    today = today or timezone.localdate()
    onboardings = list(
        CentreOnboarding.objects.select_related("centre").order_by("centre__name")
    )
    by_centre: dict[int, list] = {o.centre_id: [] for o in onboardings}
    for m in Milestone.objects.filter(centre_id__in=by_centre).select_related(
        "definition"
    ):
        by_centre[m.centre_id].append(m)
    return [_row(o, by_centre[o.centre_id], today) for o in onboardings]


@scopes_disabled()
def onboarding_checklist(*, centre: Centre, today: date | None = None):
    """`centre`'s onboarding as a BoardRow (milestones in definition order, with
    their comments), or None when it is not in onboarding."""
    today = today or timezone.localdate()
    onboarding = CentreOnboarding.objects.filter(centre=centre).first()
    if onboarding is None:
        return None
    onboarding.centre = centre
    milestones = list(
        Milestone.objects.for_centre(centre)
        .select_related("definition", "updated_by")
        .prefetch_related("comments__author")
    )
    return _row(onboarding, milestones, today)


@scopes_disabled()
def milestone_get(*, centre: Centre, pk: int) -> Milestone | None:
    """One milestone of `centre` with its comments; None when it is another
    centre's (the view answers 404)."""
    return (
        Milestone.objects.for_centre(centre)
        .select_related("definition", "centre", "updated_by")
        .prefetch_related("comments__author")
        .filter(pk=pk)
        .first()
    )


@scopes_disabled()
def milestones_needing_action(*, centre: Centre, today: date | None = None, days=7):
    """Open milestones of `centre` that are overdue or due within `days` days,
    earliest first (for a manager's "needs your action" list)."""
    today = today or timezone.localdate()
    return list(
        Milestone.objects.for_centre(centre)
        .open()
        .filter(due_on__lte=today + timedelta(days=days))
        .select_related("definition", "centre")
        .order_by("due_on", "pk")
    )


def centre_status_history(*, centre: Centre) -> list[CentreStatusChange]:
    """The public history of a centre's status, oldest first."""
    return list(CentreStatusChange.objects.filter(centre=centre))


def centres_without_onboarding():
    """National centres that could be put in onboarding (not yet in it)."""
    return Centre.objects.of_kind(Centre.Kind.NATIONAL).filter(onboarding__isnull=True)
