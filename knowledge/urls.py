"""Public knowledge-base pages under /resources/: browse, feeds, resources, files."""

from django.urls import path

from . import feeds, views

app_name = "knowledge"

urlpatterns = [
    path("", views.ResourceListView.as_view(), name="resource-list"),
    # The feeds come before <centre_slug>/<slug>/, which would match them too.
    path("feed/", feeds.ResourceFeed(), name="feed"),
    path("feed/centre/<slug:slug>/", feeds.CentreResourceFeed(), name="feed-centre"),
    path("feed/sector/<slug:sector>/", feeds.SectorResourceFeed(), name="feed-sector"),
    path(
        "<slug:centre_slug>/<slug:slug>/",
        views.ResourceDetailView.as_view(),
        name="resource-detail",
    ),
    path(
        "<slug:centre_slug>/<slug:slug>/files/<int:pk>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment-download",
    ),
]
