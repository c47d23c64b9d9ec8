"""Public centre pages and the invitation link."""

from django.urls import path

from . import views

app_name = "centres"

urlpatterns = [
    path("", views.CentreDirectoryView.as_view(), name="list"),
    path(
        "invitations/<str:token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
    path("<slug:slug>/", views.CentreDetailView.as_view(), name="detail"),
]
