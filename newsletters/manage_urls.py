"""A centre's newsletter contributions under /manage/<centre_slug>/newsletter/."""

from django.urls import path

from . import manage_views as views

app_name = "newsletter"

urlpatterns = [
    path("", views.ContributionListView.as_view(), name="list"),
    path(
        "issues/<int:issue_pk>/new/",
        views.ContributionCreateView.as_view(),
        name="create",
    ),
    path("<int:pk>/", views.ContributionEditView.as_view(), name="edit"),
    path("<int:pk>/submit/", views.ContributionSubmitView.as_view(), name="submit"),
    path("<int:pk>/delete/", views.ContributionDeleteView.as_view(), name="delete"),
]
