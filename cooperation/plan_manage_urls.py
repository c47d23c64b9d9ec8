"""A centre's joint-procurement workspace under /manage/<centre_slug>/initiatives/."""

from django.urls import path

from . import plan_manage_views as views

app_name = "plans"

urlpatterns = [
    path("", views.InitiativesIndexView.as_view(), name="index"),
    path("new/", views.InitiativeCreateView.as_view(), name="new"),
    path("<int:pk>/", views.InitiativeEditView.as_view(), name="initiative"),
    path(
        "<int:pk>/plans/add/",
        views.InitiativePlanAddView.as_view(),
        name="initiative-plan-add",
    ),
    path(
        "<int:pk>/plans/<int:plan_pk>/remove/",
        views.InitiativePlanRemoveView.as_view(),
        name="initiative-plan-remove",
    ),
]
