"""A centre's communities in its workspace (/manage/<centre>/communities/):
the list with what waits for the moderators (staff), and creating or editing
a community (managers and the coordinator). Another centre's community is 404."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from centres.models import Role
from centres.permissions import CentreRoleRequiredMixin

from . import selectors, services
from .forms import CommunityForm
from .models import Community, CommunityMember, Post, PostReport


class _WorkspaceMixin(CentreRoleRequiredMixin):
    def workspace_context(self) -> dict:
        return {
            "centre": self.centre,
            "role": self.role,
            "abilities": self.centre.get_abilities(self.request.user),
        }


class CommunityListView(_WorkspaceMixin, View):
    def get(self, request, centre_slug):
        posts = Post.objects.filter(thread__community=OuterRef("pk"))
        members = CommunityMember.objects.filter(community=OuterRef("pk"))
        communities = (
            Community.objects.filter(centre=self.centre)
            .annotate(
                member_count=selectors.count_of(members.active()),
                request_count=selectors.count_of(members.pending()),
                pending_count=selectors.count_of(
                    posts.filter(status=Post.Status.PENDING), "thread__community_id"
                ),
                report_count=selectors.count_of(
                    posts.filter(
                        Exists(
                            PostReport.objects.filter(
                                post=OuterRef("pk"), resolved_at__isnull=True
                            )
                        )
                    ),
                    "thread__community_id",
                ),
            )
            .order_by("name")
        )
        return TemplateResponse(
            request,
            "communities/manage_list.html",
            {**self.workspace_context(), "communities": communities},
        )


class _CommunityFormView(_WorkspaceMixin, View):
    required_role = Role.MANAGER

    def get_community(self) -> Community:
        raise NotImplementedError

    def render(self, form, community, status=200):
        return TemplateResponse(
            self.request,
            "communities/manage_form.html",
            {**self.workspace_context(), "form": form, "community": community},
            status=status,
        )

    def get(self, request, centre_slug, **kwargs):
        community = self.get_community()
        return self.render(CommunityForm(instance=community), community)

    def post(self, request, centre_slug, **kwargs):
        community = self.get_community()
        form = CommunityForm(request.POST, instance=community)
        if not form.is_valid():
            return self.render(form, community, status=400)
        community = services.community_save(
            community=form.save(commit=False), by=request.user
        )
        messages.success(request, _("The community was saved."))
        return redirect("communities:detail", slug=community.slug)


class CommunityCreateView(_CommunityFormView):
    def get_community(self):
        return Community(centre=self.centre)


class CommunityEditView(_CommunityFormView):
    def get_community(self):
        return get_object_or_404(
            Community.objects.filter(centre=self.centre), pk=self.kwargs["pk"]
        )
