"""The call for participation and the member directory under /<lang>/task-force/."""

from django.urls import path

from . import participation_views as views

app_name = "taskforce"

urlpatterns = [
    path("join/", views.JoinView.as_view(), name="join"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path(
        "application/<str:token>/",
        views.ApplicationView.as_view(),
        name="application",
    ),
    path("welcome/<str:token>/", views.WelcomeView.as_view(), name="welcome"),
    path(
        "welcome/<str:token>/newsletter/",
        views.WelcomeNewsletterView.as_view(),
        name="welcome-newsletter",
    ),
    path(
        "welcome/<str:token>/communities/<slug:slug>/",
        views.WelcomeCommunityJoinView.as_view(),
        name="welcome-join",
    ),
    path(
        "welcome/<str:token>/profile/",
        views.WelcomeProfileView.as_view(),
        name="welcome-profile",
    ),
    path("profile/", views.MyProfileView.as_view(), name="profile"),
    path("members/", views.DirectoryView.as_view(), name="members"),
]
