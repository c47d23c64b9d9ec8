"""The coordinator's network console under /network/ (language-neutral, signed-in)."""

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
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
]
