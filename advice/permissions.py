"""The guards of the advice desks: a centre's desk under /manage/<centre>/advice/
(CentreRoleRequiredMixin: staff of that centre; another centre's request is 404)
and the coordinator's queue of unrouted requests under /network/advice/
(CoordinatorRequiredMixin). Both reach requests only through `desk_requests()`.
The API (advice/api/) admits whom `api_reads_desks` admits, in `api_scope`."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from centres.models import Centre, Membership
from centres.permissions import CentreRoleRequiredMixin
from network.permissions import CoordinatorRequiredMixin

from . import selectors
from .models import AdviceRequest


class _DeskMixin:
    """What both desks share; `desk_centre` is the centre, or None for the queue."""

    desk_centre = None

    def desk_requests(self):
        return selectors.desk_requests(centre=self.desk_centre)

    def get_advice(self) -> AdviceRequest:
        return get_object_or_404(
            self.desk_requests().select_related("centre", "assignee", "user"),
            pk=self.kwargs["pk"],
        )

    def staff(self) -> list:
        if self.desk_centre is None:
            return []
        members = Membership.objects.filter(centre=self.desk_centre).select_related(
            "user"
        )
        return [m.user for m in members if m.user.is_active]

    def inbox_url(self) -> str:
        raise NotImplementedError

    def detail_url(self, advice) -> str:
        raise NotImplementedError

    def desk_context(self) -> dict:
        return {"desk_centre": self.desk_centre, "inbox_url": self.inbox_url()}


class CentreDeskMixin(_DeskMixin, CentreRoleRequiredMixin):
    """A centre's desk: its staff (editors and managers) and the coordinator."""

    @property
    def desk_centre(self):
        return getattr(self, "centre", None)

    def inbox_url(self):
        return reverse("manage:advice:inbox", kwargs={"centre_slug": self.centre.slug})

    def detail_url(self, advice):
        return self.action_url("detail", advice)

    def action_url(self, name, advice, **kwargs):
        return reverse(
            f"manage:advice:{name}",
            kwargs={"centre_slug": self.centre.slug, "pk": advice.pk, **kwargs},
        )

    def desk_context(self):
        return {
            **super().desk_context(),
            "centre": self.centre,
            "role": self.role,
            "abilities": self.centre.get_abilities(self.request.user),
            "base_template": "centres/workspace_base.html",
        }


class NetworkDeskMixin(_DeskMixin, CoordinatorRequiredMixin):
    """The coordinator's queue: requests from countries without a centre. No
    centre scope exists here, so the view runs (and renders) explicitly unscoped."""

    desk_centre = None

    def dispatch(self, request, *args, **kwargs):
        with scopes_disabled():
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response

    def inbox_url(self):
        return reverse("advice-network:inbox")

    def detail_url(self, advice):
        return self.action_url("detail", advice)

    def action_url(self, name, advice, **kwargs):
        return reverse(f"advice-network:{name}", kwargs={"pk": advice.pk, **kwargs})

    def desk_context(self):
        return {**super().desk_context(), "base_template": "advice/network_base.html"}


def api_reads_desks(user) -> bool:
    """Whether `user` reads advice requests through the API: staff of a centre
    and the coordinator, with two-factor on where it is required; a procurer,
    and an account whose privileges wait for two-factor, do not."""
    if getattr(user, "acts_as_coordinator", False):
        return True
    return Centre.objects.workspaces_for(user).exists()


def api_scope(user):
    """The scope the advice API reads in: the coordinator's spans every desk and
    the unrouted queue (explicitly unscoped); anyone else's is her centres, so
    that a query missing its filter still finds nothing of another centre."""
    if getattr(user, "acts_as_coordinator", False):
        return scopes_disabled()
    return scope(centre=list(Centre.objects.workspaces_for(user)))
