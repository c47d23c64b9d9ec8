"""A centre's contributions to the joint newsletter, /manage/<centre>/newsletter/….

Guarded by CentreRoleRequiredMixin (editor role at least); sections are reached
only through `Section.objects.for_centre(self.centre)` inside the centre's scope,
so another centre's section answers 404 even with its pk in this URL."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from centres.permissions import CentreRoleRequiredMixin

from . import selectors, services
from .forms import SectionForm
from .models import Issue, Section


class ContributionListView(CentreRoleRequiredMixin, TemplateView):
    template_name = "newsletters/manage_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["sections"] = selectors.section_list_for_centre(self.centre)
        ctx["open_issues"] = Issue.objects.open_for_contributions().order_by(
            "contribution_deadline", "pk"
        )
        return ctx


class ContributionCreateView(CentreRoleRequiredMixin, TemplateView):
    template_name = "newsletters/manage_form.html"

    def get_issue(self):
        return get_object_or_404(
            Issue.objects.open_for_contributions(), pk=self.kwargs["issue_pk"]
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", SectionForm())
        ctx["issue"] = self.get_issue()
        return ctx

    def post(self, request, centre_slug, issue_pk):
        issue = self.get_issue()
        form = SectionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            section = services.section_create(
                issue=issue,
                centre=self.centre,
                by=request.user,
                data=form.cleaned_data,
                resources=form.cleaned_data["resources"],
                events=form.cleaned_data["events"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("manage:newsletter:list", centre_slug=self.centre.slug)
        if request.POST.get("submit_now"):
            services.section_submit(section=section, by=request.user)
            messages.success(request, _("Section sent to the coordinator."))
        else:
            messages.success(request, _("Draft section saved."))
        return redirect("manage:newsletter:list", centre_slug=self.centre.slug)


class SectionMixin(CentreRoleRequiredMixin):
    def get_section(self):
        return get_object_or_404(
            Section.objects.for_centre(self.centre).select_related("issue"),
            pk=self.kwargs["pk"],
        )


class ContributionEditView(SectionMixin, TemplateView):
    template_name = "newsletters/manage_form.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        section = self.get_section()
        ctx.setdefault("form", SectionForm(instance=section))
        ctx.update(section=section, issue=section.issue)
        return ctx

    def post(self, request, centre_slug, pk):
        section = self.get_section()
        if not section.is_editable_by_centre:
            messages.error(request, _("The coordinator has this section now."))
            return redirect("manage:newsletter:list", centre_slug=self.centre.slug)
        form = SectionForm(request.POST, instance=section)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.section_update(
                section=section,
                by=request.user,
                data=form.cleaned_data,
                resources=form.cleaned_data["resources"],
                events=form.cleaned_data["events"],
            )
            if request.POST.get("submit_now"):
                services.section_submit(section=section, by=request.user)
                messages.success(request, _("Section sent to the coordinator."))
            else:
                messages.success(request, _("Section saved."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("manage:newsletter:list", centre_slug=self.centre.slug)


class ContributionSubmitView(SectionMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        section = self.get_section()
        try:
            services.section_submit(section=section, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Section sent to the coordinator."))
        return redirect("manage:newsletter:list", centre_slug=self.centre.slug)


class ContributionDeleteView(SectionMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        section = self.get_section()
        if not section.is_editable_by_centre:
            messages.error(
                request, _("Only drafts and returned sections can be deleted.")
            )
        else:
            try:
                services.section_remove(section=section, by=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Section deleted."))
        return redirect("manage:newsletter:list", centre_slug=self.centre.slug)
