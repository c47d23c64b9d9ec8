"""A centre's cross-border cooperation workspace under
/manage/<centre_slug>/initiatives/: the plans of its country's buyers, the
interests involving them, and the joint-procurement initiatives it facilitates.
Every change goes through plan_services (which writes the activity log);
another centre's initiative answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from . import plan_selectors, plan_services
from .models import JointInitiative
from .plan_forms import InitiativeCreateForm, InitiativeForm, InitiativePlanAddForm
from .plan_permissions import InitiativeWorkspaceMixin
from .plan_views import service_errors

LIST_LIMIT = 100


class InitiativesIndexView(InitiativeWorkspaceMixin, View):
    """The country's plans and interests, and the centre's initiatives."""

    def get(self, request, centre_slug):
        plans = plan_selectors.workspace_plans(self.centre)
        interests = plan_selectors.workspace_interests(self.centre)
        return TemplateResponse(
            request,
            "cooperation/plans/manage_index.html",
            {
                **self.workspace_context(),
                "plans": list(plans[:LIST_LIMIT]),
                "plan_count": plans.count(),
                "interests": list(interests[:LIST_LIMIT]),
                "interest_count": interests.count(),
                "initiatives": list(
                    JointInitiative.objects.for_centre(self.centre).prefetch_related(
                        "plans"
                    )
                ),
                "limit": LIST_LIMIT,
            },
        )


class InitiativeCreateView(InitiativeWorkspaceMixin, View):
    """Start an initiative from two or more plans; the buyers are told."""

    template_name = "cooperation/plans/manage_form.html"

    def form(self, data=None):
        return InitiativeCreateForm(
            data,
            candidates=plan_selectors.initiative_candidates(self.centre),
            initial={"plans": self.request.GET.getlist("plan")},
        )

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {**self.workspace_context(), "form": form, "initiative": None},
            status=status,
        )

    def get(self, request, centre_slug):
        return self.render(self.form())

    def post(self, request, centre_slug):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        data = {k: v for k, v in form.cleaned_data.items() if k != "plans"}
        try:
            initiative = plan_services.initiative_create(
                centre=self.centre,
                by=request.user,
                data=data,
                plans=form.cleaned_data["plans"],
            )
        except ValidationError as exc:
            service_errors(form, exc)
            return self.render(form, status=400)
        messages.success(
            request, _("The initiative was created and its buyers were told.")
        )
        return redirect(
            "manage:plans:initiative",
            centre_slug=self.centre.slug,
            pk=initiative.pk,
        )


class InitiativeEditView(InitiativeWorkspaceMixin, View):
    """One initiative of this centre: edit its text, next steps and status,
    and add or remove its plans."""

    template_name = "cooperation/plans/manage_form.html"

    def render(self, initiative, form=None, status=200, add_form=None):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                **self.workspace_context(),
                "form": form or InitiativeForm(instance=initiative),
                "add_form": add_form or self.add_form(initiative),
                "initiative": initiative,
                "plans": list(
                    initiative.plans.select_related("owner").order_by("country", "pk")
                ),
            },
            status=status,
        )

    def add_form(self, initiative, data=None):
        return InitiativePlanAddForm(
            data, suggestions=plan_selectors.initiative_suggestions(initiative)
        )

    def edit_url(self, initiative):
        return reverse(
            "manage:plans:initiative",
            kwargs={"centre_slug": self.centre.slug, "pk": initiative.pk},
        )

    def get(self, request, centre_slug, pk):
        return self.render(self.get_initiative())

    def post(self, request, centre_slug, pk):
        initiative = self.get_initiative()
        form = InitiativeForm(request.POST, instance=JointInitiative.objects.get(pk=pk))
        if not form.is_valid():
            return self.render(initiative, form, status=400)
        try:
            plan_services.initiative_update(
                initiative=initiative, by=request.user, data=form.cleaned_data
            )
        except ValidationError as exc:
            service_errors(form, exc)
            return self.render(initiative, form, status=400)
        messages.success(request, _("The initiative was saved."))
        return redirect(request.path)


class InitiativePlanAddView(InitiativeEditView):
    """POST: one more plan, a suggested one or any open plan by its number;
    its buyer is told. A refusal shows the edit page again with the reason."""

    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        initiative = self.get_initiative()
        form = self.add_form(initiative, request.POST)
        if not form.is_valid():
            return self.render(initiative, add_form=form, status=400)
        number = form.cleaned_data["plan_pk"]
        plan = plan_selectors.plan_for_initiative(user=request.user, pk=number)
        if plan is None:
            form.add_error(
                form.source_field,
                _("No plan you may see has the number %(number)s.")
                % {"number": number},
            )
            return self.render(initiative, add_form=form, status=400)
        try:
            plan_services.initiative_plan_add(
                initiative=initiative, plan=plan, by=request.user
            )
        except ValidationError as exc:
            form.add_error(form.source_field, exc.messages)
            return self.render(initiative, add_form=form, status=400)
        messages.success(
            request,
            _("“%(title)s” was added to the initiative; its buyer was told.")
            % {"title": plan.title},
        )
        return redirect(self.edit_url(initiative))


class InitiativePlanRemoveView(InitiativeEditView):
    """POST: take one of its plans out of the initiative; its buyer is told.
    A plan that is not in it answers 404; a refusal shows the reason."""

    http_method_names = ["post"]

    def post(self, request, centre_slug, pk, plan_pk):
        initiative = self.get_initiative()
        plan = get_object_or_404(initiative.plans.all(), pk=plan_pk)
        try:
            plan_services.initiative_plan_remove(
                initiative=initiative, plan=plan, by=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render(initiative, status=400)
        messages.success(
            request,
            _("“%(title)s” was taken out of the initiative; its buyer was told.")
            % {"title": plan.title},
        )
        return redirect(self.edit_url(initiative))
