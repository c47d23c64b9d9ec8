"""The portal's URLs and the benchmark's reference: a view that does nothing."""

from django.http import HttpResponse
from django.urls import path

from p2i_portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    """A constant response through the same middleware as every page: the
    ceiling of what this server setup can serve."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench-bare/", bare), *portal_urlpatterns]
