"""Who composes the joint newsletter: the one guard of the compose area."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from centres.permissions import user_has_mfa


def can_compose(user) -> bool:
    """The coordinator, and communication staff given the `compose_issue`
    permission (ICLEI runs communication for the network)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_coordinator or user.has_perm("newsletters.compose_issue")


class ComposerRequiredMixin:
    """THE guard of /newsletter/compose/…: anonymous → sign-in; signed in without
    the right → 403; a composer without TOTP → the 2FA set-up page (sending to
    every subscriber is worth a second factor, as workspaces are)."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_compose(user):
            raise PermissionDenied(_("Only the network's coordinator composes issues."))
        if not user_has_mfa(user):
            messages.warning(
                request,
                _("Turn on two-factor authentication before composing the newsletter."),
            )
            return redirect("mfa_activate_totp")
        return super().dispatch(request, *args, **kwargs)
