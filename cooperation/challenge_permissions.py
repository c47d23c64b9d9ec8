"""The guards of open market consultations. Public pages reach a challenge
through one queryset method per purpose (ChallengeQuerySet: visible_to,
of_buyer, summarisable_by); the workspace under /manage/<centre>/challenges/
through CentreRoleRequiredMixin and `reviewable_by` of that centre, so that
another centre's challenge answers 404."""

from django.shortcuts import get_object_or_404

from centres.permissions import CentreRoleRequiredMixin

from .models import Challenge


def challenge_visible_or_404(user, pk) -> Challenge:
    return get_object_or_404(
        Challenge.objects.visible_to(user).select_related("centre", "buyer"), pk=pk
    )


def challenge_of_buyer_or_404(user, pk) -> Challenge:
    return get_object_or_404(
        Challenge.objects.of_buyer(user).select_related("centre"), pk=pk
    )


def challenge_summarisable_or_404(user, pk) -> Challenge:
    return get_object_or_404(
        Challenge.objects.summarisable_by(user).select_related("centre"), pk=pk
    )


class ChallengeReviewMixin(CentreRoleRequiredMixin):
    """A centre's staff (editors and managers) and the coordinator review the
    challenges routed to that centre."""

    def get_challenge(self) -> Challenge:
        return get_object_or_404(
            Challenge.objects.reviewable_by(self.request.user)
            .for_centre(self.centre)
            .select_related("centre", "buyer", "case_study"),
            pk=self.kwargs["pk"],
        )

    def workspace_context(self) -> dict:
        return {
            "centre": self.centre,
            "role": self.role,
            "abilities": self.centre.get_abilities(self.request.user),
        }
