"""Pages of the onboarding of new centres.

/network/onboarding/… is the coordinator's (CoordinatorRequiredMixin): the
progress board, starting a centre's onboarding and the milestone definitions.
/manage/<centre>/onboarding/… is the new centre's checklist, and
/manage/<buddy>/buddies/<centre>/… the same checklist seen from its buddy's
workspace (CentreRoleRequiredMixin; any other centre gets 404).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from centres.models import Centre
from centres.permissions import CentreRoleRequiredMixin

from . import onboarding_selectors as selectors
from . import onboarding_services as services
from .models import MilestoneDefinition
from .onboarding_forms import (
    MilestoneCommentForm,
    MilestoneDefinitionForm,
    MilestoneUpdateForm,
    OnboardingStartForm,
)
from .permissions import CoordinatorRequiredMixin


def _form_error(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form (per field when it names one)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- The coordinator -------------------------------------------------------


class OnboardingBoardView(CoordinatorRequiredMixin, TemplateView):
    template_name = "network/onboarding_board.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = selectors.onboarding_board()
        ctx["can_start"] = selectors.centres_without_onboarding().exists()
        return ctx


class OnboardingStartView(CoordinatorRequiredMixin, FormView):
    template_name = "network/onboarding_start.html"
    form_class = OnboardingStartForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["centres"] = selectors.centres_without_onboarding()
        return kwargs

    def form_valid(self, form):
        centre = form.cleaned_data["centre"]
        try:
            services.centre_onboarding_start(
                centre=centre, start=form.cleaned_data["start"], by=self.request.user
            )
        except ValidationError as exc:
            _form_error(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The onboarding of %(centre)s has started.") % {"centre": centre.name},
        )
        return redirect("network:onboarding-board")


class DefinitionListView(CoordinatorRequiredMixin, FormView):
    """The network's milestones: the list (with ordering and retiring) and a
    form to add one."""

    template_name = "network/milestone_definitions.html"
    form_class = MilestoneDefinitionForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        definitions = list(MilestoneDefinition.objects.all())
        ctx["active"] = [d for d in definitions if not d.is_retired]
        ctx["retired"] = [d for d in definitions if d.is_retired]
        return ctx

    def form_valid(self, form):
        try:
            definition = services.milestone_definition_create(
                by=self.request.user, data=form.cleaned_data
            )
        except ValidationError as exc:
            _form_error(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The milestone “%(title)s” was added.") % {"title": definition.title},
        )
        return redirect("network:milestone-definitions")


class DefinitionEditView(CoordinatorRequiredMixin, FormView):
    template_name = "network/milestone_definition_edit.html"
    form_class = MilestoneDefinitionForm

    @cached_property
    def definition(self):
        return get_object_or_404(MilestoneDefinition, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # An unsaved copy: a refused form must not change the object shown.
        kwargs["instance"] = MilestoneDefinition.objects.get(pk=self.definition.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["definition"] = self.definition
        return ctx

    def form_valid(self, form):
        try:
            services.milestone_definition_update(
                definition=self.definition,
                by=self.request.user,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            _form_error(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The milestone was saved."))
        return redirect("network:milestone-definitions")


class DefinitionMoveView(CoordinatorRequiredMixin, View):
    def post(self, request, pk):
        definition = get_object_or_404(MilestoneDefinition, pk=pk)
        try:
            services.milestone_definition_move(
                definition=definition,
                direction=request.POST.get("direction", ""),
                by=request.user,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("network:milestone-definitions")


class DefinitionRetireView(CoordinatorRequiredMixin, View):
    def post(self, request, pk):
        definition = get_object_or_404(MilestoneDefinition, pk=pk)
        retire = request.POST.get("retire", "1") != "0"
        services.milestone_definition_retire(
            definition=definition, by=request.user, retire=retire
        )
        if retire:
            messages.success(
                request,
                _("“%(title)s” was retired: centres that start later will not get it.")
                % {"title": definition.title},
            )
        else:
            messages.success(
                request, _("“%(title)s” is back.") % {"title": definition.title}
            )
        return redirect("network:milestone-definitions")


# --- A centre's checklist --------------------------------------------------


class _ChecklistMixin(CentreRoleRequiredMixin):
    """Resolves the centre whose checklist is shown (`self.subject`), the
    abilities on it, and 404 when it is not in onboarding."""

    buddy_view = False

    def dispatch(self, request, *args, **kwargs):
        self._subject_slug = kwargs.get("new_slug")
        return super().dispatch(request, *args, **kwargs)

    def get_subject(self) -> Centre:
        if not self.buddy_view:
            return self.centre
        # Only the centre this workspace is the buddy of; any other is not found.
        subject = (
            Centre.objects.select_related("buddy")
            .filter(slug=self._subject_slug, buddy=self.centre)
            .first()
        )
        if subject is None:
            raise Http404(_("No such centre."))
        return subject

    def setup_subject(self):
        self.subject = self.get_subject()
        self.abilities_onboarding = selectors.onboarding_abilities(
            centre=self.subject, user=self.request.user
        )
        if not self.abilities_onboarding["retrieve"]:
            raise Http404(_("No such centre."))
        if self.buddy_view:  # from the buddy's side: reading and commenting only
            self.abilities_onboarding = {
                **self.abilities_onboarding,
                "update": False,
                "change_due": False,
            }

    def urls(self, milestone=None) -> dict:
        if self.buddy_view:
            base = {"centre_slug": self.centre.slug, "new_slug": self.subject.slug}
            names = ("manage:buddy-onboarding", "manage:buddy-milestone")
        else:
            base = {"centre_slug": self.centre.slug}
            names = ("manage:onboarding", "manage:onboarding-milestone")
        out = {"checklist": reverse(names[0], kwargs=base)}
        if milestone is not None:
            out["milestone"] = reverse(names[1], kwargs={**base, "pk": milestone.pk})
        return out

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            subject=self.subject,
            buddy_view=self.buddy_view,
            can=self.abilities_onboarding,
        )
        return ctx


class ChecklistView(_ChecklistMixin, TemplateView):
    template_name = "network/onboarding_checklist.html"

    def get(self, request, *args, **kwargs):
        self.setup_subject()
        self.checklist = selectors.onboarding_checklist(centre=self.subject)
        if self.checklist is None:
            raise Http404(_("This centre is not in onboarding."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        rows = []
        for m in self.checklist.milestones:
            rows.append((m, self.urls(m)["milestone"]))
        ctx.update(checklist=self.checklist, rows=rows, urls=self.urls())
        return ctx


class BuddyChecklistView(ChecklistView):
    buddy_view = True


class MilestoneView(_ChecklistMixin, TemplateView):
    """One milestone: its details and comments; the update form for whoever may
    update it (POST), the comment form for whoever may comment."""

    template_name = "network/onboarding_milestone.html"

    def load(self, pk):
        self.setup_subject()
        self.milestone = selectors.milestone_get(centre=self.subject, pk=pk)
        if self.milestone is None:
            raise Http404(_("No such milestone."))

    def update_form(self, data=None):
        can_due = self.abilities_onboarding["change_due"]
        m = self.milestone
        return MilestoneUpdateForm(
            data,
            can_change_due=can_due,
            initial={
                "status": m.status,
                "note": m.note,
                "evidence_url": m.evidence_url,
                "due_on": m.due_on,
            },
        )

    def get(self, request, *args, **kwargs):
        self.load(kwargs["pk"])
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.load(kwargs["pk"])
        if not self.abilities_onboarding["update"]:
            raise PermissionDenied(_("Only the centre's managers can do this."))
        form = self.update_form(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            due_on = data.pop("due_on", None)
            try:
                services.milestone_update(
                    milestone=self.milestone, by=request.user, data=data
                )
                if due_on and self.abilities_onboarding["change_due"]:
                    services.milestone_due_change(
                        milestone=self.milestone, due_on=due_on, by=request.user
                    )
            except ValidationError as exc:
                _form_error(form, exc)
            else:
                messages.success(request, _("The milestone was saved."))
                return redirect(self.urls()["checklist"])
        self.milestone = selectors.milestone_get(
            centre=self.subject, pk=self.milestone.pk
        )
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", self.update_form())
        ctx.setdefault("comment_form", MilestoneCommentForm())
        ctx.update(
            milestone=self.milestone,
            comments=list(self.milestone.comments.all()),
            urls=self.urls(self.milestone),
            comment_url=self.comment_url(),
        )
        return ctx

    def comment_url(self):
        if self.buddy_view:
            return reverse(
                "manage:buddy-comment",
                kwargs={
                    "centre_slug": self.centre.slug,
                    "new_slug": self.subject.slug,
                    "pk": self.milestone.pk,
                },
            )
        return reverse(
            "manage:onboarding-comment",
            kwargs={"centre_slug": self.centre.slug, "pk": self.milestone.pk},
        )


class BuddyMilestoneView(MilestoneView):
    buddy_view = True


class MilestoneCommentView(MilestoneView):
    """POST a comment; a refused one shows the milestone page with the message."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.load(kwargs["pk"])
        if not self.abilities_onboarding["comment"]:
            raise PermissionDenied
        form = MilestoneCommentForm(request.POST)
        if form.is_valid():
            try:
                services.milestone_comment_add(
                    milestone=self.milestone,
                    by=request.user,
                    text=form.cleaned_data["text"],
                )
            except ValidationError as exc:
                _form_error(form, exc)
            else:
                messages.success(request, _("Your comment was added."))
                return redirect(self.urls(self.milestone)["milestone"])
        return self.render_to_response(self.get_context_data(comment_form=form))


class BuddyCommentView(MilestoneCommentView):
    buddy_view = True
