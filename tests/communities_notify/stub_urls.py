"""The portal's URLs plus a bare thread page under the name the mails link to
(`communities:thread`), for as long as the community pages are not on this
branch. conftest.py switches to it only when that name does not resolve."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from p2i_portal import urls as root

handler400, handler403 = root.handler400, root.handler403
handler404, handler500 = root.handler404, root.handler500


def _thread(request, slug, pk):
    return HttpResponse(f"Thread {pk} of {slug}", content_type="text/plain")


urlpatterns = [
    *root.urlpatterns,
    *i18n_patterns(
        path(
            "communities/",
            include(
                (
                    [path("<slug:slug>/threads/<int:pk>/", _thread, name="thread")],
                    "communities",
                )
            ),
        ),
        prefix_default_language=True,
    ),
]
