"""The coordinator's pages for the project's identity and the network's log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from centres.models import Centre
from centres.views import ActivityLogMixin

from . import services
from .forms import PartnerForm, PartnerMoveForm, ProjectIdentityForm
from .models import Partner, ProjectIdentity
from .permissions import CoordinatorRequiredMixin


class _FormPage(CoordinatorRequiredMixin, FormView):
    """A console form: bad input answers 400 with the form and its messages."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def save_or_report(self, form, write):
        try:
            return write()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return None


class PartnerListView(CoordinatorRequiredMixin, TemplateView):
    template_name = "network/partner_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["partners"] = list(Partner.objects.in_order())
        ctx["identity"] = ProjectIdentity.current()
        return ctx


class PartnerCreateView(_FormPage):
    template_name = "network/partner_form.html"
    form_class = PartnerForm

    def form_valid(self, form):
        partner = self.save_or_report(
            form,
            lambda: services.partner_create(
                by=self.request.user, data=form.cleaned_data
            ),
        )
        if partner is None:
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s was added to the partners.") % {"name": partner.organisation},
        )
        return redirect("network:partners")


class PartnerEditView(_FormPage):
    template_name = "network/partner_form.html"
    form_class = PartnerForm

    @cached_property
    def partner(self) -> Partner:
        # Read after the coordinator check: nobody else learns which ids exist.
        return get_object_or_404(Partner, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # A copy, so that a refused change leaves `self.partner` as it was.
        kwargs["instance"] = Partner.objects.get(pk=self.partner.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["partner"] = self.partner
        return ctx

    def form_valid(self, form):
        partner = self.save_or_report(
            form,
            lambda: services.partner_update(
                partner=self.partner, by=self.request.user, data=form.cleaned_data
            ),
        )
        if partner is None:
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The partner %(name)s was saved.") % {"name": partner.organisation},
        )
        return redirect("network:partners")


class PartnerRemoveView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        partner = get_object_or_404(Partner, pk=pk)
        services.partner_remove(partner=partner, by=request.user)
        messages.success(
            request,
            _("%(name)s was removed from the partners.")
            % {"name": partner.organisation},
        )
        return redirect("network:partners")


class PartnerMoveView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        partner = get_object_or_404(Partner, pk=pk)
        form = PartnerMoveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to move a partner up or down."))
            return redirect("network:partners")
        services.partner_move(
            partner=partner, by=request.user, direction=form.cleaned_data["direction"]
        )
        messages.success(
            request, _("%(name)s was moved.") % {"name": partner.organisation}
        )
        return redirect("network:partners")


class ProjectIdentityEditView(_FormPage):
    template_name = "network/project_form.html"
    form_class = ProjectIdentityForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = ProjectIdentity.current()
        return kwargs

    def form_valid(self, form):
        identity = self.save_or_report(
            form,
            lambda: services.project_identity_update(
                by=self.request.user, data=form.cleaned_data
            ),
        )
        if identity is None:
            return self.form_invalid(form)
        messages.success(self.request, _("The project and its funding were saved."))
        return redirect("network:partners")


class NetworkActivityView(ActivityLogMixin, CoordinatorRequiredMixin, TemplateView):
    """Every centre's log and the network-wide entries, with a centre filter."""

    template_name = "network/activity.html"

    @property
    def filter_centres(self):
        return Centre.objects.order_by("name")
