"""The Django admin: the coordinator's alone, behind allauth's sign-in and 2FA."""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


class P2IAdminSite(admin.AdminSite):
    site_header = "P2I Portal administration"
    site_title = "P2I Portal admin"
    index_title = "Network administration"

    def has_permission(self, request):
        from centres.permissions import user_has_mfa

        user = request.user
        return bool(
            user.is_active
            and user.is_authenticated
            and user.is_coordinator
            and user.is_staff
            and user_has_mfa(user)
        )

    def login(self, request, extra_context=None):
        """No second login form: send people to the throttled allauth sign-in."""
        from centres.permissions import user_has_mfa

        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            target = reverse("admin:index")
        if not request.user.is_authenticated:
            return redirect_to_login(target, login_url=reverse("account_login"))
        if not request.user.is_coordinator:
            raise PermissionDenied("The administration is for the network coordinator.")
        if not user_has_mfa(request.user):
            return redirect("mfa_activate_totp")
        return redirect(target)
