"""A centre's own console pages under /manage/<centre_slug>/ (names in `manage:`)."""

from django.urls import path

from . import export_views, views

urlpatterns = [
    path("figures/", views.CentreFiguresView.as_view(), name="figures"),
    path("figures.csv", views.CentreFigureCsvView.as_view(), name="figures-csv"),
    path("exports/", export_views.CentreExportListView.as_view(), name="exports"),
    path(
        "exports/<int:pk>/",
        export_views.CentreExportDetailView.as_view(),
        name="export",
    ),
    path(
        "exports/<int:pk>/status/",
        export_views.CentreExportStatusView.as_view(),
        name="export-status",
    ),
    path(
        "exports/<int:pk>/download/",
        export_views.CentreExportDownloadView.as_view(),
        name="export-download",
    ),
]
