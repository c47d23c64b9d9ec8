"""A centre's own console pages under /manage/<centre_slug>/ (names in `manage:`)."""

from django.urls import path

from . import export_views, onboarding_views, views

urlpatterns = [
    path(
        "onboarding/",
        onboarding_views.ChecklistView.as_view(),
        name="onboarding",
    ),
    path(
        "onboarding/<int:pk>/",
        onboarding_views.MilestoneView.as_view(),
        name="onboarding-milestone",
    ),
    path(
        "onboarding/<int:pk>/comments/",
        onboarding_views.MilestoneCommentView.as_view(),
        name="onboarding-comment",
    ),
    path(
        "buddies/<slug:new_slug>/",
        onboarding_views.BuddyChecklistView.as_view(),
        name="buddy-onboarding",
    ),
    path(
        "buddies/<slug:new_slug>/<int:pk>/",
        onboarding_views.BuddyMilestoneView.as_view(),
        name="buddy-milestone",
    ),
    path(
        "buddies/<slug:new_slug>/<int:pk>/comments/",
        onboarding_views.BuddyCommentView.as_view(),
        name="buddy-comment",
    ),
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
