"""The coordinator's network console under /network/ (language-neutral, signed-in)."""

from django.urls import path

from . import export_views, views

app_name = "network"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("figures.csv", views.FigureCsvView.as_view(), name="figure-csv"),
    path("exports/", export_views.NetworkExportListView.as_view(), name="exports"),
    path(
        "exports/<int:pk>/",
        export_views.NetworkExportDetailView.as_view(),
        name="export",
    ),
    path(
        "exports/<int:pk>/status/",
        export_views.NetworkExportStatusView.as_view(),
        name="export-status",
    ),
    path(
        "exports/<int:pk>/download/",
        export_views.NetworkExportDownloadView.as_view(),
        name="export-download",
    ),
]
