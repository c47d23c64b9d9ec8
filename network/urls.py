"""The coordinator's network console under /network/ (language-neutral, signed-in)."""

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("exports/", views.NetworkExportListView.as_view(), name="exports"),
    path("exports/<int:pk>/", views.NetworkExportDetailView.as_view(), name="export"),
    path(
        "exports/<int:pk>/status/",
        views.NetworkExportStatusView.as_view(),
        name="export-status",
    ),
    path(
        "exports/<int:pk>/download/",
        views.NetworkExportDownloadView.as_view(),
        name="export-download",
    ),
]
