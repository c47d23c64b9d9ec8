"""A centre's own console pages under /manage/<centre_slug>/ (names in `manage:`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("figures/", views.CentreFiguresView.as_view(), name="figures"),
    path("figures.csv", views.CentreFigureCsvView.as_view(), name="figures-csv"),
]
