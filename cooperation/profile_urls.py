"""Pages of profiles under /<lang>/profiles/."""

from django.urls import path

from . import profile_views as views

app_name = "profiles"

urlpatterns = [
    path("", views.DirectoryView.as_view(), name="directory"),
    path("me/", views.MyProfileView.as_view(), name="me"),
    path("me/delete/", views.MyProfileDeleteView.as_view(), name="me-delete"),
    path("<int:pk>/", views.ProfileDetailView.as_view(), name="detail"),
]
