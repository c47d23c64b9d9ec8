"""Writes of buyers' plans, interests in them and joint-procurement initiatives.

Plans are network-shared: a buyer changes only her own (the caller reached the
plan through `ProcurementPlan.objects.editable_by(user)`; these services check
the owner again). Initiatives belong to the centre that facilitates them; each
change is an entry in that centre's activity log, and an interest is one in the
logs of the centres it notifies.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from centres.models import Centre
from centres.services import audit_log

from . import cpv, plan_emails, plan_selectors
from .models import JointInitiative, PlanInterest, ProcurementPlan

PLAN_FIELDS = [
    "organisation", "title", "description", "sector", "country", "budget_range",
    "joint_procurement", "visibility",
]  # fmt: skip
INITIATIVE_FIELDS = ["title", "description", "next_steps", "status"]
MIN_PLANS = 2


def _apply(plan: ProcurementPlan, data: dict) -> None:
    for field in PLAN_FIELDS:
        if field in data:
            value = data[field]
            setattr(plan, field, value.strip() if isinstance(value, str) else value)
    if "cpv_codes" in data:
        try:
            codes = cpv.parse_codes(data["cpv_codes"])
        except ValidationError as exc:
            raise ValidationError({"cpv_codes": exc.messages}) from exc
        plan.cpv_codes = codes
        plan.cpv_groups = cpv.groups_of(codes)
        plan.cpv_divisions = cpv.divisions_of(codes)
    for field in ("start_month", "end_month"):
        if isinstance(data.get(field), date):
            setattr(plan, field, data[field].replace(day=1))
    if plan.start_month and plan.end_month and plan.end_month < plan.start_month:
        raise ValidationError(
            {"end_month": _("The procurement cannot end before it starts.")}
        )


@transaction.atomic
def plan_create(*, owner: User, data: dict) -> ProcurementPlan:
    """Post a plan of `owner` (signed in). Every wrong CPV code and any other bad
    input raises ValidationError per field; nothing is stored then."""
    plan = ProcurementPlan(owner=owner)
    _apply(plan, data)
    plan.full_clean()
    plan.save()
    return plan


def _own(plan: ProcurementPlan, by: User) -> ProcurementPlan:
    plan = ProcurementPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.owner_id != by.pk:  # the views never get here: editable_by() is 404
        raise ValidationError(_("Only the buyer who posted a plan can change it."))
    return plan


@transaction.atomic
def plan_update(*, plan: ProcurementPlan, by: User, data: dict) -> ProcurementPlan:
    """Change her own open plan; a closed or withdrawn one stays as it is."""
    plan = _own(plan, by)
    if not plan.is_open:
        raise ValidationError(_("Only an open plan can be edited."))
    _apply(plan, data)
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_close(*, plan: ProcurementPlan, by: User) -> ProcurementPlan:
    """She bought it or gave up: the plan stays readable but leaves the lists
    and the matches. Only an open plan can be closed."""
    plan = _own(plan, by)
    if not plan.is_open:
        raise ValidationError(_("Only an open plan can be closed."))
    plan.status = ProcurementPlan.Status.CLOSED
    plan.closed_at = timezone.now()
    plan.save(update_fields=["status", "closed_at", "updated_at"])
    return plan


@transaction.atomic
def plan_withdraw(*, plan: ProcurementPlan, by: User) -> ProcurementPlan:
    """She takes the plan back: nobody but her sees it any more. Safe to repeat."""
    plan = _own(plan, by)
    if plan.status == ProcurementPlan.Status.WITHDRAWN:
        return plan
    plan.status = ProcurementPlan.Status.WITHDRAWN
    plan.closed_at = plan.closed_at or timezone.now()
    plan.save(update_fields=["status", "closed_at", "updated_at"])
    return plan


@transaction.atomic
def interest_express(
    *,
    plan: ProcurementPlan,
    user: User,
    message: str,
    organisation: str,
    country: str,
) -> PlanInterest:
    """`user` tells the plan's buyer she is interested in buying with her.

    The caller checked that `user` may see the plan. Refuses (nothing changed)
    her own plan, a plan that is not open, an empty message and a second
    interest of the same person in the same plan. Notifies the buyer and the
    centres of both countries (plan_selectors.centre_for_country) by e-mail,
    and records the interest in those centres' activity logs.
    """
    plan = ProcurementPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.owner_id == user.pk:
        raise ValidationError(_("This is your own plan."))
    if not plan.is_open:
        raise ValidationError(_("This plan is no longer open."))
    if PlanInterest.objects.filter(plan=plan, user=user).exists():
        raise ValidationError(
            _(
                "You already expressed interest in this plan; its buyer has your message."
            )
        )
    interest = PlanInterest(
        plan=plan,
        user=user,
        message=(message or "").strip(),
        organisation=(organisation or "").strip(),
        country=country,
    )
    if not interest.message:
        raise ValidationError({"message": _("Write a short message to the buyer.")})
    interest.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            interest.save()
    except IntegrityError as exc:  # a second click that raced the first
        raise ValidationError(
            _(
                "You already expressed interest in this plan; its buyer has your message."
            )
        ) from exc
    centres = plan_selectors.centres_for_countries(
        [str(plan.country), str(interest.country)]
    )
    for centre in centres:
        if centre is not None:
            audit_log(
                centre=centre,
                action="cooperation.interest.expressed",
                by=user,
                target=plan.title,
                plan=plan.pk,
                interest=interest.pk,
            )
    plan_emails.interest_mails(interest, centres)
    return interest


def _clean_plans(centre: Centre, plans) -> list[ProcurementPlan]:
    plans = list({p.pk: p for p in plans}.values())
    if len(plans) < MIN_PLANS:
        raise ValidationError(
            {"plans": _("Choose at least two plans of different buyers.")}
        )
    if len({p.owner_id for p in plans}) < MIN_PLANS:
        raise ValidationError(
            {"plans": _("Choose at least two plans of different buyers.")}
        )
    for plan in plans:
        if not plan.joinable:
            raise ValidationError(
                {
                    "plans": _(
                        "“%(title)s” is not an open plan whose buyer is open to "
                        "joint procurement."
                    )
                    % {"title": plan.title}
                }
            )
    if not any(str(p.country) == str(centre.country) for p in plans):
        raise ValidationError(
            {
                "plans": _(
                    "At least one of the plans must be from your centre's country."
                )
            }
        )
    return plans


@transaction.atomic
def initiative_create(
    *, centre: Centre, by: User, data: dict, plans
) -> JointInitiative:
    """A joint-procurement initiative that `centre` facilitates between two or
    more open plans of different buyers, one at least from its country. The
    caller checked a staff role in `centre`. The buyers are told by e-mail."""
    plans = _clean_plans(centre, plans)
    initiative = JointInitiative(centre=centre, created_by=by)
    for field in INITIATIVE_FIELDS:
        if field in data:
            value = data[field]
            setattr(
                initiative, field, value.strip() if isinstance(value, str) else value
            )
    initiative.full_clean()
    initiative.save()
    initiative.plans.set(plans)
    audit_log(
        centre=centre,
        action="cooperation.initiative.created",
        by=by,
        target=initiative.title,
        obj=initiative,
        plans=sorted(p.pk for p in plans),
    )
    plan_emails.initiative_mails(initiative, plans)
    return initiative


@transaction.atomic
def initiative_update(
    *, initiative: JointInitiative, by: User, data: dict
) -> JointInitiative:
    """Change the title, description, next steps or status of an initiative of
    the caller's centre (reached through JointInitiative.objects.for_centre)."""
    initiative = JointInitiative.objects.select_for_update().get(pk=initiative.pk)
    changed = []
    for field in INITIATIVE_FIELDS:
        if field in data:
            value = data[field]
            value = value.strip() if isinstance(value, str) else value
            if getattr(initiative, field) != value:
                setattr(initiative, field, value)
                changed.append(field)
    if not changed:
        return initiative
    initiative.full_clean()
    initiative.save(update_fields=[*changed, "updated_at"])
    audit_log(
        centre=initiative.centre,
        action="cooperation.initiative.updated",
        by=by,
        target=initiative.title,
        obj=initiative,
        fields=changed,
    )
    return initiative


@transaction.atomic
def initiative_plan_add(
    *, initiative: JointInitiative, plan: ProcurementPlan, by: User
) -> JointInitiative:
    """Add one more plan to an initiative of the caller's centre (reached
    through JointInitiative.objects.for_centre; the plan through
    plan_selectors.plan_for_initiative, so one the caller may see).

    Refuses, with nothing changed, a plan already in it, a withdrawn plan and
    one that is not open or whose buyer is not open to joint procurement (the
    rule an initiative starts with). The plan's buyer is told by e-mail and the
    change is in the centre's activity log.
    """
    initiative = JointInitiative.objects.select_for_update().get(pk=initiative.pk)
    plan = (
        ProcurementPlan.objects.select_for_update(of=("self",))
        .select_related("owner")
        .get(pk=plan.pk)
    )
    if initiative.plans.filter(pk=plan.pk).exists():
        raise ValidationError(
            _("“%(title)s” is already part of this initiative.") % {"title": plan.title}
        )
    if plan.status == ProcurementPlan.Status.WITHDRAWN:
        raise ValidationError(
            _("Plan no. %(number)s was withdrawn by its buyer; it cannot be added.")
            % {"number": plan.pk}
        )
    if not plan.joinable:
        raise ValidationError(
            _(
                "“%(title)s” is not an open plan whose buyer is open to "
                "joint procurement."
            )
            % {"title": plan.title}
        )
    initiative.plans.add(plan)
    initiative.save(update_fields=["updated_at"])
    entry = audit_log(
        centre=initiative.centre,
        action="cooperation.initiative.plan_added",
        by=by,
        target=initiative.title,
        obj=initiative,
        plan=plan.pk,
        plan_title=plan.title,
    )
    plan_emails.initiative_plan_added_mail(initiative, plan, event=entry.pk)
    return initiative


@transaction.atomic
def initiative_plan_remove(
    *, initiative: JointInitiative, plan: ProcurementPlan, by: User
) -> JointInitiative:
    """Take one plan out of an initiative of the caller's centre (reached
    through JointInitiative.objects.for_centre).

    An initiative keeps at least two plans of different buyers: a removal that
    would leave fewer is refused and nothing changes, as is a plan that is not
    in it. The plan's buyer is told by e-mail and the change is in the
    centre's activity log.
    """
    initiative = JointInitiative.objects.select_for_update().get(pk=initiative.pk)
    # The initiative's lock serialises every change of its plans.
    plans = list(initiative.plans.select_related("owner"))
    removed = next((p for p in plans if p.pk == plan.pk), None)
    if removed is None:
        raise ValidationError(
            _("“%(title)s” is not part of this initiative.") % {"title": plan.title}
        )
    remaining = [p for p in plans if p.pk != removed.pk]
    if len(remaining) < MIN_PLANS or len({p.owner_id for p in remaining}) < MIN_PLANS:
        raise ValidationError(
            _(
                "An initiative keeps at least two plans of different buyers: add "
                "another plan before you remove “%(title)s”."
            )
            % {"title": removed.title}
        )
    initiative.plans.remove(removed)
    initiative.save(update_fields=["updated_at"])
    entry = audit_log(
        centre=initiative.centre,
        action="cooperation.initiative.plan_removed",
        by=by,
        target=initiative.title,
        obj=initiative,
        plan=removed.pk,
        plan_title=removed.title,
    )
    plan_emails.initiative_plan_removed_mail(initiative, removed, event=entry.pk)
    return initiative
