"""The signed-in user's own pages: profile and API token."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from .forms import NotificationPreferencesForm, ProfileForm
from .models import ApiToken
from .notifications import notification_preferences_update
from .services import api_token_create, user_profile_update


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
        ctx["token"] = ApiToken.objects.filter(user=user).first()
        ctx.setdefault("notifications_form", NotificationPreferencesForm.for_user(user))
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
    """Create or replace the user's API token (POST only). The key is on this one
    response, which no cache keeps; it is never put in a message or a session."""

    http_method_names = ["post"]

    def post(self, request):
        if request.user.privileges_locked:
            messages.warning(
                request,
                _(
                    "Turn on two-factor authentication before creating an API token: "
                    "your account needs it."
                ),
            )
            return redirect("mfa_activate_totp")
        key = api_token_create(user=request.user)
        response = render(request, "accounts/token_created.html", {"key": key})
        add_never_cache_headers(response)
        return response


class NotificationPreferencesView(ProfileView):
    """Save which notifications the signed-in person gets by e-mail (POST
    only, from the profile page). Changes nothing else of her profile; bad
    input shows the profile page again with the message and changes nothing."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = NotificationPreferencesForm.for_user(request.user, data=request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(
                    form=ProfileForm(instance=request.user), notifications_form=form
                ),
                status=400,
            )
        notification_preferences_update(
            user=request.user, wanted=form.cleaned_data["wanted"]
        )
        messages.success(request, _("Your notification settings were saved."))
        return redirect(reverse("accounts:profile") + "#notifications")
