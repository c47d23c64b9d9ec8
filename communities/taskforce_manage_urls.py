"""A task-force project's applications under /manage/<centre_slug>/applications/."""

from django.urls import path

from . import participation_manage_views as views

app_name = "applications"

urlpatterns = [
    path("", views.ApplicationListView.as_view(), name="list"),
    path("members.csv", views.MembersCsvView.as_view(), name="members-csv"),
    path("<int:pk>/", views.ApplicationDetailView.as_view(), name="detail"),
    path("<int:pk>/accept/", views.ApplicationAcceptView.as_view(), name="accept"),
    path("<int:pk>/decline/", views.ApplicationDeclineView.as_view(), name="decline"),
    path("<int:pk>/ask/", views.ApplicationAskView.as_view(), name="ask"),
]
