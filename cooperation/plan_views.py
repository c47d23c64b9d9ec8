"""Public pages of buyers' plans under /<lang>/plans/: the list with its
filters, posting a plan, a buyer's own plans (hers only: another's answer
404), a plan with its similar plans and the interests in it, expressing
interest, and the page of a joint-procurement initiative."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_countries import countries

from newsletters.ratelimit import hit
from p2i_portal.vocab import Sector

from . import cpv, plan_selectors, plan_services
from .models import PlanInterest, ProcurementPlan
from .plan_forms import InterestForm, PlanForm
from .plan_permissions import OwnPlanMixin

PAGE_SIZE = 20
RATE_LIMITED = gettext_lazy(
    "You posted many times in a short time. Nothing was saved; please try again later."
)


def service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _plan_data(form) -> dict:
    return dict(form.cleaned_data)


class PlanListView(View):
    """/plans/: open plans; anonymous visitors see the public ones only."""

    def get(self, request):
        filters = plan_selectors.PlanFilters.from_query(request.GET)
        rows = plan_selectors.plan_list(user=request.user, filters=filters)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        active = filters.active()
        return TemplateResponse(
            request,
            "cooperation/plans/list.html",
            {
                "plans": list(page.object_list),
                "page_obj": page,
                "page_query": urlencode(active),
                "filters": filters,
                "filtered": bool(active),
                "sectors": Sector.choices,
                "countries": list(countries),
                "divisions": cpv.division_choices(),
            },
        )


class _PlanFormView(View):
    template_name = "cooperation/plans/form.html"

    def render(self, form, status=200, plan=None):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "plan": plan, "divisions": cpv.division_choices()},
            status=status,
        )


class PlanCreateView(LoginRequiredMixin, _PlanFormView):
    """/plans/new/: a signed-in buyer posts a plan (rate-limited per account)."""

    def get(self, request):
        return self.render(PlanForm(user=request.user))

    def post(self, request):
        form = PlanForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form, status=400)
        if not hit("plan_post_user", str(request.user.pk)):
            form.add_error(None, RATE_LIMITED)
            return self.render(form, status=429)
        try:
            plan = plan_services.plan_create(owner=request.user, data=_plan_data(form))
        except ValidationError as exc:
            service_errors(form, exc)
            return self.render(form, status=400)
        messages.success(request, _("Your plan was posted."))
        return redirect(plan.get_absolute_url())


class MyPlansView(LoginRequiredMixin, View):
    """/plans/mine/: her own plans, with what she can do with each."""

    def get(self, request):
        plans = ProcurementPlan.objects.editable_by(request.user).order_by(
            "status", "-created_at", "-pk"
        )
        return TemplateResponse(
            request, "cooperation/plans/mine.html", {"plans": plans}
        )


class PlanEditView(OwnPlanMixin, _PlanFormView):
    """/plans/mine/<pk>/edit/: change her own open plan."""

    def get(self, request, pk):
        plan = self.get_plan()
        return self.render(PlanForm(plan=plan), plan=plan)

    def post(self, request, pk):
        plan = self.get_plan()
        form = PlanForm(request.POST, plan=plan)
        if not form.is_valid():
            return self.render(form, status=400, plan=plan)
        try:
            plan = plan_services.plan_update(
                plan=plan, by=request.user, data=_plan_data(form)
            )
        except ValidationError as exc:
            service_errors(form, exc)
            return self.render(form, status=400, plan=plan)
        messages.success(request, _("Your plan was saved."))
        return redirect(plan.get_absolute_url())


class _PlanActionView(OwnPlanMixin, View):
    http_method_names = ["post"]
    service = None
    done = ""

    def post(self, request, pk):
        plan = self.get_plan()
        try:
            type(self).service(plan=plan, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return TemplateResponse(
                request,
                "cooperation/plans/mine.html",
                {
                    "plans": ProcurementPlan.objects.editable_by(request.user).order_by(
                        "status", "-created_at", "-pk"
                    )
                },
                status=400,
            )
        messages.success(request, str(self.done))
        return redirect("plans:mine")


class PlanCloseView(_PlanActionView):
    """POST /plans/mine/<pk>/close/: she no longer looks for partners."""

    service = plan_services.plan_close
    done = gettext_lazy("Your plan was closed.")


class PlanWithdrawView(_PlanActionView):
    """POST /plans/mine/<pk>/withdraw/: nobody but her sees the plan any more."""

    service = plan_services.plan_withdraw
    done = gettext_lazy("Your plan was withdrawn.")


class PlanDetailView(View):
    """/plans/<pk>/: one plan, its CPV groups, similar plans of other buyers;
    its owner also sees the interests in it."""

    template_name = "cooperation/plans/detail.html"

    def get_plan(self):
        plan = plan_selectors.plan_get_visible(
            user=self.request.user, pk=self.kwargs["pk"]
        )
        if plan is None:
            raise Http404(_("No such plan."))
        return plan

    def render(self, plan, form=None, status=200):
        user = self.request.user
        is_owner = user.is_authenticated and plan.owner_id == user.pk
        already = (
            user.is_authenticated
            and not is_owner
            and PlanInterest.objects.filter(plan=plan, user=user).exists()
        )
        can_express = (
            user.is_authenticated and not is_owner and not already and plan.is_open
        )
        context = {
            "plan": plan,
            "cpv_rows": plan_selectors.cpv_rows(plan),
            "similar": plan_selectors.similar_plans(plan, user=user),
            "is_owner": is_owner,
            "interests": plan_selectors.plan_interests(plan) if is_owner else [],
            "already_interested": already,
            "interest_form": (form or InterestForm(user=user)) if can_express else None,
            "initiatives": list(
                plan.initiatives.visible_to(user).select_related("centre").distinct()
            ),
        }
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def get(self, request, pk):
        return self.render(self.get_plan())


class PlanInterestView(LoginRequiredMixin, PlanDetailView):
    """POST /plans/<pk>/interest/: express interest in another buyer's plan.
    Bad input or a refusal shows the plan again with the message."""

    http_method_names = ["post"]

    def post(self, request, pk):
        plan = self.get_plan()
        form = InterestForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(plan, form, status=400)
        if not hit("plan_interest_user", str(request.user.pk)):
            form.add_error(None, RATE_LIMITED)
            return self.render(plan, form, status=429)
        try:
            plan_services.interest_express(
                plan=plan,
                user=request.user,
                message=form.cleaned_data["message"],
                organisation=form.cleaned_data["organisation"],
                country=form.cleaned_data["country"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                service_errors(form, exc)
                return self.render(plan, form, status=400)
            messages.error(request, " ".join(exc.messages))
            return self.render(plan, status=400)
        messages.success(
            request,
            _(
                "Your interest was sent to the buyer and to the centres of both countries."
            ),
        )
        return redirect(plan.get_absolute_url())


class InitiativeView(View):
    """/plans/initiatives/<pk>/: the buyers, the centres and the next steps.
    Public when all its plans are public; otherwise for signed-in people."""

    def get(self, request, pk):
        initiative = plan_selectors.initiative_visible(user=request.user, pk=pk)
        if initiative is None:
            raise Http404(_("No such initiative."))
        return TemplateResponse(
            request,
            "cooperation/plans/initiative.html",
            {
                "initiative": initiative,
                "plans": list(initiative.plans.all()),
                "centres": plan_selectors.initiative_centres(initiative),
            },
        )
