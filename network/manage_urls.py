"""A centre's own console pages under /manage/<centre_slug>/ (names in `manage:`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("exports/", views.CentreExportListView.as_view(), name="exports"),
    path("exports/<int:pk>/", views.CentreExportDetailView.as_view(), name="export"),
    path(
        "exports/<int:pk>/status/",
        views.CentreExportStatusView.as_view(),
        name="export-status",
    ),
    path(
        "exports/<int:pk>/download/",
        views.CentreExportDownloadView.as_view(),
        name="export-download",
    ),
]
