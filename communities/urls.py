"""Pages of the communities of practice under /<lang>/communities/."""

from django.urls import path

from . import views

app_name = "communities"

urlpatterns = [
    path("", views.CommunityListView.as_view(), name="list"),
    path("<slug:slug>/", views.CommunityDetailView.as_view(), name="detail"),
    path("<slug:slug>/join/", views.JoinView.as_view(), name="join"),
    path("<slug:slug>/leave/", views.LeaveView.as_view(), name="leave"),
    path("<slug:slug>/members/", views.MembersView.as_view(), name="members"),
    path("<slug:slug>/search/", views.SearchView.as_view(), name="search"),
    path(
        "<slug:slug>/threads/new/", views.ThreadCreateView.as_view(), name="thread-new"
    ),
    path("<slug:slug>/threads/<int:pk>/", views.ThreadView.as_view(), name="thread"),
    path(
        "<slug:slug>/threads/<int:pk>/moderate/",
        views.ThreadModerateView.as_view(),
        name="thread-moderate",
    ),
    path(
        "<slug:slug>/posts/<int:pk>/edit/",
        views.PostEditView.as_view(),
        name="post-edit",
    ),
    path(
        "<slug:slug>/posts/<int:pk>/report/",
        views.PostReportView.as_view(),
        name="post-report",
    ),
    path(
        "<slug:slug>/posts/<int:pk>/moderate/",
        views.PostModerateView.as_view(),
        name="post-moderate",
    ),
    path("<slug:slug>/files/<int:pk>/", views.FileView.as_view(), name="file"),
    path("<slug:slug>/moderation/", views.ModerationView.as_view(), name="moderation"),
    path(
        "<slug:slug>/members/<int:pk>/moderate/",
        views.MemberModerateView.as_view(),
        name="member-moderate",
    ),
]
