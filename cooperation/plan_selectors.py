"""Reads of buyers' plans: the filtered list, similar plans of other buyers,
the centres a plan's country is routed to, and a centre's view of its buyers."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django_countries import countries

from advice import selectors as advice_selectors
from centres.models import Centre
from p2i_portal.vocab import Sector

from . import cpv
from .models import JointInitiative, PlanInterest, ProcurementPlan

SIMILAR_LIMIT = 10


@dataclass
class PlanFilters:
    """The list's filters, read from the query string; unknown values are ignored."""

    sector: str = ""
    country: str = ""
    division: str = ""
    joint: str = ""  # "yes" or ""

    @classmethod
    def from_query(cls, query) -> "PlanFilters":
        sector = query.get("sector", "")
        country = query.get("country", "").upper()
        division = query.get("division", "")
        joint = query.get("joint", "")
        return cls(
            sector=sector if sector in Sector.values else "",
            country=country if country in dict(countries) else "",
            division=division if division in cpv.division_codes() else "",
            joint="yes" if joint == "yes" else "",
        )

    def active(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


def plan_list(*, user, filters: PlanFilters):
    """Open plans the person may see (anonymous: public ones), newest first."""
    qs = ProcurementPlan.objects.visible_to(user).open()
    if filters.sector:
        qs = qs.filter(sector=filters.sector)
    if filters.country:
        qs = qs.filter(country=filters.country)
    if filters.division:
        qs = qs.filter(cpv_divisions__contains=[filters.division])
    if filters.joint:
        qs = qs.filter(joint_procurement=True)
    return qs.select_related("owner").order_by("-created_at", "-pk")


def plan_get_visible(*, user, pk: int) -> ProcurementPlan | None:
    return (
        ProcurementPlan.objects.visible_to(user)
        .select_related("owner")
        .filter(pk=pk)
        .first()
    )


def similar_plans(plan: ProcurementPlan, *, user, limit: int = SIMILAR_LIMIT):
    """Other buyers' open plans that the person may see, whose timing overlaps
    and that share a CPV group, a CPV division or the sector of `plan`: plans
    from other countries first, then the same group before the same division
    before the same sector, then the nearest start. One query.

    Each plan carries `closeness` (0 group, 1 division, 2 sector) and `abroad`.
    """
    same_group = Q(cpv_groups__overlap=plan.cpv_groups)
    same_division = Q(cpv_divisions__overlap=plan.cpv_divisions)
    same_sector = Q(sector=plan.sector)
    return list(
        ProcurementPlan.objects.visible_to(user)
        .open()
        .exclude(owner_id=plan.owner_id)
        .overlapping(plan.start_month, plan.end_month)
        .filter(same_group | same_division | same_sector)
        .annotate(
            closeness=Case(
                When(same_group, then=Value(0)),
                When(same_division, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            home=Case(
                When(country=plan.country, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .select_related("owner")
        .order_by("home", "closeness", "start_month", "-created_at", "-pk")[:limit]
    )


def plan_interests(plan: ProcurementPlan) -> list[PlanInterest]:
    """The interests in her plan, newest first (for its owner's eyes only)."""
    return list(plan.interests.select_related("user").order_by("-created_at", "-pk"))


def cpv_rows(plan: ProcurementPlan) -> list[dict]:
    """Each code of the plan with the label of its group (data files, no query)."""
    return [
        {"code": code, "group": code[:3], "label": cpv.group_label(code[:3])}
        for code in plan.cpv_codes
    ]


def centre_routes() -> dict[str, Centre]:
    """country code → the centre that answers for it, as the advice service
    routes questions (a full national centre before an associate one). One query."""
    return {
        str(row["country"]): row["centre"] for row in advice_selectors.routing_table()
    }


def centres_for_countries(codes) -> list[Centre | None]:
    """The distinct centres of these countries; None stands for the network's
    coordinator, who answers for a country without a centre."""
    routes = centre_routes()
    found: dict = {}
    for code in codes:
        centre = routes.get(str(code))
        found.setdefault(centre.pk if centre else None, centre)
    return list(found.values())


def initiative_visible(*, user, pk: int) -> JointInitiative | None:
    return (
        JointInitiative.objects.visible_to(user)
        .select_related("centre")
        .prefetch_related(
            Prefetch(
                "plans", queryset=ProcurementPlan.objects.order_by("country", "pk")
            )
        )
        .filter(pk=pk)
        .first()
    )


def initiative_centres(initiative: JointInitiative) -> list[Centre]:
    """The facilitating centre, then the centres of the buyers' countries."""
    routes = centre_routes()
    found = {initiative.centre_id: initiative.centre}
    for plan in initiative.plans.all():
        centre = routes.get(str(plan.country))
        if centre is not None:
            found.setdefault(centre.pk, centre)
    return list(found.values())


def workspace_plans(centre: Centre):
    """The plans of the buyers of the centre's country (withdrawn ones aside)."""
    if not centre.country:
        return ProcurementPlan.objects.none()
    return (
        ProcurementPlan.objects.exclude(status=ProcurementPlan.Status.WITHDRAWN)
        .of_country(centre.country)
        .select_related("owner")
        .order_by("status", "-created_at", "-pk")
    )


def workspace_interests(centre: Centre):
    """Interests that involve the centre's buyers: on their plans or from them."""
    if not centre.country:
        return PlanInterest.objects.none()
    return (
        PlanInterest.objects.filter(
            Q(plan__country=centre.country) | Q(country=centre.country)
        )
        .exclude(plan__status=ProcurementPlan.Status.WITHDRAWN)
        .select_related("plan", "user")
        .order_by("-created_at", "-pk")
    )


def initiative_candidates(centre: Centre):
    """Open plans whose buyers are open to joint procurement, those of the
    centre's country first."""
    return (
        ProcurementPlan.objects.open()
        .filter(joint_procurement=True)
        .annotate(
            home=Case(
                When(country=centre.country or "--", then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .select_related("owner")
        .order_by("home", "country", "-created_at", "-pk")
    )


SUGGESTION_LIMIT = 200


@dataclass
class Suggestion:
    """Plans a centre may add to an initiative, grouped by why they fit."""

    reason: str  # "interest", "group" or "other"
    plans: list


def initiative_suggestions(initiative: JointInitiative) -> list[Suggestion]:
    """The candidates (initiative_candidates) not yet in `initiative`, in three
    groups: plans with an expression of interest between their buyer and a
    buyer of the initiative (either way), then plans sharing a CPV group with
    one of its plans, then the others. One query for the plans in it, one for
    the suggestions (at most SUGGESTION_LIMIT)."""
    plans = list(initiative.plans.all())
    ids = [p.pk for p in plans]
    owners = {p.owner_id for p in plans}
    groups = sorted({g for p in plans for g in p.cpv_groups})
    interest = Exists(
        PlanInterest.objects.filter(plan=OuterRef("pk"), user_id__in=owners)
    ) | Exists(PlanInterest.objects.filter(user=OuterRef("owner"), plan_id__in=ids))
    rows = (
        initiative_candidates(initiative.centre)
        .exclude(pk__in=ids)
        .annotate(
            reason=Case(
                When(interest, then=Value(0)),
                When(cpv_groups__overlap=groups, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("reason", "home", "country", "-created_at", "-pk")[:SUGGESTION_LIMIT]
    )
    found: dict[int, list] = {0: [], 1: [], 2: []}
    for plan in rows:
        found[plan.reason].append(plan)
    names = {0: "interest", 1: "group", 2: "other"}
    return [Suggestion(names[k], v) for k, v in found.items() if v]


def plan_for_initiative(*, user, pk) -> ProcurementPlan | None:
    """The plan numbered `pk` as a centre's staff may name it for an
    initiative: one they may see, or a withdrawn one, which
    plan_services.initiative_plan_add refuses with its own message."""
    return (
        (
            ProcurementPlan.objects.visible_to(user)
            | ProcurementPlan.objects.filter(status=ProcurementPlan.Status.WITHDRAWN)
        )
        .filter(pk=pk)
        .select_related("owner")
        .first()
    )


def initiative_audit_links(ids, user, roles) -> dict[int, str]:
    """Activity-log links to initiatives (centres.audit.AUDIT_TARGETS): the
    workspace page for staff of the facilitating centre, else the public page
    where the reader may see it. One query."""
    from django.urls import reverse

    rows = (
        JointInitiative.objects.visible_to(user)
        .filter(pk__in=ids)
        .select_related("centre")
        .distinct()
    )
    return {
        i.pk: (
            reverse("manage:plans:initiative", args=[i.centre.slug, i.pk])
            if i.centre_id in roles
            else i.get_absolute_url()
        )
        for i in rows
    }
