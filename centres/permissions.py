"""The one view guard for centre workspaces, and the 2FA rule for managers."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission

from .models import ROLE_RANK, Centre, Role

MFA_REQUIRED_MESSAGE = gettext_lazy(
    "Managers and the coordinator must turn on two-factor authentication before "
    "using a workspace."
)


def user_requires_mfa(user) -> bool:
    """Coordinators and the manager of any centre must use two-factor sign-in."""
    return bool(user.is_authenticated and user.requires_mfa)


def user_has_mfa(user) -> bool:
    return bool(user.is_authenticated and user.has_totp())


def mfa_missing(user) -> bool:
    """Must use two-factor sign-in but has not turned it on (User.privileges_locked)."""
    return bool(user.is_authenticated and user.privileges_locked)


class CentreRoleRequiredMixin:
    """THE guard for `/manage/<centre_slug>/…` views.

    - anonymous → sign-in page;
    - no role in this centre (or no such centre) → 404, never 403, so another
      centre's workspace does not even admit it exists;
    - a role below `required_role` in one's own centre → 403;
    - a manager or the coordinator without TOTP → the 2FA set-up page, whatever
      the centre: until it is on, the account has no workspace at all.
    Sets `self.centre` and `self.role`.
    """

    required_role = Role.EDITOR

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if mfa_missing(user):
            # Until then the account has no workspace at all (workspaces_for).
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect("mfa_activate_totp")
        slug = kwargs.get("centre_slug")
        centre = (
            Centre.objects.workspaces_for(user, role=Role.EDITOR)
            .filter(slug=slug)
            .first()
        )
        if centre is None:
            raise Http404(_("No such workspace."))
        role = centre.role_of(user)
        if ROLE_RANK[role] < ROLE_RANK[Role(self.required_role)]:
            raise PermissionDenied(_("Only the centre's managers can do this."))
        self.centre, self.role = centre, role
        request.centre = centre
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            centre=self.centre,
            role=self.role,
            abilities=self.centre.get_abilities(self.request.user),
        )
        return ctx


class HasAbility(BasePermission):
    """DRF: the object's `get_abilities(user)[view.action]` decides."""

    def has_object_permission(self, request, view, obj):
        return obj.get_abilities(request.user).get(view.action, False)
