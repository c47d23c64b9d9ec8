"""Workspace pages for events under /manage/<centre_slug>/events/."""

from django.urls import path

from . import manage_views as views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("new/", views.EventCreateView.as_view(), name="create"),
    path("invitations/", views.InvitationListView.as_view(), name="invitations"),
    path(
        "invitations/<int:invitation_pk>/accept/",
        views.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
    path(
        "invitations/<int:invitation_pk>/decline/",
        views.InvitationDeclineView.as_view(),
        name="invitation-decline",
    ),
    path("<int:pk>/", views.EventDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.EventEditView.as_view(), name="edit"),
    path("<int:pk>/publish/", views.EventPublishView.as_view(), name="publish"),
    path("<int:pk>/cancel/", views.EventCancelView.as_view(), name="cancel"),
    path("<int:pk>/attendees.csv", views.AttendeeExportView.as_view(), name="export"),
    path(
        "<int:pk>/attendees/<int:registration_pk>/check-in/",
        views.CheckInView.as_view(),
        name="check-in",
    ),
    path("<int:pk>/message/", views.AttendeeMessageView.as_view(), name="message"),
]
