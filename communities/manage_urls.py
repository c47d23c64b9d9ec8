"""A centre's communities under /manage/<centre_slug>/communities/."""

from django.urls import path

from . import manage_views as views

app_name = "communities"

urlpatterns = [
    path("", views.CommunityListView.as_view(), name="list"),
    path("new/", views.CommunityCreateView.as_view(), name="create"),
    path("<int:pk>/", views.CommunityEditView.as_view(), name="edit"),
]
