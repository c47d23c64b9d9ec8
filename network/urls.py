"""The coordinator's network console under /network/ (language-neutral, signed-in)."""

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("figures.csv", views.FigureCsvView.as_view(), name="figure-csv"),
]
