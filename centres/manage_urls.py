"""Workspace pages under /manage/<centre_slug>/, all behind CentreRoleRequiredMixin."""

from django.urls import include, path

from . import views

app_name = "manage"

urlpatterns = [
    path("", views.WorkspaceIndexView.as_view(), name="index"),
    path(
        "<slug:centre_slug>/", views.WorkspaceDashboardView.as_view(), name="dashboard"
    ),
    path(
        "<slug:centre_slug>/profile/",
        views.CentreProfileEditView.as_view(),
        name="profile",
    ),
    path("<slug:centre_slug>/team/", views.TeamView.as_view(), name="team"),
    path(
        "<slug:centre_slug>/team/<int:pk>/remove/",
        views.MemberRemoveView.as_view(),
        name="member-remove",
    ),
    path(
        "<slug:centre_slug>/team/<int:pk>/role/",
        views.MemberRoleView.as_view(),
        name="member-role",
    ),
    path(
        "<slug:centre_slug>/invitations/<int:pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation-revoke",
    ),
    path("<slug:centre_slug>/activity/", views.ActivityView.as_view(), name="activity"),
    path("<slug:centre_slug>/resources/", include("knowledge.manage_urls")),
    path("<slug:centre_slug>/newsletter/", include("newsletters.manage_urls")),
    path("<slug:centre_slug>/events/", include("events.manage_urls")),
    path("<slug:centre_slug>/advice/", include("advice.manage_urls")),
    path(
        "<slug:centre_slug>/challenges/", include("cooperation.challenge_manage_urls")
    ),
    path(
        "<slug:centre_slug>/applications/",
        include("communities.taskforce_manage_urls"),
    ),
    path("<slug:centre_slug>/initiatives/", include("cooperation.plan_manage_urls")),
    path("<slug:centre_slug>/communities/", include("communities.manage_urls")),
    path("<slug:centre_slug>/", include("network.manage_urls")),
]
