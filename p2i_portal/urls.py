"""Root URLs: public pages under /<lang>/; workspaces, accounts, admin, the API,
feeds and calendars at language-neutral addresses."""

from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from django.views.static import serve
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from centres import views as centre_views
from events import urls as events_urls
from events import views as events_views
from knowledge import urls as knowledge_urls
from newsletters import urls as newsletters_urls

from . import api_errors
from .i18n import LanguageCatalog, catalogue_version, set_language
from .sitemaps import SITEMAPS

api_v1 = [
    path("", include("p2i_portal.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI and ReDoc set inline styles; allow that (styles only) on these pages.
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path(
        "redoc/",
        csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="api:schema")
        ),
        name="redoc",
    ),
    # Last: whatever else is asked under /api/v1/ gets the API's JSON 404, also
    # where DEBUG would show Django's HTML page. Paths without the final slash
    # still reach CommonMiddleware's APPEND_SLASH redirect.
    re_path(r"^(?:.*/)?$", api_errors.api_not_found, name="not-found"),
]

# Public pages carry their language in the address (/en/, /de/, …: the default
# language too, as the European Commission's sites do), so that each language
# version has its own URL for search engines, caches and shared links. Old
# addresses without it are redirected by p2i_portal.middleware.LanguageMiddleware.
urlpatterns = i18n_patterns(
    path("", centre_views.HomeView.as_view(), name="home"),
    path("about/", centre_views.AboutView.as_view(), name="about"),
    path("task-force/", centre_views.TaskForceView.as_view(), name="task-force"),
    path("task-force/", include("communities.taskforce_urls")),
    path(
        "accessibility/", centre_views.AccessibilityView.as_view(), name="accessibility"
    ),
    path("centres/", include("centres.urls")),
    path("resources/", include("knowledge.urls")),
    path("newsletter/", include("newsletters.urls")),
    path("events/", include("events.urls")),
    # For the staff of every centre: network-only meetings and resources.
    path(
        "network-space/",
        events_views.NetworkSpaceView.as_view(),
        name="network-space",
    ),
    path("advice/", include("advice.urls")),
    path("challenges/", include("cooperation.challenge_urls")),
    path("profiles/", include("cooperation.profile_urls")),
    path("community-emails/", include("communities.notify_urls")),
    path("plans/", include("cooperation.plan_urls")),
    path("communities/", include("communities.urls")),
    prefix_default_language=True,
)

# Stable and language-neutral: machines' addresses (health, sitemap, API, feeds,
# calendars, webhook, media), the language switch and catalogues, and the pages
# of signed-in people (workspace, accounts, admin), which take their language
# from the account or the language cookie.
urlpatterns += [
    path("healthz", centre_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    # The language is in the address so that browsers and proxies may keep each
    # catalogue; the version changes whenever a catalogue is recompiled.
    path(
        "i18n/js/<str:lang>/",
        cache_page(60 * 60 * 24, key_prefix=f"jsi18n-{catalogue_version()}")(
            LanguageCatalog.as_view()
        ),
        name="javascript-catalog",
    ),
    path(
        "resources/",
        include((knowledge_urls.neutral_urlpatterns, "knowledge-neutral")),
    ),
    path(
        "newsletter/",
        include((newsletters_urls.neutral_urlpatterns, "newsletters-neutral")),
    ),
    path("events/", include((events_urls.neutral_urlpatterns, "events-neutral"))),
    path("manage/", include("centres.manage_urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("translations/", include("translators.urls")),
    path("network/advice/", include("advice.network_urls")),
    path("network/", include("network.urls")),
    path("api/v1/", include((api_v1, "api"))),
]


# Only the logos of centres and of the project's partners are public media. Attachments are served by the knowledge
# download view, which checks that the visitor may see the resource. Production
# may put S3 storage in front (django-storages, DESIGN.md).
def public_media(request, path):
    """A centre's or partner's logo, from MEDIA_ROOT as it is set now (not when this module was
    first imported)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns += [
    re_path(
        r"^media/(?P<path>(?:centres|partners)/logos/[^/]+)$",
        public_media,
        name="media",
    ),
]

handler400 = api_errors.bad_request
handler403 = api_errors.permission_denied
handler404 = api_errors.page_not_found
handler500 = api_errors.server_error
