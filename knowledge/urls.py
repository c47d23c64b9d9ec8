"""Public knowledge-base pages under /<lang>/resources/: browse, feeds, resources,
files; and the feeds' language-neutral addresses under /resources/."""

from django.urls import path

from p2i_portal.i18n import in_default_language

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

# The feeds' addresses from before the language prefix, which feed readers keep:
# they answer directly, in the default language (p2i_portal/urls.py).
neutral_urlpatterns = [
    path("feed/", in_default_language(feeds.ResourceFeed()), name="feed"),
    path(
        "feed/centre/<slug:slug>/",
        in_default_language(feeds.CentreResourceFeed()),
        name="feed-centre",
    ),
    path(
        "feed/sector/<slug:sector>/",
        in_default_language(feeds.SectorResourceFeed()),
        name="feed-sector",
    ),
]
