"""The coordinator's network console under /network/ (language-neutral, signed-in)."""

from django.urls import path

from . import export_views, onboarding_views, views

app_name = "network"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("figures.csv", views.FigureCsvView.as_view(), name="figure-csv"),
    path(
        "onboarding/",
        onboarding_views.OnboardingBoardView.as_view(),
        name="onboarding-board",
    ),
    path(
        "onboarding/start/",
        onboarding_views.OnboardingStartView.as_view(),
        name="onboarding-start",
    ),
    path(
        "onboarding/milestones/",
        onboarding_views.DefinitionListView.as_view(),
        name="milestone-definitions",
    ),
    path(
        "onboarding/milestones/<int:pk>/",
        onboarding_views.DefinitionEditView.as_view(),
        name="milestone-definition-edit",
    ),
    path(
        "onboarding/milestones/<int:pk>/move/",
        onboarding_views.DefinitionMoveView.as_view(),
        name="milestone-definition-move",
    ),
    path(
        "onboarding/milestones/<int:pk>/retire/",
        onboarding_views.DefinitionRetireView.as_view(),
        name="milestone-definition-retire",
    ),
    path("partners/", views.PartnerListView.as_view(), name="partners"),
    path("partners/new/", views.PartnerCreateView.as_view(), name="partner-create"),
    path(
        "partners/<int:pk>/edit/", views.PartnerEditView.as_view(), name="partner-edit"
    ),
    path(
        "partners/<int:pk>/remove/",
        views.PartnerRemoveView.as_view(),
        name="partner-remove",
    ),
    path(
        "partners/<int:pk>/move/", views.PartnerMoveView.as_view(), name="partner-move"
    ),
    path("project/", views.ProjectIdentityEditView.as_view(), name="project"),
    path("activity/", views.NetworkActivityView.as_view(), name="activity"),
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
