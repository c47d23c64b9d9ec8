"""The guard of the coordinator's network console (/network/…)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from centres.permissions import MFA_REQUIRED_MESSAGE


def is_network_coordinator(user) -> bool:
    """The coordinator with two-factor sign-in on: the only one who sees the network."""
    return bool(user.is_authenticated and user.acts_as_coordinator)


class CoordinatorRequiredMixin:
    """THE guard for /network/… pages.

    - anonymous → sign-in page;
    - an account that must use two-factor sign-in but has not → its set-up page;
    - anyone but the coordinator → 403 (the console exists; it is not theirs).
    """

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if user.privileges_locked:
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect("mfa_activate_totp")
        if not is_network_coordinator(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
