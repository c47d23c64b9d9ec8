"""The signed-in user's own pages: profile and API token."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView
from rest_framework.authtoken.models import Token

from .forms import ProfileForm
from .services import user_profile_update


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        from centres.models import Centre
        from centres.permissions import user_has_mfa, user_requires_mfa

        user = self.request.user
        ctx["token"] = Token.objects.filter(user=user).first()
        ctx["mfa_enabled"] = user_has_mfa(user)
        ctx["mfa_required"] = user_requires_mfa(user)
        ctx["workspaces"] = [
            (c, c.role_of(user)) for c in Centre.objects.workspaces_for(user)
        ]
        return ctx

    def form_valid(self, form):
        user_profile_update(user=self.request.user, data=form.cleaned_data)
        messages.success(self.request, _("Your profile was saved."))
        return redirect("accounts:profile")


class TokenView(LoginRequiredMixin, View):
    """Create or replace the user's API token (POST only); it is shown once."""

    http_method_names = ["post"]

    def post(self, request):
        Token.objects.filter(user=request.user).delete()
        token = Token.objects.create(user=request.user)
        messages.success(
            request,
            _(
                "Your new API token is %(key)s — copy it now; the old one no longer works."
            )
            % {"key": token.key},
        )
        return redirect("accounts:profile")
