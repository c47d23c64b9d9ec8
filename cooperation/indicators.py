"""Cross-border cooperation's key figures for the network console
(network/indicators.py).

- A challenge (open market consultation) counts for its centre in the bucket of
  its publication; drafts and challenges under review do not count.
- A supplier's answer counts for the challenge's centre when it arrived (its
  creation: later edits change nothing).
- A joint-procurement initiative counts for the centre that facilitates it when
  it was started, whatever became of it since.
- A plan belongs to no centre of its own: it counts for the centre that answers
  for the plan's country, as the advice desk routes questions and as an
  expression of interest notifies the centres of both countries
  (plan_selectors.centre_routes), so that no plan counts twice. A plan of a
  country without a centre counts for none; a withdrawn plan (its buyer took it
  back, nobody else sees it) does not count.
- An expression of interest joins the buyers of two countries and both their
  centres hear of it: counting it for one would be arbitrary, for both would
  count it twice in the network's total, so it is a figure of the whole network.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from network.indicators import (
    Indicator,
    Values,
    as_bucket,
    counts_per_centre,
    period_bounds,
    register,
    rows_to_values,
    trunc,
)

TOPIC = _("Cooperation")


def challenges_published(*, period, centre_ids) -> Values:
    """Published challenges per centre and bucket of their publication."""
    from .models import Challenge

    return counts_per_centre(
        Challenge.objects.published(),
        centre="centre_id",
        moment="published_at",
        period=period,
        centre_ids=centre_ids,
    )


def answers_received(*, period, centre_ids) -> Values:
    """Suppliers' answers per challenge's centre and bucket of their arrival."""
    from .models import ChallengeAnswer

    # Across centres on purpose: the filter on the given centres is explicit.
    with scopes_disabled():
        return counts_per_centre(
            ChallengeAnswer.objects.all(),
            centre="challenge__centre_id",
            moment="created_at",
            period=period,
            centre_ids=centre_ids,
        )


def initiatives_started(*, period, centre_ids) -> Values:
    """Joint-procurement initiatives per facilitating centre and bucket of
    their start."""
    from .models import JointInitiative

    return counts_per_centre(
        JointInitiative.objects.all(),
        centre="centre_id",
        moment="created_at",
        period=period,
        centre_ids=centre_ids,
    )


def plans_posted(*, period, centre_ids) -> Values:
    """Plans posted (withdrawn ones aside) per centre that answers for the
    plan's country and bucket of posting: the routing (one query over the
    centres), then one grouped query over the plans of those countries."""
    from .models import ProcurementPlan
    from .plan_selectors import centre_routes

    wanted = set(centre_ids)
    routes = {
        code: centre.pk
        for code, centre in centre_routes().items()
        if centre.pk in wanted
    }
    if not routes:
        return {}
    start, end = period_bounds(period)
    rows = (
        ProcurementPlan.objects.exclude(status=ProcurementPlan.Status.WITHDRAWN)
        .filter(country__in=list(routes), created_at__gte=start, created_at__lt=end)
        .annotate(bucket=trunc("created_at", period.granularity))
        .values("country", "bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    values: Values = {}
    for row in rows:
        key = (routes[str(row["country"])], as_bucket(row["bucket"]))
        values[key] = values.get(key, 0) + row["n"]
    return values


def interests_expressed(*, period, centre_ids) -> Values:
    """Expressions of interest in plans, for the whole network, per bucket."""
    from .models import PlanInterest

    start, end = period_bounds(period)
    rows = (
        PlanInterest.objects.filter(created_at__gte=start, created_at__lt=end)
        .annotate(bucket=trunc("created_at", period.granularity))
        .values("bucket")
        .annotate(n=Count("id"))
        .order_by()
    )
    return rows_to_values(rows, centre=None)


def register_indicators():
    """Called once from CooperationConfig.ready()."""
    for indicator in (
        Indicator(
            key="cooperation.challenges_published",
            label=_("Challenges published"),
            topic=TOPIC,
            compute=challenges_published,
            unit=_("challenges"),
            order=80,
            help_text=_(
                "Open market consultations published during the period, for the "
                "centre that published them."
            ),
        ),
        Indicator(
            key="cooperation.answers_received",
            label=_("Supplier answers received"),
            topic=TOPIC,
            compute=answers_received,
            unit=_("answers"),
            order=81,
            help_text=_(
                "Suppliers' answers received during the period, for the centre of "
                "the open market consultation."
            ),
        ),
        Indicator(
            key="cooperation.initiatives_started",
            label=_("Joint-procurement initiatives started"),
            topic=TOPIC,
            compute=initiatives_started,
            unit=_("initiatives"),
            order=82,
            help_text=_(
                "Joint-procurement initiatives started during the period, for the "
                "facilitating centre, whatever became of them since."
            ),
        ),
        Indicator(
            key="cooperation.plans_posted",
            label=_("Procurement plans posted"),
            topic=TOPIC,
            compute=plans_posted,
            unit=_("plans"),
            order=83,
            help_text=_(
                "Buyers' plans posted during the period, for the centre that "
                "answers for the plan's country (as advice requests are routed); "
                "withdrawn plans and plans from countries without a centre are "
                "not counted."
            ),
        ),
        Indicator(
            key="cooperation.interests_expressed",
            label=_("Expressions of interest in plans"),
            topic=TOPIC,
            compute=interests_expressed,
            unit=_("interests"),
            per_centre=False,
            order=84,
            help_text=_(
                "Buyers who told another buyer they would like to buy together. "
                "Each involves the centres of two countries, so it is counted "
                "for the network as a whole."
            ),
        ),
    ):
        register(indicator)
