"""The guards of buyers' plans: a buyer reaches a plan for a change only
through `ProcurementPlan.objects.editable_by(user)` (anyone else's: 404); a
centre's staff reach initiatives only through `for_centre(centre)` behind
CentreRoleRequiredMixin (another centre's: 404)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404

from centres.permissions import CentreRoleRequiredMixin

from .models import JointInitiative, ProcurementPlan


class OwnPlanMixin(LoginRequiredMixin):
    """Views on one of her own plans (/plans/mine/<pk>/…)."""

    def get_plan(self) -> ProcurementPlan:
        return get_object_or_404(
            ProcurementPlan.objects.editable_by(self.request.user), pk=self.kwargs["pk"]
        )


class InitiativeWorkspaceMixin(CentreRoleRequiredMixin):
    """The centre's initiatives workspace: its editors, managers and the coordinator."""

    def get_initiative(self) -> JointInitiative:
        return get_object_or_404(
            JointInitiative.objects.for_centre(self.centre), pk=self.kwargs["pk"]
        )

    def workspace_context(self) -> dict:
        return {
            "centre": self.centre,
            "role": self.role,
            "abilities": self.centre.get_abilities(self.request.user),
        }
